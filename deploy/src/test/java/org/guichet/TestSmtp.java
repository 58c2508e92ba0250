package org.guichet;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** What the end-to-end tests share: an ordinary SMTP client (Jakarta Mail). */
public final class TestSmtp {

    private TestSmtp() {
    }

    /** Submits one message over SMTP as an application would; throws on any refusal. */
    public static void send(int port, String from, List<String> to, String subject, String body) throws Exception {
        java.util.Properties properties = new java.util.Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "30000");
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        for (String recipient : to) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
        }
        message.setSubject(subject, "UTF-8");
        message.setText(body, "UTF-8");
        Transport.send(message);
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
