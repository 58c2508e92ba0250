package org.guichet.gateway.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.guichet.gateway.attachment.Files.part;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;


import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.guichet.gateway.CaseworkDatabase;
import org.guichet.gateway.mailet.GuichetServices;
import org.guichet.administration.AdministrationProperties;
import org.guichet.administration.AdministrationProperties.ServiceDefinition;
import org.guichet.administration.ServiceDirectory;
import org.guichet.casework.Attachments;
import org.guichet.casework.CaseAttachment;
import org.guichet.casework.CaseReceipt;
import org.guichet.casework.InboundReply;
import org.guichet.gateway.pipeline.GuichetMailetContext;
import org.guichet.gateway.threading.CaseAttributes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.unit.DataSize;

/** The mailet over a real casework and database, on the message a citizen sends with their papers. */
@ExtendWith(OutputCaptureExtension.class)
class StoreAttachmentsTest {

    private static final int LIMIT = 64 * 1024;

    private final CaseworkDatabase db = new CaseworkDatabase(Instant.parse("2026-03-03T09:00:05Z"));
    private final Attachments attachments = new Attachments(db.jdbc, db.transactions, db.events, db.clock);
    private final StoreAttachments mailet = new StoreAttachments();
    private int queue;

    @BeforeEach
    void mailet() throws Exception {
        new ServiceDirectory(new AdministrationProperties("caf-34", "CAF de l'Hérault",
                Map.of("prestations", new ServiceDefinition("Prestations", List.of(), List.of(), null, null, null, null,
                        "default"))), db.jdbc, Clock.systemUTC()).afterPropertiesSet();
        AttachmentProperties defaults = AttachmentProperties.defaults();
        AttachmentProperties small = new AttachmentProperties(DataSize.ofBytes(LIMIT), DataSize.ofBytes(3L * LIMIT),
                defaults.allowedTypes(), List.of("tmp"));
        GuichetMailetContext context = new GuichetMailetContext(
                GuichetServices.none().with(AttachmentIntake.class, new AttachmentIntake(attachments, small)),
                List.of(Domain.of("reponse.caf.fr")), new MailAddress("postmaster@reponse.caf.fr"));
        mailet.init(FakeMailetConfig.builder().mailetName("StoreAttachments").mailetContext(context).build());
    }

    @Test
    void aCitizensPapersAreStoredAndWhatIsDangerousOrTooLargeIsRefusedWithItsReason(CapturedOutput output)
            throws Exception {
        byte[] oversize = Files.largePdf(LIMIT + 1);
        byte[] raw = Files.message(
                part(Files.PDF, "Content-Type: application/pdf", "Content-Disposition: attachment; filename=\"avis.pdf\""),
                part(Files.PNG, "Content-Type: image/png", "Content-Disposition: attachment; filename=\"compteur.png\""),
                // An executable renamed .pdf, declared as a PDF: its bytes give it away.
                part(Files.EXE, "Content-Type: application/pdf", "Content-Disposition: attachment; filename=\"facture.pdf\""),
                part(oversize, "Content-Type: application/pdf", "Content-Disposition: attachment; filename=\"scan.pdf\""),
                part(Files.PDF, "Content-Type: application/pdf",
                        "Content-Disposition: attachment;\r\n filename*=UTF-8''relev%C3%A9%20d%27identit%C3%A9%20bancaire.pdf"),
                part(Files.ascii("Bonjour\n"), "Content-Type: text/plain", "Content-Disposition: attachment; filename=x.js"),
                part(Files.zip(false, "a.pdf"), "Content-Type: application/zip", "Content-Disposition: attachment; filename=p.zip"),
                part(Files.PDF, "Content-Type: application/octet-stream",
                        "Content-Disposition: attachment; filename=\"brouillon.tmp\""));
        FakeMail mail = threaded(raw);

        mailet.service(mail);

        List<CaseAttachment> stored = attachments.ofMessage(messageId(mail.getName()));
        assertThat(stored).extracting(CaseAttachment::fileName, CaseAttachment::detectedType,
                        CaseAttachment::refusedReason)
                .containsExactly(
                        tuple("avis.pdf", "application/pdf", null),
                        tuple("compteur.png", "image/png", null),
                        tuple("facture.pdf", "application/x-msdownload", "executable"),
                        tuple("scan.pdf", "application/pdf", "too-large"),
                        tuple("relevé d'identité bancaire.pdf", "application/pdf", null),
                        tuple("x.js", "text/plain", "executable"),
                        tuple("p.zip", "application/zip", "type-not-allowed"),
                        tuple("brouillon.tmp", "application/pdf", "executable"));
        assertThat(stored.get(0).sha256Hex()).isEqualTo(sha256(Files.PDF));
        assertThat(stored.get(2).sha256Hex()).as("refused, still identified").isEqualTo(sha256(Files.EXE));
        assertThat(stored.get(3).size()).isEqualTo(oversize.length);
        assertThat(stored.get(3).sha256Hex()).isEqualTo(sha256(oversize));
        assertThat(stored.get(2).declaredType()).isEqualTo("application/pdf");
        assertThat(stored.get(2).servedType()).isEqualTo("application/octet-stream");
        assertThat(attachments.download(stored.get(1).id()).orElseThrow().content()).isEqualTo(Files.PNG);
        assertThat(attachments.download(stored.get(2).id())).isEmpty();
        assertThat(attachments.download(stored.get(3).id())).isEmpty();
        assertThat(db.jdbc.sql("select count(*) from case_attachment where content is not null").query(Long.class).single())
                .isEqualTo(3);

        assertThat(mail.getAttribute(StoreAttachments.STORED)).hasValueSatisfying(a ->
                assertThat(a.getValue().value()).isEqualTo(3));
        assertThat(mail.getAttribute(StoreAttachments.REFUSED)).hasValueSatisfying(a ->
                assertThat(a.getValue().value()).isEqualTo(5));
        assertThat(output.getOut())
                .contains("queue " + mail.getName() + ": case=GCH-2026-000001 attachment=1 type=application/pdf size="
                        + Files.PDF.length + " sha256=" + sha256(Files.PDF) + " status=stored")
                .contains("attachment=3 type=application/x-msdownload size=" + Files.EXE.length)
                .contains("status=refused (executable)");
    }

    @Test
    void aMessageTakesNoMoreThanItsTotalFilesInMimeOrder() throws Exception {
        byte[] big = Files.largePdf(LIMIT - 10);
        String[] parts = new String[4];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = part(big, "Content-Type: application/pdf",
                    "Content-Disposition: attachment; filename=\"page" + (i + 1) + ".pdf\"");
        }
        FakeMail mail = threaded(Files.message(parts));

        mailet.service(mail);

        assertThat(attachments.ofMessage(messageId(mail.getName()))).extracting(CaseAttachment::refusedReason)
                .containsExactly(null, null, null, "message-too-large");
    }

    @Test
    void aReplayStoresNothingTwice(CapturedOutput output) throws Exception {
        FakeMail mail = threaded(Files.message(part(Files.PDF, "Content-Type: application/pdf",
                "Content-Disposition: attachment; filename=\"avis.pdf\"")));
        mailet.service(mail);
        FakeMail replay = FakeMail.builder().name(mail.getName()).mimeMessage(mail.getMessage())
                .attribute(mail.getAttribute(CaseAttributes.REFERENCE).orElseThrow()).state("inbound").build();

        mailet.service(replay);

        assertThat(db.jdbc.sql("select count(*) from case_attachment").query(Long.class).single()).isEqualTo(1);
        assertThat(db.jdbc.sql("select count(*) from case_event where type = 'ATTACHMENTS_STORED'").query(Long.class)
                .single()).isEqualTo(1);
        assertThat(output.getOut()).contains("queue " + mail.getName() + ": case=GCH-2026-000001 attachments=1"
                + " status=duplicate (already stored)");
        assertThat(replay.getAttribute(StoreAttachments.STORED)).hasValueSatisfying(a ->
                assertThat(a.getValue().value()).isEqualTo(1));
    }

    @Test
    void aMailInNoCaseFailsSoThatItIsHeld() throws Exception {
        FakeMail stray = FakeMail.builder().name("STRAY1").mimeMessage(mime(Files.message())).build();

        assertThatThrownBy(() -> mailet.service(stray)).isInstanceOf(MessagingException.class)
                .hasMessageContaining("ThreadIntoCase before StoreAttachments");
    }

    @Test
    void settingsDefaultToTenAndTwentyFiveMegabytesAndNeverAllowExecutables() {
        AttachmentProperties defaults = bind(Map.of());
        assertThat(defaults.maxSize()).isEqualTo(DataSize.ofMegabytes(10));
        assertThat(defaults.maxTotal()).isEqualTo(DataSize.ofMegabytes(25));
        assertThat(defaults.allowedTypes()).contains("application/pdf", "image/heic", "text/plain")
                .doesNotContain("application/zip", "text/html");
        assertThat(defaults).isEqualTo(AttachmentProperties.defaults());

        assertThat(bind(Map.of("guichet.attachments.allowed-types", "image/*, application/ZIP")).allowedTypes())
                .containsExactly("image/*", "application/zip");
        assertThatThrownBy(() -> bind(Map.of("guichet.attachments.allowed-types", "application/pdf,application/x-msdownload")))
                .rootCause().hasMessageContaining("application/x-msdownload runs code and is always refused");
        assertThatThrownBy(() -> bind(Map.of("guichet.attachments.max-size", "0")))
                .rootCause().hasMessageContaining("guichet.attachments.max-size");
    }

    private static AttachmentProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("guichet.attachments", Bindable.of(AttachmentProperties.class));
    }

    /** A mail as ThreadIntoCase leaves it: in a case, its reference set. */
    private FakeMail threaded(byte[] raw) throws Exception {
        queue++;
        String queueId = "7A1B" + queue;
        CaseReceipt receipt = db.casework.receive(new InboundReply(queueId, Instant.parse("2026-03-03T09:00:00Z"),
                "amelie.rousseau@example.org", null, "<piece." + queue + "@example.org>", null, List.of(),
                "Re: Votre dossier", "Bonjour, voici les justificatifs.", null, null, null));
        return FakeMail.builder().name(queueId).sender("amelie.rousseau@example.org").recipient("reply@reponse.caf.fr")
                .mimeMessage(mime(raw))
                .attribute(new Attribute(CaseAttributes.REFERENCE, AttributeValue.of(receipt.caseFile().reference())))
                .state("inbound").build();
    }

    private long messageId(String queueId) {
        return db.jdbc.sql("select id from case_message where queue_id = ?").param(queueId).query(Long.class).single();
    }

    private static MimeMessage mime(byte[] raw) throws MessagingException {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
