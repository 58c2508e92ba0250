package org.guichet.casework;

import java.time.Instant;

/**
 * One message of a case, as a case view shows it. The raw bytes stay in the spool row
 * named by {@code queueId} (evidence).
 *
 * @param id              database id
 * @param caseId          its case
 * @param direction       inbound or outbound
 * @param author          who wrote it
 * @param thirdParty      written from another address than the citizen's
 * @param threading       how an inbound message found its case; null for outbound ones
 * @param fromAddress     author's address
 * @param subject         decoded Subject
 * @param messageId       its Message-ID, or null
 * @param inReplyTo       its In-Reply-To, or null
 * @param queueId         spool message holding the raw bytes
 * @param receivedAt      the gateway's clock at SMTP reception (inbound) or transmission (outbound)
 * @param visibleText     what the author wrote, without quotes and signature
 * @param sanitisedHtml   its HTML made safe to show, or null
 * @param automaticReason why it was classified automatic, or null when a person wrote it
 */
public record CaseMessage(long id, long caseId, Direction direction, AuthorKind author, boolean thirdParty,
        Threading threading, String fromAddress, String subject, String messageId, String inReplyTo, String queueId,
        Instant receivedAt, String visibleText, String sanitisedHtml, String automaticReason, String authentication) {
}
