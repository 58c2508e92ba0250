package org.guichet.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Map;

import jakarta.mail.internet.InternetAddress;
import org.guichet.Guichet;
import org.guichet.TestNode;
import org.guichet.RawSmtp;
import org.guichet.RecordingSmarthost;
import org.guichet.TestSmtp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Mailbox mode over SMTP: the citizen's reply reaches the service's own mailbox; the agent
 * answers from it, and the citizen receives the answer from the service, never the agent's
 * address. The agents' mail reaches Guichet by a trusted path here (no DNS to check DMARC).
 */
@SpringBootTest(classes = Guichet.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class MailboxModeEndToEndTest {

    static final TestNode NODE = TestNode.running("mailbox", "submission,inbound,worker")
            .set("guichet.answers.mailbox-authentication", "none")
            .service("prestations", Map.of("name", "Service des prestations", "senders", "@caf.test",
                    "email", "prestations@caf.test", "mailbox", "boite.prestations@caf.test",
                    "agent-addresses", "agent.dupont@caf.test", "mailbox-mode", "true"));

    static RecordingSmarthost smarthost;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void start(@Autowired JdbcClient startsTheApplicationFirst) {
        smarthost = new RecordingSmarthost(NODE.smarthost);
    }

    @AfterAll
    static void stop() {
        smarthost.close();
    }

    @Test
    void citizenReplyReachesTheMailboxAndTheAgentsAnswerReachesTheCitizenAsTheService() throws Exception {
        TestSmtp.send(NODE.submission, "ne-pas-repondre@caf.test", List.of("camille@example.org"), "Votre dossier",
                "Bonjour,\nMerci de ne pas répondre à ce message.\n");
        await().atMost(Duration.ofSeconds(60)).until(() -> to("camille@example.org").isPresent());
        String replyAddress = ((InternetAddress) to("camille@example.org").get().message().getReplyTo()[0]).getAddress();

        RawSmtp.send(NODE.inbound, "camille@example.org", List.of(replyAddress), """
                From: Camille Martin <camille@example.org>
                Subject: Re: Votre dossier
                Message-ID: <citoyen-1@example.org>
                Content-Type: text/plain; charset=UTF-8

                Pouvez-vous me dire où en est mon dossier ?
                """);

        // The service's mailbox receives the citizen's message, answerable to the case address.
        await().atMost(Duration.ofSeconds(60)).until(() -> to("boite.prestations@caf.test").isPresent());
        RecordingSmarthost.Received forwarded = to("boite.prestations@caf.test").get();
        String caseAddress = ((InternetAddress) forwarded.message().getReplyTo()[0]).getAddress();
        assertThat(new String(forwarded.raw(), StandardCharsets.UTF_8)).contains("où en est mon dossier");

        // The agent answers from their own mailbox, quoting as mail clients do.
        RawSmtp.send(NODE.inbound, "agent.dupont@caf.test", List.of(caseAddress), """
                From: Jean Dupont <agent.dupont@caf.test>
                Subject: Re: [GCH] Re: Votre dossier
                Message-ID: <agent-1@caf.test>
                Content-Type: text/plain; charset=UTF-8

                Votre dossier est complet, le paiement interviendra le 5 du mois.

                Le 3 mars 2025 à 10:02, Camille Martin a écrit :
                > Pouvez-vous me dire où en est mon dossier ?
                """);

        await().atMost(Duration.ofSeconds(60)).until(() -> answerTo("camille@example.org").isPresent());
        RecordingSmarthost.Received answer = answerTo("camille@example.org").get();
        String bytes = new String(answer.raw(), StandardCharsets.UTF_8);
        assertThat(bytes).contains("Service des prestations").doesNotContain("agent.dupont").doesNotContain("Dupont");
        assertThat(answer.message().getHeader("In-Reply-To", null)).isEqualTo("<citoyen-1@example.org>");
        assertThat(jdbc.sql("select count(*) from case_event where type = 'ANSWERED'").query(Long.class).single())
                .isEqualTo(1);
    }

    private static Optional<RecordingSmarthost.Received> to(String recipient) {
        return smarthost.received().stream().filter(r -> r.recipients().contains(recipient)).findFirst();
    }

    private static Optional<RecordingSmarthost.Received> answerTo(String recipient) {
        return smarthost.received().stream().filter(r -> r.recipients().contains(recipient))
                .filter(r -> new String(r.raw(), StandardCharsets.UTF_8).contains("le paiement interviendra")).findFirst();
    }
}
