package org.guichet.checkpoint;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.guichet.casework.EventLog;
import org.guichet.storage.AdvisoryLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The checkpoints this Guichet signed, kept in {@code event_log_checkpoint} (append-only) so
 * that the transparency page can publish the latest and auditors can be sent each one.
 */
public class Checkpoints {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final EventLog events;
    private final CheckpointKey key;
    private final String origin;
    private final Clock clock;

    /**
     * @param origin the log's name in checkpoints, {@code guichet/<administration code>/event-log}
     */
    public Checkpoints(JdbcClient jdbc, PlatformTransactionManager transactions, EventLog events, CheckpointKey key,
            String origin, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.events = events;
        this.key = key;
        this.origin = origin;
        this.clock = clock;
    }

    /** The key checkpoints are signed with. */
    public CheckpointKey key() {
        return key;
    }

    /** Signs the head of the log now and records the checkpoint. */
    public Checkpoint sign() {
        return transactions.execute(status -> {
            AdvisoryLock.CHECKPOINT.hold(jdbc, origin);
            return record(signHead());
        });
    }

    /**
     * Signs and records a checkpoint when none was signed within {@code interval}; several
     * worker nodes may ask at once, one of them signs.
     */
    public Optional<Checkpoint> signIfDue(Duration interval) {
        return transactions.execute(status -> {
            AdvisoryLock.CHECKPOINT.hold(jdbc, origin);
            Optional<Instant> last = jdbc.sql("select max(signed_at) from event_log_checkpoint")
                    .query(Timestamp.class).optional().map(Timestamp::toInstant);
            if (last.isPresent() && last.get().plus(interval).isAfter(clock.instant())) {
                return Optional.empty();
            }
            return Optional.of(record(signHead()));
        });
    }

    /** The latest checkpoint signed, if any. */
    public Optional<Checkpoint> latest() {
        return jdbc.sql("select note from event_log_checkpoint order by id desc limit 1").query(String.class)
                .optional().map(Checkpoint::parse);
    }

    /** The latest {@code count} checkpoints, newest first. */
    public List<Checkpoint> recent(int count) {
        return jdbc.sql("select note from event_log_checkpoint order by id desc limit :count").param("count", count)
                .query(String.class).list().stream().map(Checkpoint::parse).toList();
    }

    private Checkpoint signHead() {
        EventLog.ChainHead head = events.head();
        return key.sign(new Checkpoint(origin, head.count(), head.hash(), clock.instant(), List.of()));
    }

    private Checkpoint record(Checkpoint checkpoint) {
        jdbc.sql("""
                        insert into event_log_checkpoint (event_count, head_hash, signed_at, key_id, note)
                        values (:count, :head, :at, :key, :note)""")
                .param("count", checkpoint.size()).param("head", checkpoint.head())
                .param("at", Timestamp.from(checkpoint.signedAt())).param("key", key.keyIdHex())
                .param("note", checkpoint.text()).update();
        return checkpoint;
    }
}
