package org.guichet.gateway.content;

/** Reads a citizen's raw message into the texts a case shows. Never throws on bad input. */
public record ReplyContentReader(ReplyBodyReader bodies, HtmlText htmlText, VisibleReplyText visibleReplyText,
        HtmlSanitiser sanitiser) {

    /** A reader with the default parts. */
    public static ReplyContentReader standard() {
        HtmlText htmlText = new HtmlText();
        return new ReplyContentReader(new ReplyBodyReader(htmlText), htmlText, new VisibleReplyText(), new HtmlSanitiser());
    }

    public ReplyContent read(byte[] raw) {
        ReplyBody body = bodies.read(raw);
        String source = body.fromHtml() ? htmlText.renderReply(body.html().orElse("")) : body.text();
        return new ReplyContent(visibleReplyText.extract(source), body.text(), body.html().map(sanitiser::sanitise));
    }
}
