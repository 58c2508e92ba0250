package org.guichet.gateway.spool;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.mailet.Attribute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The spool in PostgreSQL with group commit: concurrent SMTP sessions hand their messages
 * to one committer thread, which writes whatever is waiting in one transaction. Each
 * session returns only after the transaction holding its own message is committed, so
 * no 250 precedes durability (RFC 5321 §6.1), while one fsync serves many sessions.
 */
@Component
public class PostgresSpool implements Spool, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PostgresSpool.class);

    private static final String INSERT = """
            insert into spool_message (queue_id, sender, recipients, received_at, client_address, helo,
                                       submitter, size_bytes, raw, stage, processor, attributes)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pipeline', ?, ?)""";

    private final DataSource dataSource;
    private final Clock clock;
    private final SpoolProperties properties;
    private final SpoolSignal signal;
    private final Counter accepted;
    private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
    private final Thread committer;
    private volatile boolean running = true;

    public PostgresSpool(DataSource dataSource, Clock clock, SpoolProperties properties, SpoolSignal signal,
            MeterRegistry meters) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.properties = properties;
        this.signal = signal;
        this.accepted = Counter.builder("guichet.spool.accepted")
                .description("Messages committed to the spool").register(meters);
        this.committer = Thread.ofPlatform().name("spool-committer").daemon().start(this::commitLoop);
    }

    @Override
    public String accept(Envelope envelope, byte[] raw) throws SpoolUnavailableException {
        return accept(envelope, raw, ROOT);
    }

    @Override
    public String accept(Envelope envelope, byte[] raw, String processor) throws SpoolUnavailableException {
        return accept(envelope, raw, processor, List.of());
    }

    @Override
    public String accept(Envelope envelope, byte[] raw, String processor, List<Attribute> attributes)
            throws SpoolUnavailableException {
        return accept(envelope, MessageContent.of(raw), processor, attributes);
    }

    @Override
    public String accept(Envelope envelope, MessageContent content, String processor, List<Attribute> attributes)
            throws SpoolUnavailableException {
        if (processor == null || processor.isBlank() || processor.length() > 64) {
            throw new IllegalArgumentException("processor name must be 1 to 64 characters: " + processor);
        }
        Pending pending = new Pending(envelope, content, processor, MailAttributes.toJson(attributes),
                new CompletableFuture<>());
        if (!running) {
            throw new SpoolUnavailableException("spool is shutting down", null);
        }
        waiting.add(pending);
        try {
            return pending.result().get(properties.acceptTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new SpoolUnavailableException("spool commit failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new SpoolUnavailableException("spool commit timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpoolUnavailableException("interrupted while committing", e);
        }
    }

    private void commitLoop() {
        List<Pending> batch = new ArrayList<>();
        while (running || !waiting.isEmpty()) {
            try {
                Pending first = waiting.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, properties.groupCommitMaxMessages() - 1);
                commit(batch);
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            } finally {
                batch.clear();
            }
        }
        SpoolUnavailableException closed = new SpoolUnavailableException("spool is shutting down", null);
        waiting.forEach(p -> p.result().completeExceptionally(closed));
    }

    private void commit(List<Pending> batch) {
        Instant now = clock.instant();
        List<String> ids = new ArrayList<>(batch.size());
        List<InputStream> streams = new ArrayList<>(batch.size());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Pending pending : batch) {
                    Envelope envelope = pending.envelope();
                    String queueId = QueueId.next(now);
                    ids.add(queueId);
                    insert.setString(1, queueId);
                    insert.setString(2, envelope.sender());
                    insert.setArray(3, connection.createArrayOf("text", envelope.recipients().toArray()));
                    insert.setTimestamp(4, Timestamp.from(now));
                    insert.setString(5, envelope.clientAddress());
                    insert.setString(6, envelope.helo());
                    insert.setString(7, envelope.submitter());
                    MessageContent content = pending.content();
                    InputStream raw = content.open();
                    streams.add(raw);
                    insert.setInt(8, Math.toIntExact(content.size()));
                    insert.setBinaryStream(9, raw, Math.toIntExact(content.size()));
                    insert.setString(10, pending.processor());
                    insert.setString(11, pending.attributes());
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException | IOException | RuntimeException | AssertionError e) {
            // The committer must outlive any failure of the database or its driver: the
            // sessions waiting on this batch get 451 and the next batch tries afresh.
            log.warn("spool commit of {} message(s) failed: {}", batch.size(), e.toString());
            batch.forEach(p -> p.result().completeExceptionally(e));
            return;
        } finally {
            streams.forEach(PostgresSpool::close);
        }
        for (int i = 0; i < batch.size(); i++) {
            Pending pending = batch.get(i);
            Envelope envelope = pending.envelope();
            log.info("queue {}: from=<{}> size={} nrcpt={} client={}{}{} (queued)", ids.get(i), envelope.sender(),
                    pending.content().size(), envelope.recipients().size(), envelope.clientAddress(),
                    envelope.submitter() == null ? "" : " sasl_username=" + envelope.submitter(),
                    ROOT.equals(pending.processor()) ? "" : " processor=" + pending.processor());
            pending.result().complete(ids.get(i));
        }
        accepted.increment(batch.size());
        signal.signal();
    }

    @Override
    public void destroy() throws InterruptedException {
        running = false;
        committer.interrupt();
        committer.join(5_000);
    }

    private static void close(InputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            log.debug("closing a spooled message's stream: {}", e.toString());
        }
    }

    private record Pending(Envelope envelope, MessageContent content, String processor, String attributes,
            CompletableFuture<String> result) {
    }
}
