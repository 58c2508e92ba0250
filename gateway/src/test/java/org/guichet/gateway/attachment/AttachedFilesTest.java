package org.guichet.gateway.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.gateway.attachment.Files.part;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Every file of a message, as mail clients actually write them, and never an exception. */
class AttachedFilesTest {

    @Test
    void attachmentsAndNamedPartsAreFoundInMimeOrderWithTheirEncodingsUndone() {
        byte[] raw = Files.message(
                part(Files.PDF, "Content-Type: application/pdf", "Content-Disposition: attachment; filename=\"avis.pdf\""),
                // A name only on Content-Type (RFC 2045 §5.1 'name', older clients), quoted-printable text.
                "Content-Type: text/plain; charset=UTF-8; name=\"note.txt\"\r\nContent-Transfer-Encoding: quoted-printable\r\n"
                        + "\r\nRelev=C3=A9 joint.\r\n");

        List<AttachedFile> files = AttachedFiles.read(raw);

        assertThat(files).extracting(AttachedFile::writtenName).containsExactly("avis.pdf", "note.txt");
        assertThat(files.get(0).bytes()).isEqualTo(Files.PDF);
        assertThat(files.get(0).declaredType()).isEqualTo("application/pdf");
        assertThat(new String(files.get(1).bytes(), StandardCharsets.UTF_8)).as("the CRLF before a boundary is the boundary's (RFC 2046 §5.1.1)")
                .isEqualTo("Relevé joint.");
        assertThat(files).allSatisfy(f -> assertThat(f.readable()).isTrue());
    }

    @Test
    void rfc2231AndRfc2047NamesAreDecoded() {
        byte[] raw = Files.message(
                part(Files.PDF, "Content-Type: application/pdf",
                        "Content-Disposition: attachment;\r\n filename*=UTF-8''attestation%20d%27h%C3%A9bergement.pdf"),
                // RFC 2231 §3-4: continuations, a charset other than UTF-8.
                part(Files.PDF, "Content-Type: application/pdf", "Content-Disposition: attachment;\r\n"
                        + " filename*0*=iso-8859-1''relev%E9%20d%27identit%E9;\r\n filename*1*=%20bancaire.pdf"),
                // RFC 2047 words in a parameter: forbidden by RFC 2047 §5, written by Outlook all the same.
                part(Files.PDF, "Content-Type: application/pdf; name=\"=?UTF-8?B?w6l0w6kucGRm?=\"",
                        "Content-Disposition: attachment"),
                // An unquoted name with spaces, which strict parsing refuses.
                part(Files.PDF, "Content-Type: application/pdf", "Content-Disposition: attachment; filename=mon avis.pdf"));

        assertThat(AttachedFiles.read(raw)).extracting(f -> FileName.sanitise(f.writtenName()))
                .containsExactly("attestation d'hébergement.pdf", "relevé d'identité bancaire.pdf", "été.pdf",
                        "mon avis.pdf");
    }

    @Test
    void imagesTheHtmlShowsByCidAreKeptOthersAreNot() {
        String raw = """
                From: amelie.rousseau@example.org\r
                Subject: Photo du compteur\r
                MIME-Version: 1.0\r
                Content-Type: multipart/related; boundary="rel"\r
                \r
                --rel\r
                Content-Type: text/html; charset=UTF-8\r
                \r
                <p>Voici le compteur :</p><img src="cid:compteur%%40iphone.local">\r
                --rel\r
                Content-Type: image/jpeg\r
                Content-ID: <compteur@iphone.local>\r
                Content-Transfer-Encoding: base64\r
                \r
                %s\r
                --rel\r
                Content-Type: image/png\r
                Content-ID: <unused@iphone.local>\r
                Content-Transfer-Encoding: base64\r
                \r
                %s\r
                --rel--\r
                """.formatted(Files.base64(Files.JPEG), Files.base64(Files.PNG));

        List<AttachedFile> files = AttachedFiles.read(raw.getBytes(StandardCharsets.UTF_8));

        assertThat(files).singleElement().satisfies(f -> {
            assertThat(f.inline()).isTrue();
            assertThat(f.contentId()).isEqualTo("compteur@iphone.local");
            assertThat(f.writtenName()).isNull();
            assertThat(f.bytes()).isEqualTo(Files.JPEG);
        });
    }

    @Test
    void aForwardedMessageIsOneFileAndItsOwnAttachmentsStayInside() {
        String forwarded = "From: CAF <noreply@caf.fr>\r\nSubject: Avis\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"inner\"\r\n\r\n--inner\r\nContent-Type: text/plain\r\n\r\n"
                + "Votre avis.\r\n--inner\r\n" + part(Files.PDF, "Content-Type: application/pdf",
                "Content-Disposition: attachment; filename=\"avis.pdf\"") + "--inner--\r\n";
        byte[] raw = Files.message("Content-Type: message/rfc822\r\n\r\n" + forwarded);

        assertThat(AttachedFiles.read(raw)).singleElement().satisfies(f -> {
            assertThat(f.messagePart()).isTrue();
            assertThat(new String(f.bytes(), StandardCharsets.UTF_8) + "\r\n").isEqualTo(forwarded);
        });
    }

    @Test
    void brokenMimeYieldsWhatCouldBeReadAndNeverThrows() {
        String truncatedBase64 = Files.base64(Files.PDF);
        truncatedBase64 = truncatedBase64.substring(0, truncatedBase64.length() - 3) + "!!\u0007";
        // No closing boundary, a part with a broken Content-Type, base64 with noise and a cut tail.
        byte[] raw = ("From: a@example.org\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nBonjour\r\n"
                + "--b\r\nContent-Type: application/pdf; name=\"avis.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + truncatedBase64 + "\r\n"
                + "--b\r\nContent-Type: ;;;\r\nContent-Disposition: attachment; filename=\"x.txt\"\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\nab=ZZcd\r\n").getBytes(StandardCharsets.ISO_8859_1);

        List<AttachedFile> files = AttachedFiles.read(raw);

        assertThat(files).hasSize(2);
        assertThat(files.get(0).writtenName()).isEqualTo("avis.pdf");
        assertThat(new String(files.get(0).bytes(), StandardCharsets.ISO_8859_1)).startsWith("%PDF-1.7");
        assertThat(files.get(1).writtenName()).isEqualTo("x.txt");

        assertThat(AttachedFiles.read(new byte[0])).isEmpty();
        assertThat(AttachedFiles.read("not a message at all".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        byte[] deep = ("Content-Type: multipart/mixed; boundary=a\r\n\r\n--a\r\n".repeat(200)).getBytes(StandardCharsets.US_ASCII);
        assertThat(AttachedFiles.read(deep)).isEmpty();
    }

    @Test
    void aMessageThatIsOnlyAFileIsThatFile() {
        byte[] raw = ("From: scanner@example.org\r\nMIME-Version: 1.0\r\nContent-Type: application/pdf\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + Files.base64(Files.PDF) + "\r\n").getBytes(StandardCharsets.US_ASCII);

        assertThat(AttachedFiles.read(raw)).singleElement().satisfies(f -> {
            assertThat(f.bytes()).isEqualTo(Files.PDF);
            assertThat(f.writtenName()).isNull();
        });
    }
}
