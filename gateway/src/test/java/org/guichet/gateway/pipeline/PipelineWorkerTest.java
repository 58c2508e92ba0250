package org.guichet.gateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.gateway.pipeline.TestPipelines.pipeline;
import static org.guichet.gateway.pipeline.TestPipelines.plainRaw;
import static org.guichet.gateway.pipeline.TestPipelines.raw;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.guichet.gateway.smtp.SmtpProperties;
import org.guichet.gateway.spool.SpoolProperties;
import org.guichet.gateway.spool.SpoolSignal;
import org.guichet.gateway.token.ReplyToken;
import org.guichet.gateway.token.ReplyTokenVerifier;
import org.guichet.node.NodeProperties;
import org.guichet.node.Role;
import org.guichet.storage.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

/** The pipeline worker against a real PostgreSQL: what the relay and the operator find afterwards. */
class PipelineWorkerTest {

    private final DataSource database = TestPostgres.newMigratedDatabase();
    private final JdbcClient jdbc = JdbcClient.create(database);
    private final PipelineQueue queue = new PipelineQueue(database, Clock.systemUTC());

    private PipelineWorker worker(MessageProcessor processor) {
        return worker(processor, null);
    }

    private PipelineWorker worker(MessageProcessor processor, PipelineProperties.Budget budget) {
        return new PipelineWorker(queue, processor,
                new SpoolProperties(128, Duration.ofSeconds(30), Duration.ofMinutes(5), 100, Duration.ofMillis(500)),
                new SpoolSignal(), new NodeProperties(Path.of("target"), Set.of(Role.WORKER), "test-node", null),
                new PipelineProperties("classpath:pipeline.xml", "CAF", null, budget), new SimpleMeterRegistry());
    }

    /** The shipped pipeline.xml, loaded as the application loads it. */
    private MailetContainer defaultPipeline() {
        PipelineProperties properties = new PipelineProperties("classpath:pipeline.xml", "CAF de l'Hérault", null, null);
        SmtpProperties smtp = new SmtpProperties("mx.guichet.test", null, null, DataSize.ofMegabytes(25), 1000, 500,
                Duration.ofMinutes(5), null, null);
        return new MailetContainer(PipelineFile.read(PipelineConfiguration.resource(properties.config()), properties.config()),
                TestPipelines.domainContext(), PipelineConfiguration.placeholders(
                        TestPipelines.environment(Map.of("guichet.node.reply-domain", "reponse.caf.fr")), properties, smtp));
    }

    private long spool(String sender, List<String> recipients, byte[] raw) {
        return jdbc.sql("""
                        insert into spool_message (queue_id, sender, recipients, received_at, client_address, helo,
                                                   submitter, size_bytes, raw, stage)
                        values (:queueId, :sender, :recipients, :receivedAt, '192.0.2.7', 'app.caf.fr', 'app',
                                :size, :raw, 'pipeline') returning id""")
                .param("queueId", "Q" + System.nanoTime())
                .param("sender", sender)
                .param("recipients", recipients.toArray(String[]::new))
                .param("receivedAt", Timestamp.from(Instant.parse("2025-03-03T09:00:00Z")))
                .param("size", raw.length)
                .param("raw", raw)
                .query(Long.class).single();
    }

    private String stage(long id) {
        return jdbc.sql("select stage from spool_message where id = :id").param("id", id).query(String.class).single();
    }

    private List<String> recipientRows(long id) {
        return jdbc.sql("select recipient from spool_recipient where message_id = :id order by id")
                .param("id", id).query(String.class).list();
    }

    @Test
    void plainMessageIsRelayedAsSpooled() throws Exception {
        long id = spool("dossiers@caf.fr", List.of("alice@example.org", "bob@example.org"), plainRaw());

        assertThat(worker(defaultPipeline()).runOnce()).isEqualTo(1);

        assertThat(stage(id)).isEqualTo("delivery");
        assertThat(recipientRows(id)).containsExactly("alice@example.org", "bob@example.org");
        assertThat(jdbc.sql("select count(*) from spool_message").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void noreplyMessageToToAndCcBecomesTwoPersonalCopiesWithTheirOwnReplyAddress() throws Exception {
        long id = spool("ne-pas-repondre@caf.fr", List.of("alice@example.org", "bob@example.org"),
                raw("Message-ID: <n1@caf.fr>", "From: CAF <ne-pas-repondre@caf.fr>", "To: alice@example.org",
                        "Cc: bob@example.org", "Subject: Attestation"));
        PipelineWorker worker = worker(defaultPipeline());

        worker.runOnce();
        assertThat(stage(id)).as("the original is replaced by its copies").isEqualTo("done");
        assertThat(jdbc.sql("select processor from spool_message where stage = 'pipeline'").query(String.class).list())
                .as("copies written through the spool, back to root").containsExactly("root", "root");

        worker.runOnce();
        List<Map<String, Object>> delivery = jdbc.sql("""
                        select m.id, m.raw, r.recipient from spool_message m join spool_recipient r on r.message_id = m.id
                        where m.stage = 'delivery' order by r.recipient""").query().listOfRows();
        assertThat(delivery).extracting(row -> row.get("recipient")).containsExactly("alice@example.org", "bob@example.org");
        ReplyTokenVerifier verifier = new ReplyTokenVerifier(TestPipelines.KEYS);
        List<String> conversations = new ArrayList<>();
        for (Map<String, Object> row : delivery) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream((byte[]) row.get("raw")));
            String replyTo = ((InternetAddress) message.getReplyTo()[0]).getAddress();
            assertThat(replyTo).endsWith("@reponse.caf.fr");
            ReplyToken token = verifier.verifyLocalPart(replyTo.substring(0, replyTo.indexOf('@'))).orElseThrow();
            conversations.add(token.conversationId());
            assertThat(message.getHeader("Cc", ",")).isEqualTo("bob@example.org");
            assertThat(message.getMessageID()).as("each personal copy has a Message-ID of its own")
                    .startsWith("<" + token.conversationId() + ".").endsWith("@reponse.caf.fr>");
            String finalMessageId = message.getHeader("Message-ID", null);
            assertThat(TestPipelines.conversations().find(token.conversationId())).hasValueSatisfying(c -> {
                assertThat(c.originalMessageId()).isEqualTo("<n1@caf.fr>");
                assertThat(c.finalMessageId()).isEqualTo(finalMessageId);
                assertThat(c.recipient()).isEqualTo(row.get("recipient"));
                assertThat(c.acceptedAt()).isEqualTo(Instant.parse("2025-03-03T09:00:00Z"));
            });
            assertThat(((InternetAddress) message.getReplyTo()[0]).getPersonal())
                    .as("the service's name, from the service directory").isEqualTo("CAF");
        }
        assertThat(conversations).doesNotHaveDuplicates().hasSize(2);
        assertThat(jdbc.sql("select count(*) from spool_message where stage = 'pipeline'").query(Long.class).single())
                .isZero();
    }

    /** Relays every message unchanged, except the one {@code special} says what to do with. */
    private static MessageProcessor relayingAllBut(long special, MessageProcessor what) {
        return claimed -> claimed.message().id() == special ? what.process(claimed)
                : List.of(Outgoing.unchanged(claimed.message().envelope().sender(),
                        claimed.message().envelope().recipients()));
    }

    private Map<String, Object> row(long id) {
        return jdbc.sql("select stage, error, pipeline_failures, lease_owner from spool_message where id = :id")
                .param("id", id).query().singleRow();
    }

    @Test
    void anErrorInTheProcessingIsOneMessagesFailureAndPastTheAllowedOnesItIsHeld() throws Exception {
        long poisoned = spool("dossiers@caf.fr", List.of("alice@example.org"), plainRaw());
        long next = spool("dossiers@caf.fr", List.of("bob@example.org"), plainRaw());
        PipelineWorker worker = worker(relayingAllBut(poisoned, claimed -> {
            throw new OutOfMemoryError("Java heap space");
        }), new PipelineProperties.Budget(Duration.ofSeconds(30), DataSize.ofMegabytes(10), 3, Duration.ZERO));

        assertThat(worker.runOnce()).isEqualTo(2);
        assertThat(stage(next)).as("the message after it is processed").isEqualTo("delivery");
        assertThat(row(poisoned)).containsEntry("stage", "pipeline").containsEntry("pipeline_failures", 1);

        worker.runOnce();
        worker.runOnce();
        Map<String, Object> held = row(poisoned);
        assertThat(held).containsEntry("stage", "held").containsEntry("pipeline_failures", 3);
        assertThat(held.get("lease_owner")).isNull();
        assertThat((String) held.get("error")).isEqualTo("java.lang.OutOfMemoryError: Java heap space");
        assertThat(worker.runOnce()).as("held: never tried again by itself").isZero();

        String queueId = jdbc.sql("select queue_id from spool_message where id = :id").param("id", poisoned)
                .query(String.class).single();
        assertThat(queue.releaseHeld(queueId)).isTrue();
        assertThat(row(poisoned)).as("released by an operator: its failures count afresh")
                .containsEntry("stage", "pipeline").containsEntry("pipeline_failures", 0);
    }

    @Test
    void aRunPastItsTimeIsHeldAndTheWorkerGoesOnWithoutWaitingForIt() throws Exception {
        long endless = spool("dossiers@caf.fr", List.of("alice@example.org"), plainRaw());
        long next = spool("dossiers@caf.fr", List.of("bob@example.org"), plainRaw());
        PipelineWorker worker = worker(relayingAllBut(endless, claimed -> {
            // Busy and deaf to interruption, as a runaway regular expression would be.
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            long spins = 0;
            while (System.nanoTime() < until) {
                spins++;
            }
            return List.of(Outgoing.unchanged("x@caf.fr", List.of("spins" + spins + "@example.org")));
        }), new PipelineProperties.Budget(Duration.ofMillis(300), DataSize.ofMegabytes(10), 3, Duration.ZERO));

        long start = System.nanoTime();
        assertThat(worker.runOnce()).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));

        assertThat(row(endless)).containsEntry("stage", "held");
        assertThat((String) row(endless).get("error")).startsWith("over the pipeline's time budget");
        assertThat(stage(next)).isEqualTo("delivery");
        assertThat(recipientRows(endless)).isEmpty();
    }

    @Test
    void aMessageWhoseCopiesWouldPassTheSizeBudgetIsHeldBeforeAnyWork() throws Exception {
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            recipients.add("habitant" + i + "@example.org");
        }
        long large = spool("ne-pas-repondre@caf.fr", recipients, raw("Subject: x", "X-Pad: " + "p".repeat(500)));
        AtomicInteger runs = new AtomicInteger();
        PipelineWorker worker = worker(claimed -> {
            runs.incrementAndGet();
            return List.of();
        }, new PipelineProperties.Budget(Duration.ofSeconds(30), DataSize.ofKilobytes(10), 3, Duration.ZERO));

        worker.runOnce();

        assertThat(runs).as("not run at all").hasValue(0);
        assertThat(row(large)).containsEntry("stage", "held");
        assertThat((String) row(large).get("error")).contains("x 40 recipient(s)").contains("guichet.pipeline.budget.size");
    }

    @Test
    void failingMailetLeavesTheMessageHeldWithTheException() throws Exception {
        MailetContainer container = TestPipelines.container(pipeline("""
                      <mailet match="All" class="org.guichet.gateway.pipeline.Explode"/>
                      <mailet match="All" class="Relay"/>"""));
        long id = spool("dossiers@caf.fr", List.of("alice@example.org"), plainRaw());

        worker(container).runOnce();

        Map<String, Object> row = jdbc.sql("select stage, error, raw, lease_owner from spool_message where id = :id")
                .param("id", id).query().singleRow();
        assertThat(row.get("stage")).isEqualTo("held");
        assertThat((String) row.get("error")).contains("disk on fire while rewriting").contains("Explode");
        assertThat((byte[]) row.get("raw")).isEqualTo(plainRaw());
        assertThat(row.get("lease_owner")).isNull();
        assertThat(recipientRows(id)).isEmpty();
        assertThat(worker(container).runOnce()).as("a held message is not claimed again").isZero();

        String queueId = jdbc.sql("select queue_id from spool_message where id = :id").param("id", id)
                .query(String.class).single();
        assertThat(queue.releaseHeld(queueId)).isTrue();
        assertThat(worker(defaultPipeline()).runOnce()).as("released once the pipeline is fixed").isEqualTo(1);
        assertThat(stage(id)).isEqualTo("delivery");
        assertThat(recipientRows(id)).containsExactly("alice@example.org");
        assertThat(jdbc.sql("select error from spool_message where id = :id").param("id", id)
                .query(String.class).optional()).as("error cleared by the new outcome").isEmpty();
    }

    @Test
    void partlyFailingMessageRelaysTheRestAndHoldsTheFailedPart() throws Exception {
        MailetContainer container = TestPipelines.container(pipeline("""
                      <mailet match="RecipientIs=bob@example.org" class="org.guichet.gateway.pipeline.Explode"/>
                      <mailet match="All" class="Relay"/>"""));
        long id = spool("dossiers@caf.fr", List.of("alice@example.org", "bob@example.org"), plainRaw());

        worker(container).runOnce();

        assertThat(stage(id)).isEqualTo("delivery");
        assertThat(recipientRows(id)).containsExactly("alice@example.org");
        Map<String, Object> held = jdbc.sql("select recipients, error from spool_message where stage = 'held'")
                .query().singleRow();
        assertThat((String[]) ((java.sql.Array) held.get("recipients")).getArray()).containsExactly("bob@example.org");
        assertThat((String) held.get("error")).contains("disk on fire");
    }

    @Test
    void mailSentThroughTheContextIsANewSpoolMessageInItsProcessor() throws Exception {
        MailetContainer container = TestPipelines.container(pipeline("""
                      <mailet match="All" class="org.guichet.gateway.pipeline.CopyToAudit"/>
                      <mailet match="All" class="Relay"/>""", """
                    <processor state="audit">
                      <mailet match="All" class="org.guichet.gateway.pipeline.CopyToAudit"/>
                      <mailet match="All" class="SetMimeHeader">
                        <name>X-Audit</name>
                        <value>yes</value>
                      </mailet>
                      <mailet match="All" class="Relay"/>
                    </processor>"""));
        long id = spool("dossiers@caf.fr", List.of("alice@example.org"), plainRaw());
        PipelineWorker worker = worker(container);

        worker.runOnce();

        assertThat(recipientRows(id)).containsExactly("alice@example.org");
        Map<String, Object> copy = jdbc.sql("""
                        select id, sender, recipients, processor, attributes from spool_message where stage = 'pipeline'""")
                .query().singleRow();
        assertThat(copy.get("processor")).isEqualTo("audit");
        assertThat(copy.get("sender")).isEqualTo("");
        assertThat((String[]) ((java.sql.Array) copy.get("recipients")).getArray()).containsExactly("audit@caf.fr");
        assertThat((String) copy.get("attributes")).contains(CopyToAudit.SOURCE.asString()).contains("\"value\"");

        worker.runOnce();

        long copyId = ((Number) copy.get("id")).longValue();
        assertThat(stage(copyId)).isEqualTo("done");
        Map<String, Object> audited = jdbc.sql("""
                        select m.raw, r.recipient from spool_message m join spool_recipient r on r.message_id = m.id
                        where m.id not in (:original, :copy)""")
                .param("original", id).param("copy", copyId).query().singleRow();
        assertThat(audited.get("recipient")).isEqualTo("audit@caf.fr");
        assertThat(new String((byte[]) audited.get("raw"), StandardCharsets.UTF_8))
                .contains("X-Audit: yes").contains("X-Audit-Source: 4F2A1-source");
    }
}
