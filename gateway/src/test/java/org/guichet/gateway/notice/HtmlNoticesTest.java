package org.guichet.gateway.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.guichet.gateway.language.Language;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlNoticesTest {

    private static final String SENTENCE = "Vous pouvez répondre directement à ce message\u00A0: un agent vous répondra sous 5 jours ouvrés.";
    private static final String ESCAPED = "Vous pouvez répondre directement à ce message&nbsp;: un agent vous répondra sous 5 jours ouvrés.";

    private final HtmlNotices html = new HtmlNotices(new NoticeRecogniser(), new NoticeReplacement(java.util.Map.of(Language.FRENCH, SENTENCE)));

    private String rewrite(String source) {
        return html.rewrite(source, StandardCharsets.UTF_8).map(TextRewrite::text).orElse(source);
    }

    /** Each row: what it shows | the HTML | the HTML rewritten, where {notice} stands for the escaped replacement. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            entities and non-breaking spaces are read decoded | <p>Bonjour,</p><p>Merci de ne pas r&eacute;pondre&nbsp;&agrave; ce message.</p><p>La caisse</p> | <p>Bonjour,</p><p>{notice}</p><p>La caisse</p>
            bold inside the sentence is removed with it | <p>Merci de <b>ne pas r&eacute;pondre</b> &agrave; ce message.</p> | <p>{notice}</p>
            an element opened inside the notice but closed after stays well nested | <p><strong>Merci de ne pas répondre</strong> à ce message. Votre dossier est à jour.</p> | <p><strong></strong>{notice} Votre dossier est à jour.</p>
            a link inside the notice is removed with it | <p>Merci de ne pas répondre à <a href="https://www.example.fr/">ce message</a>.</p> | <p>{notice}</p>
            an element opened inside the notice and closed after it keeps the rest | <p>Merci de ne pas répondre à ce <i>message. Cordialement,</i></p> | <p>{notice}<i> Cordialement,</i></p>
            """)
    void theNoticeSentenceIsReplaced(String description, String source, String rewritten) {
        assertThat(rewrite(source)).isEqualTo(rewritten.replace("{notice}", ESCAPED));
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

    /** Each row: what it shows | HTML that has no notice sentence in its text. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            paragraphs are not merged into one notice | <p>Votre dossier est complet. Merci de ne pas</p><p>répondre à ce message.</p>
            a notice in an attribute or a script is not text | <p title="Merci de ne pas répondre à ce message.">Bonjour</p><script>// Merci de ne pas répondre.</script>
            """)
    void htmlWithoutANoticeInItsTextIsNotRewritten(String description, String source) {
        assertThat(html.rewrite(source, StandardCharsets.UTF_8)).isEmpty();
    }
}
