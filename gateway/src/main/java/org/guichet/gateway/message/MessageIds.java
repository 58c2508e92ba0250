package org.guichet.gateway.message;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The msg-ids of a Message-ID, In-Reply-To or References field (RFC 5322 §3.6.4): each
 * {@code <left@right>} in order, comments and folding ignored. Some clients write In-Reply-To
 * with a phrase around the id; only the bracketed ids count.
 */
public final class MessageIds {

    private static final Pattern MSG_ID = Pattern.compile("<([^<>\\s]+@[^<>\\s]+)>");

    private MessageIds() {
    }

    public static List<String> in(String field) {
        List<String> ids = new ArrayList<>();
        if (field == null) {
            return ids;
        }
        Matcher matcher = MSG_ID.matcher(field.replaceAll("\\r?\\n[ \\t]", " "));
        while (matcher.find()) {
            String id = "<" + matcher.group(1) + ">";
            // Stored ids are bounded by the 998-character line limit (RFC 5322 §2.1.1).
            if (id.length() <= 998) {
                ids.add(id);
            }
        }
        return ids;
    }

    public static String first(String field) {
        List<String> ids = in(field);
        return ids.isEmpty() ? null : ids.get(0);
    }
}
