package org.guichet.gateway.notice;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;

/** The Content-Transfer-Encodings of RFC 2045 §6 that a rewritten text part can keep. */
enum TransferEncoding {
    SEVEN_BIT("7bit"),
    EIGHT_BIT("8bit"),
    BINARY("binary"),
    QUOTED_PRINTABLE("quoted-printable"),
    BASE64("base64");

    private final String token;

    TransferEncoding(String token) {
        this.token = token;
    }

    String token() {
        return token;
    }

    /** The encoding a header names; 7bit when absent (RFC 2045 §6.1), empty when unknown (x-uuencode…). */
    static Optional<TransferEncoding> of(Optional<String> header) {
        String value = header.map(h -> h.strip().toLowerCase(Locale.ROOT)).orElse("7bit");
        for (TransferEncoding encoding : values()) {
            if (encoding.token.equals(value)) {
                return Optional.of(encoding);
            }
        }
        return Optional.empty();
    }

    boolean isIdentity() {
        return this == SEVEN_BIT || this == EIGHT_BIT || this == BINARY;
    }

    byte[] decode(byte[] body) throws IOException {
        if (isIdentity()) {
            return body;
        }
        try (InputStream in = MimeUtility.decode(new ByteArrayInputStream(body), token)) {
            return in.readAllBytes();
        } catch (MessagingException e) {
            throw new IOException(e);
        }
    }

    /**
     * Encodes {@code content} with this encoding, lines ending with {@code lineBreak}. Base64 keeps
     * the line breaks that ended the original body ({@code trailer}), which are not part of its data.
     */
    byte[] encode(byte[] content, String lineBreak, byte[] trailer) throws IOException {
        if (isIdentity()) {
            return content;
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(content.length * 4 / 3 + 64);
        try (OutputStream out = MimeUtility.encode(buffer, token)) {
            out.write(content);
        } catch (MessagingException e) {
            throw new IOException(e);
        }
        String encoded = buffer.toString(StandardCharsets.US_ASCII);
        if (this == BASE64) {
            encoded = encoded.stripTrailing() + new String(trailer, StandardCharsets.US_ASCII);
        }
        if (!lineBreak.equals("\r\n")) {
            encoded = encoded.replace("\r\n", lineBreak);
        }
        return encoded.getBytes(StandardCharsets.US_ASCII);
    }
}
