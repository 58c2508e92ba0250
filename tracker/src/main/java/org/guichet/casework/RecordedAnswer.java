package org.guichet.casework;

import java.time.Instant;

/**
 * An answer as its case holds it.
 *
 * @param answerId      its idempotency key
 * @param caseId        the case answered
 * @param caseReference that case's reference
 * @param caseMessageId the outbound case message
 * @param queueId       spool message holding the bytes sent
 * @param answeredAt    the spool's acceptance time (the ANSWERED event's time)
 * @param to            the correspondent it went to
 * @param messageId     its Message-ID
 * @param text          the text sent
 * @param agent         who wrote it (internal)
 * @param duplicate     this answer id had already been recorded: nothing new was written
 */
public record RecordedAnswer(String answerId, long caseId, String caseReference, long caseMessageId, String queueId,
        Instant answeredAt, String to, String messageId, String text, AnsweringAgent agent, boolean duplicate) {

    RecordedAnswer asDuplicate() {
        return new RecordedAnswer(answerId, caseId, caseReference, caseMessageId, queueId, answeredAt, to, messageId,
                text, agent, true);
    }
}
