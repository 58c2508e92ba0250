package org.guichet.gateway.message;

import java.io.UnsupportedEncodingException;
import java.util.List;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeUtils;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;

/**
 * A message that reached the inbound listener, read once per mail for every inbound step
 * (authentication, threading, attachments, mailbox mode, acknowledgement, {@code inspect}):
 * its bytes as received, the parsed message, its author, Message-IDs and subject, and the reply
 * address whose token the listener verified at RCPT, which the spool carries with the mail
 * ({@link #REPLY_ADDRESS}, {@link #CONVERSATION}) so that no step verifies it again.
 *
 * @param queueId      the spool message
 * @param raw          the message as received, headers and body
 * @param message      the same, parsed
 * @param sender       the envelope sender; '' for the null sender
 * @param author       its From field
 * @param messageId    its Message-ID, or null
 * @param inReplyTo    the Message-ID of In-Reply-To, or null
 * @param references   the Message-IDs of References, oldest first
 * @param subject      the decoded Subject, or null
 * @param replyAddress the signed reply address it was sent to, when one was
 */
public record InboundMessage(String queueId, byte[] raw, MimeMessage message, String sender, Author author,
        String messageId, String inReplyTo, List<String> references, String subject,
        Optional<ReplyAddress> replyAddress) {

    /** String: the recipient whose token the inbound listener verified at RCPT. */
    public static final AttributeName REPLY_ADDRESS = AttributeName.of("org.guichet.inbound.reply-address");

    /** String: the public id of the conversation that token names. */
    public static final AttributeName CONVERSATION = AttributeName.of("org.guichet.inbound.conversation");

    /** Where the value is kept for the next steps of the same run (in memory: the spool keeps the bytes). */
    private static final AttributeName READ = AttributeName.of("org.guichet.inbound.message");

    public InboundMessage {
        references = List.copyOf(references);
    }

    /** A reply address and the conversation its verified token names. */
    public record ReplyAddress(String address, String conversationId) {
    }

    /** The attributes the inbound listener hands the spool for a reply address it verified. */
    public static List<Attribute> attributes(ReplyAddress replyAddress) {
        return List.of(new Attribute(REPLY_ADDRESS, AttributeValue.of(replyAddress.address())),
                new Attribute(CONVERSATION, AttributeValue.of(replyAddress.conversationId())));
    }

    /** The mail as read by an earlier step of this run, else read now and kept on the mail. */
    public static InboundMessage of(Mail mail) throws MessagingException {
        Optional<InboundMessage> earlier = AttributeUtils.getValueAndCastFromMail(mail, READ, InboundMessage.class)
                .filter(read -> read.queueId().equals(mail.getName()));
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Optional<String> address = AttributeUtils.getValueAndCastFromMail(mail, REPLY_ADDRESS, String.class);
        Optional<String> conversation = AttributeUtils.getValueAndCastFromMail(mail, CONVERSATION, String.class);
        Optional<ReplyAddress> replyAddress = address.isPresent() && conversation.isPresent()
                ? Optional.of(new ReplyAddress(address.get(), conversation.get())) : Optional.empty();
        InboundMessage read = read(mail.getName(), MessageBytes.of(mail.getMessage()), mail.getMessage(), mail.getMaybeSender().asString(""),
                replyAddress);
        mail.setAttribute(new Attribute(READ, AttributeValue.ofUnserializable(read)));
        return read;
    }

    /** A message read from its bytes and envelope, as {@link #of(Mail)} reads a mail. */
    public static InboundMessage read(String queueId, byte[] raw, MimeMessage message, String sender,
            Optional<ReplyAddress> replyAddress) {
        return new InboundMessage(queueId, raw, message, sender, Author.of(message),
                MessageIds.first(header(message, "Message-ID")), MessageIds.first(header(message, "In-Reply-To")),
                MessageIds.in(header(message, "References")), subject(message), replyAddress);
    }

    /** The From address when readable, else the envelope sender, else '': who the case records as writing. */
    public String authorAddress() {
        return author.address().orElse(sender);
    }

    /** The conversation of the reply address, if it was sent to one. */
    public Optional<String> conversationId() {
        return replyAddress.map(ReplyAddress::conversationId);
    }

    private static String header(MimeMessage message, String name) {
        return header(message, name, " ");
    }

    private static String header(MimeMessage message, String name, String delimiter) {
        try {
            return message.getHeader(name, delimiter);
        } catch (MessagingException unreadable) {
            return null;
        }
    }

    private static String subject(MimeMessage message) {
        String raw = header(message, "Subject", null);
        if (raw == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(raw));
        } catch (UnsupportedEncodingException e) {
            return raw;
        }
    }
}
