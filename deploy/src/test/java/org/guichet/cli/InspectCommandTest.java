package org.guichet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.guichet.Guichet;
import org.guichet.administration.ServiceDirectory;
import org.guichet.conversation.Conversation;
import org.guichet.conversation.ConversationLog;
import org.guichet.gateway.token.ReplyToken;
import org.guichet.gateway.pipeline.TestPipelines;
import org.guichet.gateway.token.ReplyTokenSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code guichet inspect} as an operator runs it: the real mailet container on a pipeline.xml,
 * messages written here, what is printed, what {@code --out} writes; inbound, the threading
 * decision read from a real PostgreSQL where conversations were recorded, which it never writes.
 */
class InspectCommandTest {

    static final String CRLF = "\r\n";
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** The default pipeline, plus notice rewriting on the messages that were given a reply address. */
    static final String PIPELINE = TestPipelines.pipeline("""
                  <mailet match="IsNoreply" class="SplitPerRecipient"/>
                  <mailet match="IsNoreply" class="SetReplyAddress">
                    <replyDomain>${guichet.node.reply-domain}</replyDomain>
                    <serviceName>${guichet.pipeline.service-name}</serviceName>
                  </mailet>
                  <mailet match="HasMailAttribute=org.guichet.reply.address" class="ReplaceNoreplyNotice">
                    <commitment>sous 5 jours ouvrés</commitment>
                  </mailet>
                  <mailet match="All" class="Relay"/>""");

    @TempDir
    Path home;

    @TempDir
    Path work;

    @Test
    void noreplyHtmlNoticeIsReplacedAndTheReplyAddressShown() throws Exception {
        Path file = write("avis.eml", htmlNotice("To: Camille Martin <camille.martin@example.org>"));
        long conversations = conversations();

        CommandRun run = inspect(file.toString(), "--guichet.pipeline.config=" + pipeline());

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("envelope:   from <noreply@caf.fr> to camille.martin@example.org")
                .contains("result:     1 message(s) to relay, 0 held")
                .contains("noreply rule:   matched (sender noreply@caf.fr)")
                .containsPattern("reply address:  reply\\+k1-[a-z0-9]{32}@reponse\\.caf\\.fr")
                .contains("notice:         replaced, 2 replaced")
                .contains("text/html fr").contains("text/plain fr")
                .containsPattern("Reply-To:\\s+\\(absent\\)")
                .containsPattern("now:\\s+Caisse d'allocations familiales <reply\\+k1-")
                .contains("body:           changed");
        // Keys come from the home, as the server's; a dry run records no conversation.
        assertThat(Files.exists(home.resolve("keys/reply-token-k1.key"))).isTrue();
        assertThat(conversations()).isEqualTo(conversations);
    }

    @Test
    void dryRunsNeedNoDatabase() throws Exception {
        Path freshHome = home.resolve("fresh");
        Path notice = write("sans-base.eml", htmlNotice("To: Camille Martin <camille.martin@example.org>"));
        Path reply = write("reponse-sans-base.eml", message("From: Camille Martin <camille.martin@example.org>",
                "To: <reply+k1-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@reponse.caf.fr>", "Subject: Re: Votre attestation",
                "Message-ID: <r9@example.org>", "Content-Type: text/plain; charset=UTF-8", "", "Bonjour."));
        Set<Path> temporaryBefore = dryRunFolders();

        for (String[] direction : List.of(new String[] {"--direction", "outbound"}, new String[] {"--direction", "inbound"})) {
            Path file = direction[1].equals("outbound") ? notice : reply;
            CommandRun run = CommandRun.of("inspect", file.toString(), direction[0], direction[1], "--guichet.node.home=" + freshHome,
                    "--guichet.node.reply-domain=reponse.caf.fr", "--guichet.authentication.dns-servers=127.0.0.1:" + SILENT_DNS_PORT,
                    "--guichet.authentication.timeout=1s");
            assertThat(run.status()).as(run.err()).isZero();
            assertThat(run.out()).contains(direction[1].equals("outbound") ? "noreply rule:   matched" : "threading:");
        }
        // No node ran on that home: the database was a temporary one, and it is gone.
        assertThat(freshHome.resolve("postgres")).doesNotExist();
        assertThat(dryRunFolders()).isEqualTo(temporaryBefore);
    }

    private static Set<Path> dryRunFolders() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return new HashSet<>(entries.filter(p -> p.getFileName().toString().startsWith("guichet-dry-run-")).toList());
        }
    }

    static long conversations() {
        return JdbcClient.create(dataSource(DATABASE)).sql("select count(*) from conversation")
                .query(Long.class).single();
    }

    @Test
    void workingReplyToIsLeftUntouched() throws Exception {
        Path file = write("contact.eml", message("From: CAF <noreply@caf.fr>", "To: camille.martin@example.org",
                "Reply-To: Service des prestations <prestations@caf.fr>", "Subject: Votre dossier",
                "Content-Type: text/plain; charset=UTF-8", "", "Merci de ne pas répondre à ce message."));

        CommandRun run = inspect(file.toString());

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("noreply rule:   not matched (a Reply-To is set: replies already reach someone)")
                .contains("notice:         not run")
                .contains("unchanged:      leaves as submitted")
                .doesNotContain("reply+");

        JsonNode copy = json(inspect(file.toString(), "--json").out()).get(0).get("copies").get(0);
        assertThat(copy.get("status").asString()).isEqualTo("relay");
        assertThat(copy.get("noreplyMatched").asBoolean()).isFalse();
        assertThat(copy.get("headers").isEmpty()).isTrue();
        assertThat(copy.get("bodyChanged").asBoolean()).isFalse();
    }

    @Test
    void eachRecipientGetsAPersonalCopyWithItsOwnReplyAddress() throws Exception {
        Path file = write("groupe.eml", htmlNotice("To: alice@example.org, bob@example.org", "Cc: carole@example.org",
                "Bcc: controle@caf.fr"));

        CommandRun run = inspect(file.toString(), "--json", "--guichet.pipeline.config=" + pipeline());

        assertThat(run.status()).isZero();
        List<JsonNode> lines = json(run.out());
        assertThat(lines).hasSize(1);
        JsonNode report = lines.get(0);
        assertThat(report.get("file").asString()).isEqualTo(file.toString());
        assertThat(texts(report.get("recipients")))
                .containsExactly("alice@example.org", "bob@example.org", "carole@example.org", "controle@caf.fr");
        JsonNode copies = report.get("copies");
        assertThat(copies).hasSize(4);
        Set<String> replyAddresses = new HashSet<>();
        List<String> recipients = new ArrayList<>();
        for (JsonNode copy : copies) {
            assertThat(copy.get("recipients")).hasSize(1);
            recipients.add(copy.get("recipients").get(0).asString());
            assertThat(copy.get("noreplyMatched").asBoolean()).isTrue();
            assertThat(copy.get("notice").get("outcome").asString()).isEqualTo("replaced");
            replyAddresses.add(copy.get("replyAddress").asString());
            // RFC 5322 §3.6.3: no copy discloses the blind recipient.
            assertThat(headerNames(copy)).contains("Reply-To", "Bcc");
        }
        assertThat(recipients).containsExactly("alice@example.org", "bob@example.org", "carole@example.org",
                "controle@caf.fr");
        assertThat(replyAddresses).hasSize(4);

        assertThat(inspect(file.toString(), "--guichet.pipeline.config=" + pipeline()).out())
                .contains("result:     4 message(s) to relay, 0 held")
                .contains("inspect-1: relay to alice@example.org")
                .contains("inspect-4: relay to controle@caf.fr");
    }

    @Test
    void outWritesTheRewrittenMessage() throws Exception {
        Path file = write("avis.eml", htmlNotice("To: camille.martin@example.org"));
        Path out = work.resolve("sortie.eml");

        CommandRun run = inspect(file.toString(), "--json", "--out", out.toString(), "--guichet.pipeline.config=" + pipeline());

        assertThat(run.status()).isZero();
        String replyAddress = json(run.out()).get(0).get("copies").get(0).get("replyAddress").asString();
        MimeMessage written = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(Files.readAllBytes(out)));
        assertThat(((InternetAddress) written.getReplyTo()[0]).getAddress()).isEqualTo(replyAddress);
        assertThat(written.getHeader("Message-ID", null)).isEqualTo("<20260303091244.4F2A1@caf.fr>");
        String body = new String(Files.readAllBytes(out), StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("ne pas r=C3=A9pondre").doesNotContain("ne pas répondre");
        assertThat(run.err()).contains("written: " + out);
    }

    @Test
    void outToAFolderWritesEachCopy() throws Exception {
        Path file = write("groupe.eml", htmlNotice("To: alice@example.org, bob@example.org"));
        Path folder = Files.createDirectory(work.resolve("copies"));

        CommandRun run = inspect(file.toString(), "--out", folder.toString(), "--guichet.pipeline.config=" + pipeline());

        assertThat(run.status()).isZero();
        assertThat(folder.resolve("groupe-1.eml")).exists();
        assertThat(folder.resolve("groupe-2.eml")).exists();
        MimeMessage second = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(Files.readAllBytes(folder.resolve("groupe-2.eml"))));
        assertThat(second.getHeader("To", ",")).isEqualTo("alice@example.org, bob@example.org");
        assertThat(((InternetAddress) second.getReplyTo()[0]).getAddress()).startsWith("reply+k1-");
        assertThat(((InternetAddress) second.getReplyTo()[0]).getPersonal()).isEqualTo("Caisse d'allocations familiales");
    }

    @Test
    void envelopeOptionsReplaceTheHeaders() throws Exception {
        Path file = write("avis.eml", htmlNotice("To: camille.martin@example.org"));

        CommandRun run = inspect(file.toString(), "--json", "--from", "<dossiers@caf.fr>", "--to", "x@example.org,y@example.org",
                "--guichet.pipeline.config=" + pipeline());

        JsonNode report = json(run.out()).get(0);
        assertThat(report.get("sender").asString()).isEqualTo("dossiers@caf.fr");
        assertThat(report.get("copies")).hasSize(2);
        // From is still noreply@caf.fr: the rule reads the header as well as the envelope.
        assertThat(report.get("copies").get(0).get("noreplyAddress").asString()).isEqualTo("noreply@caf.fr");
    }

    @Test
    void inboundFolderGivesOneJsonLinePerFile() throws Exception {
        Path folder = Files.createDirectory(work.resolve("reponses"));
        write(folder, "1-justificatif.eml", message("From: Camille Martin <camille.martin@example.org>",
                "To: reply+k1-aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbb@reponse.caf.fr", "Subject: Re: Votre dossier",
                "Content-Type: text/plain; charset=UTF-8", "",
                "Bonjour, je vous envoie le justificatif demandé.", "",
                "Le mar. 3 mars 2026 à 09:12, CAF <noreply@caf.fr> a écrit :",
                "> Votre dossier est incomplet."));
        write(folder, "2-question.eml", message("From: Paul <paul@example.org>",
                "To: reply+k1-aaaaaaaaaaaaaaaacccccccccccccccc@reponse.caf.fr", "Subject: Re: Attestation",
                "Content-Type: text/plain; charset=UTF-8", "",
                "Quand recevrai-je mon attestation ?", "", "On Tue, 3 Mar 2026 at 09:12, CAF wrote:",
                "> Votre attestation est disponible."));
        write(folder, "3-absence.eml", message("From: Lou <lou@example.org>", "To: noreply@caf.fr",
                "Auto-Submitted: auto-replied", "Subject: Absent du bureau",
                "Content-Type: text/plain; charset=UTF-8", "", "Je suis absente jusqu'au 10 mars."));
        List<Long> before = caseCounts();

        CommandRun run = inspect(folder.toString(), "--direction", "inbound");

        assertThat(run.status()).isZero();
        List<JsonNode> lines = json(run.out());
        assertThat(lines).hasSize(3);
        for (JsonNode line : lines) {
            assertThat(names(line)).startsWith("file", "visibleText", "automatic", "threading", "authentication");
        }
        assertThat(lines.get(0).get("file").asString()).isEqualTo("1-justificatif.eml");
        assertThat(lines.get(0).get("visibleText").asString()).isEqualTo("Bonjour, je vous envoie le justificatif demandé.");
        assertThat(lines.get(1).get("file").asString()).isEqualTo("2-question.eml");
        assertThat(lines.get(1).get("visibleText").asString()).isEqualTo("Quand recevrai-je mon attestation ?");
        assertThat(lines.get(2).get("file").asString()).isEqualTo("3-absence.eml");
        // Made-up tokens carry no valid signature: the listener would refuse them, nothing threads them.
        assertThat(lines.get(0).get("threading").get("token").asString()).isEqualTo("invalid");
        assertThat(lines.get(0).get("threading").get("threading").asString()).isEqualTo("UNTHREADED");
        assertThat(lines.get(0).get("threading").get("service").asString()).isEqualTo("default");
        assertThat(lines.get(0).get("automatic").get("automatic").asBoolean()).isFalse();
        assertThat(lines.get(2).get("automatic").get("automatic").asBoolean()).isTrue();
        assertThat(lines.get(2).get("threading").get("token").asString()).isEqualTo("none");
        assertThat(caseCounts()).as("inspect writes no case, message or event").isEqualTo(before);
    }

    @Test
    void replyToAConversationsReplyAddressThreadsByItsToken() throws Exception {
        RecordedConversation conversation = recordConversation("camille.martin@example.org");
        Path file = write("reponse.eml", message(
                "Received: from mail.example.org (mail.example.org [192.0.2.25])",
                "\tby mx.reponse.caf.fr with ESMTPS id 4F2A1; Tue, 3 Mar 2026 10:02:11 +0100",
                "Return-Path: <camille.martin@example.org>",
                "From: Camille Martin <camille.martin@example.org>",
                "To: Caisse d'allocations familiales <" + conversation.replyAddress() + ">",
                "Subject: Re: Votre attestation", "Message-ID: <r1@example.org>",
                "Content-Type: text/plain; charset=UTF-8", "",
                "Bonjour, l'attestation n'est pas dans mon espace.", "",
                "Le mar. 3 mars 2026 à 09:12, CAF <noreply@caf.fr> a écrit :", "> Votre attestation est disponible."));
        List<Long> before = caseCounts();

        CommandRun text = inspect(file.toString(), "--direction", "inbound");
        JsonNode report = json(inspect(file.toString(), "--direction", "inbound", "--json").out()).get(0);

        assertThat(text.status()).isZero();
        assertThat(text.out()).contains("threading:      TOKEN (" + conversation.publicId() + ")")
                .contains("reply address:  " + conversation.replyAddress() + " (token valid)")
                .contains("case:           a new case, opened, service default")
                .contains("citizen:        camille.martin@example.org; author citizen")
                .contains("automatic:      no")
                .contains("client 192.0.2.25 helo mail.example.org (Received)")
                .contains("    Bonjour, l'attestation n'est pas dans mon espace.");
        JsonNode threading = report.get("threading");
        assertThat(threading.get("threading").asString()).isEqualTo("TOKEN");
        assertThat(threading.get("conversation").asString()).isEqualTo(conversation.publicId());
        assertThat(threading.get("change").asString()).isEqualTo("opened");
        assertThat(threading.get("thirdParty").asBoolean()).isFalse();
        JsonNode authentication = report.get("authentication");
        assertThat(authentication.get("spf").asString()).as("the resolver answers nothing: temperror, not a wait")
                .isEqualTo("temperror");
        assertThat(authentication.get("spfDomain").asString()).isEqualTo("example.org");
        assertThat(authentication.get("dkim").asString()).as("an unsigned message").isEqualTo("none");
        assertThat(authentication.get("header").asString()).contains("dkim=none").contains("client 192.0.2.25");
        assertThat(report.get("envelope").get("clientIp").asString()).isEqualTo("192.0.2.25");
        assertThat(caseCounts()).as("inspect writes no case, message or event").isEqualTo(before);
    }

    @Test
    void inReplyToAConversationsMessageIdThreadsOnlyAnAuthorDmarcVouchesFor() throws Exception {
        RecordedConversation conversation = recordConversation("paul@example.org");
        Path file = write("sans-jeton.eml", message("From: Paul <paul@example.org>", "To: noreply@caf.fr",
                "Subject: Re: Votre attestation", "In-Reply-To: <" + conversation.messageId() + ">",
                "Content-Type: text/plain; charset=UTF-8", "", "Merci."));
        List<Long> before = caseCounts();

        CommandRun run = inspect(file.toString(), "--direction", "inbound", "--json", "--client-ip", "198.51.100.7",
                "--helo", "portable.local", "--from", "<>");

        JsonNode report = json(run.out()).get(0);
        JsonNode threading = report.get("threading");
        // Anyone can quote a Message-ID: with DNS silent, DMARC is temperror and vouches for no one,
        // so the header does not thread (with DMARC passing it would: CaseworkTest).
        assertThat(threading.get("threading").asString()).isEqualTo("UNTHREADED");
        assertThat(threading.get("matched").isNull()).isTrue();
        assertThat(threading.get("conversation").isNull()).isTrue();
        assertThat(threading.get("token").asString()).isEqualTo("none");
        assertThat(threading.get("replyAddress").isNull()).isTrue();
        // The options stand for the session: the null sender is a report (RFC 3464), and SPF checks the HELO name.
        assertThat(report.get("automatic").get("reason").asString()).isEqualTo("NULL_SENDER_DSN");
        assertThat(report.get("envelope").get("clientSource").asString()).isEqualTo("--client-ip");
        assertThat(report.get("authentication").get("spfDomain").asString()).isEqualTo("portable.local");
        assertThat(caseCounts()).isEqualTo(before);
    }

    @Test
    void outOfOfficeIsAutomaticWithItsReasonAndEvidence() throws Exception {
        RecordedConversation conversation = recordConversation("lou@example.org");
        Path file = write("absence.eml", message("Return-Path: <lou@example.org>", "From: Lou <lou@example.org>",
                "To: " + conversation.replyAddress(), "Subject: =?UTF-8?Q?R=C3=A9ponse_automatique_:_absente?=",
                "Content-Type: text/plain; charset=UTF-8", "", "Je suis absente jusqu'au 10 mars."));

        CommandRun text = inspect(file.toString(), "--direction", "inbound");
        JsonNode report = json(inspect(file.toString(), "--direction", "inbound", "--json").out()).get(0);

        JsonNode automatic = report.get("automatic");
        assertThat(automatic.get("automatic").asBoolean()).isTrue();
        assertThat(automatic.get("reason").asString()).isEqualTo("OUT_OF_OFFICE_SUBJECT");
        assertThat(automatic.get("evidence").asString()).isEqualTo("Subject: Réponse automatique : absente");
        assertThat(report.get("threading").get("author").asString()).isEqualTo("automatic");
        assertThat(text.out()).contains("automatic:      yes, OUT_OF_OFFICE_SUBJECT (Subject: Réponse automatique : absente)");
    }

    @Test
    void unreadableInputIsReportedNotThrown() throws Exception {
        Path file = write("sans-destinataire.eml", message("From: noreply@caf.fr", "Subject: x", "", "x"));

        CommandRun missing = inspect(work.resolve("absent.eml").toString());
        CommandRun noRecipient = inspect(file.toString());

        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("no file or folder");
        assertThat(noRecipient.status()).isEqualTo(1);
        assertThat(noRecipient.err()).contains("give --to");
    }

    @Test
    void wrongPipelineStopsWithOneLineNamingIt() throws Exception {
        Path wrong = Files.writeString(work.resolve("faux.xml"), PIPELINE.replace("class=\"Relay\"", "class=\"Relais\""));
        Path file = write("avis.eml", htmlNotice("To: camille.martin@example.org"));

        CommandRun run = inspect(file.toString(), "--guichet.pipeline.config=" + wrong);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).startsWith("guichet: " + wrong).contains("line ").contains("Relais")
                .doesNotContain("\n");
    }

    /** A noreply notice in French, in both the text and the HTML part of an alternative. */
    static String htmlNotice(String... recipientHeaders) {
        List<String> lines = new ArrayList<>(List.of("Return-Path: <noreply@caf.fr>",
                "From: Caisse d'allocations familiales <noreply@caf.fr>"));
        lines.addAll(List.of(recipientHeaders));
        lines.addAll(List.of("Subject: Votre attestation de paiement", "Date: Tue, 3 Mar 2026 09:12:44 +0100",
                "Message-ID: <20260303091244.4F2A1@caf.fr>", "MIME-Version: 1.0",
                "Content-Type: multipart/alternative; boundary=\"b1\"", "",
                "--b1", "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: quoted-printable", "",
                "Bonjour,", "", "Votre attestation est disponible dans votre espace.", "",
                "Merci de ne pas r=C3=A9pondre =C3=A0 ce message.", "",
                "--b1", "Content-Type: text/html; charset=UTF-8", "Content-Transfer-Encoding: quoted-printable", "",
                "<html><body><p>Bonjour,</p><p>Votre attestation est disponible dans votre espace.</p>",
                "<p><i>Merci de ne pas r=C3=A9pondre =C3=A0 ce message.</i></p></body></html>", "",
                "--b1--", ""));
        return String.join(CRLF, lines);
    }

    static String message(String... lines) {
        return String.join(CRLF, lines) + CRLF;
    }

    Path pipeline() throws Exception {
        Path file = work.resolve("pipeline.xml");
        if (!Files.exists(file)) {
            Files.writeString(file, PIPELINE);
        }
        return file;
    }

    Path write(String name, String content) throws Exception {
        return write(work, name, content);
    }

    static Path write(Path folder, String name, String content) throws Exception {
        return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    }

    static final String DATABASE = org.guichet.storage.TestPostgres.newDatabaseUrl();

    /** A loopback UDP port nothing listens on: DNS questions there fail at once. */
    static final int SILENT_DNS_PORT = freeUdpPort();

    static int freeUdpPort() {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    record RecordedConversation(String publicId, String replyAddress, String messageId) {
    }

    /**
     * A conversation as the outbound pipeline records it, through the application's own services: a
     * signed token under the home's key, and the Message-ID its copy left with.
     */
    RecordedConversation recordConversation(String recipient) {
        List<String> args = new ArrayList<>(settings());
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Guichet.class)
                .web(WebApplicationType.NONE)
                .properties("guichet.node.roles=", "spring.main.banner-mode=off", "logging.level.root=WARN")
                .run(args.toArray(String[]::new))) {
            ReplyTokenSigner signer = context.getBean(ReplyTokenSigner.class);
            ReplyToken token = signer.newConversation();
            String replyAddress = signer.localPart(token) + "@reponse.caf.fr";
            String messageId = token.conversationId() + ".4f2a1@reponse.caf.fr";
            long service = context.getBean(ServiceDirectory.class).byCode(ServiceDirectory.DEFAULT).id();
            context.getBean(ConversationLog.class).record(new Conversation(token.conversationId(), service, "4F2A1",
                    "noreply@caf.fr", recipient, "Votre attestation", "<app-1@caf.fr>", "<" + messageId + ">",
                    replyAddress, Instant.parse("2026-03-03T08:12:44Z")));
            return new RecordedConversation(token.conversationId(), replyAddress, messageId);
        }
    }

    /** Rows of the tables a received reply writes to. */
    static List<Long> caseCounts() {
        JdbcClient jdbc = JdbcClient.create(dataSource(DATABASE));
        return Stream.of("citizen_case", "case_message", "case_event")
                .map(table -> jdbc.sql("select count(*) from " + table).query(Long.class).single()).toList();
    }

    static javax.sql.DataSource dataSource(String url) {
        org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
        dataSource.setUrl(url);
        return dataSource;
    }

    /** Settings of every run: this test's home and database; a resolver that answers nothing, quickly. */
    List<String> settings() {
        return List.of("--guichet.node.home=" + home, "--guichet.node.reply-domain=reponse.caf.fr",
                "--spring.datasource.url=" + DATABASE,
                "--guichet.administration.name=Caisse d'allocations familiales",
                "--guichet.pipeline.service-name=Caisse d'allocations familiales",
                "--guichet.authentication.dns-servers=127.0.0.1:" + SILENT_DNS_PORT,
                "--guichet.authentication.timeout=1s");
    }

    CommandRun inspect(String... args) {
        List<String> all = new ArrayList<>(List.of("inspect"));
        all.addAll(List.of(args));
        all.addAll(settings());
        return CommandRun.of(all.toArray(String[]::new));
    }

    static List<JsonNode> json(String out) {
        return out.lines().filter(line -> !line.isBlank()).map(JSON::readTree).toList();
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asString()));
        return texts;
    }

    static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.propertyNames().forEach(names::add);
        return names;
    }

    static List<String> headerNames(JsonNode copy) {
        List<String> names = new ArrayList<>();
        copy.get("headers").forEach(change -> names.add(change.get("name").asString()));
        return names;
    }
}
