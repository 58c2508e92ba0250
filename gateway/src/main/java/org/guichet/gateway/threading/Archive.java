package org.guichet.gateway.threading;

import jakarta.mail.MessagingException;

import org.apache.mailet.AttributeUtils;
import org.apache.mailet.Mail;
import org.guichet.gateway.mailet.GuichetMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends an inbound mail that is now part of a case, without relaying it: the mail is ghosted,
 * so its spool row becomes {@code done} and keeps its raw bytes ({@code spool_message.raw}),
 * the evidence its case message names by queue id. A mail that no step put into a case is not
 * archived but fails, so the error processor holds it for an operator: nothing a citizen wrote
 * ends where no agent will see it.
 *
 * <pre>{@code
 * <mailet match="All" class="Archive"/>
 * }</pre>
 */
public class Archive extends GuichetMailet {

    private static final Logger log = LoggerFactory.getLogger(Archive.class);

    public Archive() {
        super("Keeps a threaded inbound mail as evidence, without relaying it");
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        String reference = AttributeUtils.getValueAndCastFromMail(mail, CaseAttributes.REFERENCE, String.class)
                .orElseThrow(() -> new MessagingException("mail " + mail.getName() + " is in no case: put"
                        + " ThreadIntoCase before Archive"));
        log.info("queue {}: case={} status=archived", mail.getName(), reference);
        mail.setState(Mail.GHOST);
    }
}
