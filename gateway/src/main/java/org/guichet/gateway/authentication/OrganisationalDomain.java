package org.guichet.gateway.authentication;

import java.util.Arrays;
import java.util.Locale;

import com.google.common.net.InternetDomainName;

/**
 * The organisational domain of a name (RFC 7489 §3.2): the public suffix of the Public Suffix
 * List that Guava carries ({@link InternetDomainName}, private registries included, so two
 * sites of one hosting suffix do not align), plus one label. A name under no listed suffix
 * takes the list's default rule, its last label; a public suffix itself stands for itself.
 */
final class OrganisationalDomain {

    private OrganisationalDomain() {
    }

    static String of(String domain) {
        String name = domain.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (!InternetDomainName.isValid(name)) {
            return name;
        }
        InternetDomainName parsed = InternetDomainName.from(name);
        if (parsed.isUnderPublicSuffix()) {
            return parsed.topPrivateDomain().toString();
        }
        if (parsed.isPublicSuffix()) {
            return name;
        }
        // The list's default rule "*": the last label is the public suffix (RFC 7489 §3.2, step 3).
        String[] labels = name.split("\\.");
        return labels.length <= 2 ? name : String.join(".", Arrays.copyOfRange(labels, labels.length - 2, labels.length));
    }
}
