package org.guichet.gateway.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Names an agent's computer can use as they are: never a path, never disguised. */
class FileNameTest {

    @Test
    void aNameIsNeverAPath() {
        assertThat(FileName.sanitise("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileName.sanitise("C:\\Users\\amelie\\Documents\\avis d'impôt.pdf")).isEqualTo("avis d'impôt.pdf");
        assertThat(FileName.sanitise("..")).isEmpty();
        assertThat(FileName.sanitise(".bashrc")).isEqualTo("bashrc");
    }

    @Test
    void disguisesAndReservedNamesAreUndone() {
        assertThat(FileName.sanitise("facture\u202Efdp.exe")).as("right-to-left override removed")
                .isEqualTo("facturefdp.exe");
        assertThat(FileName.extension(FileName.sanitise("facture\u202Efdp.exe"))).isEqualTo("exe");
        assertThat(FileName.sanitise("virus.exe. . ")).isEqualTo("virus.exe");
        assertThat(FileName.sanitise("a<b>c:d\"e|f?g*.txt")).isEqualTo("a_b_c_d_e_f_g_.txt");
        assertThat(FileName.sanitise("CON.txt")).isEqualTo("_CON.txt");
        assertThat(FileName.sanitise("line\r\nbreak\u0000.pdf")).isEqualTo("linebreak.pdf");
    }

    @Test
    void encodedWordsAreDecodedAndLongNamesKeepTheirExtension() {
        assertThat(FileName.sanitise("=?UTF-8?Q?relev=C3=A9_bancaire.pdf?=")).isEqualTo("relevé bancaire.pdf");
        assertThat(FileName.sanitise("e\u0301te\u0301.pdf")).as("NFC").isEqualTo("été.pdf");
        String longName = "é".repeat(300) + ".pdf";
        String kept = FileName.sanitise(longName);
        assertThat(kept).endsWith(".pdf").startsWith("é");
        assertThat(kept.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
    }
}
