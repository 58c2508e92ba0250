package org.guichet.gateway.answer;

import java.io.UnsupportedEncodingException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.apache.james.core.MailAddress;
import org.apache.mailet.AttributeUtils;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.guichet.casework.Case;
import org.guichet.casework.CaseMessage;
import org.guichet.casework.Casework;
import org.guichet.conversation.Conversation;
import org.guichet.gateway.mailet.GuichetServices;
import org.guichet.gateway.message.ChosenIdMessage;
import org.guichet.gateway.message.InboundMessage;
import org.guichet.gateway.threading.CaseAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mailbox mode: sends a copy of each citizen's message (or third party's) to the service's
 * existing mailbox, so agents can work from the mail client they know. The copy comes from the
 * case's signed reply address, so that an agent's « Répondre » goes back to the case and
 * {@link AgentReplyFromMailbox} relays it under the service's identity. Its subject starts with
 * the case reference; its body gives who wrote, when, the visible text, and the original
 * message attached whole ({@code message/rfc822}, headers and attachments included). It is
 * marked {@code Auto-Submitted: auto-generated} (RFC 3834 §5) so that the mailbox's own
 * autoresponder stays silent. Automatic mail is not forwarded. The citizen's message itself
 * goes on unchanged; the copy is spooled with it (same transaction).
 *
 * <p>Put it after {@code ThreadIntoCase}; it does nothing for services without mailbox mode.
 * Parameter {@code zone} (default {@code Europe/Paris}): the time zone of the reception time shown.
 *
 * <pre>{@code
 * <mailet match="All" class="ForwardToMailbox"/>
 * }</pre>
 */
public class ForwardToMailbox extends GenericMailet {

    private static final Logger log = LoggerFactory.getLogger(ForwardToMailbox.class);
    private static final SecureRandom random = new SecureRandom();
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH:mm:ss (VV)",
            Locale.FRENCH);

    private final Session session = Session.getInstance(new Properties());
    private Casework casework;
    private ServiceMailboxes mailboxes;
    private CaseReplyPath replyPath;
    private Clock clock;
    private ZoneId zone;

    @Override
    public void init() throws MessagingException {
        checkInitParameters(Set.of("zone"));
        GuichetServices services = GuichetServices.of(getMailetContext());
        casework = services.require(Casework.class, getMailetName());
        mailboxes = services.require(ServiceMailboxes.class, getMailetName());
        replyPath = services.require(CaseReplyPath.class, getMailetName());
        clock = services.require(Clock.class, getMailetName());
        try {
            zone = ZoneId.of(getInitParameter("zone", "Europe/Paris").strip());
        } catch (DateTimeException e) {
            throw new MessagingException("ForwardToMailbox parameter 'zone' is not a time zone: " + e.getMessage());
        }
    }

    @Override
    public String getMailetInfo() {
        return "Mailbox mode: forwards a citizen's message to the service mailbox, from the case's reply address";
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        Optional<String> reference = AttributeUtils.getValueAndCastFromMail(mail, CaseAttributes.REFERENCE, String.class);
        String author = AttributeUtils.getValueAndCastFromMail(mail, CaseAttributes.AUTHOR, String.class).orElse("");
        if (reference.isEmpty() || !(author.equals("citizen") || author.equals("third_party"))) {
            return;
        }
        Case found = casework.find(reference.get()).orElseThrow(() -> new MessagingException("mail " + mail.getName()
                + " names case " + reference.get() + ", which does not exist"));
        Optional<ServiceMailbox> service = mailboxes.of(found.serviceId()).filter(ServiceMailbox::mailboxMode);
        if (service.isEmpty()) {
            return;
        }
        CaseMessage received = casework.messages(found.id()).stream()
                .filter(m -> m.queueId().equals(mail.getName())).findFirst()
                .orElseThrow(() -> new MessagingException("mail " + mail.getName() + " is not a message of case "
                        + found.reference() + ": put ThreadIntoCase before ForwardToMailbox"));
        String forwardId = "<forward." + HexFormat.of().formatHex(randomBytes()) + "@" + replyPath.replyDomain() + ">";
        Conversation conversation = replyPath.of(found, forwardId, mail.getName(), service.get().email(),
                received.subject());
        MimeMessage copy = copy(InboundMessage.of(mail), found, service.get(), conversation, received, forwardId);
        getMailetContext().sendMail(new MailAddress(conversation.replyAddress()),
                List.of(new MailAddress(service.get().mailbox())), copy);
        log.info("queue {}: case={} forwarded to mailbox <{}> status=forwarded", mail.getName(), found.reference(),
                service.get().mailbox());
    }

    private MimeMessage copy(InboundMessage message, Case found, ServiceMailbox service, Conversation conversation,
            CaseMessage received, String forwardId) throws MessagingException {
        MimeMessage copy = new ChosenIdMessage(session, forwardId);
        Optional<String> name = message.author().name().map(AnswerComposer::headerText);
        String writer = name.map(n -> n + " <" + received.fromAddress() + ">").orElse(received.fromAddress());
        String shownAs = AnswerComposer.headerText(name.orElse(received.fromAddress()) + " via " + service.name());
        try {
            InternetAddress from = new InternetAddress(conversation.replyAddress(), shownAs, "UTF-8");
            copy.setFrom(from);
            copy.setReplyTo(new InternetAddress[] {from});
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 is not supported", e);
        }
        copy.setRecipient(Message.RecipientType.TO, new InternetAddress(service.mailbox()));
        String subject = received.subject() == null ? "" : AnswerComposer.headerText(received.subject());
        copy.setSubject("[" + found.reference() + "] " + subject, "UTF-8");
        copy.setSentDate(Date.from(clock.instant()));
        copy.setHeader("Auto-Submitted", "auto-generated");
        if (received.messageId() != null) {
            copy.setHeader("References", received.messageId());
        }

        MimeBodyPart summary = new MimeBodyPart();
        summary.setText(summary(found, service, received, writer), "UTF-8");
        summary.setHeader("Content-Transfer-Encoding", "quoted-printable");
        MimeBodyPart original = new MimeBodyPart();
        original.setDataHandler(new DataHandler(new ByteArrayDataSource(message.raw(), "message/rfc822")));
        original.setFileName("message-" + found.reference() + ".eml");
        original.setDisposition(MimeBodyPart.ATTACHMENT);
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(summary);
        mixed.addBodyPart(original);
        copy.setContent(mixed);
        copy.saveChanges();
        return copy;
    }

    private String summary(Case found, ServiceMailbox service, CaseMessage received, String writer) {
        String when = SHOWN.format(received.receivedAt().atZone(zone));
        return """
                Dossier : %s
                De : %s%s
                Reçu le : %s

                %s

                --
                Répondez à ce message pour répondre : la réponse partira au nom de « %s », sans votre adresse.
                Le message d'origine est joint.
                Reply to this message to answer: the answer leaves as « %s », without your address.
                """.formatted(found.reference(), writer, received.thirdParty() ? " (tiers, pas le citoyen / third party)"
                        : "", when, received.visibleText(), service.name(), service.name());
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[10];
        random.nextBytes(bytes);
        return bytes;
    }
}
