package org.guichet.casework;

import java.time.Instant;
import java.util.Objects;

/**
 * An agent's answer as the gateway committed it to the spool, to be recorded on its case.
 *
 * @param answerId   idempotency key: a second record with it returns the first
 * @param caseId     the case answered
 * @param agent      who wrote it (kept internally only)
 * @param queueId    spool message holding the bytes sent to the citizen
 * @param acceptedAt the spool's acceptance time: the answer's time for the SLA
 * @param from       the service address the citizen sees
 * @param to         the correspondent it went to
 * @param subject    its Subject
 * @param messageId  its Message-ID
 * @param inReplyTo  its In-Reply-To, or null
 * @param text       the text sent
 */
public record AgentAnswer(String answerId, long caseId, AnsweringAgent agent, String queueId, Instant acceptedAt,
        String from, String to, String subject, String messageId, String inReplyTo, String text) {

    public AgentAnswer {
        Objects.requireNonNull(answerId, "answerId");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(queueId, "queueId");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
    }
}
