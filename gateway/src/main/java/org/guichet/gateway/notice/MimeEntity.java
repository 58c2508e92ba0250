package org.guichet.gateway.notice;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;

/**
 * One MIME entity of a raw message, located by byte offsets, with its children if it is a
 * multipart.
 *
 * <p>Guichet reads the structure itself instead of through {@code MimeMessage}, so that a part can
 * be replaced by splicing bytes and every other byte of the message stays as it came: Jakarta
 * Mail's {@code saveChanges()} would rewrite headers and re-encode parts that were not touched.
 * Delimiters follow RFC 2046 §5.1.1: {@code --boundary} at the start of a line, optional white
 * space, and the line break before it belongs to the delimiter.
 *
 * @param path      IMAP-style part number ({@code 1}, {@code 1.2}); empty for a multipart message itself
 * @param start     offset of the first header byte
 * @param bodyStart offset of the first body byte
 * @param end       offset just after the last body byte
 * @param headers   the entity's header fields
 * @param type      its content type, empty when the header cannot be parsed
 * @param parts     its children, for a multipart
 */
record MimeEntity(String path, int start, int bodyStart, int end, InternetHeaders headers, Optional<ContentType> type,
                  List<MimeEntity> parts) {

    private static final int MAX_DEPTH = 32;

    static MimeEntity parse(byte[] raw) throws MessagingException {
        return parse(raw, 0, raw.length, "", false, 0);
    }

    private static MimeEntity parse(byte[] raw, int start, int end, String path, boolean inDigest, int depth) throws MessagingException {
        int bodyStart = bodyStart(raw, start, end);
        InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(raw, start, bodyStart - start));
        Optional<ContentType> type = contentType(headers, inDigest);
        List<MimeEntity> parts = new ArrayList<>();
        boolean multipart = type.map(t -> t.match("multipart/*")).orElse(false);
        String ownPath = path.isEmpty() && !multipart ? "1" : path;
        String boundary = type.map(t -> t.getParameter("boundary")).orElse(null);
        if (multipart && boundary != null && !boundary.isEmpty() && depth < MAX_DEPTH) {
            boolean digest = type.get().match("multipart/digest");
            int number = 1;
            for (int[] range : partRanges(raw, bodyStart, end, boundary.getBytes(StandardCharsets.ISO_8859_1))) {
                String childPath = ownPath.isEmpty() ? String.valueOf(number) : ownPath + "." + number;
                parts.add(parse(raw, range[0], range[1], childPath, digest, depth + 1));
                number++;
            }
        }
        return new MimeEntity(ownPath, start, bodyStart, end, headers, type, List.copyOf(parts));
    }

    boolean isMultipart() {
        return type.map(t -> t.match("multipart/*")).orElse(false);
    }

    boolean is(String mimeType) {
        return type.map(t -> t.match(mimeType)).orElse(false);
    }

    Optional<String> header(String name) {
        String value = headers.getHeader(name, null);
        return value == null ? Optional.empty() : Optional.of(MimeUtility.unfold(value).strip());
    }

    /** An attachment: {@code Content-Disposition: attachment}, or a part that carries a file name. */
    boolean isAttachment() {
        Optional<String> disposition = header("Content-Disposition");
        if (disposition.isPresent()) {
            try {
                ContentDisposition parsed = new ContentDisposition(disposition.get());
                if ("attachment".equalsIgnoreCase(parsed.getDisposition()) || parsed.getParameter("filename") != null) {
                    return true;
                }
            } catch (ParseException e) {
                // An unreadable disposition is treated as an attachment: never touch what we cannot read.
                return true;
            }
        }
        return type.map(t -> t.getParameter("name") != null).orElse(false);
    }

    /** Every entity of the tree, depth first. */
    List<MimeEntity> flatten() {
        List<MimeEntity> all = new ArrayList<>();
        all.add(this);
        for (MimeEntity part : parts) {
            all.addAll(part.flatten());
        }
        return all;
    }

    private static Optional<ContentType> contentType(InternetHeaders headers, boolean inDigest) {
        String value = headers.getHeader("Content-Type", null);
        try {
            if (value == null || value.isBlank()) {
                // RFC 2045 §5.2 and RFC 2046 §5.1.5: the defaults when no Content-Type is given.
                return Optional.of(new ContentType(inDigest ? "message/rfc822" : "text/plain; charset=us-ascii"));
            }
            return Optional.of(new ContentType(MimeUtility.unfold(value).strip()));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    private static int bodyStart(byte[] raw, int start, int end) {
        int position = start;
        while (position < end) {
            int lineEnd = position;
            while (lineEnd < end && raw[lineEnd] != '\n') {
                lineEnd++;
            }
            boolean empty = lineEnd == position || (lineEnd == position + 1 && raw[position] == '\r');
            int next = Math.min(lineEnd + 1, end);
            if (empty) {
                return next;
            }
            position = next;
        }
        return end;
    }

    private static List<int[]> partRanges(byte[] raw, int bodyStart, int end, byte[] boundary) {
        List<int[]> ranges = new ArrayList<>();
        int partStart = -1;
        int lineStart = bodyStart;
        while (lineStart < end) {
            int lineEnd = lineStart;
            while (lineEnd < end && raw[lineEnd] != '\n') {
                lineEnd++;
            }
            int delimiter = delimiter(raw, lineStart, lineEnd, boundary);
            if (delimiter != 0) {
                if (partStart >= 0) {
                    int partEnd = lineStart;
                    if (partEnd > partStart && raw[partEnd - 1] == '\n') {
                        partEnd--;
                        if (partEnd > partStart && raw[partEnd - 1] == '\r') {
                            partEnd--;
                        }
                    }
                    ranges.add(new int[] {partStart, partEnd});
                }
                if (delimiter == 2) {
                    return ranges;
                }
                partStart = Math.min(lineEnd + 1, end);
            }
            lineStart = lineEnd + 1;
        }
        if (partStart >= 0 && partStart < end) {
            ranges.add(new int[] {partStart, end});
        }
        return ranges;
    }

    /** 0 if the line is no delimiter, 1 for a delimiter, 2 for the close delimiter. */
    private static int delimiter(byte[] raw, int lineStart, int lineEnd, byte[] boundary) {
        int length = lineEnd - lineStart;
        if (length < boundary.length + 2 || raw[lineStart] != '-' || raw[lineStart + 1] != '-') {
            return 0;
        }
        for (int k = 0; k < boundary.length; k++) {
            if (raw[lineStart + 2 + k] != boundary[k]) {
                return 0;
            }
        }
        int k = lineStart + 2 + boundary.length;
        int kind = 1;
        if (k + 1 < lineEnd && raw[k] == '-' && raw[k + 1] == '-') {
            kind = 2;
            k += 2;
        }
        for (; k < lineEnd; k++) {
            if (raw[k] != ' ' && raw[k] != '\t' && raw[k] != '\r') {
                return 0;
            }
        }
        return kind;
    }

    String describe() {
        return type.map(t -> t.getBaseType().toLowerCase(Locale.ROOT)).orElse("unreadable");
    }
}
