package org.guichet.gateway.pipeline;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;

/**
 * Sends a copy of every mail to {@code audit@caf.fr} in processor {@code audit}, with a mail
 * attribute that the copy's processor writes into a header, as a mailet using sendMail would.
 */
public class CopyToAudit extends GenericMailet {

    static final AttributeName SOURCE = AttributeName.of("org.guichet.test.source");

    @Override
    public void service(Mail mail) throws MessagingException {
        if (mail.getAttribute(SOURCE).isPresent()) {
            mail.getMessage().setHeader("X-Audit-Source", mail.getAttribute(SOURCE).get().getValue().value().toString());
            mail.getMessage().saveChanges();
            return;
        }
        Mail copy = MailImpl.builder().name(mail.getName() + "-audit")
                .sender(MaybeSender.nullSender())
                .addRecipient(new MailAddress("audit@caf.fr"))
                .mimeMessage(new MimeMessage(mail.getMessage()))
                .addAttribute(new Attribute(SOURCE, AttributeValue.of("4F2A1-source")))
                .build();
        getMailetContext().sendMail(copy, "audit");
    }
}
