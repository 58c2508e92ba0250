package org.guichet.gateway.relay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.guichet.gateway.message.MessageBytes;

/**
 * Writes the delivery status notification (RFC 3464) that tells a sender some recipients
 * of a message will never get it: a {@code multipart/report} with a text for people
 * (French, then English), the machine-readable {@code message/delivery-status}, and the
 * original's headers ({@code text/rfc822-headers}, RFC 6522).
 */
class DeliveryStatusReport {

    /** One recipient given up, with the transition that gave it up. */
    record Failure(String recipient, Transition transition) {
    }

    private final String reportingMta;
    private final Duration maxAge;
    private final Session session;

    DeliveryStatusReport(String reportingMta, Duration maxAge) {
        this.reportingMta = reportingMta;
        this.maxAge = maxAge;
        Properties properties = new Properties();
        properties.setProperty("mail.from", "MAILER-DAEMON@" + reportingMta);
        this.session = Session.getInstance(properties);
    }

    byte[] build(Claim original, byte[] raw, List<Failure> failures, Instant now) {
        try {
            MimeMessage dsn = new MimeMessage(session);
            dsn.setFrom(new InternetAddress("MAILER-DAEMON@" + reportingMta, "Système de messagerie / Mail Delivery System",
                    "UTF-8"));
            dsn.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(original.sender(), false));
            dsn.setSubject("Message non distribué / Undelivered Mail Returned to Sender", "UTF-8");
            dsn.setSentDate(Date.from(now));
            // RFC 3834 §5: an automatic response, so that no auto-responder answers it
            dsn.setHeader("Auto-Submitted", "auto-replied");

            MimeMultipart report = new ReportMultipart();
            MimeBodyPart text = new MimeBodyPart();
            text.setText(humanText(original, failures), "UTF-8");
            text.setHeader("Content-Language", "fr, en");
            report.addBodyPart(text);

            MimeBodyPart status = new MimeBodyPart();
            status.setDataHandler(new DataHandler(new ByteArrayDataSource(
                    deliveryStatus(original, failures, now).getBytes(StandardCharsets.UTF_8), "message/delivery-status")));
            status.setHeader("Content-Type", "message/delivery-status");
            report.addBodyPart(status);

            MimeBodyPart headers = new MimeBodyPart();
            headers.setDataHandler(new DataHandler(new ByteArrayDataSource(headerSection(raw), "text/rfc822-headers")));
            headers.setHeader("Content-Type", "text/rfc822-headers");
            report.addBodyPart(headers);

            dsn.setContent(report);
            dsn.saveChanges();
            return MessageBytes.of(dsn);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot write the DSN for queue " + original.queueId(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String humanText(Claim original, List<Failure> failures) {
        long days = maxAge.toDays();
        StringBuilder fr = new StringBuilder();
        StringBuilder en = new StringBuilder();
        fr.append("Ceci est le système de messagerie de ").append(reportingMta).append(".\r\n\r\n")
                .append("Votre message (file ").append(original.queueId())
                .append(") n'a pas pu être remis aux destinataires suivants :\r\n\r\n");
        en.append("This is the mail system at ").append(reportingMta).append(".\r\n\r\n")
                .append("Your message (queue ").append(original.queueId())
                .append(") could not be delivered to the following recipients:\r\n\r\n");
        for (Failure failure : failures) {
            boolean expired = failure.transition().status() == Transition.Status.EXPIRED;
            String reply = failure.transition().reply().oneLine();
            fr.append("  <").append(failure.recipient()).append("> : ")
                    .append(expired ? "délai de remise dépassé (" + days + " jours), dernière réponse : " : "refusé : ")
                    .append(reply).append("\r\n");
            en.append("  <").append(failure.recipient()).append(">: ")
                    .append(expired ? "delivery time expired (" + days + " days), last reply: " : "refused: ")
                    .append(reply).append("\r\n");
        }
        fr.append("\r\nLes détails techniques et les en-têtes de votre message sont joints.\r\n");
        en.append("\r\nTechnical details and the headers of your message are attached.\r\n");
        return fr + "\r\n-- \r\n\r\n" + en;
    }

    private String deliveryStatus(Claim original, List<Failure> failures, Instant now) {
        MailDateFormat dates = new MailDateFormat();
        StringBuilder text = new StringBuilder();
        // RFC 3464 §2.2: per-message fields, then a blank line before each per-recipient group
        text.append("Reporting-MTA: dns; ").append(reportingMta).append("\r\n");
        text.append("X-Guichet-Queue-ID: ").append(original.queueId()).append("\r\n");
        text.append("Arrival-Date: ").append(dates.format(Date.from(original.receivedAt()))).append("\r\n");
        for (Failure failure : failures) {
            Transition transition = failure.transition();
            SmtpReply reply = transition.reply();
            // RFC 3463 4.4.7: delivery time expired, for a recipient given up after max age
            String status = transition.status() == Transition.Status.EXPIRED ? "4.4.7" : reply.status();
            text.append("\r\n");
            text.append("Final-Recipient: rfc822; ").append(failure.recipient()).append("\r\n");
            text.append("Action: failed\r\n");
            text.append("Status: ").append(status).append("\r\n");
            if (transition.remote() != null) {
                text.append("Remote-MTA: dns; ").append(transition.remote().name()).append("\r\n");
            }
            text.append("Diagnostic-Code: smtp; ").append(limit(reply.oneLine(), 900)).append("\r\n");
            text.append("Last-Attempt-Date: ").append(dates.format(Date.from(now))).append("\r\n");
        }
        return text.toString();
    }

    /** The original's header section: everything up to the first empty line. */
    private static byte[] headerSection(byte[] raw) {
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\n' && (i + 1 < raw.length && raw[i + 1] == '\n'
                    || i + 2 < raw.length && raw[i + 1] == '\r' && raw[i + 2] == '\n')) {
                return java.util.Arrays.copyOf(raw, i + 1);
            }
        }
        return raw;
    }

    private static String limit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    /** multipart/report with its required report-type parameter (RFC 6522 §3). */
    private static final class ReportMultipart extends MimeMultipart {

        ReportMultipart() throws MessagingException {
            super("report");
            ContentType type = new ContentType(contentType);
            type.setParameter("report-type", "delivery-status");
            contentType = type.toString();
        }
    }
}
