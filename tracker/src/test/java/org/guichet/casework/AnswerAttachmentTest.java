package org.guichet.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What an agent may join to an answer: documents, never programs, within the mail's limits. */
class AnswerAttachmentTest {

    static final byte[] PDF = "%PDF-1.4\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void documentsPassAndTheirNameLosesAnyFolder() {
        AnswerAttachment file = new AnswerAttachment("C:\\Users\\marie\\attestation.pdf", "Application/PDF", PDF);
        assertThat(file.fileName()).isEqualTo("attestation.pdf");
        assertThat(file.contentType()).isEqualTo("application/pdf");
        assertThatCode(() -> AnswerAttachment.check(List.of(file))).doesNotThrowAnyException();
    }

    @Test
    void programsTooManyOrTooLargeAreRefused() {
        byte[] program = {'M', 'Z', (byte) 0x90, 0};
        assertThatThrownBy(() -> AnswerAttachment.check(List.of(new AnswerAttachment("facture.pdf", "application/pdf",
                program)))).isInstanceOf(AnswerRefusedException.class).hasMessageContaining("facture.pdf");
        assertThatThrownBy(() -> AnswerAttachment.check(List.of(new AnswerAttachment("x.sh", "text/plain",
                "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.US_ASCII))))).isInstanceOf(AnswerRefusedException.class);
        assertThatThrownBy(() -> AnswerAttachment.check(List.of(new AnswerAttachment("page.html", "text/html",
                "<script>".getBytes(StandardCharsets.US_ASCII))))).hasMessageContaining("text/html");
        assertThatThrownBy(() -> AnswerAttachment.check(Collections.nCopies(6,
                new AnswerAttachment("a.pdf", "application/pdf", PDF)))).hasMessageContaining("at most 5");
        assertThatThrownBy(() -> AnswerAttachment.check(List.of(new AnswerAttachment("big.pdf", "application/pdf",
                new byte[(int) AnswerAttachment.MAX_BYTES + 1])))).hasMessageContaining("10 MB");
        assertThatThrownBy(() -> AnswerAttachment.check(List.of(new AnswerAttachment("vide.pdf", "application/pdf",
                new byte[0])))).hasMessageContaining("no bytes");
    }
}
