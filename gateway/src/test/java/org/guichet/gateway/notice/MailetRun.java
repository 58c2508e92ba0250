package org.guichet.gateway.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;

import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;

/** Runs the mailet on raw bytes the way the pipeline does, and reads results back with Jakarta Mail. */
final class MailetRun {

    private MailetRun() {
    }

    static ReplaceNoreplyNotice mailet(String... parameters) throws MessagingException {
        FakeMailetConfig.Builder config = FakeMailetConfig.builder()
                .mailetName("ReplaceNoreplyNotice")
                .mailetContext(FakeMailContext.defaultContext());
        for (int k = 0; k + 1 < parameters.length; k += 2) {
            config.setProperty(parameters[k], parameters[k + 1]);
        }
        ReplaceNoreplyNotice mailet = new ReplaceNoreplyNotice();
        mailet.init(config.build());
        return mailet;
    }

    static ReplaceNoreplyNotice serviceMailet() throws MessagingException {
        return mailet("commitment", "sous 5 jours ouvrés");
    }

    static Mail mail(byte[] raw) throws MessagingException {
        return FakeMail.builder()
                .name("4F2A1")
                .sender("noreply@caf.example.fr")
                .recipient("camille.martin@example.org")
                .mimeMessage(parse(raw))
                .build();
    }

    /** The mail of these bytes, once the mailet with the service's settings has run on it. */
    static Mail serviced(byte[] raw) throws MessagingException {
        Mail mail = mail(raw);
        serviceMailet().service(mail);
        return mail;
    }

    static MimeMessage parse(byte[] raw) throws MessagingException {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }

    static byte[] bytes(Mail mail) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        mail.getMessage().writeTo(out);
        return out.toByteArray();
    }

    static byte[] run(ReplaceNoreplyNotice mailet, byte[] raw) throws MessagingException, IOException {
        Mail mail = mail(raw);
        mailet.service(mail);
        return bytes(mail);
    }

    /** Each part of a message by IMAP-style number: its header lines and its raw (still encoded) body. */
    static Map<String, byte[]> rawParts(byte[] message) throws MessagingException, IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        MimeMessage parsed = parse(message);
        collect(parsed, "", parts);
        return parts;
    }

    private static void collect(Part part, String path, Map<String, byte[]> parts) throws MessagingException, IOException {
        Object content = part.isMimeType("multipart/*") ? part.getContent() : null;
        if (content instanceof Multipart multipart) {
            for (int k = 0; k < multipart.getCount(); k++) {
                BodyPart child = multipart.getBodyPart(k);
                collect(child, path.isEmpty() ? String.valueOf(k + 1) : path + "." + (k + 1), parts);
            }
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var headers = part instanceof MimeMessage message ? message.getAllHeaderLines() : ((MimeBodyPart) part).getAllHeaderLines();
        while (headers.hasMoreElements()) {
            out.writeBytes((headers.nextElement() + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        try (InputStream raw = part instanceof MimeMessage message ? message.getRawInputStream() : ((MimeBodyPart) part).getRawInputStream()) {
            out.writeBytes(raw.readAllBytes());
        }
        parts.put(path.isEmpty() ? "1" : path, out.toByteArray());
    }

    /** Every part but {@code changed} has the same headers and the same raw body bytes; the changed ones differ. */
    static void assertOnlyChanged(byte[] before, byte[] after, String... changed) throws MessagingException, IOException {
        Map<String, byte[]> old = rawParts(before);
        Map<String, byte[]> now = rawParts(after);
        assertThat(now.keySet()).as("MIME structure").containsExactlyElementsOf(old.keySet());
        Set<String> changedPaths = Set.of(changed);
        for (String path : old.keySet()) {
            if (changedPaths.contains(path)) {
                assertThat(now.get(path)).as("part %s changed", path).isNotEqualTo(old.get(path));
            } else {
                assertThat(now.get(path)).as("part %s byte for byte", path).isEqualTo(old.get(path));
            }
        }
        // Outside the changed parts, the message itself (headers, preambles, delimiters, epilogues) is the same.
        MimeEntity root = MimeEntity.parse(before);
        int first = Integer.MAX_VALUE;
        int last = 0;
        for (MimeEntity entity : root.flatten()) {
            if (changedPaths.contains(entity.path())) {
                first = Math.min(first, entity.start());
                last = Math.max(last, entity.end());
            }
        }
        int prefix = 0;
        while (prefix < before.length && prefix < after.length && before[prefix] == after[prefix]) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < before.length - prefix && suffix < after.length - prefix
                && before[before.length - 1 - suffix] == after[after.length - 1 - suffix]) {
            suffix++;
        }
        assertThat(prefix).as("first changed byte lies in a changed part").isGreaterThanOrEqualTo(first);
        assertThat(before.length - suffix).as("last changed byte lies in a changed part").isLessThanOrEqualTo(last);
    }
}
