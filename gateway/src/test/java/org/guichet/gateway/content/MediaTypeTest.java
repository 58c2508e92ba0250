package org.guichet.gateway.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MediaTypeTest {

    @Test
    void withoutContentTypeAPartIsPlainText() {
        assertThat(MediaType.of("")).isEqualTo("text/plain");
        assertThat(MediaType.of("  ")).isEqualTo("text/plain");
    }

    @Test
    void theBaseTypeInLowerCaseWithoutParameters() {
        assertThat(MediaType.of("Text/HTML; charset=\"UTF-8\"")).isEqualTo("text/html");
    }

    @Test
    void aHeaderTheParserRefusesIsReadUpToItsFirstParameter() {
        assertThat(MediaType.of(" Application/PDF;; name=\"a b.pdf")).isEqualTo("application/pdf");
    }
}
