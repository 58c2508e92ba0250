package org.guichet.casework;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.guichet.storage.StoredText;

/**
 * A message that reached Guichet's inbound listener, as the mail plane read it.
 *
 * @param queueId         spool message holding its raw bytes; one case message per queue id
 * @param receivedAt      the gateway's clock when it answered 250 to DATA
 * @param from            the author's address (From, else the envelope sender; '' when neither)
 * @param conversationId  the conversation its signed reply address names, or null
 * @param messageId       its Message-ID, or null
 * @param inReplyTo       the Message-ID of In-Reply-To, or null
 * @param references      the Message-IDs of References, oldest first
 * @param subject         decoded Subject, or null
 * @param visibleText     what the author wrote, without quotes and signature
 * @param sanitisedHtml   its HTML made safe to show, or null
 * @param automaticReason why it is automatic (a reason code), or null when a person wrote it
 * @param serviceCode     the service whose queue takes it if nothing threads it (a capture
 *                        address's), or null for the administration's {@code default}
 * @param authentication  what SPF, DKIM and DMARC said of it ({@code spf=pass dkim=none dmarc=pass}),
 *                        or null when they were not checked
 */
public record InboundReply(String queueId, Instant receivedAt, String from, String conversationId, String messageId,
        String inReplyTo, List<String> references, String subject, String visibleText, String sanitisedHtml,
        String automaticReason, String serviceCode, String authentication) {

    /** A reply whose origin was not checked (tests, imports). */
    public InboundReply(String queueId, Instant receivedAt, String from, String conversationId, String messageId,
            String inReplyTo, List<String> references, String subject, String visibleText, String sanitisedHtml,
            String automaticReason, String serviceCode) {
        this(queueId, receivedAt, from, conversationId, messageId, inReplyTo, references, subject, visibleText,
                sanitisedHtml, automaticReason, serviceCode, null);
    }

    public InboundReply {
        Objects.requireNonNull(queueId, "queueId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        from = from == null ? "" : StoredText.of(from.strip());
        messageId = StoredText.of(messageId);
        inReplyTo = StoredText.of(inReplyTo);
        references = references == null ? List.of() : StoredText.of(references);
        subject = StoredText.of(subject);
        visibleText = visibleText == null ? "" : StoredText.of(visibleText);
        sanitisedHtml = StoredText.of(sanitisedHtml);
    }

    public boolean automatic() {
        return automaticReason != null;
    }

    /**
     * Whether the author's address may be believed enough to thread by what anyone can write (a
     * References header, a case reference in the subject): DMARC passed (RFC 7489), or the author's
     * domain publishes no DMARC policy and SPF passed for the envelope. A reply whose origin was not
     * checked (no {@code authentication}: a pipeline without the check) is taken as that pipeline
     * chose. The signed reply address needs no such belief: it cannot be forged.
     */
    public boolean authorVouchedFor() {
        if (authentication == null) {
            return true;
        }
        String dmarc = verdict("dmarc");
        return "pass".equals(dmarc) || "none".equals(dmarc) && "pass".equals(verdict("spf"));
    }

    /** One verdict of {@code spf=pass dkim=none dmarc=fail}, or null. */
    private String verdict(String method) {
        for (String part : authentication.split("\\s+")) {
            if (part.startsWith(method + "=")) {
                return part.substring(method.length() + 1);
            }
        }
        return null;
    }
}
