package org.guichet.gateway.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.MessagingException;

import org.junit.jupiter.api.Test;

class ReplaceNoreplyNoticeConfigurationTest {

    @Test
    void misspelledParameterIsNamed() {
        assertThatThrownBy(() -> MailetRun.mailet("comitment", "sous 5 jours ouvrés"))
                .isInstanceOf(MessagingException.class)
                .hasMessageContaining("unknown parameter 'comitment'")
                .hasMessageContaining("commitment");
    }

    @Test
    void unknownPlaceholderIsNamed() {
        assertThatThrownBy(() -> MailetRun.mailet("replacement", "Un agent vous répondra {delai}."))
                .isInstanceOf(MessagingException.class)
                .hasMessageContaining("'replacement'")
                .hasMessageContaining("{delai}");
    }

    @Test
    void emptyReplacementIsRefused() {
        assertThatThrownBy(() -> MailetRun.mailet("replacement", "  "))
                .isInstanceOf(MessagingException.class)
                .hasMessageContaining("'replacement' is empty");
    }

    @Test
    void englishSentenceWithACommitmentNeedsAnEnglishCommitment() {
        assertThatThrownBy(() -> MailetRun.mailet("commitment", "sous 5 jours ouvrés",
                "replacementEnglish", "An agent will answer you {commitment}."))
                .isInstanceOf(MessagingException.class)
                .hasMessageContaining("'commitmentEnglish'");
    }

    @Test
    void defaultSentenceWithoutCommitmentEndsCleanly() throws Exception {
        byte[] raw = (Letters.headers("Avis", "text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit")
                + "Merci de ne pas répondre à ce message.\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);

        byte[] after = MailetRun.run(MailetRun.mailet(), raw);

        assertThat((String) MailetRun.parse(after).getContent())
                .isEqualTo("Vous pouvez répondre directement à ce message\u00A0: un agent vous répondra.\r\n");
    }

    @Test
    void processorErrorHandlingParametersAreAccepted() throws Exception {
        assertThat(MailetRun.mailet("onMailetException", "ignore", "commitment", "sous 5 jours ouvrés")).isNotNull();
    }
}
