package org.guichet.gateway.pipeline;

import java.sql.Array;
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
            returning id, queue_id, sender, recipients, received_at, client_address, helo, submitter, raw""";

    private static final String RELEASE = """
            update spool_message set stage = ?, lease_owner = null, lease_until = null, error = null
            where id = ? and lease_owner = ?""";

    private static final String ADD_RECIPIENTS = """
            insert into spool_recipient (message_id, recipient, status, next_attempt_at, updated_at)
            select ?, r, 'queued', ?, ? from unnest(?::text[]) as r""";

    private static final String ADD_MESSAGE = """
            insert into spool_message (queue_id, sender, recipients, received_at, client_address, helo,
                                       submitter, size_bytes, raw, stage)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'delivery') returning id""";

    private static final String FAIL = """
            update spool_message set lease_until = ?, error = ? where id = ? and lease_owner = ?""";

    private final DataSource dataSource;
    private final Clock clock;

    PipelineQueue(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    List<SpooledMessage> claim(String node, Duration lease, int limit) throws SQLException {
        Instant now = clock.instant();
        List<SpooledMessage> claimed = new ArrayList<>();
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
                    claimed.add(new SpooledMessage(rs.getLong("id"), rs.getString("queue_id"), envelope,
                            rs.getTimestamp("received_at").toInstant(), rs.getBytes("raw")));
                }
            }
        }
        return claimed;
    }

    /**
     * Hands the pipeline's results to the relay in one transaction. Messages whose lease was
     * lost meanwhile are skipped: the node holding them now will write the results.
     *
     * @return queue ids of the new (rewritten) messages, keyed by the original's queue id
     */
    Map<SpooledMessage, List<String>> complete(String node, Map<SpooledMessage, List<Outgoing>> results)
            throws SQLException {
        Instant now = clock.instant();
        Map<SpooledMessage, List<String>> created = new java.util.LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement release = connection.prepareStatement(RELEASE);
                 PreparedStatement addRecipients = connection.prepareStatement(ADD_RECIPIENTS);
                 PreparedStatement addMessage = connection.prepareStatement(ADD_MESSAGE)) {
                for (Map.Entry<SpooledMessage, List<Outgoing>> result : results.entrySet()) {
                    SpooledMessage message = result.getKey();
                    boolean keepsOriginal = result.getValue().stream().anyMatch(o -> !o.changed());
                    release.setString(1, keepsOriginal ? "delivery" : "done");
                    release.setLong(2, message.id());
                    release.setString(3, node);
                    if (release.executeUpdate() == 0) {
                        continue;
                    }
                    List<String> newIds = new ArrayList<>();
                    for (Outgoing outgoing : result.getValue()) {
                        long messageId = message.id();
                        if (outgoing.changed()) {
                            String queueId = QueueId.next(now);
                            messageId = insertCopy(connection, addMessage, message, outgoing, queueId);
                            newIds.add(queueId);
                        }
                        addRecipients.setLong(1, messageId);
                        addRecipients.setTimestamp(2, Timestamp.from(now));
                        addRecipients.setTimestamp(3, Timestamp.from(now));
                        addRecipients.setArray(4, connection.createArrayOf("text", outgoing.recipients().toArray()));
                        addRecipients.addBatch();
                    }
                    created.put(message, newIds);
                }
                addRecipients.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
        return created;
    }

    private long insertCopy(Connection connection, PreparedStatement addMessage, SpooledMessage original,
            Outgoing outgoing, String queueId) throws SQLException {
        Envelope envelope = original.envelope();
        Array recipients = connection.createArrayOf("text", outgoing.recipients().toArray());
        addMessage.setString(1, queueId);
        addMessage.setString(2, outgoing.sender());
        addMessage.setArray(3, recipients);
        addMessage.setTimestamp(4, Timestamp.from(original.receivedAt()));
        addMessage.setString(5, envelope.clientAddress());
        addMessage.setString(6, envelope.helo());
        addMessage.setString(7, envelope.submitter());
        addMessage.setInt(8, outgoing.raw().length);
        addMessage.setBytes(9, outgoing.raw());
        try (ResultSet rs = addMessage.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Keeps a message whose processing failed, to try again after {@code retryIn}. */
    void fail(String node, SpooledMessage message, String error, Duration retryIn) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement fail = connection.prepareStatement(FAIL)) {
            fail.setTimestamp(1, Timestamp.from(clock.instant().plus(retryIn)));
            fail.setString(2, error);
            fail.setLong(3, message.id());
            fail.setString(4, node);
            fail.executeUpdate();
        }
    }
}
