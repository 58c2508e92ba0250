package org.guichet.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.guichet.Guichet;
import org.guichet.TestNode;
import org.guichet.RawSmtp;
import org.guichet.RecordingSmarthost;
import org.guichet.TestSmtp;
import org.guichet.casework.Casework;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A citizen answers an official notice, end to end over SMTP: the notice leaves with a
 * reply address, the reply comes back to the inbound listener, becomes a case, and the
 * citizen receives the accusé de réception that CRPA R112-11-1 describes.
 */
@SpringBootTest(classes = Guichet.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CitizenReplyEndToEndTest {

    static final TestNode NODE = TestNode.running("citizen", "submission,inbound,worker")
            .set("guichet.administration.name", "CAF de l'Hérault")
            .service("prestations", Map.of("name", "Service des prestations", "senders", "@caf.test",
                    "email", "prestations@caf.test", "phone", "04 67 00 00 00",
                    "postal-address", "8 rue du Moulin, 34000 Montpellier", "commitment", "sous 5 jours ouvrés"))
            .set("guichet.acknowledgement.services.prestations.implicit-decision", "ACCEPTANCE");
    static final Pattern REFERENCE = Pattern.compile("GCH-\\d{4}-\\d{6}");

    /** Acknowledgements leave with the null sender (RFC 3834 §3.3), which GreenMail refuses. */
    static RecordingSmarthost smarthost;
    static String replyAddress;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Casework casework;

    @BeforeAll
    static void start(@Autowired JdbcClient startsTheApplicationFirst) throws Exception {
        smarthost = new RecordingSmarthost(NODE.smarthost);
        TestSmtp.send(NODE.submission, "ne-pas-repondre@caf.test", List.of("camille@example.org"),
                "Votre demande d'aide au logement", "Bonjour,\nvotre demande est à l'étude.\n"
                        + "Merci de ne pas répondre à ce message.\n");
        await().atMost(Duration.ofSeconds(60)).until(() -> delivered("camille@example.org").isPresent());
        replyAddress = ((InternetAddress) delivered("camille@example.org").get().getReplyTo()[0]).getAddress();
    }

    @AfterAll
    static void stop() {
        smarthost.close();
    }

    @Test
    @Order(1)
    void replyBecomesACaseAndTheCitizenGetsACompliantAcknowledgement() throws Exception {
        String reply = """
                From: Camille Martin <camille@example.org>
                To: Service des prestations <%s>
                Subject: Re: Votre demande d'aide au logement
                Message-ID: <reponse-1@example.org>
                In-Reply-To: <inconnu@caf.test>
                Date: Mon, 3 Mar 2025 10:02:00 +0100
                Content-Type: text/plain; charset=UTF-8

                Bonjour, je joins mon avis d'imposition. Cordialement, Camille

                Le lun. 3 mars 2025 à 09:00, CAF <ne-pas-repondre@caf.test> a écrit :
                > Votre demande est à l'étude.
                """.formatted(replyAddress);
        assertThat(RawSmtp.send(NODE.inbound, "camille@example.org", List.of(replyAddress), reply)).startsWith("250");

        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledgementTo("camille@example.org").isPresent());
        MimeMessage ack = acknowledgementTo("camille@example.org").get();
        String text = body(ack);
        Matcher reference = REFERENCE.matcher(text);
        assertThat(reference.find()).as(text).isTrue();
        // R112-11-1: date of receipt, reference, service name, email, postal address, phone,
        // what silence means and when, and the right to a certificate.
        assertThat(text).contains("Nous avons bien reçu votre message le ")
                .contains("Service des prestations").contains("prestations@caf.test")
                .contains("8 rue du Moulin, 34000 Montpellier").contains("04 67 00 00 00")
                .contains("sous 5 jours ouvrés").contains("considérée comme acceptée").contains("L232-3");
        assertThat(ack.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(ack.getHeader("In-Reply-To", null)).isEqualTo("<reponse-1@example.org>");
        assertThat(ack.getSubject()).startsWith("Accusé de réception").contains(reference.group());

        var message = jdbc.sql("""
                        select m.author_kind, m.threaded_by, m.visible_text, c.reference
                        from case_message m join citizen_case c on c.id = m.case_id
                        where m.message_id = '<reponse-1@example.org>'""").query().singleRow();
        assertThat(message.get("author_kind")).isEqualTo("citizen");
        assertThat(message.get("threaded_by")).isEqualTo("TOKEN");
        assertThat(message.get("reference")).isEqualTo(reference.group());
        assertThat((String) message.get("visible_text"))
                .isEqualTo("Bonjour, je joins mon avis d'imposition. Cordialement, Camille");
        assertThat(jdbc.sql("select count(*) from case_event where type = 'ACKNOWLEDGED'").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    @Order(2)
    void forgedOrTamperedReplyAddressesAreRefusedAtRcpt() throws Exception {
        String forged = "reply+k1-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@reponse.caf.test";
        String tampered = replyAddress.substring(0, 12) + (replyAddress.charAt(12) == 'a' ? 'b' : 'a')
                + replyAddress.substring(13);
        for (String address : List.of(forged, tampered, "quelquun@reponse.caf.test")) {
            assertThat(RawSmtp.send(NODE.inbound, "intrus@example.net", List.of(address), "Subject: x\n\nx\n"))
                    .startsWith("550 5.1.1");
        }
    }

    @Test
    @Order(3)
    void outOfOfficeAndDeliveryReportsAreRecordedButNeverAcknowledged() throws Exception {
        int acknowledgements = smarthost.received().size();
        String outOfOffice = """
                From: Camille Martin <camille@example.org>
                Subject: Réponse automatique : Votre demande d'aide au logement
                Auto-Submitted: auto-replied
                Message-ID: <absence-1@example.org>

                Je suis absente jusqu'au 10 mars.
                """;
        assertThat(RawSmtp.send(NODE.inbound, "camille@example.org", List.of(replyAddress), outOfOffice)).startsWith("250");
        String dsn = """
                From: Mail Delivery System <mailer-daemon@example.org>
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <dsn-1@example.org>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

                --b1
                Content-Type: text/plain

                The mail could not be delivered.
                --b1
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mail.example.org

                Final-Recipient: rfc822; camille@example.org
                Action: failed
                Status: 5.1.1
                --b1--
                """;
        assertThat(RawSmtp.send(NODE.inbound, "", List.of(replyAddress), dsn)).startsWith("250");

        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "select count(*) from case_message where message_id in ('<absence-1@example.org>', '<dsn-1@example.org>')")
                .query(Long.class).single() == 2);
        assertThat(jdbc.sql("""
                select distinct author_kind from case_message
                where message_id in ('<absence-1@example.org>', '<dsn-1@example.org>')""").query(String.class).list())
                .containsExactly("automatic");
        Thread.sleep(2_000);
        assertThat(smarthost.received().size()).as("no acknowledgement of automatic mail")
                .isEqualTo(acknowledgements);
    }

    @Test
    @Order(4)
    void aThirdPartyIsKeptOnTheCaseAndFlagged() throws Exception {
        String social = """
                From: Assistante sociale <as.martin@ccas.example.fr>
                Subject: Re: Votre demande d'aide au logement
                Message-ID: <tiers-1@ccas.example.fr>
                Content-Type: text/plain; charset=UTF-8

                Je vous écris pour le compte de Mme Martin, qui n'a pas d'ordinateur.
                """;
        assertThat(RawSmtp.send(NODE.inbound, "as.martin@ccas.example.fr", List.of(replyAddress), social)).startsWith("250");
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "select count(*) from case_message where message_id = '<tiers-1@ccas.example.fr>'")
                .query(Long.class).single() == 1);
        var row = jdbc.sql("""
                select m.third_party, m.author_kind, c.citizen_address from case_message m
                join citizen_case c on c.id = m.case_id where m.message_id = '<tiers-1@ccas.example.fr>'""")
                .query().singleRow();
        assertThat(row.get("third_party")).isEqualTo(true);
        assertThat(row.get("citizen_address")).isEqualTo("camille@example.org");
    }

    @Test
    @Order(5)
    void aReplyToAClosedCaseReopensIt() throws Exception {
        long caseId = jdbc.sql("""
                select c.id from citizen_case c join case_message m on m.case_id = c.id
                where m.message_id = '<reponse-1@example.org>'""").query(Long.class).single();
        casework.close(caseId);
        assertThat(status(caseId)).isEqualTo("closed");

        String again = """
                From: Camille Martin <camille@example.org>
                Subject: Re: Votre demande d'aide au logement
                Message-ID: <reponse-2@example.org>
                Content-Type: text/plain; charset=UTF-8

                Je n'ai toujours pas de nouvelles.
                """;
        assertThat(RawSmtp.send(NODE.inbound, "camille@example.org", List.of(replyAddress), again)).startsWith("250");
        await().atMost(Duration.ofSeconds(60)).until(() -> status(caseId).equals("open"));
        assertThat(jdbc.sql("select count(*) from case_event where type = 'REOPENED'").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    @Order(6)
    void repliesFromOtherMailClientsKeepOnlyWhatTheCitizenWrote() throws Exception {
        String outlook = """
                From: Camille Martin <camille@example.org>
                Subject: RE: Votre demande d'aide au logement
                Message-ID: <outlook-1@example.org>
                Content-Type: text/plain; charset=UTF-8

                Voici le justificatif demandé.

                De : Service des prestations <%s>
                Envoyé : lundi 3 mars 2025 10:05
                À : Camille Martin <camille@example.org>
                Objet : Votre demande d'aide au logement

                Votre demande est à l'étude.
                """.formatted(replyAddress);
        String appleHtml = """
                From: Camille Martin <camille@example.org>
                Subject: Re: Votre demande d'aide au logement
                Message-ID: <apple-1@example.org>
                MIME-Version: 1.0
                Content-Type: text/html; charset=UTF-8

                <html><body><div>Merci, j'attends votre réponse.</div><div><br></div>                <blockquote type="cite"><div>Le 3 mars 2025 à 10:02, CAF a écrit :</div>                <div>Votre demande est à l'étude.</div></blockquote><script>alert(1)</script></body></html>
                """;
        assertThat(RawSmtp.send(NODE.inbound, "camille@example.org", List.of(replyAddress), outlook)).startsWith("250");
        assertThat(RawSmtp.send(NODE.inbound, "camille@example.org", List.of(replyAddress), appleHtml)).startsWith("250");

        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "select count(*) from case_message where message_id in ('<outlook-1@example.org>', '<apple-1@example.org>')")
                .query(Long.class).single() == 2);
        assertThat(visibleText("<outlook-1@example.org>")).isEqualTo("Voici le justificatif demandé.");
        assertThat(visibleText("<apple-1@example.org>")).isEqualTo("Merci, j'attends votre réponse.");
        assertThat(jdbc.sql("select sanitised_html from case_message where message_id = '<apple-1@example.org>'")
                .query(String.class).single()).doesNotContain("<script").contains("j'attends");
    }

    private String visibleText(String messageId) {
        return jdbc.sql("select visible_text from case_message where message_id = ?").param(messageId)
                .query(String.class).single().strip();
    }

    private String status(long caseId) {
        return jdbc.sql("select status from citizen_case where id = ?").param(caseId).query(String.class).single();
    }

    private static Optional<MimeMessage> delivered(String recipient) {
        return received(recipient).findFirst();
    }

    private static Optional<MimeMessage> acknowledgementTo(String recipient) {
        return received(recipient).filter(m -> {
            try {
                return m.getSubject() != null && m.getSubject().startsWith("Accusé de réception");
            } catch (MessagingException e) {
                return false;
            }
        }).findFirst();
    }

    private static java.util.stream.Stream<MimeMessage> received(String recipient) {
        return smarthost.received().stream().filter(r -> r.recipients().contains(recipient)).map(r -> {
            try {
                return r.message();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String body(MimeMessage message) throws Exception {
        Object content = message.getContent();
        String text = content instanceof String s ? s : new String(message.getInputStream().readAllBytes(), "UTF-8");
        // lines are wrapped at 76 columns: compare words, not line breaks
        return text.replace('\u00a0', ' ').replace('\u202f', ' ').replaceAll("\\s+", " ");
    }
}
