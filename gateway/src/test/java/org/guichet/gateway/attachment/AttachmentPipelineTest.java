package org.guichet.gateway.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;
import static org.guichet.gateway.attachment.Files.part;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.guichet.gateway.FreePort;
import org.guichet.gateway.GatewayTestApplication;
import org.guichet.gateway.smtp.SmtpDialog;
import org.guichet.gateway.token.ReplyTokenSigner;
import org.guichet.storage.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A citizen's reply with files through the inbound listener, the spool and the default
 * {@code pipeline.xml}: its files are on its case, refused ones with their reason, and the
 * raw message stays in the spool as evidence.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class AttachmentPipelineTest {

    static final int PORT = FreePort.next();
    static final String DATABASE = TestPostgres.newDatabaseUrl();
    static final String REPLY_DOMAIN = "reponse.caf.test";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("guichet.node.home", AttachmentPipelineTest::tempHome);
        registry.add("guichet.node.roles", () -> "inbound,worker");
        registry.add("guichet.smtp.inbound.port", () -> PORT);
        registry.add("guichet.smtp.hostname", () -> "mx.guichet.test");
        registry.add("guichet.node.reply-domain", () -> REPLY_DOMAIN);
        registry.add("guichet.attachments.max-size", () -> "32KB");
        registry.add("guichet.relay.smarthost", () -> "127.0.0.1:" + FreePort.next());
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReplyTokenSigner signer;

    @Test
    void theFilesOfAReplyReachItsCaseThroughTheInboundProcessor() throws Exception {
        byte[] raw = org.guichet.gateway.attachment.Files.message(
                part(org.guichet.gateway.attachment.Files.PDF, "Content-Type: application/pdf",
                        "Content-Disposition: attachment;\r\n filename*=UTF-8''avis%20d%27imp%C3%B4t.pdf"),
                part(org.guichet.gateway.attachment.Files.EXE, "Content-Type: application/pdf",
                        "Content-Disposition: attachment; filename=\"facture.pdf\""),
                part(org.guichet.gateway.attachment.Files.largePdf(40 * 1024), "Content-Type: application/pdf",
                        "Content-Disposition: attachment; filename=\"scan.pdf\""));

        String queueId = send(new String(raw, StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(30)).until(() -> "done".equals(stage(queueId)));
        assertThat(jdbc.sql("""
                        select a.file_name, a.detected_type, a.refused_reason, a.content is not null
                        from case_attachment a join case_message m on m.id = a.case_message_id
                        where m.queue_id = ? order by a.position""")
                .param(queueId)
                .query((rs, n) -> tuple(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .list())
                .containsExactly(
                        tuple("avis d'impôt.pdf", "application/pdf", null, true),
                        tuple("facture.pdf", "application/x-msdownload", "executable", false),
                        tuple("scan.pdf", "application/pdf", "too-large", false));
        assertThat(jdbc.sql("select raw is not null from spool_message where queue_id = ?").param(queueId)
                .query(Boolean.class).single()).as("the raw message, evidence").isTrue();
        assertThat(jdbc.sql("""
                        select count(*) from spool_recipient r join spool_message m on m.id = r.message_id
                        where m.queue_id = ?""").param(queueId).query(Long.class).single())
                .as("the reply itself is never relayed").isZero();
    }

    private String send(String message) throws Exception {
        try (SmtpDialog smtp = new SmtpDialog(PORT)) {
            smtp.reply();
            smtp.command("EHLO mail.example.org");
            smtp.command("MAIL FROM:<amelie.rousseau@example.org>");
            assertThat(smtp.command("RCPT TO:<" + signer.localPart(signer.newConversation()) + "@" + REPLY_DOMAIN + ">"))
                    .isEqualTo("250 Ok");
            smtp.command("DATA");
            String reply = smtp.command(message + ".");
            Matcher queued = Pattern.compile("queued as ([0-9A-F]+)").matcher(reply);
            assertThat(queued.find()).as(reply).isTrue();
            return queued.group(1);
        }
    }

    private String stage(String queueId) {
        return jdbc.sql("select stage from spool_message where queue_id = ?").param(queueId).query(String.class)
                .optional().orElse("");
    }

    static String tempHome() {
        try {
            return Files.createTempDirectory("guichet-attachments").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
