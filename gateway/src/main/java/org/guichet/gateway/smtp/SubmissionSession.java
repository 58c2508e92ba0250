package org.guichet.gateway.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.Timer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import org.guichet.gateway.message.Author;
import org.guichet.gateway.spool.MessageContent;
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

    /** An application limited to its domains sends as them only: it gets no other domain's DKIM signature. */
    @Override
    protected void judgeSender(String sender) throws RejectException {
        Optional<String> application = submitter();
        if (application.isPresent() && !sender.isEmpty()
                && !policy.maySendAs(application.get(), Author.domainOf(sender))) {
            throw refusedDomain(application.get(), "<" + sender + ">");
        }
    }

    @Override
    protected void judgeMessage(MessageContent raw) throws RejectException, IOException {
        Optional<String> application = submitter();
        if (application.isEmpty()) {
            return;
        }
        InternetHeaders headers;
        try (InputStream in = raw.open()) {
            headers = new InternetHeaders(in);
        } catch (MessagingException e) {
            return; // an unreadable header block has no From domain to sign for
        }
        String[] from = headers.getHeader("From");
        for (String domain : Author.of(from == null ? List.of() : Arrays.asList(from)).domains()) {
            if (!policy.maySendAs(application.get(), domain)) {
                throw refusedDomain(application.get(), "From " + domain);
            }
        }
    }

    private RejectException refusedDomain(String application, String what) {
        log.info("reject: {} from {}: 550 5.7.1 not a sender domain of application {}", what,
                clientAddress().getHostAddress(), application);
        return new RejectException(550, "5.7.1 " + what + ": not a sender domain of application " + application);
    }

    @Override
    protected Optional<String> submitter() {
        return context.getAuthenticationHandler().map(AuthenticationHandler::getIdentity).map(Object::toString);
    }
}
