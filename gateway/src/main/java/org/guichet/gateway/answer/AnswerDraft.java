package org.guichet.gateway.answer;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.guichet.casework.AnswerAttachment;

/**
 * Everything an answer's message is made of, decided before it is composed.
 *
 * @param serviceName    the service's name, shown as the From and Reply-To display name
 * @param serviceAddress the From address: the service's public address, else the case's reply address
 * @param replyAddress   the case's signed reply address (Reply-To)
 * @param to             the correspondent answered
 * @param caseSubject    the case's subject, as its first message had it (or null)
 * @param caseReference  the case reference, put in brackets at the end of the Subject
 * @param messageId      the answer's Message-ID, {@code <…@…>}
 * @param inReplyTo      the Message-ID answered, or null
 * @param references     the thread's Message-IDs, oldest first
 * @param date           the Date header
 * @param text           what the agent wrote
 * @param attachments    files joined to it, checked already
 */
public record AnswerDraft(String serviceName, String serviceAddress, String replyAddress, String to,
        String caseSubject, String caseReference, String messageId, String inReplyTo, List<String> references,
        Instant date, String text, List<AnswerAttachment> attachments) {

    public AnswerDraft {
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(serviceAddress, "serviceAddress");
        Objects.requireNonNull(replyAddress, "replyAddress");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(caseReference, "caseReference");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(text, "text");
        references = references == null ? List.of() : List.copyOf(references);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** An answer without files. */
    public AnswerDraft(String serviceName, String serviceAddress, String replyAddress, String to, String caseSubject,
            String caseReference, String messageId, String inReplyTo, List<String> references, Instant date,
            String text) {
        this(serviceName, serviceAddress, replyAddress, to, caseSubject, caseReference, messageId, inReplyTo,
                references, date, text, List.of());
    }
}
