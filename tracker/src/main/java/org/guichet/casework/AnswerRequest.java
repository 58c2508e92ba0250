package org.guichet.casework;

import java.util.List;
import java.util.Objects;


/**
 * An agent's answer to post to a case.
 *
 * @param caseReference the case, e.g. {@code GCH-2026-000123}
 * @param agent         who writes it (kept internally, never shown to the citizen)
 * @param text          the answer, plain text
 * @param answerId      idempotency key chosen by the client (letters, digits, {@code . _ : -}, at most
 *                      64), or null for a new one: posting twice with one id sends once
 * @param to            the correspondent to answer (the citizen or a third party who wrote to the
 *                      case), or null for the last one who wrote
 * @param attachments   files joined to the answer (none for most)
 */
public record AnswerRequest(String caseReference, AnsweringAgent agent, String text, String answerId, String to,
        List<AnswerAttachment> attachments) {

    public AnswerRequest {
        Objects.requireNonNull(caseReference, "caseReference");
        Objects.requireNonNull(agent, "agent");
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A text-only answer. */
    public AnswerRequest(String caseReference, AnsweringAgent agent, String text, String answerId, String to) {
        this(caseReference, agent, text, answerId, to, List.of());
    }
}
