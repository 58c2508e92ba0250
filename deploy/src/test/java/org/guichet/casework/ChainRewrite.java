package org.guichet.casework;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rewrites the event log as a database superuser could: one event moved in time, then every
 * hash from it on recomputed and the chain's head moved, the append-only triggers disabled
 * meanwhile. The chain is consistent again afterwards: only a checkpoint held outside the
 * database shows the rewrite.
 */
public final class ChainRewrite {

    private ChainRewrite() {
    }

    public static void moveEarlier(JdbcClient jdbc, long eventId, Duration by) {
        jdbc.sql("alter table case_event disable trigger user").update();
        jdbc.sql("alter table case_event_chain disable trigger user").update();
        try {
            jdbc.sql("update case_event set occurred_at = occurred_at - cast(:by as interval) where id = :id")
                    .param("by", by.toSeconds() + " seconds").param("id", eventId).update();
            List<Object[]> events = jdbc.sql("""
                            select e.id, c.reference, e.seq, e.type, e.occurred_at, e.payload::text
                            from case_event e join citizen_case c on c.id = e.case_id order by e.id""")
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                            rs.getTimestamp(5), rs.getString(6)})
                    .list();
            byte[] previous = EventLog.GENESIS;
            for (Object[] event : events) {
                byte[] hash = EventLog.hash(previous, (String) event[1], (int) event[2], (String) event[3],
                        ((Timestamp) event[4]).toInstant(), CanonicalJson.parse((String) event[5]));
                jdbc.sql("update case_event set prev_hash = :prev, hash = :hash where id = :id")
                        .param("prev", previous).param("hash", hash).param("id", event[0]).update();
                previous = hash;
            }
            jdbc.sql("update case_event_chain set last_hash = :hash where id = 1").param("hash", previous).update();
        } finally {
            jdbc.sql("alter table case_event enable trigger user").update();
            jdbc.sql("alter table case_event_chain enable trigger user").update();
        }
    }
}
