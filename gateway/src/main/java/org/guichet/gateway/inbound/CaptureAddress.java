package org.guichet.gateway.inbound;

import java.net.IDN;
import java.util.Locale;

import org.guichet.gateway.noreply.NoreplyAddresses;

/**
 * An address, other than a reply address, whose mail the inbound listener keeps: typically an
 * administration's former {@code noreply@} address, so that what citizens still send there
 * reaches a person instead of being black-holed.
 *
 * <p>Written {@code local@domain} or {@code *@domain}. The local part is compared in the
 * normalised form of {@link NoreplyAddresses#normalise(String)} (no case, accents, separators
 * {@code - _ .} or {@code +suffix}), so {@code noreply@caf.fr} also captures
 * {@code No-Reply+dossier@CAF.fr}; the domain is compared without case, in its ASCII form.
 *
 * @param localPart normalised local part, or {@code *} for any
 * @param domain    lower-case ASCII domain
 */
public record CaptureAddress(String localPart, String domain) {

    private static final String ANY = "*";

    /**
     * Reads an address as an operator writes it.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static CaptureAddress parse(String written) {
        String text = written == null ? "" : written.strip();
        int at = text.lastIndexOf('@');
        if (at <= 0 || at == text.length() - 1) {
            throw new IllegalArgumentException("'" + written + "' is not a capture address (write local@domain or *@domain)");
        }
        String local = text.substring(0, at);
        String domain = domain(text.substring(at + 1));
        if (domain == null) {
            throw new IllegalArgumentException("'" + written + "' has no valid domain");
        }
        if (ANY.equals(local)) {
            return new CaptureAddress(ANY, domain);
        }
        String normalised = NoreplyAddresses.normalise(local);
        if (normalised.isEmpty() || local.contains("*")) {
            throw new IllegalArgumentException("'" + written + "' has no usable local part (letters and digits, or * alone)");
        }
        return new CaptureAddress(normalised, domain);
    }

    /** Whether an envelope recipient ({@code local@domain}) is this address. */
    public boolean matches(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return false;
        }
        String candidateDomain = domain(address.substring(at + 1));
        if (!domain.equals(candidateDomain)) {
            return false;
        }
        return ANY.equals(localPart) || localPart.equals(NoreplyAddresses.normalise(address.substring(0, at)));
    }

    /** Lower-case ASCII (IDNA) form of a domain, or null when it is not one. */
    static String domain(String text) {
        String domain = text.strip();
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        if (domain.isEmpty() || domain.startsWith(".") || domain.contains("..")
                || domain.chars().anyMatch(c -> c <= ' ' || c == '@' || c == 0x7f)) {
            return null;
        }
        try {
            return IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return localPart + "@" + domain;
    }
}
