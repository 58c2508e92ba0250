package org.guichet.gateway.conversation;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.apache.mailet.AttributeUtils;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.guichet.administration.ServiceDirectory;
import org.guichet.conversation.Conversation;
import org.guichet.conversation.ConversationLog;
import org.guichet.gateway.mailet.ContainerAttributes;
import org.guichet.gateway.mailet.GuichetServices;
import org.guichet.gateway.noreply.SetReplyAddress;
import org.guichet.gateway.noreply.SplitPerRecipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the conversation {@link SetReplyAddress} opened: service, recipient, subject,
 * original and final Message-ID, reply address, time of acceptance. The copy gets a
 * Message-ID of its own when it had none, or when it is one of several personal copies
 * (by envelope, Bcc included, or by its To/Cc) that would otherwise share the sender's:
 * replies thread on it (RFC 5322 §3.6.4).
 * Guichet-only: it needs the conversation log, service directory and clock of {@link GuichetServices}.
 *
 * <pre>{@code
 * <mailet match="HasMailAttribute=org.guichet.reply.conversation" class="RecordConversation"/>
 * }</pre>
 */
public class RecordConversation extends GenericMailet {

    private static final Logger log = LoggerFactory.getLogger(RecordConversation.class);
    private static final SecureRandom random = new SecureRandom();

    private ConversationLog conversations;
    private ServiceDirectory services;
    private Clock clock;

    @Override
    public void init() throws MessagingException {
        GuichetServices published = GuichetServices.of(getMailetContext());
        conversations = published.require(ConversationLog.class, getMailetName());
        services = published.require(ServiceDirectory.class, getMailetName());
        clock = published.require(Clock.class, getMailetName());
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        String publicId = AttributeUtils.getValueAndCastFromMail(mail, SetReplyAddress.CONVERSATION, String.class)
                .orElseThrow(() -> new MessagingException("mail " + mail.getName()
                        + " has no conversation: put SetReplyAddress before RecordConversation"));
        String replyAddress = AttributeUtils.getValueAndCastFromMail(mail, SetReplyAddress.REPLY_ADDRESS, String.class)
                .orElseThrow();
        String serviceCode = AttributeUtils.getValueAndCastFromMail(mail, ConversationAttributes.SERVICE_CODE, String.class)
                .orElse(ServiceDirectory.DEFAULT);
        Instant acceptedAt = ContainerAttributes.receivedAt(mail, clock);

        MimeMessage message = mail.getMessage();
        String original = message.getHeader("Message-ID", null);
        String finalId = original;
        boolean oneOfSeveralCopies = AttributeUtils.getValueAndCastFromMail(mail, SplitPerRecipient.COPIES, Integer.class)
                .orElse(1) > 1;
        if (original == null || oneOfSeveralCopies || sharedWithOtherCopies(message)) {
            finalId = "<" + publicId + "." + HexFormat.of().formatHex(randomBytes()) + "@" + domainOf(replyAddress) + ">";
            // Header only: saveChanges() would re-encode the body and pick its own Message-ID.
            message.setHeader("Message-ID", finalId);
        }
        conversations.record(new Conversation(publicId, services.byCode(serviceCode).id(), mail.getName(),
                mail.getMaybeSender().asString(""), mail.getRecipients().iterator().next().asString(),
                subject(message), original, finalId, replyAddress, acceptedAt));
        log.info("queue {}: conversation={} service={} message-id={}", mail.getName(), publicId, serviceCode, finalId);
    }

    /** A personal copy of a message to several people still lists them all in To/Cc. */
    private static boolean sharedWithOtherCopies(MimeMessage message) throws MessagingException {
        int count = 0;
        for (Message.RecipientType type : new Message.RecipientType[] {Message.RecipientType.TO, Message.RecipientType.CC}) {
            Address[] addresses = message.getRecipients(type);
            count += addresses == null ? 0 : addresses.length;
        }
        return count > 1;
    }

    private static String subject(MimeMessage message) throws MessagingException {
        String raw = message.getHeader("Subject", null);
        if (raw == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(raw));
        } catch (java.io.UnsupportedEncodingException e) {
            return raw;
        }
    }

    private static String domainOf(String address) {
        return address.substring(address.lastIndexOf('@') + 1);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[6];
        random.nextBytes(bytes);
        return bytes;
    }

    @Override
    public String getMailetInfo() {
        return "Records the conversation a reply address opened";
    }
}
