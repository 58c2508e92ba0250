package org.guichet.gateway.inspect;

import java.io.ByteArrayInputStream;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.guichet.gateway.message.Author;
import org.guichet.gateway.noreply.NoreplyAddresses;

/**
 * What the outbound pipeline would do to a message: each message that would leave it, with the
 * noreply decision, the reply address, the notices replaced and the headers changed.
 *
 * @param sender     envelope sender of the submitted message
 * @param recipients its envelope recipients
 * @param from       its {@code From}, decoded, or null
 * @param replyTo    its {@code Reply-To}, decoded, or null
 * @param copies     the messages that would leave the pipeline, in the order they end
 */
public record OutboundReport(String sender, List<String> recipients, String from, String replyTo,
        List<OutboundCopy> copies) {

    /** Headers a noreply rewrite, a split or a signature touches, shown when they change. */
    static final List<String> WATCHED = List.of("From", "Sender", "Reply-To", "To", "Cc", "Bcc", "Subject",
            "Message-ID", "Auto-Submitted", "DKIM-Signature");

    private static final Session SESSION = Session.getInstance(new Properties());

    public OutboundReport {
        recipients = List.copyOf(recipients);
        copies = List.copyOf(copies);
    }

    /** Held messages, for the summary line. */
    public long held() {
        return copies.stream().filter(copy -> copy.status().equals("held")).count();
    }

    public static OutboundReport of(byte[] submitted, MessageEnvelope envelope, List<Ending> endings) {
        MimeMessage before = parse(submitted);
        String noreplyAddress = noreplyAddress(envelope, before);
        List<OutboundCopy> copies = new ArrayList<>();
        for (Ending ending : endings) {
            MimeMessage after = parse(ending.message());
            List<HeaderChange> changes = new ArrayList<>();
            for (String name : WATCHED) {
                String was = header(before, name);
                String is = header(after, name);
                if (!Objects.equals(was, is)) {
                    changes.add(new HeaderChange(name, was, is));
                }
            }
            boolean matched = ending.replyAddress() != null;
            copies.add(new OutboundCopy(ending.name(), ending.held() ? "held" : "relay", ending.error(), ending.sender(),
                    ending.recipients(), matched, noreplyAddress, ending.replyAddress(), ending.token(),
                    ending.notice(), changes, !Arrays.equals(body(submitted), body(ending.message()))));
        }
        return new OutboundReport(envelope.sender(), envelope.recipients(), header(before, "From"),
                header(before, "Reply-To"), copies);
    }

    /**
     * The address that makes the message noreply under the default patterns; an operator's own
     * {@code IsNoreply} condition is not known here, so none may be found even when it matched.
     */
    private static String noreplyAddress(MessageEnvelope envelope, MimeMessage message) {
        NoreplyAddresses defaults = NoreplyAddresses.defaults();
        if (defaults.matchesAddress(envelope.sender())) {
            return envelope.sender();
        }
        return Author.of(message).addresses().stream().filter(defaults::matchesAddress).findFirst().orElse(null);
    }

    private static MimeMessage parse(byte[] raw) {
        try {
            return new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        } catch (MessagingException e) {
            throw new IllegalArgumentException("not a readable message: " + e.getMessage(), e);
        }
    }

    private static String[] values(MimeMessage message, String name) {
        try {
            return message.getHeader(name);
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String rawHeader(MimeMessage message, String name) {
        String[] values = values(message, name);
        return values == null ? null : String.join(",", values);
    }

    /** Every occurrence, one a line, unfolded and with encoded words decoded. */
    private static String header(MimeMessage message, String name) {
        String[] values = values(message, name);
        if (values == null) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        for (String value : values) {
            String unfolded = MimeUtility.unfold(value).strip();
            try {
                lines.add(MimeUtility.decodeText(unfolded));
            } catch (UnsupportedEncodingException e) {
                lines.add(unfolded);
            }
        }
        return String.join("\n", lines);
    }

    /** The bytes after the blank line that ends the header. */
    private static byte[] body(byte[] raw) {
        for (int i = 0; i + 1 < raw.length; i++) {
            if (raw[i] == '\n' && raw[i + 1] == '\n') {
                return Arrays.copyOfRange(raw, i + 2, raw.length);
            }
            if (raw[i] == '\n' && raw[i + 1] == '\r' && i + 2 < raw.length && raw[i + 2] == '\n') {
                return Arrays.copyOfRange(raw, i + 3, raw.length);
            }
        }
        return new byte[0];
    }
}
