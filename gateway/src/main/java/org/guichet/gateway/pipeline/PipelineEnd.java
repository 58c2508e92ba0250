package org.guichet.gateway.pipeline;

import jakarta.mail.MessagingException;

import org.apache.mailet.Mail;
import org.guichet.gateway.mailet.GuichetMailet;

/**
 * A mailet that ends a mail's processing by handing it to the pipeline run (to relay it, or to
 * hold it), then ghosts it. Runs only in Guichet's container, whose context knows the run.
 */
abstract class PipelineEnd extends GuichetMailet {

    private final String purpose;
    private GuichetMailetContext context;

    /**
     * @param purpose what the mailet does with the mail, for the message when it runs elsewhere:
     *                "Hold keeps mail in Guichet's spool"
     */
    PipelineEnd(String info, String purpose, String... parameters) {
        super(info, parameters);
        this.purpose = purpose;
    }

    @Override
    protected void configure() throws MessagingException {
        if (!(getMailetContext() instanceof GuichetMailetContext guichet)) {
            throw new MessagingException(purpose + " and runs only in Guichet's pipeline");
        }
        context = guichet;
    }

    @Override
    public final void service(Mail mail) throws MessagingException {
        end(context.currentRun(), mail);
        mail.setState(Mail.GHOST);
    }

    /** Hands {@code mail} to {@code run}. */
    abstract void end(PipelineRun run, Mail mail) throws MessagingException;
}
