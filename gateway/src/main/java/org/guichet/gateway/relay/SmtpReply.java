package org.guichet.gateway.relay;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SMTP reply, possibly multi-line (RFC 5321 §4.2), with its RFC 3463 enhanced status
 * code when the server gave one.
 *
 * @param code     three-digit reply code
 * @param enhanced enhanced status code ({@code 5.1.1}), or empty when the server gave none
 * @param lines    text of each line, without code, separator or enhanced code
 */
public record SmtpReply(int code, String enhanced, List<String> lines) {

    // RFC 3463 §2: class.subject.detail, the class matching the first digit of the reply code.
    private static final Pattern ENHANCED = Pattern.compile("^([245])\\.(\\d{1,3})\\.(\\d{1,3})(?:\\s+|$)");

    public SmtpReply {
        lines = List.copyOf(lines);
        enhanced = enhanced == null ? "" : enhanced;
    }

    /** A reply Guichet writes itself for a failure that had no server reply (connection refused, DNS). */
    public static SmtpReply local(int code, String enhanced, String text) {
        return new SmtpReply(code, enhanced, List.of(text));
    }

    /** Builds a reply from raw lines ({@code 250-first}, {@code 250 last}). */
    static SmtpReply parse(int code, List<String> texts) {
        String enhanced = "";
        java.util.ArrayList<String> stripped = new java.util.ArrayList<>(texts.size());
        for (String text : texts) {
            Matcher matcher = ENHANCED.matcher(text);
            if (matcher.find() && matcher.group(1).charAt(0) - '0' == code / 100) {
                if (enhanced.isEmpty()) {
                    enhanced = matcher.group(1) + "." + matcher.group(2) + "." + matcher.group(3);
                }
                stripped.add(text.substring(matcher.end()));
            } else {
                stripped.add(text);
            }
        }
        return new SmtpReply(code, enhanced, stripped);
    }

    public boolean positive() {
        return code >= 200 && code < 400;
    }

    public boolean transientFailure() {
        return code >= 400 && code < 500;
    }

    public boolean permanentFailure() {
        return code >= 500;
    }

    /** The status for a DSN: the enhanced code, or the class of the reply code when none was given. */
    public String status() {
        if (!enhanced.isEmpty()) {
            return enhanced;
        }
        return (code / 100) + ".0.0";
    }

    /** One line, as logged and as put in a DSN Diagnostic-Code: {@code 550 5.1.1 no such user}. */
    public String oneLine() {
        StringBuilder text = new StringBuilder().append(code);
        if (!enhanced.isEmpty()) {
            text.append(' ').append(enhanced);
        }
        for (String line : lines) {
            if (!line.isBlank()) {
                text.append(' ').append(line.strip());
            }
        }
        // a server's text must not smuggle line breaks into our logs or DSN headers
        return text.toString().replaceAll("[\\r\\n\\t]+", " ");
    }

    @Override
    public String toString() {
        return oneLine();
    }
}
