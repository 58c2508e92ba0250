package org.guichet.gateway.threading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;


import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.guichet.gateway.CaseworkDatabase;
import org.guichet.gateway.mailet.GuichetServices;
import org.guichet.gateway.message.AcceptedAtRcpt;
import org.guichet.administration.AdministrationProperties;
import org.guichet.administration.AdministrationProperties.ServiceDefinition;
import org.guichet.administration.ServiceDirectory;
import org.guichet.casework.Case;
import org.guichet.casework.CaseEvent;
import org.guichet.casework.CaseMessage;
import org.guichet.casework.Casework;
import org.guichet.conversation.Conversation;
import org.guichet.conversation.ConversationLog;
import org.guichet.gateway.pipeline.GuichetMailetContext;
import org.guichet.gateway.mailet.ContainerAttributes;
import org.guichet.gateway.token.ReplyToken;
import org.guichet.gateway.token.ReplyTokenKey;
import org.guichet.gateway.token.ReplyTokenKeyRing;
import org.guichet.gateway.token.ReplyTokenSigner;
import org.guichet.gateway.token.ReplyTokenVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The threading mailet over a real casework and database, fed as the inbound processor feeds it. */
class ThreadIntoCaseTest {

    private static final String CITIZEN = "amelie.rousseau@example.org";
    private static final String RECEIVED_AT = "2026-03-03T09:00:00.250Z";
    private static final String FINAL_MESSAGE_ID = "<conv.0a0b0c@reponse.caf.fr>";

    private final CaseworkDatabase db = new CaseworkDatabase(Instant.parse("2026-03-03T09:00:05Z"));
    private final ReplyTokenKeyRing ring = new ReplyTokenKeyRing(Map.of("k1", new ReplyTokenKey("k1", new byte[32])), "k1");
    private final ReplyTokenSigner signer = new ReplyTokenSigner(ring, new SecureRandom());
    private final GuichetMailetContext context = guichetContext();
    private final ThreadIntoCase mailet = new ThreadIntoCase();
    private String replyAddress;
    private int queue;

    @BeforeEach
    void conversationAndMailet() throws MessagingException {
        ServiceDirectory services = new ServiceDirectory(new AdministrationProperties("caf-34", "CAF de l'Hérault",
                Map.of("prestations", new ServiceDefinition("Prestations", List.of(), List.of(), null, null, null, null,
                        "default"))), db.jdbc, Clock.systemUTC());
        services.afterPropertiesSet();
        ReplyToken token = signer.newConversation();
        replyAddress = signer.localPart(token) + "@reponse.caf.fr";
        new ConversationLog(db.jdbc, db.clock).record(new Conversation(token.conversationId(),
                services.byCode("prestations").id(), "OUT01", "noreply@caf.fr", CITIZEN, "Votre dossier", null,
                FINAL_MESSAGE_ID, replyAddress, Instant.parse("2026-03-01T08:00:00Z")));

        context.setAttribute(GuichetServices.CONTEXT_ATTRIBUTE, GuichetServices.none()
                .with(Casework.class, db.casework)
                .with(ReplyTokenVerifier.class, new ReplyTokenVerifier(ring))
                .with(Clock.class, db.clock));
        mailet.init(FakeMailetConfig.builder().mailetName("ThreadIntoCase").mailetContext(context).build());
    }

    /** The mailet context as the application builds it (PipelineConfiguration publishes the same beans). */
    private static GuichetMailetContext guichetContext() {
        try {
            return new GuichetMailetContext(null, List.of(Domain.of("reponse.caf.fr")),
                    new MailAddress("postmaster@reponse.caf.fr"));
        } catch (AddressException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MimeMessage message(String... headers) throws MessagingException {
        String raw = String.join("\r\n", headers) + "\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + "Bonjour,\r\n\r\nVoici le justificatif demandé.\r\n\r\n"
                + "Le lun. 2 mars 2026, CAF <noreply@caf.fr> a écrit :\r\n> Il manque un justificatif.\r\n"
                + "--b1\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
                + "<p>Bonjour,</p><p>Voici le justificatif demandé.</p><script>alert(1)</script>\r\n"
                + "--b1--\r\n";
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    }

    private FakeMail mail(String recipient, String from, String... headers) throws MessagingException {
        queue++;
        String[] all = new String[headers.length + 3];
        all[0] = "From: " + from;
        all[1] = "To: " + recipient;
        all[2] = "Message-ID: <reply-" + queue + "@mail.example.org>";
        System.arraycopy(headers, 0, all, 3, headers.length);
        return AcceptedAtRcpt.by(new ReplyTokenVerifier(ring), FakeMail.builder().name("5B3C" + queue)
                .sender(from.replaceAll(".*<|>.*", "")).recipient(recipient)
                .mimeMessage(message(all))
                .attribute(new Attribute(ContainerAttributes.RECEIVED_AT, AttributeValue.of(RECEIVED_AT)))
                .state("inbound")
                .build());
    }

    private static Object attribute(Mail mail, AttributeName name) {
        return mail.getAttribute(name).orElseThrow(() -> new AssertionError("no attribute " + name)).getValue().value();
    }

    private Case onlyCase() {
        Long id = db.jdbc.sql("select id from citizen_case").query(Long.class).single();
        return db.casework.caseById(id).orElseThrow();
    }

    @Test
    void replyToTheSignedAddressOpensTheConversationsCaseAndTellsLaterSteps() throws Exception {
        FakeMail mail = mail(replyAddress, "Amélie Rousseau <" + CITIZEN + ">", "Subject: Re: Votre dossier",
                "In-Reply-To: " + FINAL_MESSAGE_ID);

        mailet.service(mail);

        Case found = onlyCase();
        assertThat(attribute(mail, CaseAttributes.REFERENCE)).isEqualTo(found.reference()).isEqualTo("GCH-2026-000001");
        assertThat(attribute(mail, CaseAttributes.THREADING)).isEqualTo("TOKEN");
        assertThat(attribute(mail, CaseAttributes.THIRD_PARTY)).isEqualTo(false);
        assertThat(attribute(mail, CaseAttributes.CHANGE)).isEqualTo("OPENED");
        assertThat(attribute(mail, CaseAttributes.AUTHOR)).isEqualTo("citizen");
        assertThat(found.citizenAddress()).isEqualTo(CITIZEN);
        assertThat(found.openedAt()).isEqualTo(Instant.parse(RECEIVED_AT));

        CaseMessage message = db.casework.messages(found.id()).get(0);
        assertThat(message.queueId()).as("the spool row with the raw bytes").isEqualTo(mail.getName());
        assertThat(message.receivedAt()).isEqualTo(Instant.parse(RECEIVED_AT));
        assertThat(message.fromAddress()).isEqualTo(CITIZEN);
        assertThat(message.subject()).isEqualTo("Re: Votre dossier");
        assertThat(message.messageId()).isEqualTo("<reply-1@mail.example.org>");
        assertThat(message.inReplyTo()).isEqualTo(FINAL_MESSAGE_ID);
        assertThat(message.visibleText()).isEqualTo("Bonjour,\n\nVoici le justificatif demandé.");
        assertThat(message.sanitisedHtml()).contains("justificatif").doesNotContain("script");
        assertThat(db.events.events(found.id())).extracting(CaseEvent::type).containsExactly("CASE_OPENED", "RECEIVED");
        assertThat(db.events.events(found.id())).allSatisfy(e ->
                assertThat(e.occurredAt()).isEqualTo(Instant.parse(RECEIVED_AT)));
        assertThat(mail.getState()).as("the mail goes on to the next step").isEqualTo("inbound");
    }

    @Test
    void theSameSpoolMessageRunTwiceIsRecordedOnce() throws Exception {
        FakeMail mail = mail(replyAddress, CITIZEN, "Subject: Re: Votre dossier");
        mailet.service(mail);
        FakeMail replay = FakeMail.builder().name(mail.getName()).sender(CITIZEN).recipient(replyAddress)
                .mimeMessage(mail.getMessage()).build();

        mailet.service(replay);

        assertThat(attribute(replay, CaseAttributes.REFERENCE)).isEqualTo(attribute(mail, CaseAttributes.REFERENCE));
        assertThat(attribute(replay, CaseAttributes.CHANGE)).isEqualTo("OPENED");
        assertThat(db.jdbc.sql("select count(*) from case_message").query(Long.class).single()).isEqualTo(1);
        assertThat(db.jdbc.sql("select count(*) from case_event").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aForgedTokenThreadsNothingButHeadersStillMayAndOtherwiseTheCaseIsUnthreaded() throws Exception {
        String local = replyAddress.substring(0, replyAddress.indexOf('@'));
        char last = local.charAt(local.length() - 1);
        String forged = local.substring(0, local.length() - 1) + (last == 'a' ? 'b' : 'a') + "@reponse.caf.fr";

        FakeMail byHeader = mail(forged, CITIZEN, "Subject: Re: Votre dossier", "References: <x@y> "
                + FINAL_MESSAGE_ID);
        FakeMail stray = mail(forged, CITIZEN, "Subject: Une question");
        mailet.service(byHeader);
        mailet.service(stray);

        assertThat(attribute(byHeader, CaseAttributes.THREADING)).isEqualTo("HEADER");
        assertThat(attribute(stray, CaseAttributes.THREADING)).isEqualTo("UNTHREADED");
        assertThat(attribute(stray, CaseAttributes.REFERENCE)).isNotEqualTo(attribute(byHeader, CaseAttributes.REFERENCE));
    }

    @Test
    void anotherSenderIsFlaggedAsAThirdParty() throws Exception {
        FakeMail mail = mail(replyAddress, "CCAS de Montpellier <accueil@ccas.example.fr>", "Subject: Re: Votre dossier");

        mailet.service(mail);

        assertThat(attribute(mail, CaseAttributes.THIRD_PARTY)).isEqualTo(true);
        assertThat(attribute(mail, CaseAttributes.AUTHOR)).isEqualTo("third_party");
        assertThat(onlyCase().citizenAddress()).isEqualTo(CITIZEN);
    }

    @Test
    void theClassifiersVerdictIsRecordedInEitherShape() throws Exception {
        FakeMail asReason = mail(replyAddress, CITIZEN, "Subject: Absence du bureau");
        asReason.setAttribute(new Attribute(CaseAttributes.AUTOMATIC, AttributeValue.of("OUT_OF_OFFICE_SUBJECT")));
        FakeMail asMap = mail(replyAddress, CITIZEN, "Subject: Re: Votre dossier");
        asMap.setAttribute(new Attribute(CaseAttributes.AUTOMATIC, AttributeValue.of(Map.of(
                "automatic", AttributeValue.of(true), "reason", AttributeValue.of("AUTO_SUBMITTED"),
                "evidence", AttributeValue.of("Auto-Submitted: auto-replied")))));
        FakeMail person = mail(replyAddress, CITIZEN, "Subject: Re: Votre dossier");
        person.setAttribute(new Attribute(CaseAttributes.AUTOMATIC, AttributeValue.of(Map.of(
                "automatic", AttributeValue.of(false), "reason", AttributeValue.of("NONE")))));

        mailet.service(asReason);
        mailet.service(asMap);
        mailet.service(person);

        assertThat(attribute(asReason, CaseAttributes.AUTHOR)).isEqualTo("automatic");
        assertThat(attribute(asMap, CaseAttributes.AUTHOR)).isEqualTo("automatic");
        assertThat(attribute(person, CaseAttributes.AUTHOR)).isEqualTo("citizen");
        assertThat(db.jdbc.sql("select automatic_reason from case_message order by id").query(String.class).list())
                .containsExactly("OUT_OF_OFFICE_SUBJECT", "AUTO_SUBMITTED", null);
        assertThat(db.events.events(onlyCase().id())).extracting(CaseEvent::type).containsExactly("CASE_OPENED",
                "RECEIVED", "CLASSIFIED_AUTOMATIC", "RECEIVED", "CLASSIFIED_AUTOMATIC", "RECEIVED");
    }

    @Test
    void archiveEndsAThreadedMailAndRefusesOneInNoCase() throws Exception {
        Archive archive = new Archive();
        archive.init(FakeMailetConfig.builder().mailetName("Archive").mailetContext(context).build());
        FakeMail threaded = mail(replyAddress, CITIZEN, "Subject: Re: Votre dossier");
        FakeMail skipped = mail(replyAddress, CITIZEN, "Subject: Re: Votre dossier");
        mailet.service(threaded);

        archive.service(threaded);

        assertThat(threaded.getState()).as("ghost: the spool row becomes done, raw bytes kept").isEqualTo(Mail.GHOST);
        assertThatThrownBy(() -> archive.service(skipped)).isInstanceOf(MessagingException.class)
                .hasMessageContaining("is in no case");
        assertThat(skipped.getState()).isEqualTo("inbound");
    }

    @Test
    void outsideGuichetTheMailetRefusesToStart() {
        ThreadIntoCase elsewhere = new ThreadIntoCase();
        assertThatThrownBy(() -> elsewhere.init(FakeMailetConfig.builder().mailetName("ThreadIntoCase")
                .mailetContext(FakeMailContext.defaultContext()).build()))
                .isInstanceOf(MessagingException.class).hasMessageContaining(Casework.class.getName());
    }
}
