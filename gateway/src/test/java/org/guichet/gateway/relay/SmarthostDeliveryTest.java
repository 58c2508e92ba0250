package org.guichet.gateway.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.guichet.FreePort;
import org.guichet.gateway.smtp.TestKeyStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.helper.SimpleMessageListener;
import org.subethamail.smtp.server.SMTPServer;

/** Delivery to a smarthost, with GreenMail as the smarthost. */
class SmarthostDeliveryTest {

    private final RelayRig rig = new RelayRig();
    private GreenMail smarthost;

    @AfterEach
    void stopSmarthost() {
        if (smarthost != null) {
            smarthost.stop();
        }
    }

    private GreenMail startSmarthost(int port) {
        smarthost = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smarthost.start();
        return smarthost;
    }

    /** The smarthost's settings, logging in as {@code guichet} / {@code s3cret}. */
    private TestSettings loggingIn(int port) {
        TestSettings settings = new TestSettings().smarthost("127.0.0.1:" + port);
        settings.username = "guichet";
        settings.password = "s3cret";
        return settings;
    }

    /** A smarthost on a free port that asks for guichet's login, and settings that log in to it. */
    private TestSettings smarthostAskingForLogin() {
        int port = FreePort.next();
        startSmarthost(port).setUser("guichet", "s3cret");
        return loggingIn(port);
    }

    /** A one-line message from {@code noreply@mairie.test} to {@code recipient}, queued. */
    private String enqueueTo(String recipient) {
        return rig.enqueue("noreply@mairie.test", RelayRig.message("noreply@mairie.test", recipient, "x"), recipient);
    }

    @Test
    void messageArrivesAtSmarthostWithItsBytesUnchanged() throws Exception {
        int port = FreePort.next();
        startSmarthost(port);
        byte[] raw = RelayRig.message("noreply@mairie.test", "citoyen@example.org", "Votre demande");
        String queueId = rig.enqueue("noreply@mairie.test", raw, "citoyen@example.org");

        DeliveryWorker worker = rig.worker(new TestSettings().smarthost("127.0.0.1:" + port).build(), "node-a");
        assertThat(worker.cycle()).isEqualTo(1);

        MimeMessage[] received = smarthost.getReceivedMessages();
        assertThat(received).hasSize(1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        received[0].writeTo(bytes);
        // GreenMail prepends its trace headers (Return-Path, Received) and stores the body without
        // its final line break; between the two, what it got is what we sent (byte-exact test: RecipientOutcomeTest)
        String sent = new String(raw, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(new String(bytes.toByteArray(), java.nio.charset.StandardCharsets.UTF_8))
                .endsWith(sent.substring(0, sent.length() - 2));
        assertThat(GreenMailUtil.getBody(received[0])).contains(".Une ligne qui commence par un point.");
        assertThat(rig.status(queueId, "citoyen@example.org")).isEqualTo("delivered");
        assertThat(rig.stage(queueId)).isEqualTo("done");
        assertThat(rig.attempts(queueId, "citoyen@example.org")).singleElement()
                .satisfies(a -> {
                    assertThat(a.get("outcome")).isEqualTo("delivered");
                    assertThat(a.get("node")).isEqualTo("node-a");
                    assertThat(a.get("next_hop").toString()).isEqualTo("127.0.0.1[127.0.0.1]:" + port);
                });
        assertThat(rig.counter("guichet.relay.delivered")).isEqualTo(1);
    }

    @Test
    void smarthostDownDefersPerScheduleThenDeliversWhenItIsBack() throws Exception {
        int port = FreePort.next();
        String queueId = enqueueTo("a@example.org");
        TestSettings settings = new TestSettings().smarthost("127.0.0.1:" + port);
        settings.retrySchedule = java.util.List.of(Duration.ofMinutes(5), Duration.ofMinutes(30));
        DeliveryWorker worker = rig.worker(settings.build(), "node-a");

        worker.cycle();
        assertThat(rig.status(queueId, "a@example.org")).isEqualTo("deferred");
        assertThat(rig.nextAttempt(queueId, "a@example.org")).isEqualTo(RelayRig.START.plus(Duration.ofMinutes(5)));
        assertThat(rig.recipientRow(queueId, "a@example.org").get("last_reply").toString()).startsWith("451 4.4.1");

        rig.advance(Duration.ofMinutes(1));
        assertThat(worker.cycle()).as("not due before the first wait is over").isZero();

        rig.advance(Duration.ofMinutes(4));
        worker.cycle();
        assertThat(rig.nextAttempt(queueId, "a@example.org"))
                .as("second failure waits the second entry")
                .isEqualTo(RelayRig.START.plus(Duration.ofMinutes(35)));

        rig.advance(Duration.ofMinutes(30));
        worker.cycle();
        assertThat(rig.nextAttempt(queueId, "a@example.org"))
                .as("the last entry repeats")
                .isEqualTo(RelayRig.START.plus(Duration.ofMinutes(65)));

        startSmarthost(port);
        rig.advance(Duration.ofMinutes(30));
        worker.cycle();
        assertThat(rig.status(queueId, "a@example.org")).isEqualTo("delivered");
        assertThat(smarthost.getReceivedMessages()).hasSize(1);
        assertThat(rig.attempts(queueId, "a@example.org")).extracting(a -> a.get("outcome"))
                .containsExactly("deferred", "deferred", "deferred", "delivered");
        assertThat(rig.recipientRow(queueId, "a@example.org").get("attempts")).isEqualTo(4);
        assertThat(rig.counter("guichet.relay.deferred")).isEqualTo(3);
        assertThat(rig.spool.submissions).as("no DSN for a delivered message").isEmpty();
    }

    @Test
    void authenticatesAtSmarthost() throws Exception {
        TestSettings settings = smarthostAskingForLogin();
        String good = enqueueTo("b@example.org");
        rig.worker(settings.build(), "node-a").cycle();
        assertThat(rig.status(good, "b@example.org")).isEqualTo("delivered");

        String refused = enqueueTo("c@example.org");
        settings.password = "wrong";
        rig.worker(settings.build(), "node-a").cycle();
        assertThat(rig.status(refused, "c@example.org"))
                .as("a refused login is the operator's problem: retried, not bounced")
                .isEqualTo("deferred");
        assertThat(rig.recipientRow(refused, "c@example.org").get("last_reply").toString()).contains("535");
        assertThat(smarthost.getReceivedMessages()).hasSize(1);
    }

    @Test
    void credentialsAreNotSentInClearUnlessTlsIsOff() throws Exception {
        TestSettings settings = smarthostAskingForLogin();
        String queueId = enqueueTo("d@example.org");
        settings.tls = RelayProperties.TlsPolicy.OPPORTUNISTIC;
        rig.worker(settings.build(), "node-a").cycle();

        assertThat(rig.status(queueId, "d@example.org")).isEqualTo("deferred");
        assertThat(rig.recipientRow(queueId, "d@example.org").get("last_reply").toString())
                .contains("4.7.0").contains("credentials withheld");
        assertThat(smarthost.getReceivedMessages()).isEmpty();
    }

    @Test
    void credentialsAreWithheldFromAHostWhoseCertificateIsNotTrusted() throws Exception {
        int port = FreePort.next();
        AtomicInteger logins = new AtomicInteger();
        AtomicInteger messages = new AtomicInteger();
        SMTPServer impostor = SMTPServer.port(port).bindAddress(InetAddress.getLoopbackAddress())
                .enableTLS().startTlsSocketFactory(TestKeyStore.serverContext())
                .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((user, password, context) ->
                        logins.incrementAndGet()))
                .simpleMessageListener(new SimpleMessageListener() {
                    @Override
                    public boolean accept(String from, String recipient) {
                        return true;
                    }

                    @Override
                    public void deliver(String from, String recipient, InputStream data) {
                        messages.incrementAndGet();
                    }
                }).build();
        impostor.start();
        try {
            String queueId = enqueueTo("f@example.org");
            TestSettings settings = loggingIn(port);
            settings.tls = RelayProperties.TlsPolicy.OPPORTUNISTIC;
            rig.worker(settings.build(), "node-a").cycle();

            assertThat(rig.status(queueId, "f@example.org")).isEqualTo("deferred");
            assertThat(rig.recipientRow(queueId, "f@example.org").get("last_reply").toString())
                    .contains("4.7.0").contains("credentials withheld: the certificate of 127.0.0.1");
            assertThat(logins).as("no AUTH was even tried over the encrypted session").hasValue(0);
            assertThat(messages).hasValue(0);
        } finally {
            impostor.stop();
        }
    }

    @Test
    void requiredTlsWithoutStarttlsDefers() throws Exception {
        int port = FreePort.next();
        startSmarthost(port);
        String queueId = enqueueTo("e@example.org");
        TestSettings settings = new TestSettings().smarthost("127.0.0.1:" + port);
        settings.tls = RelayProperties.TlsPolicy.REQUIRED;
        rig.worker(settings.build(), "node-a").cycle();

        assertThat(rig.status(queueId, "e@example.org")).isEqualTo("deferred");
        assertThat(rig.recipientRow(queueId, "e@example.org").get("last_reply").toString()).startsWith("454 4.7.0");
        assertThat(smarthost.getReceivedMessages()).isEmpty();
    }
}
