package org.guichet.gateway.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Broken MIME, as careless senders and hostile ones produce it, is still read. */
class ReplyBodyReaderTest {

    private final ReplyBodyReader reader = new ReplyBodyReader(new HtmlText());

    private static byte[] crlf(String message) {
        return message.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void multipartWithoutBoundaryParameterFallsBackToText() {
        ReplyBody body = reader.read(crlf("""
                Subject: cassé
                Content-Type: multipart/mixed

                Mon texte malgré tout.
                """));
        assertThat(body.text()).contains("Mon texte malgré tout.");
    }

    @Test
    void multipartWhoseBoundaryNeverAppearsFallsBackToRawBody() {
        ReplyBody body = reader.read(crlf("""
                Subject: cassé
                Content-Type: multipart/alternative; boundary="absent"

                Texte sans aucune frontière.
                """));
        assertThat(body.text()).contains("Texte sans aucune frontière.");
    }

    @Test
    void missingEndBoundaryKeepsTheParts() {
        ReplyBody body = reader.read(crlf("""
                Content-Type: multipart/alternative; boundary=zz

                --zz
                Content-Type: text/plain; charset=utf-8

                Message tronqué.
                """));
        assertThat(body.text().strip()).isEqualTo("Message tronqué.");
        assertThat(body.fromHtml()).isFalse();
    }

    @Test
    void truncatedBase64IsDecodedAsFarAsItGoes() {
        byte[] raw = crlf("""
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: base64

                Qm9uam91ciwgbWVyY2kgcG91ciB2b3RyZSBy!!!w6lwb25zZS4
                """);
        assertThat(reader.read(raw).text()).startsWith("Bonjour, merci pour votre r");
    }

    @Test
    void unknownCharsetIsGuessed() {
        byte[] raw = crlf("""
                Content-Type: text/plain; charset="x-inconnu"

                Réponse en UTF-8.
                """);
        assertThat(reader.read(raw).text().strip()).isEqualTo("Réponse en UTF-8.");
    }

    @Test
    void garbledContentTypeIsReadAsText() {
        byte[] raw = crlf("""
                Content-Type: text/plain; charset; ;;=
                Content-Transfer-Encoding: x-inconnu

                Toujours lisible.
                """);
        assertThat(reader.read(raw).text().strip()).isEqualTo("Toujours lisible.");
    }

    @Test
    void bodyWithoutHeadersIsReadWhole() {
        assertThat(reader.read("Juste du texte.\nSur deux lignes.".getBytes(StandardCharsets.UTF_8)).text())
                .isEqualTo("Juste du texte.\nSur deux lignes.");
    }

    @Test
    void htmlOnlyMessageIsRenderedAsText() {
        ReplyBody body = reader.read(crlf("""
                Content-Type: text/html; charset=utf-8

                <p>Premier paragraphe.</p><ul><li>un</li><li>deux</li></ul>
                """));
        assertThat(body.fromHtml()).isTrue();
        assertThat(body.text()).isEqualTo("Premier paragraphe.\n\n- un\n- deux");
        assertThat(body.html()).isPresent();
    }

    @Test
    void emptyInputGivesEmptyText() {
        assertThat(reader.read(new byte[0]).text()).isEmpty();
        assertThat(reader.read(null).text()).isEmpty();
    }

    @Property(tries = 300)
    void readingNeverThrows(@ForAll byte[] raw) {
        assertThatCode(() -> reader.read(raw)).doesNotThrowAnyException();
    }

    @Property(tries = 300)
    void readingAMessageWithArbitraryBodyNeverThrows(@ForAll String body) {
        byte[] raw = ("Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n" + body)
                .getBytes(StandardCharsets.UTF_8);
        assertThatCode(() -> reader.read(raw)).doesNotThrowAnyException();
    }
}
