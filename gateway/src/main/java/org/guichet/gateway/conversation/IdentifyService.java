package org.guichet.gateway.conversation;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;

import org.apache.mailet.AttributeUtils;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.guichet.administration.ServiceDirectory;
import org.guichet.administration.ServiceIdentity;
import org.guichet.gateway.mailet.GuichetServices;
import org.guichet.gateway.noreply.SetReplyAddress;

/**
 * Finds the service a message belongs to — by submitting application, then by sender
 * address or domain ({@code guichet.services.*}) — and names it on the mail, so the reply
 * address shows the service and the conversation is recorded under it.
 * Guichet-only: it needs the service directory of {@link GuichetServices}.
 *
 * <pre>{@code
 * <mailet match="IsNoreply" class="IdentifyService"/>
 * }</pre>
 */
public class IdentifyService extends GenericMailet {

    private ServiceDirectory services;

    @Override
    public void init() throws MessagingException {
        services = GuichetServices.of(getMailetContext()).require(ServiceDirectory.class, getMailetName());
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        String submitter = AttributeUtils.getValueAndCastFromMail(mail, Mail.SMTP_AUTH_USER, String.class).orElse(null);
        ServiceIdentity service = services.resolve(submitter, sender(mail));
        mail.setAttribute(ConversationAttributes.SERVICE_CODE.withValue(AttributeValue.of(service.code())));
        mail.setAttribute(SetReplyAddress.SERVICE_NAME.withValue(AttributeValue.of(service.name())));
    }

    /** The From address when readable, else the envelope sender. */
    private static String sender(Mail mail) {
        try {
            String[] from = mail.getMessage().getHeader("From");
            if (from != null && from.length > 0) {
                InternetAddress[] parsed = InternetAddress.parseHeader(from[0], false);
                if (parsed.length > 0) {
                    return parsed[0].getAddress();
                }
            }
        } catch (MessagingException unreadable) {
            // fall back to the envelope
        }
        return mail.getMaybeSender().asString("");
    }

    @Override
    public String getMailetInfo() {
        return "Names the service a message belongs to";
    }
}
