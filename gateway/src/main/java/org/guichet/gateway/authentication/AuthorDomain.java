package org.guichet.gateway.authentication;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;

/**
 * The domain of the message's author: the one address of its one {@code From} header
 * (RFC 5322 §3.6.2), which DMARC protects (RFC 7489 §3.1).
 */
final class AuthorDomain {

    private AuthorDomain() {
    }

    /** Empty when there is no {@code From}, several, or one with several or no addresses. */
    static Optional<String> of(byte[] raw) {
        try {
            InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(raw));
            String[] from = headers.getHeader("From");
            if (from == null || from.length != 1) {
                return Optional.empty();
            }
            InternetAddress[] addresses = InternetAddress.parseHeader(from[0], false);
            if (addresses.length != 1 || addresses[0].isGroup()) {
                return Optional.empty();
            }
            String address = addresses[0].getAddress();
            int at = address == null ? -1 : address.lastIndexOf('@');
            if (at < 0 || at == address.length() - 1) {
                return Optional.empty();
            }
            return Optional.of(address.substring(at + 1).toLowerCase(Locale.ROOT));
        } catch (MessagingException e) {
            // an unreadable header block or From address: no author domain to protect
            return Optional.empty();
        }
    }
}
