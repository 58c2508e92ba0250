package org.guichet.gateway.threading;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.apache.james.core.MailAddress;
import org.apache.mailet.AttributeUtils;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.guichet.casework.CaseReceipt;
import org.guichet.casework.Casework;
import org.guichet.casework.InboundReply;
import org.guichet.gateway.content.ReplyContent;
import org.guichet.gateway.content.ReplyContentReader;
import org.guichet.gateway.conversation.ConversationAttributes;
import org.guichet.gateway.mailet.GuichetServices;
import org.guichet.gateway.mailet.ContainerAttributes;
import org.guichet.gateway.token.ReplyToken;
import org.guichet.gateway.token.ReplyTokenVerifier;

/**
 * Threads a citizen's message into its case ({@link Casework#receive}): the signed token of
 * the reply address it was sent to, its Message-ID, In-Reply-To and References, its subject,
 * the visible text and sanitised HTML of its body, and the automatic-mail classification made
 * before it. The case reference, threading method, third-party flag, author and what happened
 * to the case are set as mail attributes ({@link CaseAttributes}) for the acknowledgement.
 * The mail itself is left as it is: its spool row keeps the raw bytes as evidence, and the
 * case message names it by queue id. Safe to run twice on one spool message (nothing new is
 * recorded the second time). Guichet-only: it needs the casework, the token verifier and the
 * clock of {@link GuichetServices}.
 *
 * <pre>{@code
 * <processor state="inbound">
 *   <mailet match="All" class="ClassifyAutomatic"/>
 *   <mailet match="All" class="ThreadIntoCase"/>
 *   <mailet match="All" class="Archive"/>
 * </processor>
 * }</pre>
 */
public class ThreadIntoCase extends GenericMailet {

    private Casework casework;
    private ReplyTokenVerifier verifier;
    private ReplyContentReader content;
    private Clock clock;

    @Override
    public void init() throws MessagingException {
        checkInitParameters(java.util.Set.of());
        GuichetServices services = GuichetServices.of(getMailetContext());
        casework = services.require(Casework.class, getMailetName());
        verifier = services.require(ReplyTokenVerifier.class, getMailetName());
        clock = services.require(Clock.class, getMailetName());
        content = ReplyContentReader.standard();
    }

    @Override
    public String getMailetInfo() {
        return "Threads a citizen's message into its case";
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        MimeMessage message = mail.getMessage();
        ReplyContent text = content.read(raw(mail));
        InboundReply reply = new InboundReply(mail.getName(), ContainerAttributes.receivedAt(mail, clock), author(mail),
                conversation(mail).orElse(null),
                MessageIds.first(message.getHeader("Message-ID", " ")),
                MessageIds.first(message.getHeader("In-Reply-To", " ")),
                MessageIds.in(message.getHeader("References", " ")),
                subject(message), text.visibleText(), text.safeHtml().orElse(null),
                CaseAttributes.automaticReason(mail).orElse(null),
                AttributeUtils.getValueAndCastFromMail(mail, ConversationAttributes.SERVICE_CODE, String.class)
                        .orElse(null));
        CaseReceipt receipt = casework.receive(reply);
        mail.setAttribute(CaseAttributes.REFERENCE.withValue(AttributeValue.of(receipt.caseFile().reference())));
        mail.setAttribute(CaseAttributes.THREADING.withValue(AttributeValue.of(receipt.threading().name())));
        mail.setAttribute(CaseAttributes.THIRD_PARTY.withValue(AttributeValue.of(receipt.thirdParty())));
        mail.setAttribute(CaseAttributes.CHANGE.withValue(AttributeValue.of(receipt.change().name())));
        mail.setAttribute(CaseAttributes.AUTHOR.withValue(AttributeValue.of(
                receipt.message().author().name().toLowerCase(java.util.Locale.ROOT))));
    }

    /**
     * The conversation named by the first recipient whose local part is a valid signed token.
     * A forged or altered token names nothing (the inbound listener already refused it at RCPT).
     */
    private Optional<String> conversation(Mail mail) {
        for (MailAddress recipient : mail.getRecipients()) {
            Optional<ReplyToken> token = verifier.verifyLocalPart(recipient.getLocalPart());
            if (token.isPresent()) {
                return token.map(ReplyToken::conversationId);
            }
        }
        return Optional.empty();
    }

    /** The From address when readable, else the envelope sender, else ''. */
    private static String author(Mail mail) {
        try {
            String from = mail.getMessage().getHeader("From", ",");
            if (from != null) {
                InternetAddress[] parsed = InternetAddress.parseHeader(from, false);
                if (parsed.length > 0 && parsed[0].getAddress() != null && !parsed[0].getAddress().isBlank()) {
                    return parsed[0].getAddress().strip();
                }
            }
        } catch (MessagingException unreadable) {
            // a broken From is common in automatic mail: the envelope says who sent it
        }
        return mail.getMaybeSender().asString("");
    }

    private static String subject(MimeMessage message) throws MessagingException {
        String raw = message.getHeader("Subject", null);
        if (raw == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(raw));
        } catch (UnsupportedEncodingException e) {
            return raw;
        }
    }

    private static byte[] raw(Mail mail) throws MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            mail.getMessage().writeTo(out);
        } catch (IOException e) {
            throw new MessagingException("cannot read mail " + mail.getName() + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
