package org.guichet.gateway.attachment;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.guichet.gateway.content.MediaType;

/**
 * The files of a raw MIME message, in MIME order: every part with
 * {@code Content-Disposition: attachment} or a file name (RFC 2183 §2.3, RFC 2045 §5.1
 * {@code name}), every {@code message/rfc822} part below the top (a forwarded message, kept
 * whole), and the parts the message's HTML shows through {@code cid:} URLs (RFC 2392), which
 * are what the citizen pasted into the text. Transfer encodings are undone, leniently.
 *
 * <p>Never throws: a part that cannot be parsed is skipped, the others are still read, and a
 * message that does not parse at all yields what was read before the failure.
 */
final class AttachedFiles {

    private static final int MAX_DEPTH = 20;
    private static final Pattern CID = Pattern.compile("(?i)cid:([^\"'\\s)>]+)");
    private static final Pattern TYPE = Pattern.compile("^\\s*([^;\\s]+)");
    private static final Session SESSION = Session.getInstance(new Properties());

    private AttachedFiles() {
    }

    static List<AttachedFile> read(byte[] raw) {
        Walk walk = new Walk();
        if (raw == null || raw.length == 0) {
            return List.of();
        }
        try {
            walk.part(new MimeMessage(SESSION, new ByteArrayInputStream(raw)), 0);
        } catch (Exception | StackOverflowError unreadable) {
            // What was read before the failure is kept; the raw message stays in the spool as evidence.
        }
        List<AttachedFile> files = new ArrayList<>();
        for (Found found : walk.found) {
            boolean referenced = found.contentId != null && walk.referenced.contains(found.contentId.toLowerCase(Locale.ROOT));
            if (found.file || referenced) {
                files.add(new AttachedFile(found.name, found.type, referenced, found.contentId, found.message,
                        found.bytes, found.readable));
            }
        }
        return files;
    }

    /** A leaf part that is, or may be, a file; cid: parts are decided once the HTML is read. */
    private record Found(String name, String type, String contentId, boolean message, boolean file, byte[] bytes,
            boolean readable) {
    }

    private static final class Walk {

        final List<Found> found = new ArrayList<>();
        final Set<String> referenced = new HashSet<>();

        void part(Part part, int depth) throws Exception {
            if (depth > MAX_DEPTH) {
                return;
            }
            String contentType = header(part, "Content-Type");
            String type = MediaType.of(contentType);
            String disposition = header(part, "Content-Disposition");
            String name = fileName(disposition, contentType);
            boolean attachment = dispositionType(disposition).equals("attachment");
            if (type.startsWith("multipart/")) {
                if (part.getContent() instanceof Multipart multipart) {
                    for (int i = 0; i < multipart.getCount(); i++) {
                        BodyPart child = multipart.getBodyPart(i);
                        try {
                            part(child, depth + 1);
                        } catch (Exception | StackOverflowError brokenPart) {
                            // One broken part must not hide the others.
                        }
                    }
                }
                return;
            }
            boolean message = type.equals("message/rfc822") && depth > 0;
            String contentId = contentId(header(part, "Content-ID"));
            boolean body = !attachment && name == null && !message;
            if (body && type.equals("text/html")) {
                Matcher cid = CID.matcher(new String(decoded(part).bytes(), StandardCharsets.ISO_8859_1));
                while (cid.find()) {
                    referenced.add(cidValue(cid.group(1)));
                }
                return;
            }
            // The message is itself a file when its only part is not text (a scanner's mail, say).
            boolean whole = depth == 0 && !type.startsWith("text/") && !type.startsWith("message/");
            if (body && contentId == null && !whole) {
                return;
            }
            Decoded bytes = decoded(part);
            found.add(new Found(name, type, contentId, message, !body || whole, bytes.bytes(), bytes.readable()));
        }
    }

    /** RFC 2392 §2: a cid URL is the Content-ID, %-escaped; compared without regard to case. */
    private static String cidValue(String url) {
        String id;
        try {
            id = URLDecoder.decode(url.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            id = url;
        }
        return id.toLowerCase(Locale.ROOT);
    }

    private record Decoded(byte[] bytes, boolean readable) {
    }

    /** The body with its transfer encoding undone; what cannot be undone is returned as sent, marked. */
    private static Decoded decoded(Part part) throws Exception {
        byte[] raw;
        if (part instanceof MimeMessage message) {
            raw = readAll(message.getRawInputStream());
        } else if (part instanceof MimeBodyPart body) {
            raw = readAll(body.getRawInputStream());
        } else {
            return new Decoded(readAll(part.getInputStream()), true);
        }
        String encoding = header(part, "Content-Transfer-Encoding").strip().toLowerCase(Locale.ROOT);
        return switch (encoding) {
            case "base64" -> base64(raw);
            case "quoted-printable" -> {
                try {
                    yield new Decoded(readAll(MimeUtility.decode(new ByteArrayInputStream(raw), "quoted-printable")),
                            true);
                } catch (Exception badEscape) {
                    yield new Decoded(raw, false);
                }
            }
            case "x-uuencode", "uuencode", "x-uue" -> {
                try {
                    yield new Decoded(readAll(MimeUtility.decode(new ByteArrayInputStream(raw), "uuencode")), true);
                } catch (Exception badLine) {
                    yield new Decoded(raw, false);
                }
            }
            default -> new Decoded(raw, true);
        };
    }

    /** Base64 with line noise and a truncated tail, as broken senders write it (RFC 2045 §6.8). */
    private static Decoded base64(byte[] raw) {
        StringBuilder alphabet = new StringBuilder(raw.length);
        for (byte b : raw) {
            char c = (char) (b & 0xFF);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/') {
                alphabet.append(c);
            }
        }
        // A last group of one character carries no byte; of two or three, one or two bytes.
        int usable = alphabet.length() % 4 == 1 ? alphabet.length() - 1 : alphabet.length();
        String text = alphabet.substring(0, usable);
        try {
            return new Decoded(Base64.getDecoder().decode(text + "=".repeat((4 - text.length() % 4) % 4)), true);
        } catch (IllegalArgumentException stillBroken) {
            return new Decoded(raw, false);
        }
    }

    /** Content-Disposition {@code filename}, then Content-Type {@code name}; null when neither is given. */
    static String fileName(String disposition, String contentType) {
        String name = parameter(disposition, "filename", true);
        if (name == null || name.isBlank()) {
            name = parameter(contentType, "name", false);
        }
        return name == null || name.isBlank() ? null : name;
    }

    /**
     * A parameter, RFC 2231 continuations and charsets included (jakarta.mail's ParameterList);
     * for a header it refuses (unquoted spaces, stray semicolons), a lenient reading.
     */
    private static String parameter(String header, String name, boolean disposition) {
        if (header.isBlank()) {
            return null;
        }
        try {
            String value = disposition ? new ContentDisposition(header).getParameter(name)
                    : new ContentType(header).getParameter(name);
            if (value != null) {
                return value;
            }
        } catch (Exception lenient) {
            // fall through to the lenient reading
        }
        return lenientParameter(header, name);
    }

    private static String lenientParameter(String header, String name) {
        String unfolded = header.replaceAll("\r?\n[ \t]*", " ");
        Matcher extended = Pattern.compile("(?i)(?:^|;)\\s*" + name + "\\*(?:0\\*)?\\s*=\\s*\"?([^'\";]*)'[^']*'([^\";]*)")
                .matcher(unfolded);
        if (extended.find()) {
            return percentDecoded(extended.group(2).strip(), extended.group(1).strip());
        }
        Matcher quoted = Pattern.compile("(?i)(?:^|;)\\s*" + name + "\\s*=\\s*\"([^\"]*)\"").matcher(unfolded);
        if (quoted.find()) {
            return quoted.group(1);
        }
        Matcher token = Pattern.compile("(?i)(?:^|;)\\s*" + name + "\\s*=\\s*([^;]+)").matcher(unfolded);
        // An unterminated quote is dropped: name="avis.pdf means avis.pdf.
        return token.find() ? token.group(1).strip().replaceAll("^\"|\"$", "") : null;
    }

    /** RFC 2231 §4 value: %XX octets in the named charset (UTF-8 when unknown). */
    private static String percentDecoded(String value, String charsetName) {
        Charset charset;
        try {
            charset = charsetName.isEmpty() ? StandardCharsets.UTF_8 : Charset.forName(charsetName);
        } catch (Exception unknown) {
            charset = StandardCharsets.UTF_8;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length() && Character.digit(value.charAt(i + 1), 16) >= 0
                    && Character.digit(value.charAt(i + 2), 16) >= 0) {
                out.write(Character.digit(value.charAt(i + 1), 16) * 16 + Character.digit(value.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(charset);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toString(charset);
    }

    private static String dispositionType(String disposition) {
        Matcher m = TYPE.matcher(disposition);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT).replace(";", "") : "";
    }

    private static String contentId(String header) {
        String id = header.strip();
        if (id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1).strip();
        }
        return id.isEmpty() ? null : id;
    }

    private static String header(Part part, String name) {
        try {
            String[] values = part.getHeader(name);
            if (values == null || values.length == 0 || values[0] == null) {
                return "";
            }
            return MimeUtility.unfold(values[0]);
        } catch (Exception unreadable) {
            return "";
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }
}
