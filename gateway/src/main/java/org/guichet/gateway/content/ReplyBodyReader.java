package org.guichet.gateway.content;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the text of a citizen's message in its raw MIME form: text/plain preferred, else
 * text/html rendered as text; transfer encodings and charsets decoded; attachments skipped.
 * Never throws: a message that does not parse as MIME is read as raw text.
 */
public final class ReplyBodyReader {

    private static final int MAX_DEPTH = 20;
    /** RFC 5322 §3.6.8: a field name is printable ASCII except the colon. */
    private static final Pattern FIRST_HEADER = Pattern.compile("^[!-9;-~]+:");
    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([^\";\\s]+)");

    private final Session session = Session.getInstance(new Properties());
    private final HtmlText htmlText;

    public ReplyBodyReader(HtmlText htmlText) {
        this.htmlText = htmlText;
    }

    public ReplyBody read(byte[] raw) {
        if (raw == null || raw.length == 0) {
            return ReplyBody.plain("");
        }
        byte[] message = withoutMboxLine(raw);
        if (!FIRST_HEADER.matcher(firstLine(message)).find()) {
            return ReplyBody.plain(DeclaredCharset.guess(message));
        }
        try {
            Candidates found = new Candidates();
            collect(new MimeMessage(session, new ByteArrayInputStream(message)), found, 0);
            if (found.plain != null && !found.plain.isBlank()) {
                return new ReplyBody(found.plain, Optional.ofNullable(found.html), false);
            }
            if (found.html != null) {
                return new ReplyBody(htmlText.render(found.html), Optional.of(found.html), true);
            }
            return ReplyBody.plain(found.plain == null ? "" : found.plain);
        } catch (Exception | StackOverflowError unreadable) {
            return ReplyBody.plain(DeclaredCharset.guess(body(message)));
        }
    }

    private static final class Candidates {
        String plain;
        String html;
    }

    private void collect(Part part, Candidates found, int depth) throws Exception {
        if (depth > MAX_DEPTH || attachment(part)) {
            return;
        }
        String contentType = headerOrEmpty(part, "Content-Type");
        String type = MediaType.of(contentType);
        if (type.startsWith("multipart/")) {
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    try {
                        collect(child, found, depth + 1);
                    } catch (Exception unreadablePart) {
                        // One broken part must not hide the others.
                    }
                }
            }
            return;
        }
        if (type.equals("text/plain") && found.plain == null) {
            String text = DeclaredCharset.decode(decodedBytes(part), charset(contentType));
            found.plain = flowed(contentType) ? FlowedText.unflow(text, delSp(contentType)) : text;
        } else if (type.equals("text/html") && found.html == null) {
            found.html = DeclaredCharset.decode(decodedBytes(part), charset(contentType));
        }
    }

    private static boolean attachment(Part part) {
        try {
            String disposition = part.getDisposition();
            return Part.ATTACHMENT.equalsIgnoreCase(disposition) || part.getFileName() != null;
        } catch (Exception unreadableDisposition) {
            return false;
        }
    }

    /** The body with its transfer encoding undone; undecodable content is returned as sent. */
    private static byte[] decodedBytes(Part part) throws Exception {
        if (!(part instanceof MimePart mime)) {
            return readAll(part.getInputStream());
        }
        byte[] raw = readAll(mime instanceof MimeMessage message
                ? message.getRawInputStream() : ((MimeBodyPart) mime).getRawInputStream());
        String encoding = headerOrEmpty(part, "Content-Transfer-Encoding").strip().toLowerCase(Locale.ROOT);
        return switch (encoding) {
            case "base64" -> lenientBase64(raw);
            case "quoted-printable" -> {
                try {
                    yield readAll(MimeUtility.decode(new ByteArrayInputStream(raw), "quoted-printable"));
                } catch (Exception badEscape) {
                    yield raw;
                }
            }
            default -> raw;
        };
    }

    /** Base64 with line noise and a truncated tail, as broken senders produce it (RFC 2045 §6.8). */
    static byte[] lenientBase64(byte[] raw) {
        StringBuilder alphabet = new StringBuilder(raw.length);
        for (byte b : raw) {
            char c = (char) (b & 0xFF);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/') {
                alphabet.append(c);
            }
        }
        int usable = alphabet.length() - alphabet.length() % 4;
        if (alphabet.length() % 4 >= 2) {
            // A final group of two or three characters still carries one or two bytes.
            usable = alphabet.length();
        }
        try {
            return Base64.getDecoder().decode(pad(alphabet.substring(0, usable)));
        } catch (IllegalArgumentException stillBroken) {
            return raw;
        }
    }

    private static String pad(String base64) {
        return base64 + "=".repeat((4 - base64.length() % 4) % 4);
    }

    private static String headerOrEmpty(Part part, String name) {
        try {
            String[] values = part.getHeader(name);
            return values == null || values.length == 0 ? "" : values[0];
        } catch (Exception unreadable) {
            return "";
        }
    }

    private static String charset(String contentType) {
        Matcher m = CHARSET.matcher(contentType);
        return m.find() ? m.group(1) : null;
    }

    private static boolean flowed(String contentType) {
        return parameter(contentType, "format").equalsIgnoreCase("flowed");
    }

    private static boolean delSp(String contentType) {
        return parameter(contentType, "delsp").equalsIgnoreCase("yes");
    }

    private static String parameter(String contentType, String name) {
        Matcher m = Pattern.compile("(?i)\\b" + name + "\\s*=\\s*\"?([^\";\\s]+)").matcher(contentType);
        return m.find() ? m.group(1) : "";
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    private static String firstLine(byte[] raw) {
        int end = 0;
        while (end < raw.length && end < 1000 && raw[end] != '\n' && raw[end] != '\r') {
            end++;
        }
        return new String(raw, 0, end, StandardCharsets.ISO_8859_1);
    }

    /** An mbox "From " line before the headers is not part of the message (RFC 4155). */
    private static byte[] withoutMboxLine(byte[] raw) {
        if (!firstLine(raw).startsWith("From ")) {
            return raw;
        }
        int start = firstLine(raw).length();
        while (start < raw.length && (raw[start] == '\r' || raw[start] == '\n')) {
            start++;
            if (raw[start - 1] == '\n') {
                break;
            }
        }
        byte[] rest = new byte[raw.length - start];
        System.arraycopy(raw, start, rest, 0, rest.length);
        return rest;
    }

    /** What follows the first empty line (RFC 5322 §2.1), or everything when there is none. */
    private static byte[] body(byte[] raw) {
        for (int i = 0; i < raw.length - 1; i++) {
            if (raw[i] == '\n' && (raw[i + 1] == '\n' || raw[i + 1] == '\r' && i + 2 < raw.length && raw[i + 2] == '\n')) {
                int start = raw[i + 1] == '\n' ? i + 2 : i + 3;
                byte[] rest = new byte[raw.length - start];
                System.arraycopy(raw, start, rest, 0, rest.length);
                return rest;
            }
        }
        return raw;
    }
}
