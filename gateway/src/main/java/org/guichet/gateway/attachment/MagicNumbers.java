package org.guichet.gateway.attachment;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The type of a file from its first bytes, never from its name or declared type: a file named
 * {@code facture.pdf} that starts with {@code MZ} is a Windows executable. Signatures from the
 * formats' own specifications (PDF ISO 32000 §7.5.2, PNG RFC 2083, JFIF, GIF89a, TIFF 6.0,
 * ISO/IEC 23008-12 HEIF brands, APPNOTE.TXT ZIP, OOXML ECMA-376 part 2, OpenDocument 1.3,
 * PE/COFF, ELF, Mach-O). Text is what decodes as UTF-8 (or UTF-16 with a byte-order mark)
 * without control characters; HTML and SVG are told apart from plain text, and marked active
 * when they carry scripts.
 */
final class MagicNumbers {

    static final String PDF = "application/pdf";
    static final String TEXT = "text/plain";
    static final String HTML = "text/html";
    static final String SVG = "image/svg+xml";
    static final String MESSAGE = "message/rfc822";
    static final String ZIP = "application/zip";
    static final String OLE = "application/x-ole-storage";

    private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "mif1",
            "msf1", "heif");
    /** RFC 5322 §3.6.8: a header field name, then a colon. */
    private static final Pattern HEADER_LINE = Pattern.compile("^[!-9;-~]+:");
    private static final Pattern SCRIPT = Pattern.compile(
            "<script|javascript:|vbscript:|<iframe|<object|<embed|\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final int TEXT_SAMPLE = 64 * 1024;

    private MagicNumbers() {
    }

    /**
     * @param messagePart the MIME part is {@code message/rfc822}: a forwarded message is
     *                    recognised by its header lines, which nothing else has first
     */
    static Detection detect(byte[] b, boolean messagePart) {
        if (startsWith(b, 0, "MZ") && decodedText(b) == null) {
            return Detection.active("application/x-msdownload", "Windows executable");
        }
        if (startsWith(b, 0, 0x7F, 'E', 'L', 'F')) {
            return Detection.active("application/x-executable", "ELF executable");
        }
        if (startsWith(b, 0, 0xFE, 0xED, 0xFA) && b.length > 3 && ((b[3] & 0xFF) == 0xCE || (b[3] & 0xFF) == 0xCF)
                || startsWith(b, 1, 0xFA, 0xED, 0xFE) && ((b[0] & 0xFF) == 0xCE || (b[0] & 0xFF) == 0xCF)
                || startsWith(b, 0, 0xCA, 0xFE, 0xBA, 0xBE)) {
            return Detection.active("application/x-mach-binary", "Mach-O executable or Java class");
        }
        if (startsWith(b, 0, 0x4C, 0x00, 0x00, 0x00, 0x01, 0x14, 0x02, 0x00)) {
            return Detection.active("application/x-ms-shortcut", "Windows shortcut");
        }
        if (startsWith(b, 0, "#!")) {
            return Detection.active("application/x-sh", "script (#!)");
        }
        if (indexOf(b, "%PDF-", 1024) >= 0) {
            return Detection.of(PDF);
        }
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Detection.of("image/png");
        }
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return Detection.of("image/jpeg");
        }
        if (startsWith(b, 0, "GIF87a") || startsWith(b, 0, "GIF89a")) {
            return Detection.of("image/gif");
        }
        if (startsWith(b, 0, 'I', 'I', '*', 0) || startsWith(b, 0, 'M', 'M', 0, '*')) {
            return Detection.of("image/tiff");
        }
        if (startsWith(b, 0, "RIFF") && startsWith(b, 8, "WEBP")) {
            return Detection.of("image/webp");
        }
        if (startsWith(b, 4, "ftyp") && b.length >= 12) {
            String brand = new String(b, 8, 4, StandardCharsets.ISO_8859_1);
            return Detection.of(HEIF_BRANDS.contains(brand) ? "image/heic" : "video/mp4");
        }
        if (ZipDirectory.isZip(b)) {
            return zip(b);
        }
        if (startsWith(b, 0, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            // Word 97-2003 and Excel files keep their macros in a _VBA_PROJECT stream (names are UTF-16LE).
            return indexOf(b, utf16("_VBA_PROJECT"), b.length) >= 0
                    ? Detection.active(OLE, "Office macros") : Detection.of(OLE);
        }
        if (startsWith(b, 0, "Rar!")) {
            return Detection.of("application/vnd.rar");
        }
        if (startsWith(b, 0, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) {
            return Detection.of("application/x-7z-compressed");
        }
        if (startsWith(b, 0, 0x1F, 0x8B)) {
            return Detection.of("application/gzip");
        }
        if (startsWith(b, 0, "{\\rtf")) {
            return Detection.of("application/rtf");
        }
        return text(b, messagePart);
    }

    private static Detection zip(byte[] b) {
        String odf = ZipDirectory.odfMimetype(b);
        List<String> names = ZipDirectory.names(b);
        String type = ZIP;
        if (odf.startsWith("application/vnd.oasis.opendocument.")) {
            type = odf.toLowerCase(Locale.ROOT);
        } else if (names.contains("[Content_Types].xml")) {
            type = names.stream().anyMatch(n -> n.startsWith("word/"))
                    ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                    : names.stream().anyMatch(n -> n.startsWith("xl/"))
                    ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    : names.stream().anyMatch(n -> n.startsWith("ppt/"))
                    ? "application/vnd.openxmlformats-officedocument.presentationml.presentation"
                    : ZIP;
        } else if (names.contains("META-INF/MANIFEST.MF") && names.stream().anyMatch(n -> n.endsWith(".class"))) {
            return Detection.active("application/java-archive", "Java archive");
        } else if (names.contains("AndroidManifest.xml") && names.contains("classes.dex")) {
            return Detection.active("application/vnd.android.package-archive", "Android package");
        }
        for (String name : names) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith("vbaproject.bin") || lower.startsWith("basic/") || lower.startsWith("scripts/")) {
                return Detection.active(type, "Office macros");
            }
            String leaf = lower.substring(lower.lastIndexOf('/') + 1);
            if (ExecutableNames.refused(FileName.extension(leaf))) {
                return Detection.active(type, "executable inside the archive (" + leaf + ")");
            }
        }
        return Detection.of(type);
    }

    private static Detection text(byte[] b, boolean messagePart) {
        String text = decodedText(b);
        if (text == null) {
            return Detection.of(Detection.UNKNOWN);
        }
        String start = text.stripLeading().toLowerCase(Locale.ROOT);
        if (messagePart && HEADER_LINE.matcher(text.stripLeading()).find()) {
            return Detection.of(MESSAGE);
        }
        String head = start.length() > 1024 ? start.substring(0, 1024) : start;
        String markup = null;
        if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<head")
                || head.startsWith("<body") || head.startsWith("<script") || head.startsWith("<iframe")
                || head.contains("<html")) {
            markup = HTML;
        } else if (head.startsWith("<svg") || head.startsWith("<?xml") && head.contains("<svg")) {
            markup = SVG;
        }
        if (markup != null) {
            return SCRIPT.matcher(text).find() ? Detection.active(markup, "script in " + markup) : Detection.of(markup);
        }
        return Detection.of(TEXT);
    }

    /** The text of the sample when it is text (UTF-8, or UTF-16 with a byte-order mark), else null. */
    private static String decodedText(byte[] b) {
        int length = Math.min(b.length, TEXT_SAMPLE);
        String text;
        if (startsWith(b, 0, 0xFF, 0xFE)) {
            text = new String(b, 2, even(length - 2), StandardCharsets.UTF_16LE);
        } else if (startsWith(b, 0, 0xFE, 0xFF)) {
            text = new String(b, 2, even(length - 2), StandardCharsets.UTF_16BE);
        } else {
            // A sample may cut a UTF-8 sequence: up to 3 trailing bytes are not judged.
            int judged = length == b.length ? length : Math.max(0, length - 3);
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(b, 0, judged)).toString();
            } catch (CharacterCodingException notUtf8) {
                text = latin1Text(b, length);
                if (text == null) {
                    return null;
                }
            }
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7F) {
                return null;
            }
        }
        return text;
    }

    /** ISO-8859-1 and Windows-1252 text (older mail clients): printable bytes, no C1 controls but 0x80-0x9F of cp1252. */
    private static String latin1Text(byte[] b, int length) {
        for (int i = 0; i < length; i++) {
            int c = b[i] & 0xFF;
            if (c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D) {
                return null;
            }
        }
        return new String(b, 0, length, StandardCharsets.ISO_8859_1).replaceAll("[\\x80-\\x9F]", " ");
    }

    private static int even(int n) {
        return Math.max(0, n - n % 2);
    }

    private static boolean startsWith(byte[] b, int at, String ascii) {
        return startsWith(b, at, ascii.chars().toArray());
    }

    private static boolean startsWith(byte[] b, int at, int... expected) {
        if (b.length < at + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[at + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, String ascii, int within) {
        return indexOf(b, ascii.getBytes(StandardCharsets.US_ASCII), within);
    }

    private static int indexOf(byte[] b, byte[] needle, int within) {
        int last = Math.min(b.length, within) - needle.length;
        outer:
        for (int i = 0; i <= last; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (b[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] utf16(String ascii) {
        return ascii.getBytes(StandardCharsets.UTF_16LE);
    }
}
