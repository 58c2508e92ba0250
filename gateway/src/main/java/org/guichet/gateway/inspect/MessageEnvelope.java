package org.guichet.gateway.inspect;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.guichet.gateway.message.Author;

/**
 * The SMTP envelope a message file would have had: a file holds no envelope, so it is taken from
 * the headers unless given.
 *
 * @param sender     MAIL FROM; the empty string is the null sender ({@code <>})
 * @param recipients RCPT TO, in order, without duplicates
 */
public record MessageEnvelope(String sender, List<String> recipients) {

    private static final Session SESSION = Session.getInstance(new Properties());

    public MessageEnvelope {
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a message needs at least one recipient");
        }
    }

    /**
     * Sender from {@code sender}, else {@code Return-Path}, else the first {@code From}; recipients
     * from {@code recipients}, else every address of {@code To}, {@code Cc} and {@code Bcc}.
     *
     * @param sender     given sender ({@code <>} or empty for the null sender), or null to read it from the headers
     * @param recipients given recipients, or empty to read them from the headers
     * @throws IllegalArgumentException when the headers give no sender or no recipient
     */
    public static MessageEnvelope of(byte[] raw, String sender, List<String> recipients) {
        MimeMessage message;
        try {
            message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        } catch (MessagingException e) {
            throw new IllegalArgumentException("not a readable message: " + e.getMessage(), e);
        }
        String envelopeSender = sender != null ? given(sender) : headerSender(message);
        if (envelopeSender == null) {
            throw new IllegalArgumentException("no Return-Path or From address to take the sender from: give --from");
        }
        List<String> envelopeRecipients = recipients.isEmpty()
                ? HeaderAddresses.of(message, "To", "Cc", "Bcc") : recipients;
        if (envelopeRecipients.isEmpty()) {
            throw new IllegalArgumentException("no To, Cc or Bcc address to take the recipients from: give --to");
        }
        return new MessageEnvelope(envelopeSender, envelopeRecipients);
    }

    /** {@code <noreply@caf.fr>} or {@code noreply@caf.fr}; {@code <>} or nothing is the null sender. */
    private static String given(String sender) {
        String address = sender.strip();
        if (address.startsWith("<") && address.endsWith(">")) {
            address = address.substring(1, address.length() - 1).strip();
        }
        return address;
    }

    private static String headerSender(MimeMessage message) {
        String returnPath = HeaderAddresses.header(message, "Return-Path");
        if (returnPath != null) {
            String path = returnPath.strip();
            if (path.equals("<>")) {
                return "";
            }
            List<String> addresses = HeaderAddresses.in(path);
            if (!addresses.isEmpty()) {
                return addresses.get(0);
            }
        }
        return Author.of(message).address().orElse(null);
    }
}
