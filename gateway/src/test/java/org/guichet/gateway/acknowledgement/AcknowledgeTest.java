package org.guichet.gateway.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.guichet.gateway.authentication.AuthenticationResults;
import org.guichet.gateway.authentication.DmarcResult;
import org.guichet.gateway.authentication.EvaluateAuthentication;
import org.guichet.gateway.authentication.SpfResult;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.guichet.gateway.mailet.GuichetServices;
import org.guichet.gateway.message.AcceptedAtRcpt;
import org.guichet.administration.AdministrationProperties;
import org.guichet.administration.AdministrationProperties.ServiceDefinition;
import org.guichet.administration.ServiceDirectory;
import org.guichet.calendar.BusinessCalendars;
import org.guichet.calendar.CalendarProperties;
import org.guichet.casework.Acknowledgements;
import org.guichet.casework.Acknowledgements.ImplicitDecision;
import org.guichet.casework.CaseEvent;
import org.guichet.casework.CaseReferences;
import org.guichet.casework.CaseThreading;
import org.guichet.casework.Casework;
import org.guichet.casework.CaseworkProperties;
import org.guichet.casework.EventLog;
import org.guichet.conversation.Conversation;
import org.guichet.conversation.ConversationLog;
import org.guichet.gateway.conversation.ConversationAttributes;
import org.guichet.gateway.language.Language;
import org.guichet.gateway.language.ReplyLanguageDetector;
import org.guichet.gateway.pipeline.GuichetMailetContext;
import org.guichet.gateway.mailet.ContainerAttributes;
import org.guichet.gateway.threading.CaseAttributes;
import org.guichet.gateway.threading.ThreadIntoCase;
import org.guichet.gateway.token.ReplyToken;
import org.guichet.gateway.token.ReplyTokenKey;
import org.guichet.gateway.token.ReplyTokenKeyRing;
import org.guichet.gateway.token.ReplyTokenSigner;
import org.guichet.gateway.token.ReplyTokenVerifier;
import org.guichet.storage.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The acknowledgement mailet after the threading mailet, over a real casework and database,
 * fed as the inbound processor feeds them; sent mail is captured by the mailet test context.
 */
class AcknowledgeTest {

    private static final String CITIZEN = "amelie.rousseau@example.org";
    /** 10:02 in Paris (UTC+1 in March). */
    private static final Instant RECEIVED = Instant.parse("2025-03-03T09:02:00Z");
    private static final Instant NOW = Instant.parse("2025-03-03T09:02:07.123456Z");
    private static final String FROM = "accuse-reception@reponse.caf.fr";
    private static final String CAPTURE = "contact@reponse.caf.fr";

    private final DataSource database = TestPostgres.newMigratedDatabase();
    private final JdbcClient jdbc = JdbcClient.create(database);
    private final DataSourceTransactionManager transactions = new DataSourceTransactionManager(database);
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final EventLog events = new EventLog(jdbc, transactions);
    private final CaseReferences references = new CaseReferences(jdbc, CaseworkProperties.defaults());
    private final Casework casework = new Casework(jdbc, transactions, events,
            new CaseThreading(jdbc, transactions, references), references, clock);
    private final Acknowledgements records = new Acknowledgements(jdbc, transactions, events);
    private final ReplyTokenKeyRing ring = new ReplyTokenKeyRing(Map.of("k1", new ReplyTokenKey("k1", new byte[32])), "k1");
    private final ReplyTokenSigner signer = new ReplyTokenSigner(ring, new SecureRandom());
    private final CapturingContext context = new CapturingContext();
    private final ThreadIntoCase thread = new ThreadIntoCase();
    private final Acknowledge acknowledge = new Acknowledge();
    private String replyAddress;
    private int queue;
    /** Too short to tell its language: the acknowledgement is then in every language of the service. */
    private String body = "Ci-joint ma demande.";

    @TempDir
    Path home;

    @BeforeEach
    void servicesConversationAndMailets() throws MessagingException {
        ServiceDirectory services = new ServiceDirectory(new AdministrationProperties("caf-34", "CAF de l'Hérault",
                Map.of("prestations", new ServiceDefinition("Prestations familiales", List.of(), List.of(),
                                "sous 5 jours ouvrés", "prestations@caf.fr", "3230",
                                "CAF de l'Hérault, 8 rue Chaptal, 34000 Montpellier", "default"),
                        "aides", new ServiceDefinition("Aides au logement", List.of(), List.of(), null, null,
                                "04 67 00 00 01", "CAF de l'Hérault, service Aides, 34000 Montpellier", "default"),
                        "recours", new ServiceDefinition("Recours amiables", List.of(), List.of(), null,
                                "recours@caf.fr", "04 67 00 00 02", null, "default"),
                        "gezin", new ServiceDefinition("Famiwal", List.of(), List.of(), null, "info@famiwal.example",
                                "+32 71 00 00 00", "Rue de Namur 1, 6000 Charleroi", "default"))), jdbc, Clock.systemUTC());
        services.afterPropertiesSet();
        assertThat(records.configure("aides", ImplicitDecision.ACCEPTANCE, null, null)).isTrue();
        assertThat(records.configure("recours", ImplicitDecision.REJECTION, null, null)).isTrue();
        ReplyToken token = signer.newConversation();
        replyAddress = signer.localPart(token) + "@reponse.caf.fr";
        new ConversationLog(jdbc, clock).record(new Conversation(token.conversationId(),
                services.byCode("prestations").id(), "OUT01", "noreply@caf.fr", CITIZEN, "Votre dossier", null,
                "<conv.0a0b0c@reponse.caf.fr>", replyAddress, Instant.parse("2025-03-01T08:00:00Z")));
        context.setAttribute(GuichetServices.CONTEXT_ATTRIBUTE, GuichetServices.none()
                .with(Casework.class, casework)
                .with(ReplyTokenVerifier.class, new ReplyTokenVerifier(ring))
                .with(Clock.class, clock));
        thread.init(FakeMailetConfig.builder().mailetName("ThreadIntoCase").mailetContext(context).build());
        useAcknowledger(AcknowledgementProperties.defaults(), null);
    }

    private void useAcknowledger(AcknowledgementProperties properties, Path templates) throws MessagingException {
        context.setAttribute(GuichetServices.CONTEXT_ATTRIBUTE, GuichetServices.of(context).with(Acknowledger.class,
                new Acknowledger(records, AcknowledgementTemplates.load(templates),
                        BusinessCalendars.from(new CalendarProperties(null)), properties,
                        new ReplyLanguageDetector(), new InternetAddress(FROM), clock)));
        acknowledge.init(FakeMailetConfig.builder().mailetName("Acknowledge").mailetContext(context).build());
    }

    // ---- the acknowledgement and its R112-11-1 elements

    @Test
    void firstCitizenMessageIsAcknowledgedWithEveryElementTheLawAsks() throws Exception {
        List<Sent> sent = deliver(mail(replyAddress, CITIZEN, RECEIVED));

        assertThat(sent).hasSize(1);
        Sent acknowledgement = sent.get(0);
        assertThat(acknowledgement.sender()).as("null reverse-path, RFC 3834 §3.3").isNull();
        assertThat(acknowledgement.recipients()).extracting(Object::toString).containsExactly(CITIZEN);
        MimeMessage message = acknowledgement.message();
        assertThat(message.getHeader("Auto-Submitted", ",")).isEqualTo("auto-replied");
        assertThat(message.getHeader("In-Reply-To", ",")).isEqualTo("<reply-1@mail.example.org>");
        assertThat(message.getHeader("References", ",")).isEqualTo("<reply-1@mail.example.org>");
        assertThat(address(message.getHeader("Reply-To", ","))).isEqualTo(replyAddress);
        assertThat(address(message.getHeader("To", ","))).isEqualTo(CITIZEN);
        InternetAddress from = InternetAddress.parseHeader(message.getHeader("From", ","), true)[0];
        assertThat(from.getAddress()).isEqualTo(FROM);
        assertThat(from.getPersonal()).isEqualTo("Prestations familiales");
        assertThat(decoded(message.getHeader("Subject", null)))
                .isEqualTo("Accusé de réception [GCH-2025-000001]");
        assertThat(message.getHeader("Message-ID", null)).matches("<ack\\.[0-9a-f]{24}@reponse\\.caf\\.fr>");
        assertThat(message.getSentDate()).isEqualTo(java.util.Date.from(NOW.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));

        String text = text(message);
        assertThat(text)
                .contains("Nous avons bien reçu votre message le 3 mars 2025 à 10 h 02.")
                .contains("Il est enregistré sous la référence GCH-2025-000001.")
                .contains("  Prestations familiales\n")
                .contains("  Courriel : prestations@caf.fr\n")
                .contains("  Adresse postale : CAF de l'Hérault, 8 rue Chaptal, 34000 Montpellier\n")
                .contains("  Téléphone : 3230\n")
                .contains("Le service s'engage à vous répondre sous 5 jours ouvrés.")
                .contains("We received your message on 3 March 2025 at 10:02.")
                .contains("  Email: prestations@caf.fr\n")
                .doesNotContain("implicite", "implicit", "${");
        assertThat(text.indexOf("Bonjour")).isLessThan(text.indexOf("Hello"));
    }

    @Test
    void acknowledgementIsRecordedOnTheCaseAtTheGatewaysTime() throws Exception {
        MimeMessage message = deliver(mail(replyAddress, CITIZEN, RECEIVED)).get(0).message();

        long caseId = jdbc.sql("select id from citizen_case").query(Long.class).single();
        List<CaseEvent> acknowledged = events.events(caseId).stream()
                .filter(e -> e.type().equals("ACKNOWLEDGED")).toList();
        assertThat(acknowledged).hasSize(1);
        assertThat(acknowledged.get(0).occurredAt()).isEqualTo(NOW);
        assertThat(acknowledged.get(0).payload()).contains("\"queueId\":\"5B3C1\"", "\"implicitDecision\":\"NONE\"");
        Map<String, Object> row = jdbc.sql("""
                        select direction, author_kind, message_id, in_reply_to, queue_id, received_at, visible_text
                        from case_message where author_kind = 'acknowledgement'""").query().singleRow();
        assertThat(row).containsEntry("direction", "outbound")
                .containsEntry("message_id", message.getHeader("Message-ID", null))
                .containsEntry("in_reply_to", "<reply-1@mail.example.org>")
                .containsEntry("queue_id", "ACK5B3C1");
        assertThat(((java.sql.Timestamp) row.get("received_at")).toInstant()).isEqualTo(NOW);
        assertThat((String) row.get("visible_text")).contains("GCH-2025-000001");
        byte[] raw = jdbc.sql("select raw from acknowledgement").query(byte[].class).single();
        assertThat(new String(raw, StandardCharsets.UTF_8)).contains("Auto-Submitted: auto-replied");
        assertThat(events.verify().intact()).isTrue();
    }

    @Test
    void implicitAcceptanceStatesTheDateAndTheCertificate() throws Exception {
        FakeMail request = serviceMail("aides", "jules.martin@example.org", RECEIVED);
        MimeMessage message = deliver(request).get(0).message();

        String text = text(message);
        assertThat(prose(text))
                .contains("votre demande sera considérée comme acceptée le 3 mai 2025")
                .contains("décision implicite d'acceptation, article L231-1")
                .contains("une attestation de cette décision (article L232-3)")
                .contains("your request will be deemed accepted on 3 May 2025")
                .contains("certificate of this decision (article L232-3)")
                .doesNotContain("rejet", "tribunal");
        // No email for the service: the address that reaches it is the one the message was sent to.
        assertThat(text).contains("  Courriel : " + CAPTURE + "\n").contains("  Téléphone : 04 67 00 00 01\n");
        assertThat(address(message.getHeader("Reply-To", ","))).isEqualTo(CAPTURE);
        assertThat(jdbc.sql("select implicit_decision || ' ' || decision_date from acknowledgement")
                .query(String.class).single()).isEqualTo("ACCEPTANCE 2025-05-03");
    }

    @Test
    void implicitRejectionStatesTheDateAndTheRecourse() throws Exception {
        String text = text(acknowledgement("recours", "jules.martin@example.org"));

        assertThat(prose(text))
                .contains("votre demande sera considérée comme rejetée le 3 mai 2025")
                .contains("décision implicite de rejet, article L231-4")
                .contains("recours gracieux auprès du service")
                .contains("tribunal administratif compétent, dans un délai de deux mois")
                .contains("your request will be deemed rejected on 3 May 2025")
                .contains("administrative court (tribunal administratif), within two months")
                .doesNotContain("attestation", "  Adresse postale");
    }

    @Test
    void aServicesOwnRecourseReplacesTheStandardOne() throws Exception {
        records.configure("recours", ImplicitDecision.REJECTION,
                "Vous pourrez saisir la commission de recours amiable de la CAF dans les deux mois.",
                "You may refer it to the CAF's amicable appeals board within two months.");

        String text = text(acknowledgement("recours", "jules.martin@example.org"));

        assertThat(prose(text)).contains("commission de recours amiable de la CAF", "amicable appeals board")
                .doesNotContain("tribunal administratif");
    }

    @Test
    void firstOfTheMonthIsWrittenAsAnOrdinal() {
        assertThat(ReceiptWording.day(java.time.LocalDate.of(2025, 5, 1), Language.FRENCH)).isEqualTo("le 1er mai 2025");
        assertThat(ReceiptWording.moment(Instant.parse("2025-07-14T07:05:00Z").atZone(java.time.ZoneId.of(
                "Europe/Paris")), Language.FRENCH)).isEqualTo("le 14 juillet 2025 à 9 h 05");
    }

    // ---- languages

    @Test
    void aFrenchReplyGetsAFrenchAcknowledgementAndAnUndeterminedOneFrenchThenEnglish() throws Exception {
        MimeMessage french = acknowledgement("prestations", "jules.martin@example.org",
                "Bonjour,\n\nJe vous envoie ma demande d'aide au logement, avec l'avis d'imposition.");
        MimeMessage undetermined = acknowledgement("prestations", "lea.petit@example.org", "Ci-joint.");

        assertThat(text(french)).contains("Nous avons bien reçu votre message").doesNotContain("Hello", "-----");
        assertThat(french.getHeader("Content-Language", ",")).isEqualTo("fr");
        assertThat(text(undetermined)).contains("Nous avons bien reçu votre message", "We received your message");
        assertThat(undetermined.getHeader("Content-Language", ",")).isEqualTo("fr, en");
    }

    @Test
    void aDutchReplyIsAcknowledgedInDutchAndAGermanOneInGerman() throws Exception {
        useAcknowledger(belgian(), null);
        MimeMessage dutch = acknowledgement("gezin", "jan.peeters@example.be",
                "Goedendag,\n\nIn bijlage vindt u het attest van mijn werkgever. Kunt u mij laten weten of dit"
                + " voldoende is voor de kinderbijslag?\n\nMet vriendelijke groeten,\nJan Peeters");
        MimeMessage german = acknowledgement("gezin", "anna.schmitz@example.be",
                "Guten Tag,\n\nanbei die Bescheinigung meines Arbeitgebers. Können Sie mir bitte sagen, ob das"
                + " für das Kindergeld reicht?\n\nMit freundlichen Grüßen\nAnna Schmitz");

        assertThat(decoded(dutch.getHeader("Subject", null)))
                .isEqualTo("Ontvangstbevestiging [GCH-2025-000001]");
        assertThat(dutch.getHeader("Content-Language", ",")).isEqualTo("nl");
        assertThat(text(dutch)).startsWith("Geachte mevrouw, geachte heer,")
                .contains("Wij hebben uw bericht goed ontvangen op 3 maart 2025 om 10.02 uur.")
                .contains("Het is geregistreerd onder het referentienummer GCH-2025-000001.")
                .contains("  Famiwal\n", "  E-mail: info@famiwal.example\n", "  Telefoon: +32 71 00 00 00\n")
                .doesNotContain("Bonjour", "Hello", "Guten Tag", "${");
        assertThat(decoded(german.getHeader("Subject", null)))
                .isEqualTo("Eingangsbestätigung [GCH-2025-000002]");
        assertThat(german.getHeader("Content-Language", ",")).isEqualTo("de");
        assertThat(text(german)).startsWith("Guten Tag,")
                .contains("wir haben Ihre Nachricht am 3. März 2025 um 10:02 Uhr erhalten.")
                .contains("Sie ist unter dem Aktenzeichen GCH-2025-000002 registriert.")
                .contains("  Postanschrift: Rue de Namur 1, 6000 Charleroi\n")
                .doesNotContain("Bonjour", "Hello", "Geachte", "${");
    }

    @Test
    void aReplyInALanguageTheServiceDoesNotWriteIsAcknowledgedInItsDefaultLanguage() throws Exception {
        useAcknowledger(belgian(), null);
        MimeMessage english = acknowledgement("prestations", "john.smith@example.org",
                "Hello,\n\nI sent my application last week but I have not received any answer yet. Could you"
                + " please tell me where my file stands?\n\nKind regards,\nJohn Smith");
        MimeMessage toBelgians = acknowledgement("gezin", "john.smith@example.co.uk");

        assertThat(english.getHeader("Content-Language", ",")).as("prestations writes French only").isEqualTo("fr");
        assertThat(text(english)).contains("Nous avons bien reçu votre message le 3 mars 2025 à 10 h 02.")
                .doesNotContain("We received", "Hello");
        assertThat(decoded(english.getHeader("Subject", null))).startsWith("Accusé de réception [");
        assertThat(toBelgians.getHeader("Content-Language", ",")).as("its default language").isEqualTo("fr");
    }

    @Test
    void dutchAndGermanAcknowledgementsStateTheImplicitDecisionInTheirLanguage() throws Exception {
        records.configure("gezin", ImplicitDecision.REJECTION, null, null);
        useAcknowledger(belgian(), null);

        String text = prose(text(acknowledgement("gezin", "jan.peeters@example.be",
                "Ik heb op 3 maart mijn aanvraag ingediend, maar ik heb nog geen antwoord ontvangen.")));

        assertThat(text).contains("wordt uw aanvraag geacht afgewezen te zijn op 3 mei 2025")
                .contains("bevoegde administratieve rechtbank (tribunal administratif), binnen twee maanden")
                .doesNotContain("rejet", "rejected");
    }

    @Test
    void datesAreWrittenInEachLanguagesOwnWay() {
        java.time.ZonedDateTime at = Instant.parse("2025-05-01T07:05:00Z").atZone(java.time.ZoneId.of("Europe/Brussels"));

        assertThat(ReceiptWording.moment(at, Language.FRENCH)).isEqualTo("le 1er mai 2025 à 9 h 05");
        assertThat(ReceiptWording.moment(at, Language.ENGLISH)).isEqualTo("on 1 May 2025 at 09:05");
        assertThat(ReceiptWording.moment(at, Language.DUTCH)).isEqualTo("op 1 mei 2025 om 9.05 uur");
        assertThat(ReceiptWording.moment(at, Language.GERMAN)).isEqualTo("am 1. Mai 2025 um 9:05 Uhr");
    }

    /** « prestations » writes French only; « gezin », a Walloon family-allowance fund, French, Dutch and German. */
    private static AcknowledgementProperties belgian() {
        return new AcknowledgementProperties(true, Duration.ofDays(7), 5, Duration.ofHours(24), null, null, null, null,
                Map.of("prestations", new AcknowledgementProperties.ServiceSettings(ImplicitDecision.NONE, null, null,
                                List.of("fr"), null),
                        "gezin", new AcknowledgementProperties.ServiceSettings(ImplicitDecision.NONE, null, null,
                                List.of("fr", "nl", "de"), "fr")));
    }

    // ---- how often

    @Test
    void secondMessageWithinThePeriodIsNotAcknowledgedAndOneAfterItIs() throws Exception {
        assertThat(deliver(mail(replyAddress, CITIZEN, RECEIVED))).hasSize(1);
        assertThat(deliver(mail(replyAddress, CITIZEN, RECEIVED.plus(Duration.ofDays(6))))).isEmpty();
        assertThat(deliver(mail(replyAddress, CITIZEN, RECEIVED.plus(Duration.ofDays(8))))).hasSize(1);

        assertThat(jdbc.sql("select count(*) from citizen_case").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from case_event where type = 'ACKNOWLEDGED'").query(Long.class).single())
                .isEqualTo(2);
    }

    /** A forged envelope sender would receive the acknowledgement: backscatter. */
    @Test
    void aSenderThatFailsSpfWithoutDmarcIsNotAcknowledgedButOneWithoutDnsIs() throws Exception {
        FakeMail forged = mail(replyAddress, CITIZEN, RECEIVED);
        forged.setAttribute(new Attribute(EvaluateAuthentication.RESULTS, AttributeValue.of(new AuthenticationResults(
                "mx.guichet.test", new SpfResult(SpfResult.Verdict.FAIL, "example.org", SpfResult.Identity.MAILFROM,
                        "203.0.113.5"), List.of(), DmarcResult.without(DmarcResult.Verdict.NONE, "example.org"))
                .toJson())));
        assertThat(deliver(forged)).isEmpty();

        FakeMail offline = mail(replyAddress, CITIZEN, RECEIVED.plus(Duration.ofMinutes(1)));
        offline.setAttribute(new Attribute(EvaluateAuthentication.RESULTS, AttributeValue.of(new AuthenticationResults(
                "mx.guichet.test", new SpfResult(SpfResult.Verdict.TEMPERROR, "example.org",
                        SpfResult.Identity.MAILFROM, "203.0.113.5"), List.of(),
                DmarcResult.without(DmarcResult.Verdict.TEMPERROR, "example.org")).toJson())));
        assertThat(deliver(offline)).as("unknown results are not held against the citizen").hasSize(1);
    }

    @Test
    void aThirdPartyIsAcknowledgedAtItsOwnAddress() throws Exception {
        assertThat(deliver(mail(replyAddress, CITIZEN, RECEIVED))).hasSize(1);
        FakeMail third = mail(replyAddress, "assistante.sociale@ccas.example.org", RECEIVED.plus(Duration.ofHours(1)));

        List<Sent> sent = deliver(third);

        assertThat(third.getAttribute(CaseAttributes.THIRD_PARTY).orElseThrow().getValue().value()).isEqualTo(true);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).recipients()).extracting(Object::toString)
                .containsExactly("assistante.sociale@ccas.example.org");
    }

    @Test
    void oneSenderGetsAtMostItsShareAcrossCases() throws Exception {
        useAcknowledger(new AcknowledgementProperties(true, Duration.ofDays(7), 2, Duration.ofHours(24), null, null,
                null, null, Map.of()), null);
        String sender = "prolifique@example.org";

        int acknowledged = 0;
        for (int i = 0; i < 4; i++) {
            acknowledged += deliver(serviceMail("prestations", sender, RECEIVED.plus(Duration.ofMinutes(i)))).size();
        }
        int nextDay = deliver(serviceMail("prestations", sender, RECEIVED.plus(Duration.ofHours(25)))).size();

        assertThat(jdbc.sql("select count(*) from citizen_case").query(Long.class).single()).isEqualTo(5);
        assertThat(acknowledged).isEqualTo(2);
        assertThat(nextDay).isEqualTo(1);
    }

    // ---- RFC 3834: never to automatic mail

    @Test
    void automaticMailIsNeverAcknowledged() throws Exception {
        FakeMail outOfOffice = serviceMail("prestations", "absent@example.org", RECEIVED);
        outOfOffice.setAttribute(new Attribute(CaseAttributes.AUTOMATIC, AttributeValue.of("OUT_OF_OFFICE_SUBJECT")));
        FakeMail nullSender = FakeMail.builder().name("NULL1").recipient(CAPTURE)
                .mimeMessage(message("From: MAILER-DAEMON@mx.example.org", "To: " + CAPTURE,
                        "Message-ID: <dsn-1@mx.example.org>", "Subject: Undelivered"))
                .attribute(new Attribute(ContainerAttributes.RECEIVED_AT, AttributeValue.of(RECEIVED.toString())))
                .attribute(new Attribute(ConversationAttributes.SERVICE_CODE, AttributeValue.of("prestations")))
                .build();

        assertThat(deliver(outOfOffice)).isEmpty();
        assertThat(deliver(serviceMail("prestations", "robot@example.org", RECEIVED, "Auto-Submitted: auto-replied")))
                .isEmpty();
        assertThat(deliver(serviceMail("prestations", "robot2@example.org", RECEIVED,
                "Auto-Submitted: auto-generated; by=crm"))).isEmpty();
        assertThat(deliver(serviceMail("prestations", "list@example.org", RECEIVED, "Precedence: bulk"))).isEmpty();
        assertThat(deliver(serviceMail("prestations", "junk@example.org", RECEIVED, "Precedence: junk"))).isEmpty();
        assertThat(deliver(serviceMail("prestations", "news@example.org", RECEIVED, "List-Id: <news.example.org>")))
                .isEmpty();
        assertThat(deliver(nullSender)).isEmpty();
        assertThat(deliver(serviceMail("prestations", "agent@reponse.caf.fr", RECEIVED)))
                .as("Guichet's own address: a loop").isEmpty();
        assertThat(deliver(mail("postmaster@reponse.caf.fr", "admin@example.org", RECEIVED)))
                .as("postmaster is for mail systems' troubles: no acknowledgement").isEmpty();

        assertThat(jdbc.sql("select count(*) from citizen_case").query(Long.class).single()).isEqualTo(9);
        assertThat(jdbc.sql("select count(*) from acknowledgement").query(Long.class).single()).isZero();
        assertThat(deliver(serviceMail("prestations", "person@example.org", RECEIVED, "Auto-Submitted: no")))
                .as("Auto-Submitted: no is a person's message").hasSize(1);
    }

    @Test
    void disabledSendsNone() throws Exception {
        useAcknowledger(new AcknowledgementProperties(false, Duration.ofDays(7), 5, Duration.ofHours(24), null, null,
                null, null, Map.of()), null);

        assertThat(deliver(mail(replyAddress, CITIZEN, RECEIVED))).isEmpty();
    }

    // ---- at least once

    @Test
    void replayOfTheSameQueueIdRecordsNothingNewAndSpoolsTheSameMessage() throws Exception {
        MimeMessage first = deliver(mail(replyAddress, CITIZEN, RECEIVED)).get(0).message();
        queue--;
        // A crash before the batch committed: the spool gives back the message without the runs' writes.
        List<Sent> replay = deliver(mail(replyAddress, CITIZEN, RECEIVED));

        assertThat(replay).hasSize(1);
        assertThat(replay.get(0).message().getHeader("Message-ID", null)).isEqualTo(first.getHeader("Message-ID", null));
        assertThat(text(replay.get(0).message())).isEqualTo(text(first));
        assertThat(jdbc.sql("select count(*) from case_event where type = 'ACKNOWLEDGED'").query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from case_message where author_kind = 'acknowledgement'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aMailWhoseAcknowledgementWasSpooledIsNotAcknowledgedAgain() throws Exception {
        FakeMail mail = mail(replyAddress, CITIZEN, RECEIVED);
        assertThat(deliver(mail)).hasSize(1);

        // The same mail again, e.g. held by a later step and released by an operator.
        assertThat(deliver(mail)).isEmpty();
        assertThat(mail.getAttribute(Acknowledge.ACKNOWLEDGED)).isPresent();
    }

    @Test
    void mailInNoCaseFails() throws Exception {
        FakeMail unthreaded = mail(replyAddress, CITIZEN, RECEIVED);

        assertThatThrownBy(() -> acknowledge.service(unthreaded)).isInstanceOf(MessagingException.class)
                .hasMessageContaining("put ThreadIntoCase before Acknowledge");
    }

    // ---- templates

    @Test
    void aServicesTemplateInTheHomeFolderIsUsed() throws Exception {
        Path folder = home.resolve("templates/acknowledgement");
        Files.createDirectories(folder.resolve("prestations"));
        Files.writeString(folder.resolve("prestations/fr.txt"),
                "Madame, Monsieur,\n\nDossier ${reference} reçu ${receivedAt}.\nFax : ${servicePhone}\n",
                StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("en.txt"), "Case ${reference}, received ${receivedAt}.\n",
                StandardCharsets.UTF_8);
        useAcknowledger(AcknowledgementProperties.defaults(), folder);

        String prestations = text(deliver(mail(replyAddress, CITIZEN, RECEIVED)).get(0).message());
        String aides = text(acknowledgement("aides", "jules.martin@example.org"));

        assertThat(prestations).startsWith("Madame, Monsieur,\n\nDossier GCH-2025-000001 reçu le 3 mars 2025 à 10 h 02.\n"
                + "Fax : 3230\n").contains("Case GCH-2025-000001, received on 3 March 2025 at 10:02.")
                .doesNotContain("Bonjour");
        assertThat(aides).startsWith("Bonjour,").contains("Case GCH-2025-000002, received");
    }

    @Test
    void aTemplateWithAnUnknownPlaceholderStopsTheStart() throws IOException {
        Path folder = home.resolve("broken");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("fr.txt"), "Référence ${refrence}\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> AcknowledgementTemplates.load(folder)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(folder.resolve("fr.txt").toString()).hasMessageContaining("${refrence}");
    }

    @Test
    void linesWithAnEmptyValueAreLeftOutAndLongLinesWrapped() {
        String text = AcknowledgementTemplates.render("A\n  Phone: ${servicePhone}\n\n\n${implicitDecision}\n\nB "
                + "word ".repeat(20) + "\n", Map.of("servicePhone", " "));

        assertThat(text).startsWith("A\n\nB word").doesNotContain("Phone");
        assertThat(text.lines()).allMatch(line -> line.length() <= 76);
    }

    // ---- helpers

    /** Threading then acknowledgement, as the inbound processor runs them; the mail sent meanwhile. */
    private List<Sent> deliver(FakeMail mail) throws MessagingException {
        int before = context.sent.size();
        thread.service(mail);
        acknowledge.service(mail);
        return new ArrayList<>(context.sent.subList(before, context.sent.size()));
    }

    private FakeMail mail(String recipient, String from, Instant receivedAt, String... headers)
            throws MessagingException {
        queue++;
        List<String> all = new ArrayList<>(List.of("From: " + from, "To: " + recipient,
                "Message-ID: <reply-" + queue + "@mail.example.org>", "Subject: Re: Votre dossier"));
        all.addAll(List.of(headers));
        return AcceptedAtRcpt.by(new ReplyTokenVerifier(ring), FakeMail.builder().name("5B3C" + queue).sender(from)
                .recipient(recipient)
                .mimeMessage(message(all.toArray(String[]::new)))
                .attribute(new Attribute(ContainerAttributes.RECEIVED_AT, AttributeValue.of(receivedAt.toString())))
                .state("inbound")
                .build());
    }

    /** The one mail sent for a message with {@link #body} from {@code from} to the service's capture address. */
    private MimeMessage acknowledgement(String service, String from) throws MessagingException {
        return deliver(serviceMail(service, from, RECEIVED)).get(0).message();
    }

    /** The one mail sent for a message with this body from {@code from} to the service's capture address. */
    private MimeMessage acknowledgement(String service, String from, String text) throws MessagingException {
        body = text;
        return acknowledgement(service, from);
    }

    /** A message to the capture address of a service: nothing threads it, it opens a case there. */
    private FakeMail serviceMail(String service, String from, Instant receivedAt, String... headers)
            throws MessagingException {
        FakeMail mail = mail(CAPTURE, from, receivedAt, headers);
        mail.setAttribute(new Attribute(ConversationAttributes.SERVICE_CODE, AttributeValue.of(service)));
        return mail;
    }

    private MimeMessage message(String... headers) throws MessagingException {
        String raw = String.join("\r\n", headers) + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + body.replace("\n", "\r\n") + "\r\n";
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    }

    private static String address(String header) throws MessagingException {
        return InternetAddress.parseHeader(header, true)[0].getAddress();
    }

    private static String decoded(String header) throws Exception {
        return MimeUtility.decodeText(MimeUtility.unfold(header));
    }

    private static String text(MimeMessage message) throws Exception {
        return ((String) message.getContent()).replace("\r\n", "\n");
    }

    /** The text with its lines joined, for sentences the 76-column wrapping may break. */
    private static String prose(String text) {
        return text.replaceAll("\\s+", " ");
    }

    /** A mail sent through the mailet context. */
    record Sent(MailAddress sender, List<MailAddress> recipients, MimeMessage message) {
    }

    /** Guichet's mailet context, whose spool is replaced by a list. */
    static final class CapturingContext extends GuichetMailetContext {

        final List<Sent> sent = new ArrayList<>();

        CapturingContext() {
            super(null, List.of(Domain.of("reponse.caf.fr")), postmaster());
        }

        private static MailAddress postmaster() {
            try {
                return new MailAddress("postmaster@reponse.caf.fr");
            } catch (AddressException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void sendMail(MailAddress sender, Collection<MailAddress> recipients, MimeMessage message) {
            sent.add(new Sent(sender, List.copyOf(recipients), message));
        }
    }
}
