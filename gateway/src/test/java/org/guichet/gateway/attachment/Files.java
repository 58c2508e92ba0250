package org.guichet.gateway.attachment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small files with the signatures of real formats, and MIME parts carrying them. */
final class Files {

    static final byte[] PDF = ascii("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n");
    static final byte[] PNG = concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13},
            ascii("IHDR"), new byte[] {0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, (byte) 0xC4, (byte) 0x89});
    static final byte[] JPEG = concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16},
            ascii("JFIF"), new byte[] {0, 1, 1, 0, 0, 1, 0, 1, 0, 0, (byte) 0xFF, (byte) 0xD9});
    /** A DOS header, its stub message and the NULs of a PE header. */
    static final byte[] EXE = concat(new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF,
            (byte) 0xFF, 0, 0}, ascii("This program cannot be run in DOS mode.\r\r\n$"), new byte[64],
            ascii("PE"), new byte[] {0, 0, 0x4C, 0x01});

    private Files() {
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** A PDF of at least {@code size} bytes. */
    static byte[] largePdf(int size) {
        byte[] padding = new byte[Math.max(0, size - PDF.length)];
        Arrays.fill(padding, (byte) 'x');
        return concat(PDF, padding);
    }

    /** A ZIP archive with these entry names (each holding its own name); the first stored when {@code storedFirst}. */
    static byte[] zip(boolean storedFirst, String... names) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < names.length; i++) {
                ZipEntry entry = new ZipEntry(names[i]);
                byte[] content = (i == 0 && storedFirst && names[i].equals("mimetype"))
                        ? ascii("application/vnd.oasis.opendocument.text") : ascii(names[i]);
                if (i == 0 && storedFirst) {
                    CRC32 crc = new CRC32();
                    crc.update(content);
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(content.length);
                    entry.setCompressedSize(content.length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(content);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Base64 in 76-character lines (RFC 2045 §6.8). */
    static String base64(byte[] bytes) {
        return Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(bytes);
    }

    /** A base64 body part with these header lines. */
    static String part(byte[] bytes, String... headers) {
        return String.join("\r\n", headers) + "\r\nContent-Transfer-Encoding: base64\r\n\r\n" + base64(bytes) + "\r\n";
    }

    /** A multipart/mixed message from a citizen: a text body, then the given parts. */
    static byte[] message(String... parts) {
        StringBuilder raw = new StringBuilder("""
                From: Amélie Rousseau <amelie.rousseau@example.org>\r
                To: reply@reponse.caf.fr\r
                Subject: Re: Votre dossier\r
                Message-ID: <piece.1@example.org>\r
                MIME-Version: 1.0\r
                Content-Type: multipart/mixed; boundary="mixed"\r
                \r
                --mixed\r
                Content-Type: text/plain; charset=UTF-8\r
                \r
                Bonjour, voici les justificatifs.\r
                """);
        for (String part : parts) {
            raw.append("--mixed\r\n").append(part);
        }
        raw.append("--mixed--\r\n");
        return raw.toString().getBytes(StandardCharsets.UTF_8);
    }
}
