package org.guichet.gateway.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.guichet.TestNode;
import org.guichet.gateway.GatewayTestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The submission listener over real SMTP sessions on loopback, with the spool in a real
 * PostgreSQL. No worker runs here, so what was accepted stays visible in the spool.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class SubmissionListenerTest {

    static final TestNode NODE = TestNode.running("submission-listener", "submission")
            .set("guichet.smtp.hostname", "guichet.test")
            .set("guichet.smtp.max-message-size", "64KB");

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptySpool() {
        jdbc.sql("delete from spool_message").update();
    }

    @Test
    void acceptedMessageIsInTheSpoolWhen250Arrives() throws Exception {
        String message = "From: noreply@caf.fr\r\nTo: citoyen@example.org\r\nSubject: Votre dossier\r\n\r\nBonjour,\r\n..point\r\n";
        try (SmtpDialog smtp = new SmtpDialog(NODE.submission)) {
            assertThat(smtp.reply()).startsWith("220 guichet.test");
            assertThat(smtp.command("EHLO app.caf.fr")).startsWith("250");
            assertThat(smtp.command("MAIL FROM:<noreply@caf.fr>")).startsWith("250");
            assertThat(smtp.command("RCPT TO:<citoyen@example.org>")).startsWith("250");
            assertThat(smtp.command("RCPT TO:<autre@example.org>")).startsWith("250");
            assertThat(smtp.command("DATA")).startsWith("354");
            String queueId = SmtpDialog.queueId(smtp.command(message + "."));

            // The 250 came after the commit: the row is there, read by another connection.
            var row = jdbc.sql("select sender, recipients, raw, stage from spool_message where queue_id = ?")
                    .param(queueId).query().singleRow();
            assertThat(row.get("sender")).isEqualTo("noreply@caf.fr");
            assertThat(row.get("stage")).isEqualTo("pipeline");
            String raw = new String((byte[]) row.get("raw"), StandardCharsets.UTF_8);
            assertThat(raw).startsWith("Received: from app.caf.fr").endsWith(message.replace("..point", ".point"));
            assertThat(jdbc.sql("select array_length(recipients, 1) from spool_message").query(Integer.class).single())
                    .isEqualTo(2);
        }
    }

    @Test
    void ehloAnnouncesExtensionsButNoAuthInClear() throws Exception {
        try (SmtpDialog smtp = new SmtpDialog(NODE.submission)) {
            smtp.reply();
            String ehlo = smtp.command("EHLO app.caf.fr");
            assertThat(ehlo).contains("250-PIPELINING", "250-SIZE 65536", "250-8BITMIME", "250-SMTPUTF8")
                    .doesNotContain("AUTH");
            assertThat(smtp.command("AUTH PLAIN AGFwcABzZWNyZXQ=")).startsWith("538 5.7.11");
        }
    }

    @Test
    void pipelinedCommandsAreAnsweredInOrder() throws Exception {
        try (SmtpDialog smtp = SmtpDialog.greeted(NODE.submission, "app.caf.fr")) {
            smtp.send("MAIL FROM:<noreply@caf.fr>\r\nRCPT TO:<a@example.org>\r\nRCPT TO:<b@example.org>\r\nDATA\r\n");
            assertThat(smtp.reply()).startsWith("250");
            assertThat(smtp.reply()).startsWith("250");
            assertThat(smtp.reply()).startsWith("250");
            assertThat(smtp.reply()).startsWith("354");
            assertThat(smtp.command("Subject: x\r\n\r\nbody\r\n.")).startsWith("250 2.0.0");
        }
        assertThat(spooled()).isEqualTo(1);
    }

    /** Each way a lax server could end DATA early and run a smuggled second transaction. */
    @ParameterizedTest
    @ValueSource(strings = {"\n.\n", "\n.\r\n", "\r\n.\n", "\r.\r", "\r.\r\n", "\r\n.\r", "\n..\n"})
    void smuggledMessageIsRefusedAndNothingIsSpooled(String fakeEnd) throws Exception {
        try (SmtpDialog smtp = SmtpDialog.greeted(NODE.submission, "app.caf.fr")) {
            String reply = smtp.smuggle("noreply@caf.fr", "citoyen@example.org", fakeEnd,
                    "MAIL FROM:<admin@caf.fr>\r\nRCPT TO:<victim@example.org>\r\nDATA\r\n"
                    + "From: admin@caf.fr\r\nSubject: smuggled\r\n\r\nevil\r\n.");
            assertThat(reply).startsWith("554 5.5.2");
            assertThat(smtp.command("NOOP")).startsWith("250");
        }
        assertThat(spooled()).isZero();
    }

    @Test
    void oversizedMessageIsRefused() throws Exception {
        try (SmtpDialog smtp = SmtpDialog.greeted(NODE.submission, "app.caf.fr")) {
            assertThat(smtp.command("MAIL FROM:<noreply@caf.fr> SIZE=100000")).startsWith("552 5.3.4");
            smtp.command("MAIL FROM:<noreply@caf.fr>");
            smtp.command("RCPT TO:<citoyen@example.org>");
            smtp.command("DATA");
            String line = "x".repeat(998) + "\r\n";
            assertThat(smtp.command("Subject: big\r\n\r\n" + line.repeat(80) + ".")).startsWith("552 5.3.4");
        }
        assertThat(spooled()).isZero();
    }

    @Test
    void badAddressesAreRefusedWithEnhancedCodes() throws Exception {
        try (SmtpDialog smtp = SmtpDialog.greeted(NODE.submission, "app.caf.fr")) {
            assertThat(smtp.command("MAIL FROM:<not an address>")).startsWith("5");
            assertThat(smtp.command("MAIL FROM:<>")).startsWith("250");
            assertThat(smtp.command("RCPT TO:<nobody>")).startsWith("501 5.1.3");
        }
    }

    private long spooled() {
        return jdbc.sql("select count(*) from spool_message").query(Long.class).single();
    }
}
