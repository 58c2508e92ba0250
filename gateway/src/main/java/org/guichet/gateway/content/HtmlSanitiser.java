package org.guichet.gateway.content;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Makes a citizen's HTML safe to show an agent: formatting, tables and links are kept; scripts,
 * styles, frames, objects, forms and event handlers are dropped; images are kept only when they
 * travel inside the message ({@code cid:} parts, {@code data:image/…}), so that opening a case
 * never calls a remote server (a remote image is a read receipt the sender controls).
 */
public final class HtmlSanitiser {

    /** Links leave Guichet without a referrer and without lending it any reputation. */
    private static final String LINK_REL = "noopener noreferrer nofollow";
    /** SVG may carry scripts; only raster formats are shown inline. */
    private static final String SAFE_DATA_IMAGE = "(?i)^data:image/(?:png|gif|jpe?g|webp|bmp);base64,[a-z0-9+/=\\s]+$";

    private final Safelist safelist = Safelist.relaxed()
            .removeProtocols("img", "src", "http", "https")
            .addProtocols("img", "src", "cid", "data")
            .removeProtocols("a", "href", "ftp")
            .addEnforcedAttribute("a", "rel", LINK_REL)
            .addTags("center", "font", "hr")
            .addAttributes("font", "color")
            .addAttributes(":all", "dir");

    public String sanitise(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document dirty = Jsoup.parse(html);
        // Removed with their content: the text of a script, a form control or a frame is not the citizen's message.
        dirty.select("script, style, template, noscript, iframe, frame, frameset, object, embed, applet, "
                + "input, select, textarea, button, option, link, meta, base, svg, math").remove();
        Document clean = new Cleaner(safelist).clean(dirty);
        for (Element image : clean.select("img")) {
            String source = image.attr("src").strip();
            if (!source.regionMatches(true, 0, "cid:", 0, 4) && !source.matches(SAFE_DATA_IMAGE)) {
                image.remove();
            }
        }
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }
}
