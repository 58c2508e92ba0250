package org.guichet.gateway.dkim;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.PublicKeyRecordRetriever;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.apache.james.jdkim.exceptions.PermFailException;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.guichet.gateway.mailet.GuichetServices;
import org.guichet.gateway.pipeline.GuichetMailetContext;

/** Keys, messages and an independent DKIM verifier (jDKIM's) for the tests of this package. */
final class Signing {

    /** One 2048-bit key for the tests, generated once: generation takes a while. */
    static final DkimKey CAF = new DkimKey("caf.fr", "guichet2026", newRsaKey());

    private Signing() {
    }

    static RSAPrivateCrtKey newRsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The mailet as Guichet's container starts it: keys from the mailet context's services. */
    static DkimSign mailet(DkimKeys keys) throws MessagingException {
        GuichetMailetContext context = new GuichetMailetContext(GuichetServices.none().with(DkimKeys.class, keys),
                List.of(Domain.of("reponse.caf.fr")), new MailAddress("postmaster@reponse.caf.fr"));
        DkimSign mailet = new DkimSign();
        mailet.init(FakeMailetConfig.builder().mailetName("DkimSign").mailetContext(context).build());
        return mailet;
    }

    static Mail mail(String raw) throws MessagingException {
        return mail(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Mail mail(byte[] raw) throws MessagingException {
        return FakeMail.builder().name("4F2A1").sender("noreply@caf.fr").recipient("camille.martin@example.org")
                .mimeMessage(parse(raw)).build();
    }

    static MimeMessage parse(byte[] raw) throws MessagingException {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }

    /** What the relay sends: the mail's message written as Guichet's pipeline writes it. */
    static byte[] relayed(Mail mail) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        mail.getMessage().writeTo(out);
        return out.toByteArray();
    }

    static String text(byte[] raw) {
        return new String(raw, StandardCharsets.UTF_8);
    }

    /**
     * The signatures jDKIM finds valid on these bytes, the DNS answered by {@code record} for
     * {@code <selector>._domainkey.<domain>} of {@code key}; empty when none verifies.
     */
    static List<SignatureRecord> validSignatures(byte[] raw, DkimKey key, String record) throws IOException {
        PublicKeyRecordRetriever dns = (method, selector, domain) -> {
            if (key.selector().contentEquals(selector) && key.domain().contentEquals(domain)) {
                return List.of(record);
            }
            throw new PermFailException("no DKIM record at " + selector + "._domainkey." + domain);
        };
        try {
            List<SignatureRecord> valid = new DKIMVerifier(dns).verify(new ByteArrayInputStream(raw));
            return valid == null ? List.of() : valid;
        } catch (FailException e) {
            return List.of();
        }
    }

    static List<SignatureRecord> validSignatures(byte[] raw, DkimKey key) throws IOException {
        return validSignatures(raw, key, key.txtValue());
    }

    /** The value of one tag of the (first) DKIM-Signature field, unfolded. */
    static String tag(byte[] raw, String tag) {
        String text = text(raw);
        int start = text.indexOf("DKIM-Signature:");
        int end = text.indexOf("\r\n", start);
        while (end + 2 < text.length() && (text.charAt(end + 2) == ' ' || text.charAt(end + 2) == '\t')) {
            end = text.indexOf("\r\n", end + 2);
        }
        String field = text.substring(start, end).replaceAll("\r\n[ \t]", " ");
        Matcher value = Pattern.compile("[ ;:]" + tag + "=([^;]*)").matcher(field);
        return value.find() ? value.group(1).replaceAll("\\s", "") : null;
    }

    static final String PLAIN = """
            Return-Path: <noreply@caf.fr>\r
            From: "Caisse d'allocations familiales" <noreply@caf.fr>\r
            Reply-To: "CAF de l'Hérault" <reply+k1AbCdEf@reponse.caf.fr>\r
            To: Camille Martin <camille.martin@example.org>\r
            Subject: =?UTF-8?Q?Votre_dossier_n=C2=B0_1234?=\r
            Date: Tue, 3 Mar 2026 10:00:00 +0100\r
            Message-ID: <notice-1234@caf.fr>\r
            MIME-Version: 1.0\r
            Content-Type: text/plain; charset=UTF-8\r
            Content-Transfer-Encoding: 8bit\r
            X-Mailer: Application métier\r
            \r
            Bonjour,\r
            \r
            Votre dossier a été mis à jour.   \r
            Pour toute question, répondez simplement à ce message.\r
            \r
            \r
            """;

    static final String MULTIPART = """
            From: CAF <noreply@caf.fr>\r
            To: camille.martin@example.org\r
            Cc: dossier@caf.fr\r
            Subject: Attestation\r
            Date: Tue, 3 Mar 2026 10:00:00 +0100\r
            Message-ID: <notice-5678@caf.fr>\r
            MIME-Version: 1.0\r
            Content-Type: multipart/mixed;\r
            \tboundary="outer"\r
            \r
            This is a multi-part message in MIME format.\r
            --outer\r
            Content-Type: multipart/alternative; boundary="inner"\r
            \r
            --inner\r
            Content-Type: text/plain; charset=UTF-8\r
            Content-Transfer-Encoding: 8bit\r
            \r
            Votre attestation de paiement est jointe. Répondez à ce message.\r
            --inner\r
            Content-Type: text/html; charset=UTF-8\r
            Content-Transfer-Encoding: quoted-printable\r
            \r
            <p>Votre attestation de paiement est jointe. R=C3=A9pondez =C3=A0 ce messa=\r
            ge.</p>\r
            --inner--\r
            --outer\r
            Content-Type: application/pdf; name="attestation.pdf"\r
            Content-Disposition: attachment; filename="attestation.pdf"\r
            Content-Transfer-Encoding: base64\r
            \r
            JVBERi0xLjQKJcOkw7zDtsOfCjIgMCBvYmoKPDwvTGVuZ3RoIDMgMCBSPj4Kc3RyZWFtCg==\r
            --outer--\r
            Epilogue that Jakarta Mail would drop when re-serialising.\r
            """;
}
