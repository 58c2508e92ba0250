package org.guichet.gateway.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class HtmlTextTest {

    private final HtmlText htmlText = new HtmlText();

    /** Each case: what it shows, the HTML, exactly the text it renders to. */
    static Stream<Arguments> rendered() {
        return Stream.of(
                Arguments.of("blockquotes become quoted lines",
                        "<div>Réponse</div><blockquote>Ligne 1<br>Ligne 2<blockquote>Plus ancien</blockquote></blockquote>",
                        "Réponse\n> Ligne 1\n> Ligne 2\n> > Plus ancien"),
                Arguments.of("whitespace is collapsed outside preformatted text",
                        "<p>  un   deux\n trois </p><pre>a   b\n  c</pre>",
                        "un deux trois\n\na   b\n  c"),
                Arguments.of("hidden and active content is not rendered",
                        "<head><title>T</title></head><body><script>x()</script>"
                                + "<span style=\"display:none\">aperçu caché</span>Visible</body>",
                        "Visible"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rendered")
    void rendersExactly(String description, String html, String expected) {
        assertThat(htmlText.render(html)).isEqualTo(expected);
    }

    @Test
    void outlookHeaderDivisionCutsOnlyWhenTextPrecedesIt() {
        String forwardedAlone = "<div style=\"border-top:solid #E1E1E1 1.0pt\"><b>De :</b> X<br><b>Envoyé :</b> lundi</div>"
                + "<p>Texte transféré</p>";
        assertThat(htmlText.renderReply(forwardedAlone)).contains("Texte transféré");

        String reply = "<p>Ma réponse</p>" + forwardedAlone;
        assertThat(htmlText.renderReply(reply)).isEqualTo("Ma réponse");
    }

    /** Each row: the client | its reply, with the original after the client's marker | the reply text. */
    @ParameterizedTest(name = "{0} cuts the original")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            Zimbra rule | <div>Bien reçu.</div><hr id="zwchr"><b>De: </b>Mairie<br><b>Envoyé: </b>Lundi<br>Texte | Bien reçu.
            Yahoo quoted division | <div>Merci.</div><div class="yahoo_quoted"><div>Le lundi 3 mars 2025, X a écrit :</div><div>Original</div></div> | Merci.
            """)
    void quotedOriginalIsCut(String client, String html, String reply) {
        assertThat(htmlText.renderReply(html)).isEqualTo(reply);
    }

    /**
     * Hostile HTML sent to a reply address: 100,000 quote markers, a few MB. Each used to cost a
     * copy of the whole document; the markers are now found in one pass.
     */
    @Test
    void aFloodOfQuoteMarkersCostsOnePass() {
        StringBuilder html = new StringBuilder("<div>").append("<hr id=\"zwchr\">".repeat(50_000))
                .append("</div><div>Ma réponse</div>")
                .append("<div style=\"border-top: solid 1px\">x</div>".repeat(50_000))
                .append("<hr id=\"zwchr\"><div>De : X</div><div>Envoyé : hier</div><div>Original</div>");

        String text = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> htmlText.renderReply(html.toString()));

        assertThat(text).startsWith("Ma réponse").doesNotContain("Original");
    }
}
