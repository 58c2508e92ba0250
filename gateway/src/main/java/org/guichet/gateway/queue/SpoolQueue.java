package org.guichet.gateway.queue;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.guichet.gateway.spool.SpoolSignal;
import org.guichet.queue.QueueDetail;
import org.guichet.queue.QueueEntry;
import org.guichet.queue.QueueOperations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operators' queue over the spool's tables: list, inspect, retry now, bounce, delete.
 * Every change is logged with the queue id.
 */
@Component
public class SpoolQueue implements QueueOperations {

    private static final Logger log = LoggerFactory.getLogger(SpoolQueue.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SpoolSignal signal;

    public SpoolQueue(JdbcClient jdbc, Clock clock, SpoolSignal signal) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.signal = signal;
    }

    /**
     * Messages not yet done, oldest first.
     *
     * @param status only messages with a recipient in this state (queued, deferred…), or null
     * @param limit  most messages returned
     */
    @Override
    public List<QueueEntry> list(String status, int limit) {
        List<Map<String, Object>> messages = jdbc.sql("""
                        select m.id, m.queue_id, m.sender, m.received_at, m.size_bytes, m.stage, m.submitter,
                               m.client_address
                        from spool_message m
                        where m.stage <> 'done'
                          and (cast(:status as text) is null
                               or exists (select 1 from spool_recipient r where r.message_id = m.id and r.status = :status))
                        order by m.id limit :limit""")
                .param("status", status)
                .param("limit", limit)
                .query().listOfRows();
        Map<Long, List<QueueEntry.RecipientState>> recipients = recipientsOf(
                messages.stream().map(m -> ((Number) m.get("id")).longValue()).toList());
        List<QueueEntry> entries = new ArrayList<>();
        for (Map<String, Object> m : messages) {
            long id = ((Number) m.get("id")).longValue();
            entries.add(entry(m, recipients.getOrDefault(id, List.of())));
        }
        return entries;
    }

    @Override
    public Optional<QueueDetail> show(String queueId) {
        Optional<Map<String, Object>> found = jdbc.sql("""
                        select id, queue_id, sender, received_at, size_bytes, stage, submitter, client_address,
                               error, raw from spool_message where queue_id = :queueId""")
                .param("queueId", queueId)
                .query().listOfRows().stream().findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> m = found.get();
        long id = ((Number) m.get("id")).longValue();
        List<QueueDetail.Attempt> attempts = jdbc.sql("""
                        select r.recipient, a.attempted_at, a.node, a.next_hop, a.outcome, a.reply
                        from delivery_attempt a join spool_recipient r on r.id = a.recipient_id
                        where r.message_id = :id order by a.id""")
                .param("id", id)
                .query((rs, n) -> new QueueDetail.Attempt(rs.getString(1), instant(rs, 2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
        QueueEntry entry = entry(m, recipientsOf(List.of(id)).getOrDefault(id, List.of()));
        return Optional.of(new QueueDetail(entry, headers((byte[]) m.get("raw")), (String) m.get("error"), attempts));
    }

    /** Makes every pending recipient of the message due now; returns how many. */
    @Transactional
    @Override
    public int retryNow(String queueId) {
        Instant now = clock.instant();
        int recipients = jdbc.sql("""
                        update spool_recipient set next_attempt_at = :now, updated_at = :now
                        where status in ('queued', 'deferred')
                          and message_id = (select id from spool_message where queue_id = :queueId)""")
                .param("now", Timestamp.from(now)).param("queueId", queueId).update();
        int pipeline = jdbc.sql("""
                        update spool_message set stage = 'pipeline', lease_until = null, lease_owner = null,
                               pipeline_failures = 0
                        where queue_id = :queueId and stage in ('pipeline', 'held')""")
                .param("queueId", queueId).update();
        if (recipients + pipeline > 0) {
            log.info("queue {}: retry requested by operator ({} recipient(s))", queueId, recipients);
            signal.signal();
        }
        return recipients + pipeline;
    }

    @Transactional
    @Override
    public int flush() {
        Instant now = clock.instant();
        int recipients = jdbc.sql("""
                        update spool_recipient set next_attempt_at = :now, updated_at = :now
                        where status = 'deferred'""")
                .param("now", Timestamp.from(now)).update();
        log.info("queue: flush requested by operator ({} deferred recipient(s) due now)", recipients);
        if (recipients > 0) {
            signal.signal();
        }
        return recipients;
    }

    /**
     * Gives up on every pending recipient: the relay sends the DSN (RFC 3464) to the sender
     * at its next pass instead of trying again. Returns how many recipients were affected.
     */
    @Transactional
    @Override
    public int bounce(String queueId) {
        Instant now = clock.instant();
        int recipients = jdbc.sql("""
                        update spool_recipient
                        set bounce_requested = true, next_attempt_at = :now, updated_at = :now
                        where status in ('queued', 'deferred')
                          and message_id = (select id from spool_message where queue_id = :queueId)""")
                .param("now", Timestamp.from(now)).param("queueId", queueId).update();
        if (recipients > 0) {
            log.info("queue {}: bounce requested by operator ({} recipient(s))", queueId, recipients);
            signal.signal();
        }
        return recipients;
    }

    /** Removes the message and its delivery history; returns false when there is none. */
    @Transactional
    @Override
    public boolean delete(String queueId) {
        int deleted = jdbc.sql("delete from spool_message where queue_id = :queueId")
                .param("queueId", queueId).update();
        if (deleted > 0) {
            log.info("queue {}: removed by operator", queueId);
        }
        return deleted > 0;
    }

    /** Messages waiting, by state: pipeline, and recipients queued or deferred. */
    @Override
    public Map<String, Long> depth() {
        Map<String, Long> depth = new LinkedHashMap<>();
        depth.put("pipeline", 0L);
        depth.put("queued", 0L);
        depth.put("deferred", 0L);
        jdbc.sql("""
                        select 'pipeline' as state, count(*) as n from spool_message where stage = 'pipeline'
                        union all
                        select status, count(*) from spool_recipient where status in ('queued', 'deferred')
                        group by status""")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list().forEach(e -> depth.put(e.getKey(), e.getValue()));
        return depth;
    }

    private Map<Long, List<QueueEntry.RecipientState>> recipientsOf(List<Long> messageIds) {
        Map<Long, List<QueueEntry.RecipientState>> byMessage = new LinkedHashMap<>();
        if (messageIds.isEmpty()) {
            return byMessage;
        }
        jdbc.sql("""
                        select message_id, recipient, status, attempts, next_attempt_at, last_reply
                        from spool_recipient where message_id in (:ids) order by id""")
                .param("ids", messageIds)
                .query((ResultSet rs) -> {
                    byMessage.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new QueueEntry.RecipientState(rs.getString(2), rs.getString(3), rs.getInt(4),
                                    instant(rs, 5), rs.getString(6)));
                });
        return byMessage;
    }

    private static QueueEntry entry(Map<String, Object> m, List<QueueEntry.RecipientState> recipients) {
        return new QueueEntry((String) m.get("queue_id"), (String) m.get("sender"),
                ((Timestamp) m.get("received_at")).toInstant(), ((Number) m.get("size_bytes")).intValue(),
                (String) m.get("stage"), (String) m.get("submitter"), (String) m.get("client_address"),
                recipients);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** The header section of a raw message, up to the first empty line. */
    private static String headers(byte[] raw) {
        String text = new String(raw, 0, Math.min(raw.length, 64 * 1024), StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        return end < 0 ? text : text.substring(0, end);
    }
}
