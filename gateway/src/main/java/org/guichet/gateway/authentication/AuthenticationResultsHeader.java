package org.guichet.gateway.authentication;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code Authentication-Results} header (RFC 8601 §2.2): written from results, and read
 * just enough to tell which service an existing one claims to come from (§5).
 *
 * <p>Domains, selectors and reasons come from the sender's own message and DNS: each is
 * written as a token when it is one, otherwise as a quoted string of printable ASCII, so no
 * CR, LF or quote from outside can reach the header (CVE-2024-21742).
 */
public final class AuthenticationResultsHeader {

    /** The header's name. */
    public static final String NAME = "Authentication-Results";

    /** RFC 2045 token characters, less those that would need thought in a header. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9!#$%&'*+\\-.^_`{|}~]+");
    private static final int LONGEST_REASON = 120;
    private static final String FOLD = ";\r\n\t";

    private AuthenticationResultsHeader() {
    }

    static String render(AuthenticationResults results) {
        List<String> parts = new ArrayList<>();
        parts.add(value(results.authservId()));
        parts.add(spf(results.spf()));
        if (results.dkim().isEmpty()) {
            parts.add("dkim=none");
        }
        for (DkimResult signature : results.dkim()) {
            parts.add(dkim(signature));
        }
        parts.add(dmarc(results.dmarc()));
        return String.join(FOLD, parts);
    }

    private static String spf(SpfResult spf) {
        StringBuilder text = new StringBuilder("spf=").append(spf.result().token());
        String ip = spf.clientIp().replaceAll("[^0-9A-Fa-f.:]", "");
        if (!ip.isEmpty()) {
            text.append(" (client ").append(ip).append(')');
        }
        if (!spf.domain().isEmpty()) {
            text.append(' ').append(spf.identity().property()).append('=').append(value(spf.domain()));
        }
        return text.toString();
    }

    private static String dkim(DkimResult signature) {
        StringBuilder text = new StringBuilder("dkim=").append(signature.result().token());
        if (!signature.reason().isEmpty()) {
            // RFC 8601 §2.2: the reason comes before the properties
            text.append(" reason=").append(quoted(shortened(signature.reason())));
        }
        if (!signature.domain().isEmpty()) {
            text.append(" header.d=").append(value(signature.domain()));
        }
        if (!signature.selector().isEmpty()) {
            text.append(" header.s=").append(value(signature.selector()));
        }
        return text.toString();
    }

    private static String dmarc(DmarcResult dmarc) {
        StringBuilder text = new StringBuilder("dmarc=").append(dmarc.result().token());
        if (dmarc.policy() != null) {
            text.append(" (p=").append(dmarc.policy().token())
                    .append(" adkim=").append(dmarc.dkimAlignment().letter())
                    .append(" aspf=").append(dmarc.spfAlignment().letter());
            if (dmarc.alignedBy() != DmarcResult.AlignedIdentifier.NONE) {
                text.append(" aligned=").append(dmarc.alignedBy().token());
            }
            text.append(')');
        }
        if (!dmarc.domain().isEmpty()) {
            text.append(" header.from=").append(value(dmarc.domain()));
        }
        return text.toString();
    }

    /**
     * The authserv-id an {@code Authentication-Results} value starts with, lower-cased; empty
     * when there is none. Comments and folding before it are skipped (RFC 8601 §2.2).
     */
    public static String authservId(String headerValue) {
        String text = headerValue == null ? "" : headerValue;
        int at = skipSpaceAndComments(text, 0);
        if (at >= text.length()) {
            return "";
        }
        StringBuilder id = new StringBuilder();
        if (text.charAt(at) == '"') {
            for (int i = at + 1; i < text.length() && text.charAt(i) != '"'; i++) {
                char c = text.charAt(i);
                if (c == '\\' && i + 1 < text.length()) {
                    c = text.charAt(++i);
                }
                id.append(c);
            }
        } else {
            for (int i = at; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c) || c == ';' || c == '(') {
                    break;
                }
                id.append(c);
            }
        }
        return id.toString().toLowerCase(Locale.ROOT);
    }

    private static int skipSpaceAndComments(String text, int from) {
        int at = from;
        int depth = 0;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (depth > 0) {
                if (c == '\\') {
                    at++;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                }
            } else if (c == '(') {
                depth = 1;
            } else if (!Character.isWhitespace(c)) {
                return at;
            }
            at++;
        }
        return at;
    }

    /** A token as is, anything else as a quoted string. */
    static String value(String text) {
        return TOKEN.matcher(text).matches() ? text : quoted(text);
    }

    private static String quoted(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                quoted.append(c);
            } else if (c == '\t' || c == '\r' || c == '\n') {
                quoted.append(' ');
            } else {
                quoted.append('?');
            }
        }
        return quoted.append('"').toString();
    }

    private static String shortened(String reason) {
        String oneLine = reason.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= LONGEST_REASON ? oneLine : oneLine.substring(0, LONGEST_REASON - 3) + "...";
    }
}
