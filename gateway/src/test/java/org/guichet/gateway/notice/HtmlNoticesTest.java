package org.guichet.gateway.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.guichet.gateway.language.Language;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class HtmlNoticesTest {

    private static final String SENTENCE = "Vous pouvez répondre directement à ce message\u00A0: un agent vous répondra sous 5 jours ouvrés.";
    private static final String ESCAPED = "Vous pouvez répondre directement à ce message&nbsp;: un agent vous répondra sous 5 jours ouvrés.";

    private final HtmlNotices html = new HtmlNotices(new NoticeRecogniser(), new NoticeReplacement(java.util.Map.of(Language.FRENCH, SENTENCE)));

    private String rewrite(String source) {
        return html.rewrite(source, StandardCharsets.UTF_8).map(TextRewrite::text).orElse(source);
    }

    @Test
    void entitiesAndNonBreakingSpacesAreReadDecoded() {
        String source = "<p>Bonjour,</p><p>Merci de ne pas r&eacute;pondre&nbsp;&agrave; ce message.</p><p>La caisse</p>";
        assertThat(rewrite(source)).isEqualTo("<p>Bonjour,</p><p>" + ESCAPED + "</p><p>La caisse</p>");
    }

    @Test
    void boldInsideTheSentenceIsRemovedWithIt() {
        String source = "<p>Merci de <b>ne pas r&eacute;pondre</b> &agrave; ce message.</p>";
        assertThat(rewrite(source)).isEqualTo("<p>" + ESCAPED + "</p>");
    }

    @Test
    void elementOpenedInsideTheNoticeButClosedAfterStaysWellNested() {
        String source = "<p><strong>Merci de ne pas répondre</strong> à ce message. Votre dossier est à jour.</p>";
        String result = rewrite(source);
        assertThat(result).isEqualTo("<p><strong></strong>" + ESCAPED + " Votre dossier est à jour.</p>");
        String link = "<p>Merci de ne pas répondre à <a href=\"https://www.example.fr/\">ce message</a>.</p>";
        assertThat(rewrite(link)).isEqualTo("<p>" + ESCAPED + "</p>");
        String tail = "<p>Merci de ne pas répondre à ce <i>message. Cordialement,</i></p>";
        assertThat(rewrite(tail)).isEqualTo("<p>" + ESCAPED + "<i> Cordialement,</i></p>");
    }

    @Test
    void lineBreakInsideTheNoticeIsPartOfIt() {
        String source = "<div>Ce courriel est envoy&eacute; automatiquement,<br/>\r\nmerci de ne pas y r&eacute;pondre.<br>Cordialement</div>";
        assertThat(rewrite(source)).isEqualTo("<div>" + ESCAPED + "<br>Cordialement</div>");
    }

    @Test
    void everythingOutsideTheNoticeStaysCharacterForCharacter() {
        String head = "<!DOCTYPE html>\n<html><head><title>Merci de ne pas répondre à ce message.</title>"
                + "<style>/* Merci de ne pas répondre à ce message. */ p { color: #333 }</style></head>\n<body>\n"
                + "<!-- gabarit v3 --><table role=\"presentation\"><tr><td style='padding:0'>Bonjour,</td></tr>\n<tr><td>";
        String tail = "</td></tr></table>\n<script>var t = \"Merci de ne pas répondre à ce message.\";</script>\n</body></html>";
        String source = head + "Ceci est un message automatique, merci de ne pas y répondre." + tail;
        assertThat(rewrite(source)).isEqualTo(head + ESCAPED + tail);
    }

    @Test
    void replacementIsEscapedAndFitsTheCharset() {
        HtmlNotices special = new HtmlNotices(new NoticeRecogniser(),
                new NoticeReplacement(java.util.Map.of(Language.FRENCH, "Répondez-nous : <agent> & équipe « accueil » — 5 jours.")));
        String out = special.rewrite("<p>Ne pas répondre à ce courriel.</p>", StandardCharsets.US_ASCII).orElseThrow().text();
        assertThat(out).isEqualTo("<p>R&#233;pondez-nous : &lt;agent&gt; &amp; &#233;quipe &#171; accueil &#187; &#8212; 5 jours.</p>");
        assertThat(Jsoup.parse(out).text()).isEqualTo("Répondez-nous : <agent> & équipe « accueil » — 5 jours.");
    }

    @Test
    void paragraphsAreNotMergedIntoOneNotice() {
        String source = "<p>Votre dossier est complet. Merci de ne pas</p><p>répondre à ce message.</p>";
        assertThat(html.rewrite(source, StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void noticeInAnAttributeOrScriptIsNotText() {
        String source = "<p title=\"Merci de ne pas répondre à ce message.\">Bonjour</p><script>// Merci de ne pas répondre.</script>";
        assertThat(html.rewrite(source, StandardCharsets.UTF_8)).isEmpty();
    }
}
