package org.guichet.gateway.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.guichet.TestNode;
import org.guichet.gateway.GatewayTestApplication;
import org.guichet.queue.QueueEntry;
import org.guichet.queue.QueueOperations;
import org.guichet.gateway.smtp.SmtpDialog;
import org.guichet.gateway.token.ReplyTokenSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A reply through the inbound listener and the default {@code pipeline.xml}: it is classified,
 * then kept in stage {@code held} (threading into cases comes later), visible in the queue and
 * never relayed: threaded into cases, the raw message kept as evidence.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ExtendWith(OutputCaptureExtension.class)
class InboundPipelineTest {

    // Nothing listens on the node's smarthost: a relayed reply would show up as a recipient row, not as mail.
    static final TestNode NODE = TestNode.running("inbound-pipeline", "inbound,worker")
            .set("guichet.smtp.hostname", "mx.guichet.test");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReplyTokenSigner signer;

    @Autowired
    QueueOperations queue;

    @Test
    void repliesAreClassifiedThreadedIntoCasesAndNeverRelayed(CapturedOutput output) throws Exception {
        String outOfOffice = send("camille@example.org",
                "From: camille@example.org\r\nSubject: =?UTF-8?Q?R=C3=A9ponse_automatique_:_Votre_dossier?=\r\n\r\n"
                        + "Je suis absente jusqu'au 3 juin.\r\n");
        String citizen = send("camille@example.org",
                "From: camille@example.org\r\nSubject: Re: Votre dossier\r\n\r\nBonjour, voici ma réponse.\r\n");

        await().atMost(Duration.ofSeconds(30)).until(() -> stage(outOfOffice).equals("done") && stage(citizen).equals("done"));

        assertThat(output.getOut()).contains("queue " + outOfOffice + ": automatic=true reason=OUT_OF_OFFICE_SUBJECT")
                .contains("queue " + citizen + ": automatic=false");
        // Kept on a case, the automatic one marked as such; the raw bytes stay in the spool as evidence.
        assertThat(jdbc.sql("select author_kind from case_message where queue_id = ?").param(outOfOffice)
                .query(String.class).single()).isEqualTo("automatic");
        assertThat(jdbc.sql("select author_kind from case_message where queue_id = ?").param(citizen)
                .query(String.class).single()).isEqualTo("citizen");
        assertThat(jdbc.sql("select count(*) from spool_message where queue_id in (?, ?) and raw is not null")
                .params(outOfOffice, citizen).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("""
                select count(*) from spool_recipient r join spool_message m on m.id = r.message_id
                where m.queue_id in (?, ?)""").params(outOfOffice, citizen).query(Long.class).single())
                .as("replies are never relayed").isZero();
        // Only the person's message is acknowledged (RFC 3834: never the automatic one).
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from spool_message where sender = '' and stage <> 'pipeline'").query(Long.class).single() == 1);
        assertThat(jdbc.sql("select recipients[1] from spool_message where sender = ''").query(String.class).single())
                .isEqualTo("camille@example.org");
        assertThat(queue.list(null, 10)).extracting(QueueEntry::queueId).doesNotContain(outOfOffice, citizen);
    }

    private String send(String sender, String message) throws Exception {
        try (SmtpDialog smtp = SmtpDialog.greeted(NODE.inbound, "mail.example.org")) {
            return smtp.deliver(sender, signer.localPart(signer.newConversation()) + "@" + TestNode.REPLY_DOMAIN, message);
        }
    }

    private String stage(String queueId) {
        return jdbc.sql("select stage from spool_message where queue_id = ?").param(queueId).query(String.class).single();
    }

}
