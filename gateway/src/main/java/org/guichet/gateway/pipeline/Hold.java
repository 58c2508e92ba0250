package org.guichet.gateway.pipeline;

import jakarta.mail.MessagingException;

import org.apache.mailet.Mail;

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
public class Hold extends PipelineEnd {

    private String reason;

    public Hold() {
        super("Keeps the mail in the spool for an operator", "Hold keeps mail in Guichet's spool", "reason");
    }

    @Override
    protected void configure() throws MessagingException {
        super.configure();
        reason = getInitParameter("reason", "held by the pipeline");
    }

    @Override
    void end(PipelineRun run, Mail mail) throws MessagingException {
        String error = mail.getErrorMessage();
        run.hold(mail, error == null || error.isBlank() ? reason : error);
    }
}
