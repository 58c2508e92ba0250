package org.guichet.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.guichet.Guichet;
import org.guichet.RecordingSmarthost;
import org.guichet.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A worker node signs the head of the event log and mails the checkpoint to the auditors
 * through its own spool and relay: the file they receive verifies with the node's verifier
 * key alone, and is the one the node records and publishes.
 */
@SpringBootTest(classes = Guichet.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class CheckpointMailEndToEndTest {

    static final TestNode NODE = TestNode.running("checkpoint-mail", "worker")
            .set("guichet.administration.code", "caf-34")
            .set("guichet.audit.checkpoints.recipients", "auditeur@ccomptes.test, second@ccomptes.test")
            .set("guichet.relay.poll-interval", "200ms");

    static RecordingSmarthost smarthost;

    @BeforeAll
    static void start() {
        smarthost = new RecordingSmarthost(NODE.smarthost);
    }

    @AfterAll
    static void stop() {
        smarthost.close();
    }

    @Test
    void theAuditorsReceiveACheckpointThatVerifiesWithTheVerifierKeyAlone(@Autowired Checkpoints checkpoints)
            throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> !smarthost.received().isEmpty());
        RecordingSmarthost.Received mail = smarthost.received().getFirst();
        assertThat(mail.sender()).isEqualTo("journal@" + TestNode.REPLY_DOMAIN);
        assertThat(mail.recipients()).containsExactlyInAnyOrder("auditeur@ccomptes.test", "second@ccomptes.test");
        MimeMessage message = mail.message();
        assertThat(message.getSubject()).startsWith("Point de contrôle du journal / Event log checkpoint:");
        assertThat(message.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
        MimeMultipart parts = (MimeMultipart) message.getContent();
        assertThat((String) parts.getBodyPart(0).getContent()).contains("guichet audit verify --checkpoints DOSSIER")
                .contains(checkpoints.key().verifierKey());
        BodyPart file = parts.getBodyPart(1);
        assertThat(file.getFileName()).matches("checkpoint-\\d+\\.txt");

        Checkpoint received = Checkpoint.parse((String) file.getContent());
        assertThat(CheckpointKey.verifier(checkpoints.key().verifierKey()).signed(received)).isTrue();
        assertThat(checkpoints.latest().orElseThrow().text()).isEqualTo(received.text());
        assertThat(List.of(received.origin())).containsExactly("guichet/caf-34/event-log");
        // Within the interval (a day by default), no second checkpoint is signed however often workers look.
        Thread.sleep(1_000);
        assertThat(checkpoints.recent(10)).hasSize(1);
    }
}
