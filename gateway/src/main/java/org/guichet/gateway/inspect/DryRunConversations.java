package org.guichet.gateway.inspect;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.guichet.conversation.Conversation;
import org.guichet.conversation.ConversationLog;

/** The conversation log of a dry run: what would be recorded stays in memory. */
public final class DryRunConversations extends ConversationLog {

    private final Map<String, Conversation> recorded = new ConcurrentHashMap<>();

    public DryRunConversations(Clock clock) {
        super(null, clock);
    }

    @Override
    public void record(Conversation conversation) {
        recorded.putIfAbsent(conversation.publicId(), conversation);
    }

    @Override
    public Optional<Conversation> find(String publicId) {
        return Optional.ofNullable(recorded.get(publicId));
    }

    @Override
    public Optional<Conversation> findByMessageId(String messageId) {
        return recorded.values().stream().filter(c -> c.finalMessageId().equals(messageId)).findFirst();
    }
}
