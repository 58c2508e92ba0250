package org.guichet.gateway.inbound;

import java.io.ByteArrayInputStream;
import java.io.UnsupportedEncodingException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;

/**
 * Tells automatic mail (autoresponders, delivery reports, mailing lists) from what a person
 * wrote, from the envelope sender and the headers alone. The signs, looked for in this order:
 * <ol>
 * <li>the null sender {@code <>}, used only for reports (RFC 5321 §4.5.5, RFC 3464);</li>
 * <li>{@code Content-Type: multipart/report} (RFC 6522): a delivery status (RFC 3464) or
 *     disposition notification (RFC 8098), whoever the sender;</li>
 * <li>{@code Auto-Submitted} with any value but {@code no} (RFC 3834 §5);</li>
 * <li>{@code X-Autoreply}, {@code X-Autorespond}, and {@code X-Auto-Response-Suppress} naming a
 *     kind of automatic mail, which autoresponders and Exchange set;</li>
 * <li>{@code Precedence: bulk}, {@code junk} or {@code list} (RFC 3834 §3.1.8);</li>
 * <li>a subject that starts as an autoresponder's does ({@link OutOfOfficeSubjects}).</li>
 * </ol>
 * Pure: nothing is changed, nothing is looked up.
 */
public final class AutomaticMail {

    private static final Set<String> PRECEDENCE = Set.of("bulk", "junk", "list");
    private static final Set<String> NEGATIVE = Set.of("no", "false", "0", "none", "");
    // Exchange's values (MS-OXCMAIL 2.2.3.2.14); "None" asks nothing and is a person's mail.
    private static final Set<String> SUPPRESSED = Set.of("all", "dr", "ndr", "rn", "nrn", "oof", "autoreply");
    private static final Pattern COMMENT = Pattern.compile("\\([^()]*\\)");
    private static final Pattern FOLD = Pattern.compile("\\r?\\n[ \\t]*");

    private AutomaticMail() {
    }

    /**
     * Classifies a raw message. A message too broken to read its headers is classified from its
     * envelope alone.
     *
     * @param envelopeSender MAIL FROM address, empty (or null) for the null sender
     */
    public static Classification classify(byte[] raw, String envelopeSender) {
        try {
            return classify(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)),
                    envelopeSender);
        } catch (MessagingException e) {
            return fromEnvelope(envelopeSender);
        }
    }

    /**
     * Classifies a message.
     *
     * @param envelopeSender MAIL FROM address, empty (or null) for the null sender
     */
    public static Classification classify(MimeMessage message, String envelopeSender) {
        Classification byEnvelope = fromEnvelope(envelopeSender);
        if (byEnvelope.automatic()) {
            return byEnvelope;
        }
        String contentType = header(message, "Content-Type");
        if (contentType != null) {
            try {
                ContentType type = new ContentType(contentType);
                if (type.match("multipart/report")) {
                    String reportType = type.getParameter("report-type");
                    return Classification.automatic(Classification.Reason.DSN_REPORT,
                            "Content-Type: multipart/report; report-type=" + (reportType == null ? "" : reportType));
                }
            } catch (ParseException e) {
                // an unreadable Content-Type says nothing either way
            }
        }
        String autoSubmitted = header(message, "Auto-Submitted");
        if (autoSubmitted != null && !Set.of("no", "").contains(keyword(autoSubmitted))) {
            return Classification.automatic(Classification.Reason.AUTO_SUBMITTED, "Auto-Submitted: " + autoSubmitted);
        }
        String autoreply = header(message, "X-Autoreply");
        if (autoreply != null && !NEGATIVE.contains(keyword(autoreply))) {
            return Classification.automatic(Classification.Reason.X_AUTOREPLY, "X-Autoreply: " + autoreply);
        }
        String autorespond = header(message, "X-Autorespond");
        if (autorespond != null && !NEGATIVE.contains(keyword(autorespond))) {
            return Classification.automatic(Classification.Reason.X_AUTORESPOND, "X-Autorespond: " + autorespond);
        }
        String suppress = header(message, "X-Auto-Response-Suppress");
        if (suppress != null && suppressesAutomaticMail(suppress)) {
            return Classification.automatic(Classification.Reason.X_AUTO_RESPONSE_SUPPRESS,
                    "X-Auto-Response-Suppress: " + suppress);
        }
        String precedence = header(message, "Precedence");
        if (precedence != null && PRECEDENCE.contains(keyword(precedence))) {
            return Classification.automatic(Classification.Reason.PRECEDENCE, "Precedence: " + precedence);
        }
        String subject = subject(message);
        if (OutOfOfficeSubjects.matches(subject)) {
            return Classification.automatic(Classification.Reason.OUT_OF_OFFICE_SUBJECT, "Subject: " + subject);
        }
        return Classification.NOT_AUTOMATIC;
    }

    private static Classification fromEnvelope(String envelopeSender) {
        if (envelopeSender == null || envelopeSender.isEmpty()) {
            return Classification.automatic(Classification.Reason.NULL_SENDER_DSN, "MAIL FROM:<>");
        }
        return Classification.NOT_AUTOMATIC;
    }

    private static boolean suppressesAutomaticMail(String value) {
        for (String item : COMMENT.matcher(value).replaceAll("").split(",")) {
            if (SUPPRESSED.contains(item.strip().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** The first header of that name, unfolded and trimmed, or null when there is none. */
    private static String header(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            if (values == null || values.length == 0 || values[0] == null) {
                return null;
            }
            return FOLD.matcher(values[0]).replaceAll(" ").strip();
        } catch (MessagingException e) {
            return null;
        }
    }

    /** The keyword of a structured value: comments dropped, parameters after ';' cut, lower case. */
    private static String keyword(String value) {
        String text = COMMENT.matcher(value).replaceAll("");
        int semicolon = text.indexOf(';');
        if (semicolon >= 0) {
            text = text.substring(0, semicolon);
        }
        return text.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The decoded subject. A raw UTF-8 subject (SMTPUTF8, RFC 6532) reaches Jakarta Mail as
     * ISO-8859-1 text unless its session allows UTF-8; it is read back as UTF-8 when it is valid
     * UTF-8, then encoded words (RFC 2047) are decoded.
     */
    private static String subject(MimeMessage message) {
        String raw = header(message, "Subject");
        if (raw == null) {
            return null;
        }
        String text = asUtf8(raw);
        try {
            return MimeUtility.decodeText(text);
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return text;
        }
    }

    private static String asUtf8(String text) {
        if (text.chars().allMatch(c -> c < 0x80) || text.chars().anyMatch(c -> c > 0xff)) {
            return text;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (CharacterCodingException e) {
            return text;
        }
    }
}
