package org.guichet.gateway.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.guichet.TestNode;
import org.guichet.gateway.GatewayTestApplication;
import org.guichet.gateway.token.ReplyTokenSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What one client can take of a listener, over real SMTP sessions on loopback: sessions per
 * address, a session's whole duration, and a message's header, lines and size, with large
 * messages waiting on disk rather than in memory. 127.0.0.3 plays the crowding client,
 * 127.0.0.2 everyone else.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class SessionLimitsTest {

    static final int PER_ADDRESS = 3;
    static final Duration SESSION = Duration.ofSeconds(6);

    static final TestNode NODE = TestNode.running("session-limits", "submission,inbound")
            .set("guichet.smtp.hostname", "mx.guichet.test")
            .set("guichet.smtp.max-message-size", "64KB")
            .set("guichet.smtp.limits.connections-per-address", PER_ADDRESS)
            .set("guichet.smtp.limits.session-duration", SESSION.toSeconds() + "s")
            .set("guichet.smtp.limits.header-fields", 50)
            .set("guichet.smtp.limits.header-size", "4KB")
            .set("guichet.smtp.limits.line-length", 200)
            .set("guichet.smtp.limits.memory-threshold", "16KB");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReplyTokenSigner signer;

    final List<SmtpDialog> held = new ArrayList<>();

    @BeforeEach
    void emptySpool() {
        jdbc.sql("delete from spool_message").update();
    }

    @AfterEach
    void closeHeldSessions() throws IOException {
        for (SmtpDialog smtp : held) {
            smtp.close();
        }
    }

    private String replyAddress() {
        return signer.localPart(signer.newConversation()) + "@" + TestNode.REPLY_DOMAIN;
    }

    private SmtpDialog hold(String from, int port) throws IOException {
        SmtpDialog smtp = new SmtpDialog(from, port);
        held.add(smtp);
        return smtp;
    }

    @Test
    void oneAddressHoldingItsShareOfSessionsLeavesEveryoneElseServed() throws Exception {
        for (int i = 0; i < PER_ADDRESS; i++) {
            assertThat(hold("127.0.0.3", NODE.inbound).reply()).startsWith("220 mx.guichet.test");
        }
        SmtpDialog oneTooMany = hold("127.0.0.3", NODE.inbound);
        assertThat(oneTooMany.reply()).startsWith("421 4.7.0 Too many connections from your address");
        assertThat(oneTooMany.reply()).as("closed after the 421").isNull();

        try (SmtpDialog other = new SmtpDialog("127.0.0.2", NODE.inbound)) {
            assertThat(other.reply()).startsWith("220 mx.guichet.test");
            other.command("EHLO mail.example.org");
            String queueId = other.deliver("camille@example.org", replyAddress(),
                    "From: camille@example.org\r\nSubject: Re: dossier\r\n\r\nBonjour\r\n");
            assertThat(jdbc.sql("select count(*) from spool_message where queue_id = ?").param(queueId)
                    .query(Integer.class).single()).isEqualTo(1);
        }

        // A session of the crowded address ends: the address may open one more.
        held.get(0).close();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            try (SmtpDialog again = new SmtpDialog("127.0.0.3", NODE.inbound)) {
                assertThat(again.reply()).startsWith("220");
            }
        });
    }

    @Test
    void networksTheSubmissionListenerAllowsAreNotCounted() throws Exception {
        for (int i = 0; i < PER_ADDRESS + 2; i++) {
            assertThat(hold("127.0.0.1", NODE.submission).reply()).startsWith("220 mx.guichet.test");
        }
    }

    @Test
    void aSessionTricklingItsDataIsClosedAtItsDeadlineAndNothingIsKept() throws Exception {
        long start = System.nanoTime();
        try (SmtpDialog smtp = SmtpDialog.greeted(NODE.inbound, "slow.example.org")) {
            assertThat(smtp.command("MAIL FROM:<slow@example.org>")).startsWith("250");
            assertThat(smtp.command("RCPT TO:<" + replyAddress() + ">")).startsWith("250");
            assertThat(smtp.command("DATA")).startsWith("354");
            // One byte every 200 ms: never idle long enough for the idle timeout.
            String closing = null;
            for (int i = 0; i < 100 && closing == null; i++) {
                Thread.sleep(200);
                closing = smtp.readyReply();
                if (closing == null) {
                    smtp.send("x");
                }
            }
            if (closing == null) {
                closing = smtp.reply();
            }
            assertThat(closing).startsWith("421 4.4.2 Session time limit exceeded");
        }
        Duration lasted = Duration.ofNanos(System.nanoTime() - start);
        assertThat(lasted).isBetween(SESSION, SESSION.plusSeconds(5));
        assertThat(jdbc.sql("select count(*) from spool_message").query(Integer.class).single()).isZero();
    }

    @Test
    void aFloodOfHeaderFieldsIsRefused() throws Exception {
        StringBuilder message = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            message.append("X-Flood-").append(i).append(": ").append(i).append("\r\n");
        }
        assertThat(refusal(message + "\r\nbody\r\n")).isEqualTo("552 5.3.4 Message header has more than 50 fields");
    }

    @Test
    void foldedLinesOfOneFieldAreOneField() throws Exception {
        StringBuilder message = new StringBuilder("Subject: a subject\r\n");
        for (int i = 0; i < 60; i++) {
            message.append(" folded part ").append(i).append("\r\n");
        }
        try (SmtpDialog smtp = SmtpDialog.greeted(NODE.inbound, "mail.example.org")) {
            assertThat(smtp.deliver("camille@example.org", replyAddress(), message + "\r\nbody\r\n")).isNotBlank();
        }
    }

    @Test
    void aHeaderSectionTooLargeIsRefused() throws Exception {
        String message = "Subject: " + "long ".repeat(30) + "\r\n"
                + ("X-Big: " + "y".repeat(150) + "\r\n").repeat(30) + "\r\nbody\r\n";
        assertThat(refusal(message)).isEqualTo("552 5.3.4 Message header exceeds 4096 bytes");
    }

    @Test
    void aLineLongerThanTheLimitIsRefusedInTheBodyToo() throws Exception {
        String message = "Subject: long line\r\n\r\n" + "z".repeat(201) + "\r\n";
        assertThat(refusal(message)).isEqualTo("554 5.6.0 Message refused: a line is longer than 200 bytes (RFC 5322 2.1.1)");
        assertThat(jdbc.sql("select count(*) from spool_message").query(Integer.class).single()).isZero();
    }

    @Test
    void aLargeMessageWaitsOnDiskAndIsSpooledWhole() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; body.length() < 48 * 1024; i++) {
            body.append("ligne ").append(i).append(" du justificatif joint\r\n");
        }
        String message = "From: camille@example.org\r\nSubject: Re: dossier\r\n\r\n" + body;
        String queueId;
        try (SmtpDialog smtp = SmtpDialog.greeted(NODE.inbound, "mail.example.org")) {
            queueId = smtp.deliver("camille@example.org", replyAddress(), message);
        }
        byte[] raw = jdbc.sql("select raw from spool_message where queue_id = ?").param(queueId)
                .query(byte[].class).single();
        assertThat(new String(raw, StandardCharsets.UTF_8)).startsWith("Received: ").endsWith(message);
        assertThat(dataFiles()).as("the file it waited in is gone once spooled").isEmpty();
    }

    @Test
    void aMessageOverTheSizeLimitLeavesNoFileBehind() throws Exception {
        String message = "Subject: big\r\n\r\n" + ("0123456789".repeat(10) + "\r\n").repeat(800);
        assertThat(refusal(message)).isEqualTo("552 5.3.4 Message size exceeds fixed maximum message size");
        assertThat(dataFiles()).isEmpty();
    }

    private String refusal(String message) throws IOException {
        try (SmtpDialog smtp = SmtpDialog.greeted(NODE.inbound, "mail.example.org")) {
            assertThat(smtp.command("MAIL FROM:<camille@example.org>")).startsWith("250");
            assertThat(smtp.command("RCPT TO:<" + replyAddress() + ">")).startsWith("250");
            assertThat(smtp.command("DATA")).startsWith("354");
            String reply = smtp.command(message + ".");
            // The refusal ends the transaction (RFC 5321 §3.3): the session goes on with the next one.
            assertThat(smtp.command("MAIL FROM:<camille@example.org>")).startsWith("250");
            return reply;
        }
    }

    private static List<Path> dataFiles() throws IOException {
        Path folder = NODE.home.resolve("tmp");
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
