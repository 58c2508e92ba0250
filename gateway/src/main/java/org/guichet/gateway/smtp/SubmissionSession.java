package org.guichet.gateway.smtp;

import java.util.Optional;

import io.micrometer.core.instrument.Timer;
import org.guichet.gateway.spool.Spool;
import org.guichet.gateway.submission.SubmissionPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.AuthenticationHandler;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.RejectException;

/** One mail transaction on the submission listener: only authenticated or allow-listed clients relay. */
final class SubmissionSession extends MailTransaction {

    private static final Logger log = LoggerFactory.getLogger(SubmissionSession.class);

    private final SubmissionPolicy policy;

    SubmissionSession(MessageContext context, SubmissionPolicy policy, Spool spool, DataLimits limits, int maxRecipients,
            Timer acceptance) {
        super(context, spool, limits, maxRecipients, acceptance);
        this.policy = policy;
    }

    @Override
    protected void judge(String recipient) throws RejectException {
        if (submitter().isEmpty() && !policy.allowListed(clientAddress())) {
            log.info("reject: RCPT from {}: 550 5.7.1 <{}>: Relay access denied", clientAddress().getHostAddress(),
                    recipient);
            throw new RejectException(550, "5.7.1 <" + recipient
                    + ">: Relay access denied; authenticate or submit from an allowed network");
        }
    }

    @Override
    protected Optional<String> submitter() {
        return context.getAuthenticationHandler().map(AuthenticationHandler::getIdentity).map(Object::toString);
    }
}
