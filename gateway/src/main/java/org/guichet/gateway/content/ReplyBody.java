package org.guichet.gateway.content;

import java.util.Objects;
import java.util.Optional;

/**
 * The best text of a message and, when it has one, its HTML.
 *
 * @param text     the text/plain part, or the text/html part rendered as text when there is no usable plain part
 * @param html     the text/html part as sent (unsanitised), if any
 * @param fromHtml whether {@code text} was rendered from {@code html}
 */
public record ReplyBody(String text, Optional<String> html, boolean fromHtml) {

    public ReplyBody {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }

    static ReplyBody plain(String text) {
        return new ReplyBody(text, Optional.empty(), false);
    }
}
