package org.guichet.conversation;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The record of every conversation Guichet opened: what was sent, to whom, for which
 * service, under which reply address. Replies are threaded back to it (by token first).
 */
@Component
public class ConversationLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    public ConversationLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records a conversation. Idempotent on the public id: the pipeline runs at least once,
     * and a replay after a crash must not record the copy twice.
     */
    public void record(Conversation conversation) {
        jdbc.sql("""
                        insert into conversation (public_id, service_id, queue_id, sender, recipient, subject,
                                                  original_message_id, final_message_id, reply_address,
                                                  accepted_at, recorded_at)
                        values (:publicId, :serviceId, :queueId, :sender, :recipient, :subject, :original, :final,
                                :replyAddress, :acceptedAt, :recordedAt)
                        on conflict (public_id) do nothing""")
                .param("publicId", conversation.publicId())
                .param("serviceId", conversation.serviceId())
                .param("queueId", conversation.queueId())
                .param("sender", conversation.sender())
                .param("recipient", conversation.recipient())
                .param("subject", conversation.subject())
                .param("original", conversation.originalMessageId())
                .param("final", conversation.finalMessageId())
                .param("replyAddress", conversation.replyAddress())
                .param("acceptedAt", Timestamp.from(conversation.acceptedAt()))
                .param("recordedAt", Timestamp.from(clock.instant()))
                .update();
    }

    public Optional<Conversation> find(String publicId) {
        return jdbc.sql("""
                        select public_id, service_id, queue_id, sender, recipient, subject, original_message_id,
                               final_message_id, reply_address, accepted_at
                        from conversation where public_id = :publicId""")
                .param("publicId", publicId)
                .query((rs, n) -> new Conversation(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getTimestamp(10).toInstant()))
                .optional();
    }

    /** The conversation whose copy left with this Message-ID (header threading, RFC 5322 §3.6.4). */
    public Optional<Conversation> findByMessageId(String messageId) {
        return jdbc.sql("select public_id from conversation where final_message_id = :id limit 1")
                .param("id", messageId).query(String.class).optional().flatMap(this::find);
    }
}
