package org.guichet.gateway.answer;

import java.time.Clock;
import java.util.Locale;

import org.guichet.casework.AgentAnswers;
import org.guichet.casework.Case;
import org.guichet.conversation.Conversation;
import org.guichet.gateway.token.ReplyToken;
import org.guichet.gateway.token.ReplyTokenSigner;

/**
 * The reply address of a case: the signed address of its conversation, so that what the
 * citizen (or, in mailbox mode, an agent) writes back threads by token. A case nothing tied to
 * a conversation (unthreaded) is given a new one first, recorded in the conversation log
 * before any mail carries its address.
 */
public record CaseReplyPath(AgentAnswers answers, ReplyTokenSigner signer, String replyDomain, Clock clock) {

    public CaseReplyPath {
        replyDomain = replyDomain.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The case's conversation, opened now when it has none.
     *
     * @param messageId Message-ID of the mail about to carry the address (the new conversation's final one)
     * @param queueId   the spool message that led to it (the case's message being answered or forwarded)
     * @param sender    address the mail leaves from
     * @param subject   its subject
     */
    public Conversation of(Case found, String messageId, String queueId, String sender, String subject) {
        return answers.conversationOf(found.id()).orElseGet(() -> {
            ReplyToken token = signer.newConversation();
            String replyAddress = signer.localPart(token) + "@" + replyDomain;
            return answers.openConversation(found.id(), new Conversation(token.conversationId(), found.serviceId(),
                    queueId, sender == null ? replyAddress : sender, found.citizenAddress(), subject, null, messageId,
                    replyAddress, clock.instant()));
        });
    }
}
