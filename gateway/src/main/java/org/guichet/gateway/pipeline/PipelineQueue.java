package org.guichet.gateway.pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.guichet.gateway.spool.Envelope;
import org.guichet.gateway.spool.QueueId;
import org.guichet.gateway.spool.SpooledMessage;
import org.springframework.stereotype.Component;

/**
 * Messages waiting for the pipeline, claimed with a lease: {@code FOR UPDATE SKIP LOCKED}
 * keeps concurrent nodes apart, and a lease left by a dead node expires so another takes it.
 */
@Component
class PipelineQueue {

    private static final String CLAIM = """
            update spool_message set lease_owner = ?, lease_until = ?
            where id in (select id from spool_message
                         where stage = 'pipeline' and (lease_until is null or lease_until < ?)
                         order by id limit ? for update skip locked)
            returning id, queue_id, sender, recipients, received_at, client_address, helo, submitter, raw,
                      processor, attributes""";

    private static final String RELEASE = """
            update spool_message set stage = ?, lease_owner = null, lease_until = null, error = ?
            where id = ? and lease_owner = ?""";

    private static final String ADD_RECIPIENTS = """
            insert into spool_recipient (message_id, recipient, status, next_attempt_at, updated_at)
            select ?, r, 'queued', ?, ? from unnest(?::text[]) as r""";

    private static final String ADD_MESSAGE = """
            insert into spool_message (queue_id, sender, recipients, received_at, client_address, helo,
                                       submitter, size_bytes, raw, stage, processor, attributes, error, lease_until)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""";

    private static final String RELEASE_HELD = """
            update spool_message set stage = 'pipeline', lease_owner = null, lease_until = null, pipeline_failures = 0
            where queue_id = ? and stage = 'held'""";

    // Past the allowed failures the message is held rather than tried again (right-hand sides
    // read the row as it was before the update).
    private static final String FAIL = """
            update spool_message set pipeline_failures = pipeline_failures + 1, error = ?,
                   stage = case when pipeline_failures + 1 >= ? then 'held' else stage end,
                   lease_owner = case when pipeline_failures + 1 >= ? then null else lease_owner end,
                   lease_until = case when pipeline_failures + 1 >= ? then null else ?::timestamptz end
            where id = ? and lease_owner = ?
            returning stage, pipeline_failures""";

    private static final String HOLD = """
            update spool_message set stage = 'held', lease_owner = null, lease_until = null, error = ?
            where id = ? and lease_owner = ?""";

    private final DataSource dataSource;
    private final Clock clock;

    PipelineQueue(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    List<ClaimedMessage> claim(String node, Duration lease, int limit) throws SQLException {
        Instant now = clock.instant();
        List<ClaimedMessage> claimed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setString(1, node);
            claim.setTimestamp(2, Timestamp.from(now.plus(lease)));
            claim.setTimestamp(3, Timestamp.from(now));
            claim.setInt(4, limit);
            try (ResultSet rs = claim.executeQuery()) {
                while (rs.next()) {
                    Envelope envelope = new Envelope(rs.getString("sender"),
                            Arrays.asList((String[]) rs.getArray("recipients").getArray()),
                            rs.getString("client_address"), rs.getString("helo"), rs.getString("submitter"));
                    SpooledMessage message = new SpooledMessage(rs.getLong("id"), rs.getString("queue_id"), envelope,
                            rs.getTimestamp("received_at").toInstant(), rs.getBytes("raw"));
                    claimed.add(new ClaimedMessage(message, rs.getString("processor"), rs.getString("attributes")));
                }
            }
        }
        return claimed;
    }

    /**
     * Writes the pipeline's outcomes in one transaction: unchanged relayed mail becomes
     * recipients of the original, rewritten mail new messages for the relay, requeued mail new
     * messages in the pipeline, held mail a message in stage {@code held}. Messages whose lease
     * was lost meanwhile are skipped: the node holding them now will write the outcomes.
     *
     * @return queue ids of the new messages, keyed by the original
     */
    Map<SpooledMessage, List<String>> complete(String node, Map<SpooledMessage, List<Outgoing>> results)
            throws SQLException {
        Instant now = clock.instant();
        Map<SpooledMessage, List<String>> created = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement release = connection.prepareStatement(RELEASE);
                 PreparedStatement addRecipients = connection.prepareStatement(ADD_RECIPIENTS);
                 PreparedStatement addMessage = connection.prepareStatement(ADD_MESSAGE)) {
                for (Map.Entry<SpooledMessage, List<Outgoing>> result : results.entrySet()) {
                    SpooledMessage message = result.getKey();
                    List<Outgoing> outcomes = result.getValue();
                    Outgoing.Held heldInPlace = heldInPlace(message, outcomes);
                    boolean relaysOriginal = outcomes.stream()
                            .anyMatch(o -> o instanceof Outgoing.Relayed && !o.changed());
                    release.setString(1, relaysOriginal ? "delivery" : heldInPlace != null ? "held" : "done");
                    release.setString(2, heldInPlace != null ? heldInPlace.error() : null);
                    release.setLong(3, message.id());
                    release.setString(4, node);
                    if (release.executeUpdate() == 0) {
                        continue;
                    }
                    List<String> newIds = new ArrayList<>();
                    for (Outgoing outgoing : outcomes) {
                        if (outgoing == heldInPlace) {
                            continue;
                        }
                        if (outgoing instanceof Outgoing.Relayed && !outgoing.changed()) {
                            addRecipients(connection, addRecipients, message.id(), outgoing, now);
                            continue;
                        }
                        String queueId = QueueId.next(now);
                        long id = insert(connection, addMessage, message, outgoing, queueId, now);
                        newIds.add(queueId);
                        if (outgoing instanceof Outgoing.Relayed) {
                            addRecipients(connection, addRecipients, id, outgoing, now);
                        }
                    }
                    created.put(message, newIds);
                }
                addRecipients.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
        return created;
    }

    /**
     * The held outcome that can stay in the original's row: unchanged, for all its recipients,
     * and with no recipient of the original relayed unchanged. Others become rows of their own.
     */
    private static Outgoing.Held heldInPlace(SpooledMessage message, List<Outgoing> outcomes) {
        if (outcomes.stream().anyMatch(o -> o instanceof Outgoing.Relayed && !o.changed())) {
            return null;
        }
        return outcomes.stream()
                .filter(o -> o instanceof Outgoing.Held && !o.changed()
                        && new HashSet<>(o.recipients()).equals(new HashSet<>(message.envelope().recipients()))
                        && o.sender().equals(message.envelope().sender()))
                .map(Outgoing.Held.class::cast)
                .findFirst().orElse(null);
    }

    private static void addRecipients(Connection connection, PreparedStatement addRecipients, long messageId,
            Outgoing outgoing, Instant now) throws SQLException {
        addRecipients.setLong(1, messageId);
        addRecipients.setTimestamp(2, Timestamp.from(now));
        addRecipients.setTimestamp(3, Timestamp.from(now));
        addRecipients.setArray(4, connection.createArrayOf("text", outgoing.recipients().toArray()));
        addRecipients.addBatch();
    }

    private static long insert(Connection connection, PreparedStatement addMessage, SpooledMessage original,
            Outgoing outgoing, String queueId, Instant now) throws SQLException {
        Envelope envelope = original.envelope();
        byte[] raw = outgoing.changed() ? outgoing.raw() : original.raw();
        String stage = "delivery";
        String processor = "root";
        String attributes = null;
        String error = null;
        Timestamp notBefore = null;
        switch (outgoing) {
            case Outgoing.Relayed relayed -> {
                // defaults above
            }
            case Outgoing.Requeued requeued -> {
                stage = "pipeline";
                processor = requeued.processor();
                attributes = requeued.attributes();
                if (requeued.delay() != null && requeued.delay().isPositive()) {
                    // An unowned lease in the future: no worker claims the message before then.
                    notBefore = Timestamp.from(now.plus(requeued.delay()));
                }
            }
            case Outgoing.Held held -> {
                stage = "held";
                attributes = held.attributes();
                error = held.error();
            }
        }
        addMessage.setString(1, queueId);
        addMessage.setString(2, outgoing.sender());
        addMessage.setArray(3, connection.createArrayOf("text", outgoing.recipients().toArray()));
        addMessage.setTimestamp(4, Timestamp.from(original.receivedAt()));
        addMessage.setString(5, envelope.clientAddress());
        addMessage.setString(6, envelope.helo());
        addMessage.setString(7, envelope.submitter());
        addMessage.setInt(8, raw.length);
        addMessage.setBytes(9, raw);
        addMessage.setString(10, stage);
        addMessage.setString(11, processor);
        addMessage.setString(12, attributes);
        addMessage.setString(13, error);
        addMessage.setTimestamp(14, notBefore);
        try (ResultSet rs = addMessage.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Sends a held message through the pipeline again, from the processor it was in, once an
     * operator has fixed the cause. The recorded error stays until the next outcome.
     *
     * @return whether a held message with that queue id was found
     */
    boolean releaseHeld(String queueId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement release = connection.prepareStatement(RELEASE_HELD)) {
            release.setString(1, queueId);
            return release.executeUpdate() == 1;
        }
    }

    /**
     * Gives back whatever this node held when it last stopped: a node restarted after a crash
     * does not wait for its own leases to expire. Node names are unique among running nodes.
     */
    int releaseAll(String node) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement release = connection.prepareStatement(
                     "update spool_message set lease_owner = null, lease_until = null where lease_owner = ? and stage = 'pipeline'")) {
            release.setString(1, node);
            return release.executeUpdate();
        }
    }

    /**
     * Gives back messages whose results could not be written, so that the next pass (here or
     * on another node) takes them at once instead of after the lease.
     */
    void release(String node, List<ClaimedMessage> messages) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement release = connection.prepareStatement(
                     "update spool_message set lease_owner = null, lease_until = null where id = any(?) and lease_owner = ?")) {
            release.setArray(1, connection.createArrayOf("bigint",
                    messages.stream().map(m -> m.message().id()).toArray()));
            release.setString(2, node);
            release.executeUpdate();
        }
    }

    /**
     * Counts a failure of the pipeline on a message: it is tried again after {@code retryIn}, or
     * held for an operator once it has failed {@code allowed} times.
     *
     * @return the failures counted so far, negative when the message is now held; zero when the
     *         lease was lost meanwhile
     */
    int fail(String node, SpooledMessage message, String error, Duration retryIn, int allowed) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement fail = connection.prepareStatement(FAIL)) {
            fail.setString(1, error);
            fail.setInt(2, allowed);
            fail.setInt(3, allowed);
            fail.setInt(4, allowed);
            fail.setTimestamp(5, Timestamp.from(clock.instant().plus(retryIn)));
            fail.setLong(6, message.id());
            fail.setString(7, node);
            try (ResultSet rs = fail.executeQuery()) {
                if (!rs.next()) {
                    return 0;
                }
                int failures = rs.getInt("pipeline_failures");
                return "held".equals(rs.getString("stage")) ? -failures : failures;
            }
        }
    }

    /** Holds a message for an operator, with the reason, without processing it further. */
    void hold(String node, SpooledMessage message, String reason) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement hold = connection.prepareStatement(HOLD)) {
            hold.setString(1, reason);
            hold.setLong(2, message.id());
            hold.setString(3, node);
            hold.executeUpdate();
        }
    }
}
