package org.guichet.gateway.noreply;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.apache.mailet.base.test.FakeMail;

/** Mails as an application submits them: raw header lines, parsed like the spool does. */
final class TestMails {

    private TestMails() {
    }

    static MimeMessage message(String... headerLines) throws MessagingException {
        String raw = String.join("\r\n", headerLines) + "\r\n\r\nBonjour,\r\nvotre dossier est complet.\r\n";
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    }

    static FakeMail mail(String sender, String recipient, String... headerLines) throws MessagingException {
        return FakeMail.builder().name("4F2A1")
                .sender(sender)
                .recipient(recipient)
                .state("noreply")
                .mimeMessage(message(headerLines))
                .build();
    }

    /** A mail from {@code noreply@caf.fr} to two recipients at once, as SplitPerRecipient has not split it. */
    static FakeMail toTwoRecipients(String name) throws MessagingException {
        return FakeMail.builder().name(name).sender("noreply@caf.fr")
                .recipients("a@example.org", "b@example.org")
                .mimeMessage(message("From: noreply@caf.fr", "To: a@example.org, b@example.org"))
                .build();
    }
}
