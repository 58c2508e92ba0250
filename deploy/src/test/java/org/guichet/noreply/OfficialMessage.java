package org.guichet.noreply;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * One message of the corpus as an application hands it to Guichet: the bytes of its file, and the
 * envelope a submitting application derives from its headers (sender from {@code From},
 * recipients from {@code To}, {@code Cc} and {@code Bcc}).
 *
 * @param name       file name
 * @param raw        the message, CRLF line ends
 * @param sender     envelope sender
 * @param recipients envelope recipients, lower case, in header order
 */
record OfficialMessage(String name, byte[] raw, String sender, List<String> recipients) {

    /** Jakarta Mail reading strictly: a missing closing boundary is an error, not a repair. */
    static final Session STRICT = Session.getInstance(strictProperties());

    static OfficialMessage read(Path file) {
        try {
            byte[] raw = withCrlf(Files.readAllBytes(file));
            MimeMessage parsed = parse(raw);
            String sender = addresses(parsed, "From").getFirst();
            List<String> recipients = new ArrayList<>();
            for (String field : List.of("To", "Cc", "Bcc")) {
                recipients.addAll(addresses(parsed, field));
            }
            return new OfficialMessage(file.getFileName().toString(), raw, sender, List.copyOf(recipients));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    MimeMessage parsed() throws MessagingException {
        return parse(raw);
    }

    static MimeMessage parse(byte[] raw) throws MessagingException {
        return new MimeMessage(STRICT, new ByteArrayInputStream(raw));
    }

    /** The header fields, each with its folding, in order. */
    List<HeaderField> header() {
        return HeaderField.of(raw);
    }

    /** The body: every byte after the blank line that ends the header. */
    byte[] body() {
        return HeaderField.body(raw);
    }

    /** The decoded Subject (RFC 2047), as a reader sees it. */
    String subject() throws MessagingException {
        String value = parsed().getHeader("Subject", null);
        try {
            return value == null ? null : MimeUtility.decodeText(MimeUtility.unfold(value));
        } catch (java.io.UnsupportedEncodingException e) {
            throw new MessagingException("Subject of " + name, e);
        }
    }

    String messageId() throws MessagingException {
        return parsed().getHeader("Message-ID", null);
    }

    boolean hasReplyTo() throws MessagingException {
        return parsed().getHeader("Reply-To") != null;
    }

    /** What this message exercises, in the words of the corpus's purpose (kinds of official mail). */
    Set<String> kinds() throws MessagingException, IOException {
        Set<String> kinds = new TreeSet<>();
        MimeMessage message = parsed();
        MessageEntity root = MessageEntity.of(message);
        for (MessageEntity entity : root.flatten()) {
            kinds.add(entity.type());
            kinds.add(entity.encoding());
            if (entity.charset() != null) {
                kinds.add(entity.charset().toLowerCase(Locale.ROOT));
            }
            if (entity.header().stream().anyMatch(line -> line.toLowerCase(Locale.ROOT).contains("format=flowed"))) {
                kinds.add("format=flowed");
            }
            if (entity.type().startsWith("image/") && entity.header().stream().anyMatch(line -> line.startsWith("Content-ID:"))) {
                kinds.add("inline image");
            }
            if (entity.attachment() && !entity.type().startsWith("image/")) {
                kinds.add("attachment " + entity.type());
            }
            if (entity.text() != null && entity.text().lines().anyMatch(line -> line.getBytes(StandardCharsets.UTF_8).length > 998)) {
                kinds.add("line longer than 998 octets");
            }
        }
        if (!root.isMultipart()) {
            kinds.add("single " + root.type());
        }
        if (message.getHeader("Subject", null).contains("=?")) {
            kinds.add("RFC 2047 Subject");
        }
        if (message.getHeader("From", null).contains("=?")) {
            kinds.add("RFC 2047 From");
        }
        if (message.getHeader("Message-ID") == null) {
            kinds.add("no Message-ID");
        }
        if (message.getHeader("Reply-To") != null) {
            kinds.add("working Reply-To");
        }
        if (message.getHeader("Bcc") != null) {
            kinds.add("Bcc");
        }
        if (message.getHeader("Cc") != null && recipients.size() > 1) {
            kinds.add("To and Cc");
        }
        return kinds;
    }

    String senderDomain() {
        return sender.substring(sender.lastIndexOf('@') + 1);
    }

    private static List<String> addresses(MimeMessage message, String field) throws MessagingException {
        String value = message.getHeader(field, ",");
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(InternetAddress.parseHeader(value, true))
                .map(a -> a.getAddress().toLowerCase(Locale.ROOT)).toList();
    }

    /** A checkout may have turned CRLF into LF; SMTP and the corpus mean CRLF. */
    private static byte[] withCrlf(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 256);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r')) {
                out.write('\r');
            }
            out.write(bytes[i]);
        }
        return out.toByteArray();
    }

    private static Properties strictProperties() {
        Properties properties = new Properties();
        properties.put("mail.mime.multipart.ignoremissingendboundary", "false");
        properties.put("mail.mime.multipart.allowempty", "false");
        return properties;
    }

    /**
     * One header field as written, folding included, without its final CRLF.
     *
     * @param name field name
     * @param text the whole field
     */
    record HeaderField(String name, String text) {

        static List<HeaderField> of(byte[] message) {
            String header = new String(message, 0, headerEnd(message), StandardCharsets.ISO_8859_1);
            List<HeaderField> fields = new ArrayList<>();
            for (String line : header.split("\r\n")) {
                if (line.isEmpty()) {
                    continue;
                }
                if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && !fields.isEmpty()) {
                    HeaderField last = fields.removeLast();
                    fields.add(new HeaderField(last.name(), last.text() + "\r\n" + line));
                } else {
                    fields.add(new HeaderField(line.substring(0, Math.max(0, line.indexOf(':'))).strip(), line));
                }
            }
            return fields;
        }

        static byte[] body(byte[] message) {
            int end = headerEnd(message);
            return Arrays.copyOfRange(message, Math.min(message.length, end + 4), message.length);
        }

        boolean is(String field) {
            return name.equalsIgnoreCase(field);
        }

        private static int headerEnd(byte[] message) {
            for (int i = 0; i + 3 < message.length; i++) {
                if (message[i] == '\r' && message[i + 1] == '\n' && message[i + 2] == '\r' && message[i + 3] == '\n') {
                    return i;
                }
            }
            throw new IllegalArgumentException("no blank line ends the header");
        }
    }
}
