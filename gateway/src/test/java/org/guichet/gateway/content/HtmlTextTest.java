package org.guichet.gateway.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    private final HtmlText htmlText = new HtmlText();

    @Test
    void blockquotesBecomeQuotedLines() {
        String text = htmlText.render("<div>Réponse</div><blockquote>Ligne 1<br>Ligne 2"
                + "<blockquote>Plus ancien</blockquote></blockquote>");
        assertThat(text).isEqualTo("Réponse\n> Ligne 1\n> Ligne 2\n> > Plus ancien");
    }

    @Test
    void whitespaceIsCollapsedOutsidePreformattedText() {
        String text = htmlText.render("<p>  un   deux\n trois </p><pre>a   b\n  c</pre>");
        assertThat(text).isEqualTo("un deux trois\n\na   b\n  c");
    }

    @Test
    void hiddenAndActiveContentIsNotRendered() {
        String text = htmlText.render("<head><title>T</title></head><body><script>x()</script>"
                + "<span style=\"display:none\">aperçu caché</span>Visible</body>");
        assertThat(text).isEqualTo("Visible");
    }

    @Test
    void outlookHeaderDivisionCutsOnlyWhenTextPrecedesIt() {
        String forwardedAlone = "<div style=\"border-top:solid #E1E1E1 1.0pt\"><b>De :</b> X<br><b>Envoyé :</b> lundi</div>"
                + "<p>Texte transféré</p>";
        assertThat(htmlText.renderReply(forwardedAlone)).contains("Texte transféré");

        String reply = "<p>Ma réponse</p>" + forwardedAlone;
        assertThat(htmlText.renderReply(reply)).isEqualTo("Ma réponse");
    }

    @Test
    void zimbraRuleCutsTheOriginal() {
        String html = "<div>Bien reçu.</div><hr id=\"zwchr\"><b>De: </b>Mairie<br><b>Envoyé: </b>Lundi<br>Texte";
        assertThat(htmlText.renderReply(html)).isEqualTo("Bien reçu.");
    }

    @Test
    void yahooQuotedDivisionCutsTheOriginal() {
        String html = "<div>Merci.</div><div class=\"yahoo_quoted\"><div>Le lundi 3 mars 2025, X a écrit :</div>"
                + "<div>Original</div></div>";
        assertThat(htmlText.renderReply(html)).isEqualTo("Merci.");
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
