package org.guichet.casework;

import java.time.Instant;

/**
 * What became of an answer.
 *
 * @param answerId      its idempotency key
 * @param caseReference the case answered
 * @param queueId       the spool message carrying it to the citizen
 * @param messageId     its Message-ID
 * @param to            the correspondent it went to
 * @param answeredAt    the spool's acceptance time: the answer's time for the SLA
 * @param duplicate     the answer id had been used before: this is the first answer, nothing was sent again
 */
public record AnswerReceipt(String answerId, String caseReference, String queueId, String messageId, String to,
        Instant answeredAt, boolean duplicate) {
}
