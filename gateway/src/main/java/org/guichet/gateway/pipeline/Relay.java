package org.guichet.gateway.pipeline;

import jakarta.mail.MessagingException;

import org.apache.mailet.Mail;

/**
 * Hands the mail to the relay and ends its processing (ghost). The spooled original is relayed
 * as is when the mail's bytes and envelope sender are unchanged; otherwise the modified message
 * is written as a new message for the relay. Runs only in Guichet's container.
 *
 * <pre>{@code
 * <mailet match="All" class="Relay"/>
 * }</pre>
 */
public class Relay extends PipelineEnd {

    public Relay() {
        super("Hands the mail to Guichet's relay", "Relay hands mail to Guichet's relay");
    }

    @Override
    void end(PipelineRun run, Mail mail) throws MessagingException {
        run.relay(mail);
    }
}
