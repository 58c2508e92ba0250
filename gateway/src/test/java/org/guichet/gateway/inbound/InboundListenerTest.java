package org.guichet.gateway.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.guichet.TestNode;
import org.guichet.gateway.GatewayTestApplication;
import org.guichet.gateway.message.InboundMessage;
import org.guichet.gateway.smtp.SmtpDialog;
import org.guichet.gateway.token.ReplyTokenKey;
import org.guichet.gateway.token.ReplyTokenKeyRing;
import org.guichet.gateway.token.ReplyTokenSigner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The inbound listener over real SMTP sessions on loopback, with the spool in a real
 * PostgreSQL and tokens issued by the node's own signer. No worker runs here, so what was
 * accepted stays visible in the spool.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class InboundListenerTest {

    static final String REPLY_DOMAIN = TestNode.REPLY_DOMAIN;
    static final long TARPIT_MILLIS = 500;
    // guichet.inbound.reply-domains left unset: the reply domain of the pipeline is the default.
    static final TestNode NODE = TestNode.running("inbound-listener", "inbound")
            .set("guichet.smtp.hostname", "mx.guichet.test")
            .set("guichet.smtp.max-message-size", "64KB")
            .set("guichet.inbound.capture-addresses", "noreply@caf.test")
            .set("guichet.inbound.invalid-recipients.tarpit-after", 2)
            .set("guichet.inbound.invalid-recipients.tarpit-delay", TARPIT_MILLIS + "ms")
            .set("guichet.inbound.invalid-recipients.limit", 4);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReplyTokenSigner signer;

    @BeforeEach
    void emptySpool() {
        jdbc.sql("delete from spool_message").update();
    }

    private String replyAddress() {
        return signer.localPart(signer.newConversation()) + "@" + REPLY_DOMAIN;
    }

    private static SmtpDialog open() throws Exception {
        SmtpDialog smtp = new SmtpDialog(NODE.inbound);
        assertThat(smtp.reply()).startsWith("220 mx.guichet.test");
        assertThat(smtp.command("EHLO mail.example.org")).startsWith("250");
        return smtp;
    }

    private static String unknown(String address) {
        return "550 5.1.1 <" + address + ">: Recipient address rejected: unknown reply address";
    }

    @Test
    void replyWithAValidTokenIsSpooledIntoTheInboundProcessor() throws Exception {
        String to = replyAddress();
        String message = "From: Camille Martin <camille@example.org>\r\nTo: <" + to + ">\r\n"
                + "Subject: Re: Votre dossier\r\n\r\nBonjour,\r\nvoici le justificatif.\r\n";
        try (SmtpDialog smtp = open()) {
            assertThat(smtp.command("MAIL FROM:<camille@example.org>")).startsWith("250");
            assertThat(smtp.command("RCPT TO:<" + to + ">")).isEqualTo("250 Ok");
            assertThat(smtp.command("DATA")).startsWith("354");
            String queueId = SmtpDialog.queueId(smtp.command(message + "."));

            Map<String, Object> row = jdbc.sql("""
                    select sender, recipients[1] as recipient, raw, stage, processor, submitter
                    from spool_message where queue_id = ?""").param(queueId).query().singleRow();
            assertThat(row).containsEntry("sender", "camille@example.org").containsEntry("recipient", to)
                    .containsEntry("stage", "pipeline").containsEntry("processor", "inbound")
                    .containsEntry("submitter", null);
            assertThat(new String((byte[]) row.get("raw"), StandardCharsets.UTF_8))
                    .startsWith("Received: from mail.example.org").endsWith(message);
            String attributes = jdbc.sql("select attributes from spool_message where queue_id = ?")
                    .param(queueId).query(String.class).single();
            assertThat(attributes).as("the token verified at RCPT travels with the mail, not to be verified again")
                    .contains(InboundMessage.REPLY_ADDRESS.asString()).contains(to)
                    .contains(InboundMessage.CONVERSATION.asString());
        }
    }

    @Test
    void upperCasedTokenIsAccepted() throws Exception {
        String to = replyAddress().toUpperCase(Locale.ROOT);
        try (SmtpDialog smtp = open()) {
            smtp.command("MAIL FROM:<camille@example.org>");
            assertThat(smtp.command("RCPT TO:<" + to + ">")).isEqualTo("250 Ok");
        }
    }

    /** Forged, tampered, unknown-key and misplaced tokens get the same answer, at RCPT, from a fresh session each. */
    @Test
    void invalidReplyAddressesAreRefusedAtRcptAlike() throws Exception {
        String conversation = replyAddress();
        int at = conversation.indexOf('@');
        char last = conversation.charAt(at - 1);
        Map<String, String> invalid = new LinkedHashMap<>();
        invalid.put("forged: valid shape, MAC of another secret under the same key id",
                otherSigner("k1").localPart(signer.newConversation()) + "@" + REPLY_DOMAIN);
        invalid.put("tampered: one character of a real token changed",
                conversation.substring(0, at - 1) + (last == 'a' ? 'b' : 'a') + conversation.substring(at));
        ReplyTokenSigner unknownKey = otherSigner("k7");
        invalid.put("unknown key id", unknownKey.localPart(unknownKey.newConversation()) + "@" + REPLY_DOMAIN);
        invalid.put("valid token on another domain", signer.localPart(signer.newConversation()) + "@caf.test");
        invalid.put("no token", "reply@" + REPLY_DOMAIN);
        invalid.put("truncated token", conversation.substring(0, at - 3) + conversation.substring(at));

        for (Map.Entry<String, String> entry : invalid.entrySet()) {
            try (SmtpDialog smtp = open()) {
                smtp.command("MAIL FROM:<camille@example.org>");
                assertThat(smtp.command("RCPT TO:<" + entry.getValue() + ">")).as(entry.getKey())
                        .isEqualTo(unknown(entry.getValue()));
                // The session goes on: a valid recipient after a refused one is still taken.
                assertThat(smtp.command("RCPT TO:<" + replyAddress() + ">")).isEqualTo("250 Ok");
            }
        }
        assertThat(spooled()).isZero();
    }

    @Test
    void captureAddressAndPostmasterAreAccepted() throws Exception {
        try (SmtpDialog smtp = open()) {
            smtp.command("MAIL FROM:<camille@example.org>");
            assertThat(smtp.command("RCPT TO:<No-Reply@CAF.test>")).isEqualTo("250 Ok");
            assertThat(smtp.command("RCPT TO:<postmaster@" + REPLY_DOMAIN + ">")).isEqualTo("250 Ok");
            assertThat(smtp.command("RCPT TO:<contact@caf.test>")).isEqualTo(unknown("contact@caf.test"));
            assertThat(smtp.command("DATA")).startsWith("354");
            assertThat(smtp.command("Subject: Re: Votre attestation\r\n\r\nBonjour\r\n.")).startsWith("250 2.0.0");
        }
        assertThat(jdbc.sql("select array_to_string(recipients, ',') from spool_message where processor = 'inbound'")
                .query(String.class).single()).isEqualTo("No-Reply@CAF.test,postmaster@" + REPLY_DOMAIN);
    }

    /** tarpit-after 2, limit 4: two quick refusals, two slow ones, then 421 and the connection closed. */
    @Test
    void clientTryingManyUnknownRecipientsIsSlowedThenCutOff() throws Exception {
        try (SmtpDialog smtp = open()) {
            smtp.command("MAIL FROM:<harvester@example.net>");
            long[] took = new long[4];
            for (int i = 0; i < 4; i++) {
                if (i == 2) {
                    // A new transaction does not wipe the count: it belongs to the session.
                    assertThat(smtp.command("RSET")).startsWith("250");
                    smtp.command("MAIL FROM:<harvester@example.net>");
                }
                String address = "guess" + i + "@" + REPLY_DOMAIN;
                long start = System.nanoTime();
                assertThat(smtp.command("RCPT TO:<" + address + ">")).isEqualTo(unknown(address));
                took[i] = (System.nanoTime() - start) / 1_000_000;
            }
            assertThat(took[0]).as("first refusal, ms").isLessThan(TARPIT_MILLIS);
            assertThat(took[1]).as("second refusal, ms").isLessThan(TARPIT_MILLIS);
            assertThat(took[2]).as("third refusal, ms").isGreaterThanOrEqualTo(TARPIT_MILLIS);
            assertThat(took[3]).as("fourth refusal, ms").isGreaterThanOrEqualTo(TARPIT_MILLIS);

            assertThat(smtp.command("RCPT TO:<guess4@" + REPLY_DOMAIN + ">")).startsWith("421 4.7.0");
            assertThat(smtp.reply()).as("connection closed after 421").isNull();
        }
        // Another session starts afresh.
        try (SmtpDialog smtp = open()) {
            smtp.command("MAIL FROM:<camille@example.org>");
            assertThat(smtp.command("RCPT TO:<guess@" + REPLY_DOMAIN + ">")).isEqualTo(unknown("guess@" + REPLY_DOMAIN));
        }
    }

    @Test
    void nullSenderDeliveryReportToAReplyAddressIsAccepted() throws Exception {
        String to = replyAddress();
        String report = "From: Mail Delivery System <MAILER-DAEMON@mail.example.org>\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n"
                + "--b1\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mail.example.org\r\n\r\n"
                + "Final-Recipient: rfc822; camille@example.org\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n--b1--\r\n";
        try (SmtpDialog smtp = open()) {
            assertThat(smtp.command("MAIL FROM:<>")).startsWith("250");
            assertThat(smtp.command("RCPT TO:<" + to + ">")).isEqualTo("250 Ok");
            assertThat(smtp.command("DATA")).startsWith("354");
            assertThat(smtp.command(report + ".")).startsWith("250 2.0.0 Ok: queued as");
        }
        assertThat(jdbc.sql("select sender from spool_message where processor = 'inbound'").query(String.class).single())
                .isEmpty();
    }

    @Test
    void authIsNeitherOfferedNorAccepted() throws Exception {
        try (SmtpDialog smtp = new SmtpDialog(NODE.inbound)) {
            smtp.reply();
            String ehlo = smtp.command("EHLO mail.example.org");
            assertThat(ehlo).contains("250-PIPELINING", "250-SIZE 65536", "250-8BITMIME", "250-SMTPUTF8")
                    .doesNotContain("AUTH");
            assertThat(smtp.command("AUTH PLAIN AGFwcABzZWNyZXQ=")).startsWith("502 5.5.1");
            assertThat(smtp.command("AUTH LOGIN")).startsWith("502 5.5.1");
        }
    }

    /** Each way a lax server could end DATA early and run a smuggled second transaction. */
    @ParameterizedTest
    @ValueSource(strings = {"\n.\n", "\n.\r\n", "\r\n.\n", "\r.\r", "\r.\r\n", "\r\n.\r", "\n..\n"})
    void smuggledMessageIsRefusedAndNothingIsSpooled(String fakeEnd) throws Exception {
        try (SmtpDialog smtp = open()) {
            String reply = smtp.smuggle("camille@example.org", replyAddress(), fakeEnd,
                    "MAIL FROM:<camille@example.org>\r\nRCPT TO:<" + replyAddress() + ">\r\nDATA\r\n"
                    + "From: agent@caf.test\r\nSubject: smuggled\r\n\r\nevil\r\n.");
            assertThat(reply).startsWith("554 5.5.2");
            assertThat(smtp.command("NOOP")).startsWith("250");
        }
        assertThat(spooled()).isZero();
    }

    @Test
    void oversizedReplyIsRefused() throws Exception {
        try (SmtpDialog smtp = open()) {
            smtp.command("MAIL FROM:<camille@example.org>");
            smtp.command("RCPT TO:<" + replyAddress() + ">");
            smtp.command("DATA");
            String line = "x".repeat(998) + "\r\n";
            assertThat(smtp.command("Subject: big\r\n\r\n" + line.repeat(80) + ".")).startsWith("552 5.3.4");
        }
        assertThat(spooled()).isZero();
    }

    private static ReplyTokenSigner otherSigner(String keyId) {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) 7);
        return new ReplyTokenSigner(new ReplyTokenKeyRing(Map.of(keyId, new ReplyTokenKey(keyId, secret)), keyId),
                new SecureRandom());
    }

    private long spooled() {
        return jdbc.sql("select count(*) from spool_message").query(Long.class).single();
    }
}
