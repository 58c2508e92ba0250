package org.guichet.noreply;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import org.jsoup.Jsoup;

/**
 * A MIME entity as Jakarta Mail reads it, every body decoded: reading a message into this tree
 * fails on anything a mail client could not read (unclosed multipart, bad transfer encoding,
 * unknown charset).
 *
 * @param path      position in the tree, {@code ""} for the message, {@code "1.2"} for the
 *                  second part of the first part
 * @param header    the entity's header lines, as written
 * @param type      content type, lower case, without parameters
 * @param charset   charset parameter, or null
 * @param encoding  Content-Transfer-Encoding, lower case, {@code 7bit} when absent
 * @param attachment an attachment (disposition attachment, or a file name)
 * @param preamble  a multipart's preamble, or null
 * @param children  a multipart's parts
 * @param content   a leaf's body, transfer encoding decoded
 * @param text      a text leaf's body, charset decoded, or null
 */
record MessageEntity(String path, List<String> header, String type, String charset, String encoding, boolean attachment,
        String preamble, List<MessageEntity> children, byte[] content, String text) {

    static MessageEntity of(MimeMessage message) throws MessagingException, IOException {
        return of(message, "");
    }

    private static MessageEntity of(MimePart part, String path) throws MessagingException, IOException {
        ContentType contentType = new ContentType(part.getContentType());
        List<String> header = Collections.list(part.getAllHeaderLines());
        String encoding = part.getEncoding() == null ? "7bit" : part.getEncoding().strip().toLowerCase(Locale.ROOT);
        String type = contentType.getBaseType().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/")) {
            MimeMultipart multipart = (MimeMultipart) part.getContent();
            if (!multipart.isComplete()) {
                throw new MessagingException("part '" + path + "': multipart without its closing boundary");
            }
            List<MessageEntity> children = new ArrayList<>();
            for (int i = 0; i < multipart.getCount(); i++) {
                children.add(of((MimePart) multipart.getBodyPart(i), path.isEmpty() ? String.valueOf(i + 1) : path + "." + (i + 1)));
            }
            return new MessageEntity(path, header, type, null, encoding, false, multipart.getPreamble(), List.copyOf(children),
                    null, null);
        }
        byte[] content;
        try (var in = part.getInputStream()) {
            content = in.readAllBytes();
        }
        String text = type.startsWith("text/") ? (String) part.getContent() : null;
        return new MessageEntity(path, header, type, contentType.getParameter("charset"), encoding, isAttachment(part), null,
                List.of(), content, text);
    }

    private static boolean isAttachment(Part part) throws MessagingException {
        String[] disposition = part.getHeader("Content-Disposition");
        if (disposition == null) {
            return false;
        }
        ContentDisposition parsed = new ContentDisposition(disposition[0]);
        return "attachment".equalsIgnoreCase(parsed.getDisposition()) || parsed.getParameter("filename") != null;
    }

    boolean isMultipart() {
        return type.startsWith("multipart/");
    }

    /** A body part that a reader reads as the message text (the parts where notices are). */
    boolean isReadableText() {
        return !attachment && (type.equals("text/plain") || type.equals("text/html"));
    }

    boolean isHtml() {
        return type.equals("text/html");
    }

    /** What a reader sees: the text of a plain part, the rendered text of an HTML body. */
    String visibleText() {
        return isHtml() ? Jsoup.parse(text).body().text() : text;
    }

    /** Every entity of the tree, depth first. */
    List<MessageEntity> flatten() {
        List<MessageEntity> all = new ArrayList<>();
        all.add(this);
        children.forEach(child -> all.addAll(child.flatten()));
        return all;
    }

    /** The header lines other than the given fields. */
    List<String> headerWithout(String... fields) {
        return header.stream().filter(line -> {
            String name = line.substring(0, Math.max(0, line.indexOf(':'))).strip();
            for (String field : fields) {
                if (name.equalsIgnoreCase(field)) {
                    return false;
                }
            }
            return true;
        }).toList();
    }

    @Override
    public String toString() {
        return (path.isEmpty() ? "message" : "part " + path) + " " + type + (charset == null ? "" : "; charset=" + charset)
                + " (" + encoding + (attachment ? ", attachment" : "") + ")";
    }
}
