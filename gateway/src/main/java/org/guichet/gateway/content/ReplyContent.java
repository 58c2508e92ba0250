package org.guichet.gateway.content;

import java.util.Objects;
import java.util.Optional;

/**
 * What a case shows of a citizen's message.
 *
 * @param visibleText what the citizen wrote, without the quoted original and the signature
 * @param fullText    the whole text of the message, quotes included
 * @param safeHtml    the message's HTML, sanitised for display, if it had HTML
 */
public record ReplyContent(String visibleText, String fullText, Optional<String> safeHtml) {

    public ReplyContent {
        Objects.requireNonNull(visibleText, "visibleText");
        Objects.requireNonNull(fullText, "fullText");
        Objects.requireNonNull(safeHtml, "safeHtml");
    }
}
