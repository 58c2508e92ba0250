package org.guichet.conversation;

import java.time.Instant;

import org.guichet.storage.StoredText;

/**
 * One official message to one recipient, as Guichet sent it with a reply address.
 *
 * @param publicId          the conversation id carried by the reply token
 * @param serviceId         the service that answers replies
 * @param queueId           spool message the copy came from
 * @param sender            envelope sender of the official message
 * @param recipient         the one recipient of this copy
 * @param subject           its Subject, decoded
 * @param originalMessageId Message-ID the application gave, or null
 * @param finalMessageId    Message-ID of the copy that left Guichet
 * @param replyAddress      the reply address written into it
 * @param acceptedAt        the gateway's time of acceptance of the official message
 */
public record Conversation(String publicId, long serviceId, String queueId, String sender, String recipient,
        String subject, String originalMessageId, String finalMessageId, String replyAddress, Instant acceptedAt) {

    public Conversation {
        sender = StoredText.of(sender);
        recipient = StoredText.of(recipient);
        subject = StoredText.of(subject);
        originalMessageId = StoredText.of(originalMessageId);
        finalMessageId = StoredText.of(finalMessageId);
    }
}
