package org.guichet.storage;

import java.util.List;

/**
 * Text as PostgreSQL can keep it: a {@code text} value cannot hold U+0000 (the insert fails with
 * "invalid byte sequence"), so a NUL a sender slipped into a subject or a body is dropped before
 * it is stored. No reader would have seen it; the raw message keeps it as it came.
 */
public final class StoredText {

    private StoredText() {
    }

    public static String of(String text) {
        return text == null || text.indexOf('\0') < 0 ? text : text.replace("\0", "");
    }

    public static List<String> of(List<String> texts) {
        return texts.stream().map(StoredText::of).toList();
    }
}
