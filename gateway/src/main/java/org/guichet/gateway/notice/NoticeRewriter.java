package org.guichet.gateway.notice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.ParseException;

import org.guichet.gateway.notice.NoticeRewrite.Outcome;
import org.guichet.gateway.notice.NoticeRewrite.PartNotice;

/**
 * Replaces the notices of every readable text part of a raw message, and nothing else.
 *
 * <p>Every part is visited (alternative, related, mixed, nested); a {@code text/plain} or
 * {@code text/html} part that is not an attachment is decoded with its transfer encoding and
 * charset, its notices replaced, and it is encoded again the same way: same charset unless the
 * replacement cannot be written in it (plain text then moves to UTF-8 and its Content-Type says
 * so; HTML uses numeric references instead), same transfer encoding ({@code 7bit} becomes
 * quoted-printable only if 8-bit text now appears, RFC 2045 §2.7), same {@code format=flowed}.
 * The new part is spliced into the raw bytes, so every other part and every other header stays
 * byte for byte. Signed or encrypted messages (RFC 8551 S/MIME, RFC 3156 and inline PGP) are left
 * whole: a changed body would break the signature.
 */
final class NoticeRewriter {

    private static final Pattern META_CHARSET = Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)",
            Pattern.CASE_INSENSITIVE);

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final PlainTextNotices plainText;
    private final HtmlNotices html;

    NoticeRewriter(NoticeRecogniser catalog, NoticeReplacement replacement) {
        this.plainText = new PlainTextNotices(catalog, replacement);
        this.html = new HtmlNotices(catalog, replacement);
    }

    NoticeRewrite rewrite(byte[] raw) {
        MimeEntity root;
        try {
            root = MimeEntity.parse(raw);
        } catch (MessagingException | RuntimeException e) {
            return NoticeRewrite.untouched(Outcome.UNREADABLE, List.of(), "MIME structure unreadable: " + e.getMessage());
        }
        for (MimeEntity entity : root.flatten()) {
            Optional<NoticeRewrite> sealed = sealed(entity);
            if (sealed.isPresent()) {
                return sealed.get();
            }
        }
        String lineBreak = lineBreak(raw);
        record Splice(int start, int end, byte[] bytes) {
        }
        List<Splice> splices = new ArrayList<>();
        List<PartNotice> notices = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (MimeEntity part : root.flatten()) {
            if (part.isMultipart() || !(part.is("text/plain") || part.is("text/html")) || part.isAttachment()) {
                continue;
            }
            PartChange change;
            try {
                change = rewritePart(raw, part, lineBreak);
            } catch (IOException | MessagingException | RuntimeException e) {
                skipped.add(part.path() + " " + part.describe() + ": " + e.getMessage());
                continue;
            }
            if (change.inlinePgp()) {
                return NoticeRewrite.untouched(Outcome.SIGNED, List.of(),
                        "part " + part.path() + " holds an inline PGP block; a changed body would break it");
            }
            if (change.skipped() != null) {
                skipped.add(part.path() + " " + part.describe() + ": " + change.skipped());
            } else if (change.bytes() != null) {
                splices.add(new Splice(change.from(), part.end(), change.bytes()));
                for (NoticeMatch match : change.notices()) {
                    notices.add(new PartNotice(part.path(), part.describe(), match.language(), match.entries()));
                }
            }
        }
        if (splices.isEmpty()) {
            return NoticeRewrite.untouched(Outcome.ABSENT, skipped, "no recognisable notice");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length + 256);
        int copied = 0;
        for (Splice splice : splices) {
            out.write(raw, copied, splice.start() - copied);
            out.writeBytes(splice.bytes());
            copied = splice.end();
        }
        out.write(raw, copied, raw.length - copied);
        return new NoticeRewrite(Outcome.REPLACED, Optional.of(out.toByteArray()), List.copyOf(notices), List.copyOf(skipped),
                notices.size() + " notice(s) replaced");
    }

    /**
     * What became of one text part.
     *
     * @param from      where the new bytes start: the body, or the header when a field changed
     * @param bytes     the new bytes up to the end of the part, or {@code null} when unchanged
     * @param notices   notices replaced
     * @param skipped   why the part was not read, or {@code null}
     * @param inlinePgp the part is PGP signed or encrypted inline
     */
    private record PartChange(int from, byte[] bytes, List<NoticeMatch> notices, String skipped, boolean inlinePgp) {

        static PartChange unchanged() {
            return new PartChange(0, null, List.of(), null, false);
        }

        static PartChange skip(String reason) {
            return new PartChange(0, null, List.of(), reason, false);
        }
    }

    private PartChange rewritePart(byte[] raw, MimeEntity part, String lineBreak) throws IOException, MessagingException {
        Optional<TransferEncoding> encoding = TransferEncoding.of(part.header("Content-Transfer-Encoding"));
        if (encoding.isEmpty()) {
            return PartChange.skip("unknown transfer encoding " + part.header("Content-Transfer-Encoding").orElse(""));
        }
        byte[] body = Arrays.copyOfRange(raw, part.bodyStart(), part.end());
        byte[] content = encoding.get().decode(body);
        ContentType type = part.type().orElseThrow();
        boolean isHtml = part.is("text/html");
        // A part without Content-Type gets "charset=us-ascii" by default (RFC 2045 §5.2); it declared nothing.
        String declared = part.header("Content-Type").isPresent() ? type.getParameter("charset") : null;
        String charsetName = declared != null ? declared : isHtml ? metaCharset(content) : null;
        Charset charset;
        String text;
        if (charsetName != null) {
            try {
                charset = Charset.forName(charsetName.strip());
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                return PartChange.skip("unknown charset " + charsetName);
            }
            text = decode(content, charset);
            if (text == null) {
                return PartChange.skip("bytes do not decode as " + charset.name());
            }
            if (!Arrays.equals(text.getBytes(charset), content)) {
                return PartChange.skip(charset.name() + " does not read back to the same bytes");
            }
        } else {
            // No charset declared: US-ASCII by RFC 2045 §5.2, but older applications write 8-bit UTF-8 or Windows-1252.
            charset = StandardCharsets.US_ASCII;
            text = decode(content, charset);
            if (text == null) {
                charset = StandardCharsets.UTF_8;
                text = decode(content, charset);
            }
            if (text == null) {
                charset = WINDOWS_1252;
                text = decode(content, charset);
            }
            if (text == null || !Arrays.equals(text.getBytes(charset), content)) {
                return PartChange.skip("8-bit text without a charset, neither UTF-8 nor Windows-1252");
            }
        }
        if (text.contains("-----BEGIN PGP SIGNED MESSAGE-----") || text.contains("-----BEGIN PGP MESSAGE-----")) {
            return new PartChange(0, null, List.of(), null, true);
        }
        Optional<TextRewrite> rewritten;
        if (isHtml) {
            rewritten = html.rewrite(text, charsetName != null ? charset : null);
        } else {
            boolean flowed = "flowed".equalsIgnoreCase(type.getParameter("format"));
            boolean delSp = "yes".equalsIgnoreCase(type.getParameter("delsp"));
            rewritten = plainText.rewrite(text, flowed, delSp);
        }
        if (rewritten.isEmpty()) {
            return PartChange.unchanged();
        }
        String newText = rewritten.get().text();
        Charset output = charset;
        String newCharset = null;
        if (!charset.newEncoder().canEncode(newText)) {
            output = StandardCharsets.UTF_8;
            newCharset = "UTF-8";
        } else if (declared == null && !isHtml && !isAscii(newText)) {
            newCharset = output.name();
        }
        byte[] newContent = newText.getBytes(output);
        TransferEncoding newEncoding = encoding.get();
        if (newEncoding == TransferEncoding.SEVEN_BIT && !isAscii(newContent)) {
            newEncoding = TransferEncoding.QUOTED_PRINTABLE;
        }
        byte[] newBody = newEncoding.encode(newContent, lineBreak, trailingLineBreaks(body));
        if (newCharset == null && newEncoding == encoding.get()) {
            return new PartChange(part.bodyStart(), newBody, rewritten.get().notices(), null, false);
        }
        byte[] header = Arrays.copyOfRange(raw, part.start(), part.bodyStart());
        if (newCharset != null) {
            header = PartHeader.with(header, "Content-Type", withCharset(type, newCharset), lineBreak);
        }
        if (newEncoding != encoding.get()) {
            header = PartHeader.with(header, "Content-Transfer-Encoding", newEncoding.token(), lineBreak);
        }
        if (part.start() == 0 && !PartHeader.has(header, "MIME-Version")) {
            header = PartHeader.with(header, "MIME-Version", "1.0", lineBreak);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(header.length + newBody.length);
        out.writeBytes(header);
        out.writeBytes(newBody);
        return new PartChange(part.start(), out.toByteArray(), rewritten.get().notices(), null, false);
    }

    private static Optional<NoticeRewrite> sealed(MimeEntity entity) {
        String where = entity.path().isEmpty() ? "the message" : "part " + entity.path();
        if (entity.is("multipart/signed")) {
            return Optional.of(NoticeRewrite.untouched(Outcome.SIGNED, List.of(),
                    where + " is multipart/signed; a changed body would break the signature"));
        }
        if (entity.is("multipart/encrypted")) {
            return Optional.of(NoticeRewrite.untouched(Outcome.ENCRYPTED, List.of(), where + " is multipart/encrypted"));
        }
        if (entity.is("application/pkcs7-mime") || entity.is("application/x-pkcs7-mime")) {
            String smimeType = entity.type().map(t -> t.getParameter("smime-type")).orElse("");
            boolean signed = smimeType != null && smimeType.toLowerCase(Locale.ROOT).startsWith("signed");
            return Optional.of(NoticeRewrite.untouched(signed ? Outcome.SIGNED : Outcome.ENCRYPTED, List.of(),
                    where + " is " + entity.describe() + (signed ? " signed-data; a changed body would break the signature" : " (S/MIME)")));
        }
        return Optional.empty();
    }

    private static String withCharset(ContentType type, String charset) throws ParseException {
        ContentType copy = new ContentType(type.toString());
        copy.setParameter("charset", charset);
        return copy.toString();
    }

    private static String metaCharset(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        return m.find() ? m.group(1) : null;
    }

    private static String decode(byte[] content, Charset charset) {
        try {
            CharBuffer chars = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c < 0x80);
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] trailingLineBreaks(byte[] body) {
        int k = body.length;
        while (k > 0 && (body[k - 1] == '\r' || body[k - 1] == '\n')) {
            k--;
        }
        return Arrays.copyOfRange(body, k, body.length);
    }

    private static String lineBreak(byte[] raw) {
        for (int k = 0; k < raw.length; k++) {
            if (raw[k] == '\n') {
                return k > 0 && raw[k - 1] == '\r' ? "\r\n" : "\n";
            }
        }
        return "\r\n";
    }
}
