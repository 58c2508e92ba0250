package org.guichet.gateway.acknowledgement;

import java.io.UnsupportedEncodingException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.apache.james.core.MailAddress;
import org.apache.mailet.AttributeUtils;
import org.apache.mailet.Mail;
import org.guichet.calendar.BusinessCalendar;
import org.guichet.calendar.BusinessCalendars;
import org.guichet.casework.Acknowledgements;
import org.guichet.casework.Acknowledgements.Acknowledgement;
import org.guichet.casework.Acknowledgements.ImplicitDecision;
import org.guichet.casework.Acknowledgements.Received;
import org.guichet.casework.Acknowledgements.ServiceContact;
import org.guichet.casework.AuthorKind;
import org.guichet.gateway.authentication.AuthenticationResults;
import org.guichet.gateway.authentication.DmarcResult;
import org.guichet.gateway.authentication.EvaluateAuthentication;
import org.guichet.gateway.authentication.SpfResult;
import org.guichet.gateway.language.Language;
import org.guichet.gateway.language.ReplyLanguageDetector;
import org.guichet.gateway.message.InboundMessage;

/**
 * Decides whether a message threaded into a case gets an acknowledgement of receipt (CRPA
 * L112-11), writes it from the templates and records it ({@link Acknowledgements}). Published
 * to mailets in {@link org.guichet.gateway.mailet.GuichetServices}; {@link Acknowledge} sends
 * what it decides.
 *
 * <p>The acknowledgement goes to the envelope sender (RFC 3834 §4), in the language the person
 * wrote in when the service writes it, else in the service's default language, else in all of
 * its languages, French then English by default ({@link ServiceLanguages}); it states what
 * R112-11-1 requires: the date of receipt, the case reference, the service's name,
 * email, postal address and phone, and, for services whose silence decides, whether silence
 * means acceptance or rejection, the date it does (receipt date + 2 months, L231-1), the
 * certificate right (L232-3) or the recourse.
 */
public final class Acknowledger {

    private static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Paris");
    private static final int KEPT_REFERENCES = 10;
    private static final String SEPARATOR = "-".repeat(60);

    private final Acknowledgements records;
    private final AcknowledgementTemplates templates;
    private final BusinessCalendars calendars;
    private final AcknowledgementProperties properties;
    private final ReplyLanguageDetector detector;
    /** Each service's languages, read from the settings on its first acknowledgement. */
    private final Map<String, ServiceLanguages> languages = new ConcurrentHashMap<>();
    private final InternetAddress from;
    private final Clock clock;
    private final Session session = Session.getInstance(new Properties());
    private final SecureRandom random = new SecureRandom();

    /**
     * @param from the From address (without display name)
     */
    Acknowledger(Acknowledgements records, AcknowledgementTemplates templates, BusinessCalendars calendars,
            AcknowledgementProperties properties, ReplyLanguageDetector detector, InternetAddress from, Clock clock) {
        this.records = records;
        this.templates = templates;
        this.calendars = calendars;
        this.properties = properties;
        this.detector = detector;
        this.from = from;
        this.clock = clock;
    }

    /** The templates read at start. */
    AcknowledgementTemplates templates() {
        return templates;
    }

    /** What to do with a threaded message. */
    sealed interface Decision {
    }

    /**
     * Spool this acknowledgement.
     *
     * @param replay the message had been acknowledged by a run whose spool writes were lost: the
     *               same message is sent again, nothing new is recorded
     */
    record Send(MimeMessage message, MailAddress recipient, String messageId, boolean replay) implements Decision {
    }

    /** None is due, for this reason. */
    /**
     * Whether the envelope sender cannot be trusted to be the author: its domain's SPF says the
     * client may not send for it (fail or softfail, RFC 7208 §8.4–8.5) and DMARC did not pass
     * (RFC 7489). Unknown results (no DNS) are not held against the citizen.
     */
    static boolean forgedSender(Mail mail) {
        return AttributeUtils.getValueAndCastFromMail(mail, EvaluateAuthentication.RESULTS, String.class)
                .map(AuthenticationResults::fromJson)
                .filter(results -> (results.spf().result() == SpfResult.Verdict.FAIL
                        || results.spf().result() == SpfResult.Verdict.SOFTFAIL)
                        && results.dmarc().result() != DmarcResult.Verdict.PASS)
                .isPresent();
    }

    record Skip(String reason) implements Decision {
    }

    /**
     * Decides for a mail that {@code ThreadIntoCase} put into a case, and records the
     * acknowledgement when one is due.
     *
     * @param message the mail as the inbound steps read it
     * @param local   whether an address is Guichet's own (no response to itself)
     */
    Decision decide(Mail mail, InboundMessage message, Predicate<MailAddress> local) throws MessagingException {
        if (!properties.enabled()) {
            return new Skip("disabled");
        }
        Optional<String> rule = AutoReplyRules.reasonNotToRespond(mail, local);
        if (rule.isPresent()) {
            return new Skip(rule.get());
        }
        if (forgedSender(mail)) {
            // The envelope sender may be a forged victim's: answering it would be backscatter.
            return new Skip("sender not authenticated (SPF failed, DMARC did not pass)");
        }
        MailAddress recipient = mail.getMaybeSender().get();
        Optional<Acknowledgements.Sent> earlier = records.sentFor(mail.getName());
        if (earlier.isPresent()) {
            return resend(earlier.get(), recipient);
        }
        Received received = records.received(mail.getName()).orElseThrow(() -> new MessagingException("mail "
                + mail.getName() + " is in no case: put ThreadIntoCase before Acknowledge"));
        if (received.message().author() == AuthorKind.AUTOMATIC) {
            return new Skip("automatic");
        }
        Instant sentAt = clock.instant();
        String messageId = "<ack." + HexFormat.of().formatHex(bytes(12)) + "@" + domain(from) + ">";
        Letter letter = letter(mail, message, received);
        AcknowledgementMessage acknowledgement = acknowledgement(message, received, letter, recipient, messageId,
                sentAt);
        byte[] raw = acknowledgement.bytes();
        Acknowledgements.Outcome outcome = records.record(new Acknowledgement(mail.getName(),
                        received.caseFile().id(), recipient.asString(), received.message().receivedAt(), sentAt,
                        from.getAddress(), acknowledgement.getSubject(), messageId, received.message().messageId(),
                        letter.text(), received.service().implicitDecision(), letter.decisionDate(), raw),
                new Acknowledgements.Limits(properties.period(), properties.perSender(), properties.senderWindow()));
        return switch (outcome) {
            case Acknowledgements.Recorded recorded ->
                    new Send(new AcknowledgementMessage(session, raw), recipient, messageId, false);
            case Acknowledgements.Earlier again -> resend(again.sent(), recipient);
            case Acknowledgements.Skipped skipped -> new Skip(skipped.reason());
        };
    }

    private Send resend(Acknowledgements.Sent sent, MailAddress recipient) throws MessagingException {
        return new Send(new AcknowledgementMessage(session, sent.raw()), recipient, sent.messageId(), true);
    }

    /** The text of an acknowledgement, its languages in their order, and the day silence decides. */
    record Letter(String text, List<Language> languages, LocalDate decisionDate, String replyTo) {
    }

    private Letter letter(Mail mail, InboundMessage message, Received received) {
        ServiceContact service = received.service();
        ZoneId zone = calendars.find(service.calendar()).map(BusinessCalendar::zone).orElse(DEFAULT_ZONE);
        ZonedDateTime receivedAt = received.message().receivedAt().atZone(zone);
        // CRPA L231-1, L231-4: two months from the receipt date, in the receiving service's zone.
        LocalDate decisionDate = service.implicitDecision() == ImplicitDecision.NONE ? null
                : receivedAt.toLocalDate().plusMonths(2);
        String replyTo = replyAddress(mail, message, received);
        List<Language> languages = this.languages.computeIfAbsent(service.code(), properties::languagesOf)
                .letterFor(detector.detect(received.message().visibleText()));
        List<String> parts = new ArrayList<>();
        for (Language language : languages) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("reference", received.caseFile().reference());
            values.put("receivedAt", ReceiptWording.moment(receivedAt, language));
            values.put("subject", oneLine(received.message().subject()));
            values.put("serviceName", service.name());
            // R112-11-1 asks for the service's email: its own, else the case's reply address, which reaches it.
            values.put("serviceEmail", blank(service.email()) ? replyTo : service.email());
            values.put("servicePostalAddress", service.postalAddress());
            values.put("servicePhone", service.phone());
            values.put("commitment", service.commitment());
            if (decisionDate != null) {
                values.put("decisionDate", ReceiptWording.day(decisionDate, language));
                // In Dutch and German, a service's own recourse is its nl-recourse.txt or de-recourse.txt.
                String own = switch (language) {
                    case FRENCH -> service.recourse();
                    case ENGLISH -> service.recourseEnglish();
                    case DUTCH, GERMAN -> null;
                };
                values.put("recourse", blank(own)
                        ? render(service, language, "-recourse", values) : own);
                values.put("implicitDecision", render(service, language,
                        service.implicitDecision() == ImplicitDecision.ACCEPTANCE ? "-acceptance" : "-rejection",
                        values));
            }
            String part = render(service, language, "", values);
            if (!part.isBlank()) {
                parts.add(part);
            }
        }
        return new Letter(String.join("\n" + SEPARATOR + "\n\n", parts), languages, decisionDate, replyTo);
    }

    private String render(ServiceContact service, Language language, String part, Map<String, String> values) {
        return AcknowledgementTemplates.render(
                templates.template(service.code(), AcknowledgementTemplates.name(language, part)), values);
    }

    /**
     * Where the person's answer to the acknowledgement goes: the signed reply address the message
     * was sent to; else the reply address of the case's conversation; else the address the
     * message reached (a capture address), where its In-Reply-To, the acknowledgement's
     * Message-ID, threads it back to the case.
     */
    private String replyAddress(Mail mail, InboundMessage message, Received received) {
        if (message.replyAddress().isPresent()) {
            return message.replyAddress().get().address();
        }
        if (!blank(received.conversationReplyAddress())) {
            return received.conversationReplyAddress();
        }
        return mail.getRecipients().stream().findFirst().map(MailAddress::asString).orElse(from.getAddress());
    }

    private AcknowledgementMessage acknowledgement(InboundMessage inbound, Received received, Letter letter,
            MailAddress recipient, String messageId, Instant sentAt) throws MessagingException {
        String serviceName = oneLine(received.service().name());
        AcknowledgementMessage message = new AcknowledgementMessage(session, messageId);
        try {
            message.setFrom(new InternetAddress(from.getAddress(), serviceName, "UTF-8"));
            message.setReplyTo(new Address[] {new InternetAddress(letter.replyTo(), serviceName, "UTF-8")});
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 is not supported", e);
        }
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient.asString()));
        message.setSubject(subject(received, letter.languages().get(0)), "UTF-8");
        message.setSentDate(java.util.Date.from(sentAt));
        // RFC 3834 §5: an automatic response says so; Microsoft servers also honour the second field.
        message.setHeader("Auto-Submitted", "auto-replied");
        message.setHeader("X-Auto-Response-Suppress", "All");
        String parent = received.message().messageId();
        if (parent != null) {
            // RFC 3834 §3.1.5 and RFC 5322 §3.6.4: the person's mail client threads the response under its message.
            message.setHeader("In-Reply-To", parent);
            List<String> references = new ArrayList<>(new LinkedHashSet<>(inbound.references()));
            references.remove(parent);
            if (references.size() > KEPT_REFERENCES - 1) {
                references = references.subList(references.size() - (KEPT_REFERENCES - 1), references.size());
            }
            references.add(parent);
            message.setHeader("References", MimeUtility.fold("References: ".length(), String.join(" ", references)));
        }
        // RFC 3282: the languages of the text, in their order.
        message.setHeader("Content-Language",
                String.join(", ", letter.languages().stream().map(Language::code).toList()));
        message.setText(letter.text(), "UTF-8");
        message.saveChanges();
        return message;
    }

    /**
     * « Accusé de réception [GCH-…] », "Ontvangstbevestiging [GCH-…]", in the letter's first
     * language, on one line. The citizen's own subject is not repeated: whoever forges a sender
     * would otherwise have Guichet carry their words to that address.
     */
    private String subject(Received received, Language language) {
        return oneLine(render(received.service(), language, "-subject", Map.of())) + " ["
                + received.caseFile().reference() + "]";
    }

    /** Untrusted text for a header: no line breaks or control characters (CVE-2024-21742). */
    private static String oneLine(String text) {
        return text == null ? null : text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    }

    private static String domain(InternetAddress address) {
        String text = address.getAddress();
        return text.substring(text.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
