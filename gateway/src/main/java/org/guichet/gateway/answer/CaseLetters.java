package org.guichet.gateway.answer;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.mail.MessagingException;
import org.guichet.casework.AnswerAttachment;
import org.guichet.casework.Case;
import org.guichet.casework.CaseMessage;
import org.guichet.conversation.Conversation;
import org.guichet.gateway.spool.Envelope;
import org.guichet.gateway.spool.Spool;
import org.guichet.gateway.spool.SpoolUnavailableException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Letters a service writes into a case's thread (answers, transfer letters): a Message-ID in
 * the reply domain, the case's signed reply address as Reply-To, In-Reply-To and References
 * that keep the citizen's mail client threading them (RFC 5322 §3.6.4), queued on the spool,
 * with the time the gateway took charge of them (RFC 5321 §6.1).
 */
public record CaseLetters(CaseReplyPath replyPath, AnswerComposer composer, Spool spool, JdbcClient jdbc, Clock clock) {

    private static final SecureRandom random = new SecureRandom();

    /**
     * Where a new letter of {@code service} sits in the case's placement.
     *
     * @param kind     first word of the Message-ID ({@code answer}, {@code transfer})
     * @param messages the case's messages, oldest first
     * @param answered the message the letter answers, if any; else it follows the official notice
     */
    public Placement place(String kind, Case caseFile, List<CaseMessage> messages, ServiceMailbox service,
            Optional<CaseMessage> answered) {
        String subject = messages.isEmpty() ? null : messages.getFirst().subject();
        String messageId = "<" + kind + "." + HexFormat.of().formatHex(randomBytes()) + "@" + replyPath.replyDomain()
                + ">";
        String queueId = answered.or(() -> messages.stream().findFirst()).map(CaseMessage::queueId).orElse("");
        Conversation conversation = replyPath.of(caseFile, messageId, queueId, service.email(), subject);
        String from = service.email() != null ? service.email() : conversation.replyAddress();
        String notice = conversation.finalMessageId().equals(messageId) ? null : conversation.finalMessageId();
        String inReplyTo = answered.map(CaseMessage::messageId).orElse(notice);
        List<String> references = new ArrayList<>();
        if (notice != null) {
            references.add(notice);
        }
        messages.stream().map(CaseMessage::messageId).filter(id -> id != null && !id.equals(inReplyTo))
                .forEach(references::add);
        if (inReplyTo != null) {
            references.add(inReplyTo);
        }
        return new Placement(messageId, conversation, from, subject, inReplyTo, AnswerComposer.references(references));
    }

    /**
     * Composes the letter and queues it for {@code to}.
     *
     * @throws MessagingException        when it cannot be written as a message
     * @throws SpoolUnavailableException when the spool cannot take it now; nothing was sent
     */
    public Posted post(Placement placement, ServiceMailbox service, Case caseFile, String to, String text,
            List<AnswerAttachment> attachments) throws MessagingException, SpoolUnavailableException {
        ComposedAnswer letter = composer.compose(new AnswerDraft(service.name(), placement.from(),
                placement.conversation().replyAddress(), to, placement.subject(), caseFile.reference(), placement.messageId(),
                placement.inReplyTo(), placement.references(), clock.instant(), text, attachments));
        String queueId = spool.accept(Envelope.local(placement.from(), List.of(to)), letter.raw());
        Instant acceptedAt = jdbc.sql("select received_at from spool_message where queue_id = :q")
                .param("q", queueId).query(Timestamp.class).optional().map(Timestamp::toInstant)
                .orElseGet(clock::instant);
        return new Posted(queueId, acceptedAt, letter.subject());
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[10];
        random.nextBytes(bytes);
        return bytes;
    }

    /**
     * @param messageId    the letter's Message-ID
     * @param conversation the case's conversation, whose reply address the letter carries
     * @param from         the From address: the service's public address, else the reply address
     * @param subject      the case's subject, as its first message had it (or null)
     * @param inReplyTo    the Message-ID answered, or null
     * @param references   the thread's Message-IDs, oldest first, the one answered last
     */
    public record Placement(String messageId, Conversation conversation, String from, String subject, String inReplyTo,
            List<String> references) {
    }

    /**
     * @param queueId    the spool's id of the letter
     * @param acceptedAt when the spool took charge of it
     * @param subject    the Subject it left with
     */
    public record Posted(String queueId, Instant acceptedAt, String subject) {
    }
}
