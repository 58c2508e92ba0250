package org.guichet.gateway.inspect;

import java.util.List;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.guichet.gateway.message.Author;

/**
 * What the inbound SMTP session would have told Guichet about a message file: a file holds no
 * session, so each part is taken from an option when given, else from the headers the receiving
 * servers wrote. Each part says where it came from, so that an operator knows what was guessed.
 *
 * @param mailFrom         the envelope sender; the empty string is the null sender ({@code <>})
 * @param mailFromSource   {@code --from}, {@code Return-Path}, {@code From}, or {@code none}
 * @param recipients       the envelope recipients, where the reply address is looked for
 * @param recipientsSource {@code --to} or {@code headers} (Delivered-To, To, Cc)
 * @param clientIp         the SMTP client's address, or null when unknown
 * @param helo             the name it gave in EHLO/HELO, or null when unknown
 * @param clientSource     {@code --client-ip}, {@code Received} (the topmost one), or {@code none}
 */
public record InboundEnvelope(String mailFrom, String mailFromSource, List<String> recipients,
        String recipientsSource, String clientIp, String helo, String clientSource) {

    public InboundEnvelope {
        recipients = List.copyOf(recipients);
    }

    /**
     * @param from       {@code --from}: {@code <addr>}, {@code addr}, or {@code <>} for the null sender; null if not given
     * @param to         {@code --to}; empty if not given
     * @param clientIp   {@code --client-ip}; null if not given
     * @param helo       {@code --helo}; null if not given
     */
    public static InboundEnvelope of(MimeMessage message, String from, List<String> to, String clientIp, String helo) {
        String mailFrom;
        String mailFromSource;
        if (from != null) {
            mailFrom = unbracketed(from);
            mailFromSource = "--from";
        } else {
            String returnPath = HeaderAddresses.header(message, "Return-Path");
            List<String> fromHeader = Author.of(message).addresses();
            if (returnPath != null && (returnPath.strip().equals("<>") || !HeaderAddresses.in(returnPath).isEmpty())) {
                mailFrom = returnPath.strip().equals("<>") ? "" : HeaderAddresses.in(returnPath).get(0);
                mailFromSource = "Return-Path";
            } else if (!fromHeader.isEmpty()) {
                mailFrom = fromHeader.get(0);
                mailFromSource = "From";
            } else {
                mailFrom = "";
                mailFromSource = "none";
            }
        }
        // Delivered-To is the envelope recipient a delivering server saw; To and Cc are what the author wrote.
        List<String> recipients = to.isEmpty() ? HeaderAddresses.of(message, "Delivered-To", "To", "Cc") : to;
        Optional<ReceivedFrom> received = topmostReceived(message);
        String ip = clientIp;
        String heloName = helo;
        String clientSource = clientIp != null ? "--client-ip" : "none";
        if (received.isPresent()) {
            if (ip == null && received.get().clientIp() != null) {
                ip = received.get().clientIp();
                clientSource = "Received";
            }
            if (heloName == null) {
                heloName = received.get().helo();
            }
        }
        return new InboundEnvelope(mailFrom, mailFromSource, recipients, to.isEmpty() ? "headers" : "--to",
                ip, heloName, clientSource);
    }

    /** The topmost Received header: the one the server that took the message from its sender wrote last. */
    private static Optional<ReceivedFrom> topmostReceived(MimeMessage message) {
        try {
            String[] received = message.getHeader("Received");
            return received == null || received.length == 0 ? Optional.empty() : ReceivedFrom.parse(received[0]);
        } catch (MessagingException e) {
            return Optional.empty();
        }
    }

    private static String unbracketed(String sender) {
        String address = sender.strip();
        if (address.startsWith("<") && address.endsWith(">")) {
            address = address.substring(1, address.length() - 1).strip();
        }
        return address;
    }
}
