package org.guichet.gateway.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What an agent's browser receives from a citizen's HTML: formatting yes, active or remote content no. */
class HtmlSanitiserTest {

    private final HtmlSanitiser sanitiser = new HtmlSanitiser();

    @Test
    void scriptsAndStylesAreRemovedWithTheirContent() {
        String safe = sanitiser.sanitise("<p>Bonjour</p><script>alert('x')</script><style>p{color:red}</style>");
        assertThat(safe).isEqualTo("<p>Bonjour</p>");
    }

    @Test
    void eventHandlersAreRemoved() {
        String safe = sanitiser.sanitise("<p onclick=\"steal()\" onmouseover=\"steal()\">Texte</p>");
        assertThat(safe).isEqualTo("<p>Texte</p>");
    }

    @Test
    void remoteImagesAreRemoved() {
        String safe = sanitiser.sanitise("<p>Photo :</p><img src=\"https://tracker.example.com/pixel.gif\">"
                + "<img src=\"http://tracker.example.com/a.png\"><img src=\"//tracker.example.com/b.png\">");
        assertThat(safe).isEqualTo("<p>Photo :</p>");
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

    @Test
    void formsAndTheirControlsAreRemoved() {
        String safe = sanitiser.sanitise("<form action=\"https://evil.example.com\"><p>Identifiant</p>"
                + "<input name=\"password\" type=\"password\"><button>Envoyer</button></form>");
        assertThat(safe).isEqualTo("<p>Identifiant</p>");
    }

    @Test
    void framesAndObjectsAreRemoved() {
        String safe = sanitiser.sanitise("<iframe src=\"https://evil.example.com\"></iframe>"
                + "<object data=\"x.swf\"></object><embed src=\"y\"><p>Reste</p>");
        assertThat(safe).isEqualTo("<p>Reste</p>");
    }

    @Test
    void javascriptLinksLoseTheirTarget() {
        String safe = sanitiser.sanitise("<a href=\"javascript:steal()\">cliquez</a>");
        assertThat(safe).isEqualTo("<a rel=\"noopener noreferrer nofollow\">cliquez</a>");
    }

    @Test
    void linksAreKeptWithoutReferrer() {
        String safe = sanitiser.sanitise("<a href=\"https://www.service-public.example.fr/\" target=\"_self\">lien</a>");
        assertThat(safe).isEqualTo(
                "<a href=\"https://www.service-public.example.fr/\" rel=\"noopener noreferrer nofollow\">lien</a>");
    }

    @Test
    void inlineStylesThatCouldLoadRemoteContentAreRemoved() {
        String safe = sanitiser.sanitise("<div style=\"background:url(https://tracker.example.com/x)\">Texte</div>");
        assertThat(safe).isEqualTo("<div>Texte</div>");
    }

    @Test
    void formattingIsKept() {
        String html = "<p><b>Important</b> : <i>dossier</i></p><ul><li>un</li></ul><blockquote>cité</blockquote>";
        assertThat(sanitiser.sanitise(html)).isEqualTo(html);
    }
}
