package org.guichet.gateway.answer;

import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.guichet.gateway.message.ChosenIdMessage;
import org.guichet.gateway.message.MessageBytes;

/**
 * Writes an agent's answer as the citizen receives it (RFC 5322): from the service's name and
 * address, to the correspondent, {@code Subject: Re: <case subject> [GCH-…]}, threaded with
 * In-Reply-To and References (RFC 5322 §3.6.4), {@code Reply-To} the case's signed reply
 * address, one text/plain UTF-8 part in quoted-printable. No {@code Auto-Submitted}: a person
 * wrote it (RFC 3834 §5), so the citizen's autoresponder may answer and the citizen's client
 * shows it as a normal message. Nothing of the agent (name, address) is written.
 */
public final class AnswerComposer {

    /** Older ids are dropped beyond this many, keeping the first (the official notice) and the latest. */
    static final int MAX_REFERENCES = 20;

    private static final Pattern REPLY_PREFIX = Pattern.compile("^(?:\\s*(?:re|tr|fwd?|réf|ref|aw|sv)\\s*:\\s*)+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern HEADER_UNSAFE = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]+");
    private static final Pattern TEXT_UNSAFE = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");

    private final Session session = Session.getInstance(new Properties());

    public ComposedAnswer compose(AnswerDraft draft) throws MessagingException {
        String name = headerText(draft.serviceName());
        String subject = subject(draft.caseSubject(), draft.caseReference());
        MimeMessage message = new ChosenIdMessage(session, draft.messageId());
        try {
            message.setFrom(new InternetAddress(draft.serviceAddress(), name, "UTF-8"));
            message.setReplyTo(new InternetAddress[] {new InternetAddress(draft.replyAddress(), name, "UTF-8")});
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 is not supported", e);
        }
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(draft.to(), true));
        message.setSubject(subject, "UTF-8");
        message.setSentDate(Date.from(draft.date()));
        if (draft.inReplyTo() != null) {
            message.setHeader("In-Reply-To", draft.inReplyTo());
        }
        List<String> references = references(draft.references());
        if (!references.isEmpty()) {
            message.setHeader("References", MimeUtility.fold("References: ".length(), String.join(" ", references)));
        }
        if (draft.attachments().isEmpty()) {
            message.setText(text(draft.text()), "UTF-8");
            message.setHeader("Content-Transfer-Encoding", "quoted-printable");
        } else {
            // RFC 2046 §5.1.3: the text first, then each file as an attachment (RFC 2183), in base64.
            jakarta.mail.internet.MimeMultipart mixed = new jakarta.mail.internet.MimeMultipart("mixed");
            jakarta.mail.internet.MimeBodyPart body = new jakarta.mail.internet.MimeBodyPart();
            body.setText(text(draft.text()), "UTF-8");
            body.setHeader("Content-Transfer-Encoding", "quoted-printable");
            mixed.addBodyPart(body);
            for (org.guichet.casework.AnswerAttachment file : draft.attachments()) {
                jakarta.mail.internet.MimeBodyPart part = new jakarta.mail.internet.MimeBodyPart();
                part.setDataHandler(new jakarta.activation.DataHandler(
                        new jakarta.mail.util.ByteArrayDataSource(file.content(), file.contentType())));
                try {
                    part.setFileName(MimeUtility.encodeText(headerText(file.fileName()), "UTF-8", null));
                } catch (UnsupportedEncodingException e) {
                    throw new MessagingException("UTF-8 is not supported", e);
                }
                part.setDisposition(jakarta.mail.Part.ATTACHMENT);
                part.setHeader("Content-Transfer-Encoding", "base64");
                mixed.addBodyPart(part);
            }
            message.setContent(mixed);
        }
        message.saveChanges();
        return new ComposedAnswer(MessageBytes.of(message), subject, draft.messageId(), draft.inReplyTo());
    }

    /** {@code Re: <subject without its reply prefixes and reference> [<reference>]}. */
    static String subject(String caseSubject, String reference) {
        String base = caseSubject == null ? "" : headerText(caseSubject);
        base = base.replaceAll("\\[\\s*" + Pattern.quote(reference) + "\\s*]", " ");
        base = REPLY_PREFIX.matcher(base.strip()).replaceFirst("").replaceAll("\\s{2,}", " ").strip();
        return "Re: " + (base.isEmpty() ? "Votre message" : base) + " [" + reference + "]";
    }

    /** The ids in order, without repeats; when too many, the first and the latest ones. */
    static List<String> references(List<String> ids) {
        List<String> distinct = ids.stream().filter(id -> id != null && !id.isBlank()).map(String::strip)
                .distinct().toList();
        if (distinct.size() <= MAX_REFERENCES) {
            return distinct;
        }
        List<String> kept = new ArrayList<>();
        kept.add(distinct.get(0));
        kept.addAll(distinct.subList(distinct.size() - (MAX_REFERENCES - 1), distinct.size()));
        return kept;
    }

    /** Header text from stored or typed data: control characters would start a new header (CVE-2024-21742). */
    static String headerText(String value) {
        return HEADER_UNSAFE.matcher(value).replaceAll(" ").strip();
    }

    /** The agent's text with LF line ends and no control characters but tabs; Jakarta Mail writes CRLF. */
    static String text(String value) {
        String text = value.replace("\r\n", "\n").replace('\r', '\n');
        return TEXT_UNSAFE.matcher(text).replaceAll("");
    }
}
