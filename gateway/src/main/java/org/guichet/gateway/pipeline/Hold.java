package org.guichet.gateway.pipeline;

import jakarta.mail.MessagingException;

import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;

/**
 * Keeps the mail in the spool in stage {@code held}, with the reason in
 * {@code spool_message.error} (the mail's error message, which the container sets when a mailet
 * throws), for an operator to look at with {@code queue list} / {@code queue show}. Ends
 * processing (ghost). Nothing is dropped: this is the default error processor.
 *
 * <pre>{@code
 * <processor state="error">
 *   <mailet match="All" class="Hold"/>
 * </processor>
 * }</pre>
 *
 * <p>Parameter {@code reason} (optional): the reason recorded when the mail has no error message.
 */
public class Hold extends GenericMailet {

    private GuichetMailetContext context;
    private String reason;

    @Override
    public void init() throws MessagingException {
        if (!(getMailetContext() instanceof GuichetMailetContext guichet)) {
            throw new MessagingException("Hold keeps mail in Guichet's spool and runs only in Guichet's pipeline");
        }
        context = guichet;
        reason = getInitParameter("reason", "held by the pipeline");
    }

    @Override
    public String getMailetInfo() {
        return "Keeps the mail in the spool for an operator";
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        String error = mail.getErrorMessage();
        context.currentRun().hold(mail, error == null || error.isBlank() ? reason : error);
        mail.setState(Mail.GHOST);
    }
}
