package org.guichet.gateway.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import jakarta.mail.BodyPart;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** What each recipient becomes, seen from a scripted SMTP peer that records every byte. */
class RecipientOutcomeTest {

    private final RelayRig rig = new RelayRig();
    @AutoClose
    private final ScriptedSmtpPeer peer = new ScriptedSmtpPeer();

    private TestSettings toPeer() {
        return new TestSettings().smarthost("127.0.0.1:" + peer.port());
    }

    @Test
    void rawBytesLeaveUnchangedWithDotStuffingUndoneByThePeer() {
        byte[] raw = RelayRig.message("noreply@mairie.test", "a@example.org", "Relevé");
        rig.enqueue("noreply@mairie.test", raw, "a@example.org");
        rig.worker(toPeer().build(), "node-a").cycle();

        assertThat(peer.transactions).singleElement().satisfies(t -> {
            assertThat(t.data()).isEqualTo(raw);
            assertThat(t.mailFrom()).isEqualTo("noreply@mairie.test");
        });
        // the message has 8-bit bytes and the peer offers SIZE and 8BITMIME (RFC 1870, RFC 6152)
        assertThat(peer.mailCommands).singleElement()
                .isEqualTo("MAIL FROM:<noreply@mairie.test> SIZE=" + raw.length + " BODY=8BITMIME");
    }

    @Test
    void bareLineFeedsAreSentAsCrlf() {
        byte[] raw = "Subject: lf\n\nline one\n.dot\n".getBytes(StandardCharsets.US_ASCII);
        rig.enqueue("noreply@mairie.test", raw, "a@example.org");
        rig.worker(toPeer().build(), "node-a").cycle();

        assertThat(new String(peer.transactions.get(0).data(), StandardCharsets.US_ASCII))
                .isEqualTo("Subject: lf\r\n\r\nline one\r\n.dot\r\n");
    }

    @Test
    void refusedRecipientBouncesWithDsnWhileTheOtherIsDelivered() throws Exception {
        peer.rcptReplies.put("parti@example.org", "550 5.1.1 <parti@example.org>: no such user");
        byte[] raw = RelayRig.message("noreply@mairie.test", "a@example.org", "Avis");
        String queueId = rig.enqueue("noreply@mairie.test", raw, "present@example.org", "parti@example.org");
        rig.worker(toPeer().build(), "node-a").cycle();

        assertThat(rig.status(queueId, "present@example.org")).isEqualTo("delivered");
        assertThat(rig.status(queueId, "parti@example.org")).isEqualTo("bounced");
        assertThat(rig.stage(queueId)).isEqualTo("done");
        assertThat(peer.transactions).singleElement()
                .satisfies(t -> assertThat(t.recipients()).containsExactly("present@example.org"));
        assertThat(rig.counter("guichet.relay.delivered")).isEqualTo(1);
        assertThat(rig.counter("guichet.relay.bounced", "reason", "permanent")).isEqualTo(1);

        assertThat(rig.spool.submissions).singleElement().satisfies(dsn -> {
            assertThat(dsn.envelope().sender()).as("a DSN goes out with the null sender").isEmpty();
            assertThat(dsn.envelope().recipients()).containsExactly("noreply@mairie.test");
        });
        MimeMessage dsn = parse(rig.spool.submissions.get(0).raw());
        assertThat(dsn.getRecipients(MimeMessage.RecipientType.TO))
                .containsExactly(new InternetAddress("noreply@mairie.test"));
        assertThat(dsn.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        ContentType type = new ContentType(dsn.getContentType());
        assertThat(type.getBaseType()).isEqualTo("multipart/report");
        assertThat(type.getParameter("report-type")).isEqualTo("delivery-status");

        MimeMultipart report = (MimeMultipart) dsn.getContent();
        assertThat(report.getCount()).isEqualTo(3);
        String human = (String) report.getBodyPart(0).getContent();
        assertThat(human).contains("n'a pas pu être remis").contains("could not be delivered")
                .contains("parti@example.org").doesNotContain("present@example.org");
        assertThat(human.indexOf("n'a pas pu être remis")).as("French first").isLessThan(human.indexOf("could not"));

        BodyPart status = report.getBodyPart(1);
        assertThat(status.isMimeType("message/delivery-status")).isTrue();
        String fields = new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(fields).contains("Reporting-MTA: dns; relay.guichet.test")
                .contains("Arrival-Date: ")
                .contains("Final-Recipient: rfc822; parti@example.org")
                .contains("Action: failed")
                .contains("Status: 5.1.1")
                .contains("Remote-MTA: dns; 127.0.0.1")
                .contains("Diagnostic-Code: smtp; 550 5.1.1 <parti@example.org>: no such user")
                .doesNotContain("present@example.org");

        BodyPart headers = report.getBodyPart(2);
        assertThat(headers.isMimeType("text/rfc822-headers")).isTrue();
        String original = new String(headers.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(original).contains("Subject: Avis").contains("DKIM-Signature:").doesNotContain("Bonjour");
    }

    @Test
    void nullSenderNeverGetsADsn() {
        peer.rcptReplies.put("parti@example.org", "550 5.1.1 no such user");
        String queueId = rig.enqueue("", RelayRig.message("mailer-daemon@mairie.test", "x", "DSN"), "parti@example.org");
        rig.worker(toPeer().build(), "node-a").cycle();

        assertThat(rig.status(queueId, "parti@example.org")).isEqualTo("bounced");
        assertThat(rig.spool.submissions).isEmpty();
        assertThat(peer.mailCommands).singleElement().asString().startsWith("MAIL FROM:<>");
    }

    @Test
    void temporaryFailuresExpireAfterMaxAgeWithADsn() throws Exception {
        peer.rcptReplies.put("plein@example.org", "452 4.2.2 mailbox full");
        TestSettings settings = toPeer();
        settings.maxAge = Duration.ofHours(1);
        settings.retrySchedule = List.of(Duration.ofMinutes(20), Duration.ofMinutes(50));
        DeliveryWorker worker = rig.worker(settings.build(), "node-a");
        String queueId = rig.enqueue("noreply@mairie.test", RelayRig.message("noreply@mairie.test", "p", "x"),
                "plein@example.org");

        worker.cycle();
        assertThat(rig.nextAttempt(queueId, "plein@example.org")).isEqualTo(RelayRig.START.plus(Duration.ofMinutes(20)));
        rig.advance(Duration.ofMinutes(20));
        worker.cycle();
        assertThat(rig.nextAttempt(queueId, "plein@example.org"))
                .as("the wait is cut so that the last attempt happens at the max age")
                .isEqualTo(RelayRig.START.plus(Duration.ofHours(1)));
        assertThat(rig.spool.submissions).isEmpty();

        rig.advance(Duration.ofMinutes(40));
        worker.cycle();
        assertThat(rig.status(queueId, "plein@example.org")).isEqualTo("expired");
        assertThat(rig.stage(queueId)).isEqualTo("done");
        assertThat(rig.attempts(queueId, "plein@example.org")).extracting(a -> a.get("outcome"))
                .containsExactly("deferred", "deferred", "expired");
        assertThat(rig.counter("guichet.relay.bounced", "reason", "expired")).isEqualTo(1);

        assertThat(rig.spool.submissions).hasSize(1);
        MimeMultipart report = (MimeMultipart) parse(rig.spool.submissions.get(0).raw()).getContent();
        String fields = new String(report.getBodyPart(1).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(fields).contains("Status: 4.4.7").contains("Diagnostic-Code: smtp; 452 4.2.2 mailbox full");
        assertThat((String) report.getBodyPart(0).getContent()).contains("délai de remise dépassé");
    }

    @Test
    void thousandMessagesToOneSmarthostShareAFewConnections() {
        TestSettings settings = toPeer();
        settings.maxParallel = 4;
        settings.claimBatch = 100;
        DeliveryWorker worker = rig.worker(settings.build(), "node-a");
        for (int i = 0; i < 1000; i++) {
            rig.enqueue("noreply@mairie.test", RelayRig.message("noreply@mairie.test", "c", "n" + i), "c" + i + "@example.org");
        }
        long started = System.nanoTime();
        int total = 0;
        int claimed;
        while ((claimed = worker.cycle()) > 0) {
            total += claimed;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(total).isEqualTo(1000);
        assertThat(peer.transactions).hasSize(1000);
        assertThat(peer.connections.get()).as("connections opened for 1000 messages").isLessThanOrEqualTo(4);
        assertThat(worker.connectionsOpened()).isEqualTo(peer.connections.get());
        assertThat(rig.counter("guichet.relay.delivered")).isEqualTo(1000);
        System.out.printf("relay: 1000 messages in %d ms over %d connections%n", millis, peer.connections.get());
    }

    @Test
    void nonAsciiRecipientBouncesWhenThePeerLacksSmtputf8() {
        String queueId = rig.enqueue("noreply@mairie.test", RelayRig.message("n", "a", "x"), "élise@example.org");
        rig.worker(toPeer().build(), "node-a").cycle();

        // RFC 6531 §3.2: such an address cannot be downgraded, so this is final
        assertThat(rig.status(queueId, "élise@example.org")).isEqualTo("bounced");
        assertThat(rig.recipientRow(queueId, "élise@example.org").get("last_reply").toString()).startsWith("553 5.6.7");
        assertThat(peer.mailCommands).isEmpty();
        assertThat(rig.spool.submissions).hasSize(1);
    }

    @Test
    void serverWithoutEsmtpGetsHelo() {
        peer.withoutEsmtp();
        byte[] raw = "Subject: old\r\n\r\nhi\r\n".getBytes(StandardCharsets.US_ASCII);
        String queueId = rig.enqueue("noreply@mairie.test", raw, "a@example.org");
        rig.worker(toPeer().build(), "node-a").cycle();

        assertThat(rig.status(queueId, "a@example.org")).isEqualTo("delivered");
        assertThat(peer.mailCommands).containsExactly("MAIL FROM:<noreply@mairie.test>");
    }

    @Test
    void runningWorkerDeliversOnItsOwnAndStopsCleanly() {
        DeliveryWorker worker = rig.worker(toPeer().build(), "node-a");
        worker.start();
        try {
            String queueId = rig.enqueue("noreply@mairie.test", RelayRig.message("n", "a", "x"), "a@example.org");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> rig.status(queueId, "a@example.org").equals("delivered"));
        } finally {
            worker.stop();
        }
        assertThat(worker.isRunning()).isFalse();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> peer.openConnections() == 0);
    }

    private static MimeMessage parse(byte[] raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }
}
