package org.guichet.gateway.notice;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.gateway.notice.Letters.CRLF;
import static org.guichet.gateway.notice.Letters.base64;
import static org.guichet.gateway.notice.Letters.headers;
import static org.guichet.gateway.notice.Letters.qpPart;
import static org.guichet.gateway.notice.MailetRun.bytes;
import static org.guichet.gateway.notice.MailetRun.serviced;
import static org.guichet.gateway.notice.ReplaceNoreplyNoticeTest.attribute;

import java.util.List;

import org.apache.mailet.Mail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** Signed and encrypted messages keep their body: a changed byte would break the signature. */
class SealedMessagesTest {

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(ReplaceNoreplyNotice.class);

    @BeforeEach
    void listen() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(log);
    }

    @Test
    void smimeSignedMessageBodyIsUntouchedAndTheLogSaysWhy() throws Exception {
        byte[] before = (headers("Votre attestation de paiement",
                "multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256; boundary=\"sig-91\"")
                + "This is an S/MIME signed message" + CRLF + CRLF
                + "--sig-91" + CRLF
                + qpPart("text/plain; charset=UTF-8", Letters.cafPlainText())
                + "--sig-91" + CRLF
                + "Content-Type: application/pkcs7-signature; name=\"smime.p7s\"" + CRLF
                + "Content-Transfer-Encoding: base64" + CRLF
                + "Content-Disposition: attachment; filename=\"smime.p7s\"" + CRLF + CRLF
                + base64("signature DER fictive pour le test".getBytes(US_ASCII)) + CRLF
                + "--sig-91--" + CRLF).getBytes(US_ASCII);
        Mail mail = assertUntouched(before);
        assertThat(attribute(mail, ReplaceNoreplyNotice.OUTCOME)).isEqualTo("signed");
        assertThat(infoLines()).containsExactly(
                "queue 4F2A1: notice=signed body=untouched (the message is multipart/signed; a changed body would break the signature)");
    }

    @Test
    void smimeEncryptedMessageIsUntouched() throws Exception {
        byte[] before = (headers("Document chiffré", "application/pkcs7-mime; smime-type=enveloped-data; name=\"smime.p7m\"",
                "Content-Transfer-Encoding: base64") + base64("donnees chiffrees fictives".getBytes(US_ASCII)) + CRLF).getBytes(US_ASCII);
        Mail mail = assertUntouched(before);
        assertThat(attribute(mail, ReplaceNoreplyNotice.OUTCOME)).isEqualTo("encrypted");
        assertThat(infoLines()).singleElement().asString().contains("notice=encrypted body=untouched");
    }

    @Test
    void inlinePgpSignedTextIsUntouched() throws Exception {
        String text = "-----BEGIN PGP SIGNED MESSAGE-----\r\nHash: SHA256\r\n\r\n" + Letters.cafPlainText()
                + "-----BEGIN PGP SIGNATURE-----\r\n\r\niQEzBAEBCAAdFiEEfictive\r\n-----END PGP SIGNATURE-----\r\n";
        byte[] before = ReplaceNoreplyNoticeTest.concat(
                headers("Votre attestation de paiement", "text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit").getBytes(US_ASCII),
                text.getBytes(UTF_8));
        Mail mail = assertUntouched(before);
        assertThat(attribute(mail, ReplaceNoreplyNotice.OUTCOME)).isEqualTo("signed");
        assertThat(infoLines()).singleElement().asString().contains("inline PGP");
    }

    @Test
    void signedPartNestedInAMixedMessageKeepsTheWholeBody() throws Exception {
        byte[] before = (headers("Transmission", "multipart/mixed; boundary=m1")
                + "--m1" + CRLF
                + "Content-Type: text/plain; charset=utf-8" + CRLF + CRLF
                + "Merci de ne pas repondre a ce message." + CRLF
                + "--m1" + CRLF
                + "Content-Type: multipart/signed; protocol=\"application/pgp-signature\"; boundary=s1" + CRLF + CRLF
                + "--s1" + CRLF
                + "Content-Type: text/plain" + CRLF + CRLF
                + "Ne pas repondre a ce courriel." + CRLF
                + "--s1" + CRLF
                + "Content-Type: application/pgp-signature" + CRLF + CRLF
                + "-----BEGIN PGP SIGNATURE-----" + CRLF + "fictive" + CRLF + "-----END PGP SIGNATURE-----" + CRLF
                + "--s1--" + CRLF
                + "--m1--" + CRLF).getBytes(US_ASCII);
        Mail mail = assertUntouched(before);
        assertThat(infoLines()).singleElement().asString().contains("part 2 is multipart/signed");
    }

    /** Runs the mailet on the message and checks it comes out byte for byte; the mail is returned for its attributes. */
    private static Mail assertUntouched(byte[] before) throws Exception {
        Mail mail = serviced(before);
        assertThat(bytes(mail)).isEqualTo(before);
        return mail;
    }

    private List<String> infoLines() {
        return log.list.stream().filter(e -> e.getLevel() == Level.INFO).map(ILoggingEvent::getFormattedMessage).toList();
    }
}
