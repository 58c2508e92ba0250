package org.guichet.gateway.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What an agent's browser receives from a citizen's HTML: formatting yes, active or remote content no. */
class HtmlSanitiserTest {

    private final HtmlSanitiser sanitiser = new HtmlSanitiser();

    /** Each row: what it shows | the citizen's HTML | exactly what the agent's browser receives. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            scripts and styles are removed with their content | <p>Bonjour</p><script>alert('x')</script><style>p{color:red}</style> | <p>Bonjour</p>
            event handlers are removed | <p onclick="steal()" onmouseover="steal()">Texte</p> | <p>Texte</p>
            remote images are removed | <p>Photo :</p><img src="https://tracker.example.com/pixel.gif"><img src="http://tracker.example.com/a.png"><img src="//tracker.example.com/b.png"> | <p>Photo :</p>
            forms and their controls are removed | <form action="https://evil.example.com"><p>Identifiant</p><input name="password" type="password"><button>Envoyer</button></form> | <p>Identifiant</p>
            frames and objects are removed | <iframe src="https://evil.example.com"></iframe><object data="x.swf"></object><embed src="y"><p>Reste</p> | <p>Reste</p>
            javascript links lose their target | <a href="javascript:steal()">cliquez</a> | <a rel="noopener noreferrer nofollow">cliquez</a>
            links are kept without referrer | <a href="https://www.service-public.example.fr/" target="_self">lien</a> | <a href="https://www.service-public.example.fr/" rel="noopener noreferrer nofollow">lien</a>
            inline styles that could load remote content are removed | <div style="background:url(https://tracker.example.com/x)">Texte</div> | <div>Texte</div>
            formatting is kept | <p><b>Important</b> : <i>dossier</i></p><ul><li>un</li></ul><blockquote>cité</blockquote> | <p><b>Important</b> : <i>dossier</i></p><ul><li>un</li></ul><blockquote>cité</blockquote>
            """)
    void sanitisedHtmlIsExactly(String description, String html, String expected) {
        assertThat(sanitiser.sanitise(html)).isEqualTo(expected);
    }

    @Test
    void embeddedImagesAreKept() {
        String safe = sanitiser.sanitise("<img src=\"cid:image001.png@01DB\" alt=\"scan\">"
                + "<img src=\"data:image/png;base64,iVBORw0KGgo=\">");
        assertThat(safe).contains("src=\"cid:image001.png@01DB\"").contains("src=\"data:image/png;base64,iVBORw0KGgo=\"");
    }

    @Test
    void svgDataImagesAreRemoved() {
        assertThat(sanitiser.sanitise("<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">")).doesNotContain("img");
    }
}
