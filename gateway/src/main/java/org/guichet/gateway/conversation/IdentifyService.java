package org.guichet.gateway.conversation;

import jakarta.mail.MessagingException;

import org.apache.mailet.AttributeUtils;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.guichet.administration.ServiceDirectory;
import org.guichet.administration.ServiceIdentity;
import org.guichet.gateway.mailet.GuichetMailet;
import org.guichet.gateway.mailet.GuichetServices;
import org.guichet.gateway.message.Author;
import org.guichet.gateway.noreply.SetReplyAddress;

/**
 * Finds the service a message belongs to — by submitting application, then by sender
 * address or domain ({@code guichet.administration.services.*}) — and names it on the mail, so the reply
 * address shows the service and the conversation is recorded under it.
 * Guichet-only: it needs the service directory of {@link GuichetServices}.
 *
 * <pre>{@code
 * <mailet match="IsNoreply" class="IdentifyService"/>
 * }</pre>
 */
public class IdentifyService extends GuichetMailet {

    private ServiceDirectory services;

    public IdentifyService() {
        super("Names the service a message belongs to");
    }

    @Override
    protected void configure() throws MessagingException {
        services = require(ServiceDirectory.class);
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        String submitter = AttributeUtils.getValueAndCastFromMail(mail, Mail.SMTP_AUTH_USER, String.class).orElse(null);
        ServiceIdentity service = services.resolve(submitter,
                Author.of(mail.getMessage()).address().orElse(mail.getMaybeSender().asString("")));
        mail.setAttribute(ConversationAttributes.SERVICE_CODE.withValue(AttributeValue.of(service.code())));
        mail.setAttribute(SetReplyAddress.SERVICE_NAME.withValue(AttributeValue.of(service.name())));
    }
}
