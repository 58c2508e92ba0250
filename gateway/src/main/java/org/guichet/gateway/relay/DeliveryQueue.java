package org.guichet.gateway.relay;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The recipients waiting for delivery, in PostgreSQL. A node claims due recipients with a
 * lease ({@code FOR UPDATE SKIP LOCKED}, so two nodes never claim the same row); a dead
 * node's lease runs out and another node claims the row. Delivery is at least once: every
 * attempt leaves a {@code delivery_attempt} row, so a duplicate can be seen.
 */
record DeliveryQueue(JdbcClient jdbc, TransactionOperations transactions) {

    /** Leases up to {@code limit} due recipients to {@code node} until {@code now + lease}, oldest due first. */
    List<Claim> claim(String node, Instant now, Duration lease, int limit) {
        return jdbc.sql("""
                        with due as (
                            select r.id
                              from spool_recipient r
                              join spool_message m on m.id = r.message_id
                             where r.status in ('queued', 'deferred')
                               and r.next_attempt_at <= :now
                               and (r.lease_until is null or r.lease_until < :now)
                               and m.stage = 'delivery'
                             order by r.next_attempt_at, r.message_id, r.id
                             limit :limit
                               for update of r skip locked
                        ), leased as (
                            update spool_recipient r
                               set lease_owner = :node, lease_until = :until
                              from due
                             where r.id = due.id
                            returning r.id, r.message_id, r.recipient, r.attempts, r.bounce_requested
                        )
                        select l.id, l.message_id, m.queue_id, m.sender, l.recipient, l.attempts, m.received_at,
                               l.bounce_requested
                          from leased l join spool_message m on m.id = l.message_id
                         order by l.message_id, l.id
                        """)
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(now.plus(lease)))
                .param("node", node)
                .param("limit", limit)
                .query((rs, n) -> new Claim(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getTimestamp(7).toInstant(), rs.getBoolean(8)))
                .list();
    }

    /** The message as received, byte for byte. */
    byte[] raw(long messageId) {
        return jdbc.sql("select raw from spool_message where id = ?").param(messageId).query(byte[].class).single();
    }

    /**
     * Records one attempt and the recipient's new state, and closes the message when every
     * recipient is final. The attempt is recorded even when the lease was lost meanwhile
     * (evidence of a duplicate); the state only when the lease is still ours.
     *
     * @return whether this node still held the lease
     */
    boolean record(Claim claim, Transition transition, String node, Instant now) {
        Boolean held = transactions.execute(status -> {
            jdbc.sql("""
                            insert into delivery_attempt (recipient_id, attempted_at, node, next_hop, outcome, reply)
                            values (?, ?, ?, ?, ?, ?)
                            """)
                    .params(claim.recipientId(), Timestamp.from(now), node,
                            transition.remote() == null ? null : truncate(transition.remote().describe(), 255),
                            transition.status().column(), transition.reply().oneLine())
                    .update();
            int updated = jdbc.sql("""
                            update spool_recipient
                               set status = ?, attempts = attempts + 1, next_attempt_at = ?, last_reply = ?,
                                   updated_at = ?, lease_owner = null, lease_until = null
                             where id = ? and lease_owner = ?
                            """)
                    .params(transition.status().column(),
                            Timestamp.from(transition.nextAttempt() == null ? now : transition.nextAttempt()),
                            transition.reply().oneLine(), Timestamp.from(now), claim.recipientId(), node)
                    .update();
            jdbc.sql("""
                            update spool_message set stage = 'done'
                             where id = ? and stage = 'delivery'
                               and not exists (select 1 from spool_recipient
                                                where message_id = ? and status in ('queued', 'deferred'))
                            """)
                    .params(claim.messageId(), claim.messageId())
                    .update();
            return updated == 1;
        });
        return Boolean.TRUE.equals(held);
    }

    /** Gives a claim back without an attempt (shutdown, DSN not spooled), so it is due again at once. */
    void release(Claim claim, String node) {
        jdbc.sql("update spool_recipient set lease_owner = null, lease_until = null where id = ? and lease_owner = ?")
                .params(claim.recipientId(), node)
                .update();
    }

    /** What this node held when it last stopped, given back at start (node names are unique). */
    int releaseAll(String node) {
        return jdbc.sql("""
                        update spool_recipient set lease_owner = null, lease_until = null
                        where lease_owner = ? and status in ('queued', 'deferred')""")
                .params(node)
                .update();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
