package org.guichet.gateway.content;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.ContentType;

/** The media type a Content-Type header names, read leniently: senders write headers the parser refuses. */
public final class MediaType {

    private static final Pattern TYPE = Pattern.compile("^\\s*([^;\\s]+)");

    private MediaType() {
    }

    /** The base type in lower case; RFC 2045 §5.2: without a Content-Type the part is text/plain. */
    public static String of(String contentType) {
        if (contentType.isBlank()) {
            return "text/plain";
        }
        try {
            return new ContentType(contentType).getBaseType().toLowerCase(Locale.ROOT);
        } catch (Exception lenient) {
            Matcher m = TYPE.matcher(contentType);
            return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "text/plain";
        }
    }
}
