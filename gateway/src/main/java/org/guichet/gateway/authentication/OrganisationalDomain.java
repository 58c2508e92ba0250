package org.guichet.gateway.authentication;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * The organisational domain of a name (RFC 7489 §3.2), found with a simplification of the
 * Public Suffix List: the last two labels, or the last three when the last two are one of a
 * short built-in list of public suffixes of two labels ({@code gouv.fr}, {@code co.uk}, ...).
 * Enough for DMARC alignment between a domain and its sub-domains in France, Belgium and
 * the usual senders; a domain under a public suffix missing from the list is taken one
 * label too short, which makes relaxed alignment more lenient for it, never stricter.
 */
final class OrganisationalDomain {

    /** Public suffixes of two labels; every single label (a TLD) is a public suffix too. */
    private static final Set<String> SUFFIXES = Set.of(
            "gouv.fr", "asso.fr", "com.fr", "nom.fr", "tm.fr", "presse.fr",
            "co.uk", "org.uk", "gov.uk", "ac.uk", "ltd.uk", "plc.uk", "me.uk", "nhs.uk",
            "com.au", "net.au", "org.au", "gov.au", "edu.au",
            "co.nz", "co.jp", "co.za", "com.br", "com.tr", "com.cn", "gov.cn", "co.in",
            "gv.at", "co.at", "or.at", "gc.ca", "com.mx", "com.ar", "com.sg", "co.kr", "co.il");

    private OrganisationalDomain() {
    }

    static String of(String domain) {
        String name = domain.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        String[] labels = name.split("\\.");
        if (labels.length <= 2) {
            return name;
        }
        String lastTwo = labels[labels.length - 2] + "." + labels[labels.length - 1];
        int keep = SUFFIXES.contains(lastTwo) ? 3 : 2;
        return String.join(".", Arrays.copyOfRange(labels, labels.length - keep, labels.length));
    }
}
