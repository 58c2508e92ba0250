package org.guichet.gateway.relay;

import org.guichet.TestClock;
import org.guichet.gateway.spool.SpoolSignal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.guichet.storage.TestPostgres;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A fresh migrated database, a clock, a recording spool and a meter registry: what a relay
 * needs around it. Messages are put in the delivery stage exactly as the spool leaves them.
 */
final class RelayRig {

    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final AtomicInteger ids = new AtomicInteger();

    final DataSource dataSource = TestPostgres.newMigratedDatabase();
    final JdbcClient jdbc = JdbcClient.create(dataSource);
    final TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    final TestClock clock = new TestClock(START);
    final RecordingSpool spool = new RecordingSpool();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    DeliveryWorker worker(RelayProperties settings, String node) {
        return RelayConfiguration.assemble(settings, jdbc, transactions, spool, new SpoolSignal(), node, clock, meters);
    }

    DeliveryQueue queue() {
        return new DeliveryQueue(jdbc, transactions);
    }

    /** Queues a message for delivery to the recipients, received now; returns its queue id. */
    String enqueue(String sender, byte[] raw, String... recipients) {
        String queueId = "Q" + Long.toHexString(System.nanoTime()).toUpperCase() + ids.incrementAndGet();
        Instant now = clock.instant();
        long messageId = jdbc.sql("""
                        insert into spool_message (queue_id, sender, recipients, received_at, client_address, size_bytes,
                                                   raw, stage)
                        values (?, ?, ?, ?, '127.0.0.1', ?, ?, 'delivery') returning id
                        """)
                .params(queueId, sender, recipients, Timestamp.from(now), raw.length, raw)
                .query(Long.class).single();
        for (String recipient : recipients) {
            jdbc.sql("""
                            insert into spool_recipient (message_id, recipient, status, next_attempt_at, updated_at)
                            values (?, ?, 'queued', ?, ?)
                            """)
                    .params(messageId, recipient, Timestamp.from(now), Timestamp.from(now))
                    .update();
        }
        return queueId;
    }

    String status(String queueId, String recipient) {
        return recipientRow(queueId, recipient).get("status").toString();
    }

    Map<String, Object> recipientRow(String queueId, String recipient) {
        return jdbc.sql("""
                        select r.* from spool_recipient r join spool_message m on m.id = r.message_id
                         where m.queue_id = ? and r.recipient = ?
                        """)
                .params(queueId, recipient).query().singleRow();
    }

    Instant nextAttempt(String queueId, String recipient) {
        return ((Timestamp) recipientRow(queueId, recipient).get("next_attempt_at")).toInstant();
    }

    String stage(String queueId) {
        return jdbc.sql("select stage from spool_message where queue_id = ?").param(queueId).query(String.class).single();
    }

    List<Map<String, Object>> attempts(String queueId, String recipient) {
        return jdbc.sql("""
                        select a.* from delivery_attempt a join spool_recipient r on r.id = a.recipient_id
                          join spool_message m on m.id = r.message_id
                         where m.queue_id = ? and r.recipient = ? order by a.id
                        """)
                .params(queueId, recipient).query().listOfRows();
    }

    double counter(String name, String... tags) {
        var counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    void advance(Duration duration) {
        clock.advance(duration);
    }

    /** A small message with CRLF line endings, a DKIM-like header and a line starting with a dot. */
    static byte[] message(String from, String to, String subject) {
        String text = "DKIM-Signature: v=1; a=rsa-sha256; d=mairie.test; s=sel; bh=abc=; b=def=\r\n"
                + "From: <" + from + ">\r\n"
                + "To: <" + to + ">\r\n"
                + "Subject: " + subject + "\r\n"
                + "Message-ID: <" + System.nanoTime() + "@mairie.test>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n"
                + "\r\n"
                + "Bonjour,\r\n"
                + ".Une ligne qui commence par un point.\r\n"
                + "..et une autre avec deux.\r\n"
                + "Votre démarche est enregistrée.\r\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
