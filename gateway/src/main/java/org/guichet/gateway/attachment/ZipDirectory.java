package org.guichet.gateway.attachment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry names of a ZIP archive (APPNOTE.TXT §4.3), read from its central directory, else
 * from its local headers when the directory is missing or cut: nothing is inflated, so a
 * compression bomb costs no more than its own bytes. OOXML and ODF documents are ZIP
 * archives; their entries tell which they are, and whether they carry macros.
 */
final class ZipDirectory {

    private static final int MAX_ENTRIES = 10_000;
    private static final int END_RECORD = 22;
    private static final int CENTRAL_HEADER = 46;
    private static final int LOCAL_HEADER = 30;

    private ZipDirectory() {
    }

    static boolean isZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K'
                && (bytes[2] == 3 && bytes[3] == 4 || bytes[2] == 5 && bytes[3] == 6);
    }

    /** Entry names in directory order; empty when none can be read. */
    static List<String> names(byte[] zip) {
        List<String> central = central(zip);
        return central.isEmpty() ? local(zip) : central;
    }

    /**
     * The stored content of the first entry when it is {@code mimetype}, as ODF requires
     * (OpenDocument 1.3 part 2 §3.3: first, uncompressed, no extra field), else empty text.
     */
    static String odfMimetype(byte[] zip) {
        if (zip.length < LOCAL_HEADER || !signature(zip, 0, 0x04034b50) || u16(zip, 8) != 0) {
            return "";
        }
        int nameLength = u16(zip, 26);
        int extraLength = u16(zip, 28);
        long size = u32(zip, 18);
        int start = LOCAL_HEADER + nameLength + extraLength;
        if (nameLength != 8 || !"mimetype".equals(text(zip, LOCAL_HEADER, 8)) || size > 200
                || start + size > zip.length) {
            return "";
        }
        return new String(zip, start, (int) size, StandardCharsets.US_ASCII).strip();
    }

    private static List<String> central(byte[] zip) {
        int end = -1;
        for (int i = zip.length - END_RECORD; i >= 0 && i >= zip.length - END_RECORD - 65_535; i--) {
            if (signature(zip, i, 0x06054b50)) {
                end = i;
                break;
            }
        }
        List<String> names = new ArrayList<>();
        if (end < 0) {
            return names;
        }
        long entries = u16(zip, end + 10);
        long offset = u32(zip, end + 16);
        int at = (int) Math.min(offset, Integer.MAX_VALUE);
        for (long n = 0; n < entries && names.size() < MAX_ENTRIES; n++) {
            if (at < 0 || at + CENTRAL_HEADER > zip.length || !signature(zip, at, 0x02014b50)) {
                break;
            }
            int nameLength = u16(zip, at + 28);
            int extraLength = u16(zip, at + 30);
            int commentLength = u16(zip, at + 32);
            if (at + CENTRAL_HEADER + nameLength > zip.length) {
                break;
            }
            names.add(text(zip, at + CENTRAL_HEADER, nameLength));
            at += CENTRAL_HEADER + nameLength + extraLength + commentLength;
        }
        return names;
    }

    private static List<String> local(byte[] zip) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i + LOCAL_HEADER <= zip.length && names.size() < MAX_ENTRIES; i++) {
            if (signature(zip, i, 0x04034b50)) {
                int nameLength = u16(zip, i + 26);
                if (i + LOCAL_HEADER + nameLength <= zip.length) {
                    names.add(text(zip, i + LOCAL_HEADER, nameLength));
                }
            }
        }
        return names;
    }

    private static boolean signature(byte[] b, int at, int value) {
        return at >= 0 && at + 4 <= b.length && u32(b, at) == (value & 0xFFFFFFFFL);
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    /** Names are CP437 or UTF-8 (flag bit 11); for the checks made here, Latin-1 loses nothing. */
    private static String text(byte[] b, int at, int length) {
        return new String(b, at, length, StandardCharsets.ISO_8859_1);
    }
}
