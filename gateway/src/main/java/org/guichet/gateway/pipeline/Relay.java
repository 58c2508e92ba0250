package org.guichet.gateway.pipeline;

import jakarta.mail.MessagingException;

import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;

/**
 * Hands the mail to the relay and ends its processing (ghost). The spooled original is relayed
 * as is when the mail's bytes and envelope sender are unchanged; otherwise the modified message
 * is written as a new message for the relay. Runs only in Guichet's container.
 *
 * <pre>{@code
 * <mailet match="All" class="Relay"/>
 * }</pre>
 */
public class Relay extends GenericMailet {

    private GuichetMailetContext context;

    @Override
    public void init() throws MessagingException {
        if (!(getMailetContext() instanceof GuichetMailetContext guichet)) {
            throw new MessagingException("Relay hands mail to Guichet's relay and runs only in Guichet's pipeline");
        }
        context = guichet;
    }

    @Override
    public String getMailetInfo() {
        return "Hands the mail to Guichet's relay";
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        context.currentRun().relay(mail);
        mail.setState(Mail.GHOST);
    }
}
