package org.guichet.gateway.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.gateway.attachment.Files.ascii;
import static org.guichet.gateway.attachment.Files.concat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Types from bytes, never from names: what citizens send, and what must never run on an agent's computer. */
class MagicNumbersTest {

    private static Detection detect(byte[] bytes) {
        return MagicNumbers.detect(bytes, false);
    }

    @Test
    void documentsAndImagesCitizensSendAreRecognised() {
        assertThat(detect(Files.PDF)).isEqualTo(Detection.of("application/pdf"));
        assertThat(detect(concat(ascii("\r\n\r\n"), Files.PDF))).as("junk before %PDF- (ISO 32000 tolerates it)")
                .isEqualTo(Detection.of("application/pdf"));
        assertThat(detect(Files.PNG).type()).isEqualTo("image/png");
        assertThat(detect(Files.JPEG).type()).isEqualTo("image/jpeg");
        assertThat(detect(ascii("GIF89a\u0001\u0000\u0001\u0000")).type()).isEqualTo("image/gif");
        assertThat(detect(concat(new byte[] {0, 0, 0, 24}, ascii("ftypheic"), new byte[8])).type())
                .as("an iPhone photo").isEqualTo("image/heic");
        assertThat(detect(concat(ascii("II*"), new byte[] {0, 8, 0, 0, 0})).type()).isEqualTo("image/tiff");
        assertThat(detect(Files.zip(false, "[Content_Types].xml", "_rels/.rels", "word/document.xml")))
                .isEqualTo(Detection.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        assertThat(detect(Files.zip(false, "[Content_Types].xml", "xl/workbook.xml")).type())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(detect(Files.zip(true, "mimetype", "content.xml", "META-INF/manifest.xml")))
                .isEqualTo(Detection.of("application/vnd.oasis.opendocument.text"));
        assertThat(detect("Bonjour,\nci-joint mon relevé.\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Detection.of("text/plain"));
        assertThat(detect("Relevé de compte\r\n".getBytes(StandardCharsets.ISO_8859_1)).type())
                .as("Latin-1 text from an older client").isEqualTo("text/plain");
        assertThat(detect(ascii("MZ Dupont, 12 rue des Lilas\n")).type()).as("text that starts with MZ")
                .isEqualTo("text/plain");
    }

    @Test
    void whatRunsCodeIsMarkedActiveWhateverItClaims() {
        assertThat(detect(Files.EXE)).satisfies(d -> {
            assertThat(d.type()).isEqualTo("application/x-msdownload");
            assertThat(d.runsCode()).isTrue();
        });
        assertThat(detect(concat(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1}, new byte[9])).runsCode()).isTrue();
        assertThat(detect(ascii("#!/bin/sh\nrm -rf ~\n")).runsCode()).isTrue();
        assertThat(detect(ascii("<!DOCTYPE html><html><body><img src=x onerror=\"fetch('//evil')\"></body></html>")))
                .isEqualTo(Detection.active("text/html", "script in text/html"));
        assertThat(detect(ascii("<html><body><p>Bonjour</p></body></html>"))).isEqualTo(Detection.of("text/html"));
        assertThat(detect(ascii("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><script>"
                + "alert(1)</script></svg>")).runsCode()).isTrue();
        assertThat(detect(Files.zip(false, "[Content_Types].xml", "word/document.xml", "word/vbaProject.bin")))
                .satisfies(d -> {
                    assertThat(d.type()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
                    assertThat(d.active()).isEqualTo("Office macros");
                });
        assertThat(detect(Files.zip(false, "scans/page1.pdf", "scans/lisez-moi.PDF.exe")).active())
                .isEqualTo("executable inside the archive (lisez-moi.pdf.exe)");
        assertThat(detect(Files.zip(false, "scans/page1.pdf", "scans/page2.pdf"))).isEqualTo(Detection.of("application/zip"));
        assertThat(detect(Files.zip(false, "META-INF/MANIFEST.MF", "org/Main.class")).runsCode()).isTrue();
    }

    @Test
    void aForwardedMessageIsRecognisedByItsHeaderLinesOnlyWhenMimeSaysSo() {
        byte[] forwarded = ascii("From: CAF <noreply@caf.fr>\r\nSubject: Avis\r\n\r\nVotre dossier.\r\n");
        assertThat(MagicNumbers.detect(forwarded, true).type()).isEqualTo("message/rfc822");
        assertThat(MagicNumbers.detect(forwarded, false).type()).isEqualTo("text/plain");
    }

    @Test
    void emptyTruncatedAndRandomBytesNeverThrow() {
        assertThat(detect(new byte[0]).type()).isEqualTo("text/plain");
        assertThat(detect(new byte[] {'P', 'K', 3, 4}).type()).isEqualTo("application/zip");
        assertThat(detect(new byte[] {0, 0, 0, 8, 'f', 't', 'y', 'p'}).type()).isEqualTo("application/octet-stream");
        byte[] random = new byte[4096];
        new java.util.Random(7).nextBytes(random);
        random[0] = 0;
        assertThat(detect(random).type()).isEqualTo("application/octet-stream");
    }
}
