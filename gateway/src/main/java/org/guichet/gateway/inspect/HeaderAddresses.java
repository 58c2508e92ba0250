package org.guichet.gateway.inspect;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.guichet.gateway.message.Mailboxes;

/** The addresses a message's headers name, read as every step of the pipeline reads them ({@link Mailboxes}). */
final class HeaderAddresses {

    private HeaderAddresses() {
    }

    /** Addresses of one header value; none when it is null or names none. */
    static List<String> in(String value) {
        return Mailboxes.in(value).stream().map(InternetAddress::getAddress).toList();
    }

    /** Addresses of the named headers, each once, in the order of the names. */
    static List<String> of(MimeMessage message, String... names) {
        Set<String> all = new LinkedHashSet<>();
        for (String name : names) {
            all.addAll(in(header(message, name)));
        }
        return new ArrayList<>(all);
    }

    /** Every occurrence of a header, joined by commas; null when absent or unreadable. */
    static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, ",");
        } catch (MessagingException e) {
            return null;
        }
    }
}
