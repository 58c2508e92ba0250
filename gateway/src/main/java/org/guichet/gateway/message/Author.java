package org.guichet.gateway.message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * Who wrote a message: the mailboxes of its From field (RFC 5322 §3.6.2), the one reading of
 * From in the gateway. Every step asks it what it needs: the first address (threading, the
 * service of a submission), the one address of the one From field (DMARC, RFC 7489 §3.1, and
 * an agent's answer in mailbox mode), its domains (DKIM signing), the display name.
 *
 * @param fields    how many From fields the message has (RFC 5322 wants one)
 * @param mailboxes the mailboxes of all of them, in order
 */
public record Author(int fields, List<InternetAddress> mailboxes) {

    public Author {
        mailboxes = List.copyOf(mailboxes);
    }

    /** From the message's From fields; an unreadable header block is no author. */
    public static Author of(MimeMessage message) {
        try {
            String[] fields = message.getHeader("From");
            return of(fields == null ? List.of() : Arrays.asList(fields));
        } catch (MessagingException unreadable) {
            return of(List.of());
        }
    }

    /** From the values of the From fields, folded or not. */
    public static Author of(List<String> fields) {
        List<InternetAddress> mailboxes = new ArrayList<>();
        for (String field : fields) {
            mailboxes.addAll(Mailboxes.in(MimeUtility.unfold(field)));
        }
        return new Author(fields.size(), mailboxes);
    }

    /** The first mailbox's address. */
    public Optional<String> address() {
        return mailboxes.stream().findFirst().map(InternetAddress::getAddress);
    }

    /** The address of a message with one From field naming one mailbox, else empty. */
    public Optional<String> soleAddress() {
        return fields == 1 && mailboxes.size() == 1 ? address() : Optional.empty();
    }

    /** The domain of {@link #soleAddress()}, lower case: the one DMARC protects. */
    public Optional<String> domain() {
        return soleAddress().map(Author::domainOf);
    }

    /** The domains of every mailbox, lower case, each once. */
    public Set<String> domains() {
        Set<String> domains = new LinkedHashSet<>();
        mailboxes.forEach(mailbox -> domains.add(domainOf(mailbox.getAddress())));
        return domains;
    }

    /** Every mailbox's address. */
    public List<String> addresses() {
        return mailboxes.stream().map(InternetAddress::getAddress).toList();
    }

    /** The first mailbox's display name, decoded (RFC 2047), if it has one. */
    public Optional<String> name() {
        return mailboxes.stream().findFirst().map(InternetAddress::getPersonal)
                .filter(name -> name != null && !name.isBlank()).map(String::strip);
    }

    /** The domain part of an address, lower case. */
    public static String domainOf(String address) {
        return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }
}
