package org.guichet.gateway.threading;

import java.time.Instant;

import org.guichet.casework.InboundReply;
import org.guichet.gateway.authentication.AuthenticationResults;
import org.guichet.gateway.content.ReplyContent;
import org.guichet.gateway.message.InboundMessage;

/**
 * What the casework is told of a citizen's message: the same for the threading mailet and for
 * {@code guichet inspect}, so that a dry run threads as production does.
 */
public final class InboundReplies {

    private InboundReplies() {
    }

    /**
     * @param receivedAt      the gateway's time of reception
     * @param text            its visible text and sanitised HTML
     * @param automaticReason why the classifier found it automatic, or null
     * @param serviceCode     the service of the capture address it reached, or null
     * @param authentication  what SPF, DKIM and DMARC said of it, or null when they did not run
     */
    public static InboundReply of(InboundMessage message, Instant receivedAt, ReplyContent text,
            String automaticReason, String serviceCode, AuthenticationResults authentication) {
        return new InboundReply(message.queueId(), receivedAt, message.authorAddress(),
                message.conversationId().orElse(null), message.messageId(), message.inReplyTo(),
                message.references(), message.subject(), text.visibleText(), text.safeHtml().orElse(null),
                automaticReason, serviceCode, authentication == null ? null : authentication.summary());
    }
}
