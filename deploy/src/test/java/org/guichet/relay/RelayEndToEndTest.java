package org.guichet.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.guichet.Guichet;
import org.guichet.TestNode;
import org.guichet.cli.CommandRun;
import org.guichet.RecordingSmarthost;
import org.guichet.TestSmtp;
import org.guichet.queue.QueueOperations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole jar's wiring: an application submits over SMTP, Guichet spools, runs the
 * pipeline and relays to a smarthost (GreenMail), through real sessions on loopback.
 */
@SpringBootTest(classes = Guichet.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RelayEndToEndTest {

    static final TestNode NODE = TestNode.running("e2e", "submission,worker,web")
            .set("guichet.relay.retry-schedule", "1s")
            .set("guichet.relay.poll-interval", "200ms");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    QueueOperations queue;

    GreenMail smarthost;

    @BeforeEach
    void startSmarthost() {
        smarthost = new GreenMail(new ServerSetup(NODE.smarthost, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smarthost.start();
    }

    @AfterEach
    void stopSmarthost() {
        smarthost.stop();
    }

    @Test
    void submittedMessageIsDeliveredToTheSmarthost() throws Exception {
        TestSmtp.send(NODE.submission, "agent@caf.test", List.of("citoyen@example.org"), "Votre dossier n° 42",
                "Bonjour,\nvotre dossier est complet.\n");

        await().atMost(Duration.ofSeconds(30)).until(() -> smarthost.getReceivedMessages().length == 1);
        MimeMessage delivered = smarthost.getReceivedMessages()[0];
        assertThat(delivered.getSubject()).isEqualTo("Votre dossier n° 42");
        assertThat(GreenMailUtil.getBody(delivered)).contains("votre dossier est complet");
        assertThat(delivered.getHeader("Received")[1]).contains("Guichet");
        await().atMost(Duration.ofSeconds(10)).until(() -> queue.list(null, 10).isEmpty());
    }

    @Test
    void smarthostDownDefersThenDeliversWhenItReturns() throws Exception {
        smarthost.stop();
        TestSmtp.send(NODE.submission, "agent@caf.test", List.of("citoyen@example.org"), "Relance", "Bonjour\n");

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from spool_recipient where status = 'deferred'").query(Long.class).single() > 0);
        assertThat(queue.list("deferred", 10)).hasSize(1);

        smarthost = new GreenMail(new ServerSetup(NODE.smarthost, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smarthost.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> smarthost.getReceivedMessages().length == 1);
        assertThat(jdbc.sql("""
                select count(*) from delivery_attempt a join spool_recipient r on r.id = a.recipient_id
                where r.recipient = 'citoyen@example.org' and a.outcome = 'deferred'""").query(Long.class).single())
                .isPositive();
    }

    @Test
    void operatorFlushMakesEveryDeferredRecipientDueNow() throws Exception {
        smarthost.stop();
        TestSmtp.send(NODE.submission, "agent@caf.test", List.of("attente@example.org"), "Rappel", "Bonjour\n");
        await().atMost(Duration.ofSeconds(30)).until(() -> !queue.list("deferred", 10).isEmpty());

        CommandRun flushed = CommandRun.of(NODE.flags("queue", "flush"));

        assertThat(flushed.status()).isZero();
        assertThat(flushed.out()).containsPattern("queue: [1-9][0-9]* deferred recipient\\(s\\) scheduled now");
        smarthost = new GreenMail(new ServerSetup(NODE.smarthost, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smarthost.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> smarthost.getReceivedMessages().length == 1);
    }

    @Test
    void operatorBounceSendsADsnToTheSender() throws Exception {
        smarthost.stop();
        TestSmtp.send(NODE.submission, "agent@caf.test", List.of("perdu@example.org"), "Avis", "Bonjour\n");
        await().atMost(Duration.ofSeconds(30)).until(() -> !queue.list("deferred", 10).isEmpty());
        String queueId = queue.list("deferred", 10).get(0).queueId();

        try (RecordingSmarthost recording = new RecordingSmarthost(NODE.smarthost)) {
            assertThat(queue.bounce(queueId)).isEqualTo(1);

            await().atMost(Duration.ofSeconds(30)).until(() -> recording.received().size() == 1);
            RecordingSmarthost.Received dsn = recording.received().get(0);
            assertThat(dsn.sender()).isEmpty();
            assertThat(dsn.recipients()).containsExactly("agent@caf.test");
            assertThat(dsn.message().getContentType()).contains("multipart/report").contains("delivery-status");
            assertThat(new String(dsn.raw(), StandardCharsets.UTF_8)).contains("perdu@example.org").contains("5.0.0");
        }
        smarthost.start();
    }

    @Test
    void permanentRefusalAtTheSmarthostSendsADsnAndDeliversTheOthers() throws Exception {
        smarthost.stop();
        try (RecordingSmarthost recording = new RecordingSmarthost(NODE.smarthost)) {
            TestSmtp.send(NODE.submission, "agent@caf.test", List.of("inconnu@example.org", "connu@example.org"),
                    "Avis", "Bonjour\n");

            await().atMost(Duration.ofSeconds(30)).until(() -> recording.received().size() == 2);
            RecordingSmarthost.Received original = recording.received().stream()
                    .filter(r -> !r.sender().isEmpty()).findFirst().orElseThrow();
            assertThat(original.recipients()).containsExactly("connu@example.org");
            RecordingSmarthost.Received dsn = recording.received().stream()
                    .filter(r -> r.sender().isEmpty()).findFirst().orElseThrow();
            assertThat(dsn.recipients()).containsExactly("agent@caf.test");
            assertThat(new String(dsn.raw(), StandardCharsets.UTF_8))
                    .contains("Final-Recipient: rfc822; inconnu@example.org").contains("5.1.1");
        }
        smarthost.start();
    }
}
