package org.guichet.noreply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.guichet.Guichet;
import org.guichet.TestNode;
import org.guichet.administration.ServiceDirectory;
import org.guichet.conversation.Conversation;
import org.guichet.conversation.ConversationLog;
import org.guichet.gateway.dkim.DkimKey;
import org.guichet.gateway.dkim.DkimKeys;
import org.guichet.gateway.token.ReplyToken;
import org.guichet.gateway.token.ReplyTokenVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The point of Guichet, end to end over SMTP: a noreply notice to two people leaves as two
 * personal copies, each with its own signed reply address that resolves to a recorded
 * conversation of the right service, and a notice that now invites a reply.
 */
@SpringBootTest(classes = Guichet.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class NoreplyEndToEndTest {

    static final TestNode NODE = TestNode.running("noreply", "submission,worker")
            .set("guichet.administration.code", "caf-34")
            .set("guichet.administration.name", "CAF de l'Hérault")
            .service("prestations", Map.of("name", "Service des prestations", "senders", "@caf.test"))
            .set("guichet.notice.commitment", "sous 5 jours ouvrés")
            .set("guichet.dkim.domains.caf.test.selector", "guichet2026");

    @Autowired
    ReplyTokenVerifier tokens;

    @Autowired
    ConversationLog conversations;

    @Autowired
    ServiceDirectory services;

    @Autowired
    DkimKeys dkimKeys;

    GreenMail smarthost;

    @BeforeEach
    void start() {
        smarthost = new GreenMail(new ServerSetup(NODE.smarthost, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smarthost.start();
    }

    @AfterEach
    void stop() {
        smarthost.stop();
    }

    @Test
    void noreplyNoticeLeavesAsPersonalCopiesWithReplyAddressesThatResolve() throws Exception {
        send("CAF <ne-pas-repondre@caf.test>", null, "Votre attestation de paiement",
                "Bonjour,\r\n\r\nVotre attestation est disponible dans votre espace.\r\n\r\n"
                        + "Merci de ne pas répondre à ce message.\r\n", "alice@example.org", "bob@example.org");

        await().atMost(Duration.ofSeconds(30)).until(() -> smarthost.getReceivedMessages().length == 2);
        for (MimeMessage copy : smarthost.getReceivedMessages()) {
            InternetAddress replyTo = (InternetAddress) copy.getReplyTo()[0];
            assertThat(replyTo.getPersonal()).isEqualTo("Service des prestations");
            assertThat(replyTo.getAddress()).startsWith("reply+").endsWith("@reponse.caf.test");
            ReplyToken token = tokens.verifyLocalPart(replyTo.getAddress().substring(0, replyTo.getAddress().indexOf('@')))
                    .orElseThrow();
            Conversation conversation = conversations.find(token.conversationId()).orElseThrow();
            assertThat(conversation.recipient()).isIn("alice@example.org", "bob@example.org");
            assertThat(conversation.serviceId()).isEqualTo(services.byCode("prestations").id());
            assertThat(conversation.subject()).isEqualTo("Votre attestation de paiement");
            assertThat(conversation.finalMessageId()).isEqualTo(copy.getMessageID());

            // French typography puts a no-break space before the colon
            String decoded = new String(copy.getInputStream().readAllBytes(), "UTF-8").replace('\u00a0', ' ')
                    .replace('\u202f', ' ');
            assertThat(copy.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
            assertThat(dkimVerifies(copy)).as("DKIM signature of caf.test verifies after rewriting").isTrue();
            assertThat(decoded).doesNotContain("Merci de ne pas répondre")
                    .contains("Vous pouvez répondre directement à ce message : un agent vous répondra sous 5 jours ouvrés");
        }
        assertThat(Arrays.stream(smarthost.getReceivedMessages()).map(m -> {
            try {
                return m.getMessageID();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).distinct()).hasSize(2);
    }

    @Test
    void messageWithAWorkingReplyToPassesUntouched() throws Exception {
        send("CAF <ne-pas-repondre@caf.test>", "Accueil CAF <accueil@caf.test>", "Rendez-vous",
                "Bonjour,\r\nvotre rendez-vous est confirmé.\r\n", "carole@example.org");

        await().atMost(Duration.ofSeconds(30)).until(() -> smarthost.getReceivedMessages().length == 1);
        MimeMessage delivered = smarthost.getReceivedMessages()[0];
        assertThat(delivered.getHeader("Reply-To", null)).isEqualTo("Accueil CAF <accueil@caf.test>");
        assertThat(delivered.getMessageID()).isEqualTo("<rdv-1@caf.test>");
    }

    /** Verifies with jDKIM against the record Guichet tells the operator to publish. */
    private boolean dkimVerifies(MimeMessage delivered) throws Exception {
        DkimKey key = dkimKeys.forDomain("caf.test").orElseThrow();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        delivered.writeTo(bytes);
        org.apache.james.jdkim.api.PublicKeyRecordRetriever dns = (method, selector, domain) -> {
            if (selector.toString().equals(key.selector()) && domain.toString().equals(key.domain())) {
                return List.of(key.txtValue());
            }
            throw new org.apache.james.jdkim.exceptions.PermFailException("no record for " + selector + "." + domain);
        };
        try {
            var valid = new org.apache.james.jdkim.DKIMVerifier(dns).verify(
                    new java.io.ByteArrayInputStream(bytes.toByteArray()));
            return valid != null && valid.stream().anyMatch(r -> "caf.test".contentEquals(r.getDToken()));
        } catch (org.apache.james.jdkim.exceptions.FailException e) {
            return false;
        }
    }

    private static void send(String from, String replyTo, String subject, String body, String to, String... cc)
            throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(NODE.submission));
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", cc.length == 0 ? "<rdv-1@caf.test>" : "<avis-1@caf.test>");
            }
        };
        message.setFrom(new InternetAddress(from));
        if (replyTo != null) {
            message.setReplyTo(InternetAddress.parse(replyTo));
        }
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        for (String address : cc) {
            message.addRecipient(Message.RecipientType.CC, new InternetAddress(address));
        }
        message.setSubject(subject, "UTF-8");
        message.setText(body, "UTF-8");
        Transport.send(message);
    }
}
