package org.guichet.gateway.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;
import static org.guichet.gateway.attachment.Files.part;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.guichet.TestNode;
import org.guichet.gateway.GatewayTestApplication;
import org.guichet.gateway.smtp.SmtpDialog;
import org.guichet.gateway.token.ReplyTokenSigner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A citizen's reply with files through the inbound listener, the spool and the default
 * {@code pipeline.xml}: its files are on its case, refused ones with their reason, and the
 * raw message stays in the spool as evidence.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class AttachmentPipelineTest {

    static final TestNode NODE = TestNode.running("attachments", "inbound,worker")
            .set("guichet.smtp.hostname", "mx.guichet.test")
            .set("guichet.attachments.max-size", "32KB");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReplyTokenSigner signer;

    @Test
    void theFilesOfAReplyReachItsCaseThroughTheInboundProcessor() throws Exception {
        byte[] raw = Files.message(
                part(Files.PDF, "Content-Type: application/pdf",
                        "Content-Disposition: attachment;\r\n filename*=UTF-8''avis%20d%27imp%C3%B4t.pdf"),
                part(Files.EXE, "Content-Type: application/pdf",
                        "Content-Disposition: attachment; filename=\"facture.pdf\""),
                part(Files.largePdf(40 * 1024), "Content-Type: application/pdf",
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
        try (SmtpDialog smtp = SmtpDialog.greeted(NODE.inbound, "mail.example.org")) {
            return smtp.deliver("amelie.rousseau@example.org",
                    signer.localPart(signer.newConversation()) + "@" + TestNode.REPLY_DOMAIN, message);
        }
    }

    private String stage(String queueId) {
        return jdbc.sql("select stage from spool_message where queue_id = ?").param(queueId).query(String.class)
                .optional().orElse("");
    }
}
