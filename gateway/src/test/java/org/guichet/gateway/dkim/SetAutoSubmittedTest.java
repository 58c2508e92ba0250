package org.guichet.gateway.dkim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.guichet.gateway.dkim.Signing.CAF;
import static org.guichet.gateway.dkim.Signing.PLAIN;
import static org.guichet.gateway.dkim.Signing.mail;
import static org.guichet.gateway.dkim.Signing.relayed;
import static org.guichet.gateway.dkim.Signing.tag;
import static org.guichet.gateway.dkim.Signing.text;
import static org.guichet.gateway.dkim.Signing.validSignatures;

import java.util.List;

import jakarta.mail.MessagingException;

import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.Test;

class SetAutoSubmittedTest {

    private static SetAutoSubmitted mailet() throws MessagingException {
        SetAutoSubmitted mailet = new SetAutoSubmitted();
        mailet.init(FakeMailetConfig.builder().mailetName("SetAutoSubmitted")
                .mailetContext(FakeMailContext.defaultContext()).build());
        return mailet;
    }

    @Test
    void addedWhenAbsentWithoutTouchingTheRestOfTheMessage() throws Exception {
        Mail mail = mail(PLAIN);

        mailet().service(mail);

        String raw = text(relayed(mail));
        assertThat(mail.getMessage().getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(raw).contains("Message-ID: <notice-1234@caf.fr>\r\n");
        assertThat(raw.replace("Auto-Submitted: auto-generated\r\n", "")).isEqualTo(PLAIN);
    }

    @Test
    void anExistingValueIsKeptIncludingNo() throws Exception {
        for (String value : List.of("no", "No (written by an agent)", "auto-replied", "auto-notified")) {
            Mail mail = mail(PLAIN.replace("MIME-Version", "Auto-Submitted: " + value + "\r\nMIME-Version"));

            mailet().service(mail);

            assertThat(mail.getMessage().getHeader("Auto-Submitted")).containsExactly(value);
        }
    }

    @Test
    void keywordIgnoresCommentsAndParameters() {
        assertThat(SetAutoSubmitted.keyword(" (person) No ; x=1")).isEqualTo("no");
        assertThat(SetAutoSubmitted.keyword("auto-generated")).isEqualTo("auto-generated");
    }

    @Test
    void theAddedFieldIsSignedWhenSigningComesAfter() throws Exception {
        Mail mail = mail(PLAIN);

        mailet().service(mail);
        Signing.mailet(new DkimKeys(List.of(CAF))).service(mail);

        byte[] raw = relayed(mail);
        assertThat(tag(raw, "h")).endsWith(":content-transfer-encoding:auto-submitted");
        assertThat(validSignatures(raw, CAF)).hasSize(1);
        byte[] stripped = text(raw).replace("Auto-Submitted: auto-generated\r\n", "").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(validSignatures(stripped, CAF)).isEmpty();
    }

    @Test
    void anyParameterIsRefusedByName() {
        assertThatThrownBy(() -> new SetAutoSubmitted().init(FakeMailetConfig.builder().mailetName("SetAutoSubmitted")
                .mailetContext(FakeMailContext.defaultContext()).setProperty("value", "auto-replied").build()))
                .isInstanceOf(MessagingException.class).hasMessageContaining("value");
    }
}
