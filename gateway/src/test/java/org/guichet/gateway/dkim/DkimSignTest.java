package org.guichet.gateway.dkim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.guichet.gateway.dkim.Signing.CAF;
import static org.guichet.gateway.dkim.Signing.MULTIPART;
import static org.guichet.gateway.dkim.Signing.PLAIN;
import static org.guichet.gateway.dkim.Signing.mail;
import static org.guichet.gateway.dkim.Signing.relayed;
import static org.guichet.gateway.dkim.Signing.tag;
import static org.guichet.gateway.dkim.Signing.text;
import static org.guichet.gateway.dkim.Signing.validSignatures;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

class DkimSignTest {

    private final DkimKeys keys = new DkimKeys(List.of(CAF));

    @TempDir
    Path folder;

    private byte[] signed(String raw) throws Exception {
        Mail mail = mail(raw);
        Signing.mailet(keys).service(mail);
        return relayed(mail);
    }

    @Test
    void signatureOnTopVerifiesOnTheRelayedBytes() throws Exception {
        byte[] raw = signed(PLAIN);

        List<SignatureRecord> valid = validSignatures(raw, CAF);
        assertThat(valid).hasSize(1);
        assertThat(valid.get(0).getDToken().toString()).isEqualTo("caf.fr");
        assertThat(valid.get(0).getSelector().toString()).isEqualTo("guichet2026");
        assertThat(text(raw)).startsWith("DKIM-Signature:");
        String afterSignature = text(raw).substring(text(raw).indexOf("\r\nReturn-Path:") + 2);
        assertThat(afterSignature).isEqualTo(PLAIN);
    }

    @Test
    void rsaSha256RelaxedWithPresentHeadersAndFromAndReplyToOverSigned() throws Exception {
        byte[] raw = signed(PLAIN);

        assertThat(tag(raw, "a")).isEqualTo("rsa-sha256");
        assertThat(tag(raw, "c")).isEqualTo("relaxed/relaxed");
        assertThat(tag(raw, "d")).isEqualTo("caf.fr");
        assertThat(tag(raw, "s")).isEqualTo("guichet2026");
        assertThat(tag(raw, "h")).isEqualTo("from:from:reply-to:reply-to:subject:date:message-id:to"
                + ":mime-version:content-type:content-transfer-encoding");
    }

    @Test
    void signatureFieldIsFoldedIntoShortLines() throws Exception {
        String text = text(signed(PLAIN));
        String field = text.substring(0, text.indexOf("\r\nReturn-Path:"));

        assertThat(field.split("\r\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(78));
        assertThat(field.split("\r\n")).hasSizeGreaterThan(5);
        assertThat(field).startsWith("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=caf.fr; s=guichet2026;\r\n");
    }

    /** Each row: what is changed | its text in the signed message | what it becomes. */
    @ParameterizedTest(name = "changing {0} breaks the signature")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            the signed Subject  | Votre_dossier                 | Votre_DOSSIER
            the signed Reply-To | reply+k1AbCdEf@reponse.caf.fr | reply@attacker.example
            the body            | mis à jour                    | supprimé
            """)
    void changingASignedHeaderOrTheBodyBreaksTheSignature(String what, String original, String changed) throws Exception {
        String raw = text(signed(PLAIN));
        assertThat(raw).contains(original);

        assertThat(validSignatures(raw.replace(original, changed).getBytes(StandardCharsets.UTF_8), CAF)).isEmpty();
    }

    @Test
    void anAddedFromOrReplyToBreaksTheSignature() throws Exception {
        String withoutReplyTo = PLAIN.replaceFirst("Reply-To: [^\r]*\r\n", "");
        String raw = text(signed(withoutReplyTo));
        assertThat(validSignatures(raw.getBytes(StandardCharsets.UTF_8), CAF)).hasSize(1);

        byte[] secondFrom = raw.replace("\r\n\r\nBonjour", "\r\nFrom: <impots@attacker.example>\r\n\r\nBonjour")
                .getBytes(StandardCharsets.UTF_8);
        byte[] addedReplyTo = raw.replace("\r\n\r\nBonjour", "\r\nReply-To: <reply@attacker.example>\r\n\r\nBonjour")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(validSignatures(secondFrom, CAF)).isEmpty();
        assertThat(validSignatures(addedReplyTo, CAF)).isEmpty();
    }

    @Test
    void relaxedCanonicalisationToleratesRefoldedHeadersAndTrailingSpaces() throws Exception {
        String raw = text(signed(PLAIN));

        byte[] refolded = raw.replace("Subject: =?UTF-8?Q?Votre_dossier_n=C2=B0_1234?=",
                        "Subject:   =?UTF-8?Q?Votre_dossier_n=C2=B0_1234?=  ")
                .replace("Content-Type: text/plain; charset=UTF-8", "Content-Type: text/plain;\r\n\tcharset=UTF-8")
                .replace("à jour.   \r\n", "à jour.\r\n").getBytes(StandardCharsets.UTF_8);

        assertThat(validSignatures(refolded, CAF)).hasSize(1);
    }

    @Test
    void multipartWithEightBitAndQuotedPrintablePartsSignsAndVerifiesByteForByte() throws Exception {
        Mail mail = mail(MULTIPART);
        Signing.mailet(keys).service(mail);
        byte[] raw = relayed(mail);

        assertThat(validSignatures(raw, CAF)).hasSize(1);
        assertThat(tag(raw, "h")).isEqualTo("from:from:reply-to:subject:date:message-id:to:cc:mime-version:content-type");
        assertThat(text(raw)).endsWith("--outer--\r\nEpilogue that Jakarta Mail would drop when re-serialising.\r\n");
        assertThat(Arrays.copyOfRange(raw, raw.length - MULTIPART.getBytes(StandardCharsets.UTF_8).length, raw.length))
                .isEqualTo(MULTIPART.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aLaterSaveChangesDoesNotReencodeTheSignedMessage() throws Exception {
        Mail mail = mail(MULTIPART);
        Signing.mailet(keys).service(mail);
        byte[] before = relayed(mail);

        mail.getMessage().saveChanges();
        mail.getMessage().setHeader("X-Relayed-By", "guichet");

        byte[] after = relayed(mail);
        assertThat(text(after)).contains("Message-ID: <notice-5678@caf.fr>").contains("Epilogue that Jakarta Mail");
        assertThat(validSignatures(after, CAF)).hasSize(1);
        assertThat(text(after).replace("X-Relayed-By: guichet\r\n", "")).isEqualTo(text(before));
    }

    @Test
    void aMessageRewrittenEarlierInThePipelineIsSignedAsItWillBeRelayed() throws Exception {
        // As the reply-address and notice steps do: a header rewrite, then a new body and saveChanges().
        Mail mail = mail(MULTIPART);
        MimeMessage message = mail.getMessage();
        message.setReplyTo(new InternetAddress[] {new InternetAddress("reply+k1XyZ@reponse.caf.fr", "CAF de l'Hérault", "UTF-8")});
        MimeMultipart body = new MimeMultipart("alternative");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText("Répondez à ce message : une personne vous lira.", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setText("<p>Répondez à ce message : une personne vous lira.</p>", "UTF-8", "html");
        html.setHeader("Content-Transfer-Encoding", "quoted-printable");
        body.addBodyPart(plain);
        body.addBodyPart(html);
        message.setContent(body);
        message.saveChanges();

        Signing.mailet(keys).service(mail);
        byte[] raw = relayed(mail);

        assertThat(validSignatures(raw, CAF)).hasSize(1);
        assertThat(relayed(mail)).isEqualTo(raw);
    }

    @Test
    void fromDomainWithoutKeyPassesUnsigned() throws Exception {
        Mail mail = mail(PLAIN.replace("<noreply@caf.fr>", "<noreply@urssaf.fr>"));
        MimeMessage original = mail.getMessage();
        byte[] before = relayed(mail);

        Signing.mailet(keys).service(mail);

        assertThat(mail.getMessage()).isSameAs(original);
        assertThat(relayed(mail)).isEqualTo(before);
        assertThat(text(relayed(mail))).doesNotContain("DKIM-Signature");
    }

    @Test
    void twoFromFieldsOrTwoFromDomainsPassUnsigned() throws Exception {
        Mail twoFields = mail(PLAIN.replace("To: Camille", "From: <noreply@caf.fr>\r\nTo: Camille"));
        Mail twoDomains = mail(PLAIN.replace("<noreply@caf.fr>", "<noreply@caf.fr>, <x@urssaf.fr>"));

        Signing.mailet(keys).service(twoFields);
        Signing.mailet(keys).service(twoDomains);

        assertThat(text(relayed(twoFields))).doesNotContain("DKIM-Signature");
        assertThat(text(relayed(twoDomains))).doesNotContain("DKIM-Signature");
    }

    @Test
    void internationalisedFromDomainSignsWithItsALabel() throws Exception {
        DkimKey idn = new DkimKey(DkimKeys.domain("hérault.fr", "test"), "guichet", CAF.privateKey());
        Mail mail = mail(PLAIN.replace("<noreply@caf.fr>", "<noreply@hérault.fr>"));

        Signing.mailet(new DkimKeys(List.of(idn))).service(mail);

        assertThat(tag(relayed(mail), "d")).isEqualTo("xn--hrault-bva.fr");
        assertThat(validSignatures(relayed(mail), idn)).hasSize(1);
    }

    @Test
    void jamesParametersNameOneDomainAndItsKeyFile() throws Exception {
        DkimKeyFile file = new DkimKeyFile(folder.resolve("caf.fr.pem"));
        DkimKey key = file.generate("caf.fr", "james", new SecureRandom());
        DkimSign mailet = new DkimSign();
        mailet.init(FakeMailetConfig.builder().mailetName("DkimSign").mailetContext(FakeMailContext.defaultContext())
                .setProperty("domain", "CAF.fr").setProperty("selector", "james")
                .setProperty("privateKey", file.path().toString()).build());
        Mail mail = mail(PLAIN);

        mailet.service(mail);

        assertThat(validSignatures(relayed(mail), key)).hasSize(1);
    }

    @Test
    void initNamesTheWrongParameter() {
        FakeMailContext noKeys = FakeMailContext.defaultContext();

        assertThatThrownBy(() -> new DkimSign().init(FakeMailetConfig.builder().mailetName("DkimSign")
                .mailetContext(noKeys).setProperty("domian", "caf.fr").build()))
                .isInstanceOf(MessagingException.class).hasMessageContaining("domian");
        assertThatThrownBy(() -> new DkimSign().init(FakeMailetConfig.builder().mailetName("DkimSign")
                .mailetContext(noKeys).build()))
                .hasMessageContaining("'domain'").hasMessageContaining("'privateKey'");
        assertThatThrownBy(() -> new DkimSign().init(FakeMailetConfig.builder().mailetName("DkimSign")
                .mailetContext(noKeys).setProperty("domain", "caf.fr").build()))
                .hasMessageContaining("parameter 'privateKey' is missing");
        assertThatThrownBy(() -> new DkimSign().init(FakeMailetConfig.builder().mailetName("DkimSign")
                .mailetContext(noKeys).setProperty("domain", "caf.fr")
                .setProperty("privateKey", folder.resolve("none.pem").toString()).build()))
                .hasMessageContaining("parameter 'privateKey'").hasMessageContaining("none.pem");
        assertThatThrownBy(() -> new DkimSign().init(FakeMailetConfig.builder().mailetName("DkimSign")
                .mailetContext(noKeys).setProperty("domain", "caf.fr").setProperty("selector", "bad_selector")
                .setProperty("privateKey", "/x.pem").build()))
                .hasMessageContaining("parameter 'selector'");
    }
}
