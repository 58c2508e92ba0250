package org.guichet.gateway.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.Timer;
import org.guichet.gateway.spool.Envelope;
import org.guichet.gateway.spool.Spool;
import org.guichet.gateway.spool.SpoolUnavailableException;
import org.guichet.gateway.submission.SubmissionPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.AuthenticationHandler;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;

/** One mail transaction on the submission listener. */
final class SubmissionSession implements MessageHandler {

    private static final Logger log = LoggerFactory.getLogger(SubmissionSession.class);

    private final MessageContext context;
    private final SubmissionPolicy policy;
    private final Spool spool;
    private final long maxSize;
    private final int maxRecipients;
    private final Timer acceptance;
    private final List<String> recipients = new ArrayList<>();
    private String sender;

    SubmissionSession(MessageContext context, SubmissionPolicy policy, Spool spool, long maxSize, int maxRecipients,
            Timer acceptance) {
        this.context = context;
        this.policy = policy;
        this.spool = spool;
        this.maxSize = maxSize;
        this.maxRecipients = maxRecipients;
        this.acceptance = acceptance;
    }

    @Override
    public void from(String from) throws RejectException {
        if (!from.isEmpty() && !MailboxSyntax.valid(from)) {
            throw new RejectException(501, "5.1.7 Bad sender address syntax");
        }
        sender = from;
    }

    @Override
    public void recipient(String recipient) throws RejectException {
        if (!MailboxSyntax.valid(recipient)) {
            throw new RejectException(501, "5.1.3 Bad recipient address syntax");
        }
        if (submitter().isEmpty() && !policy.allowListed(clientAddress())) {
            log.info("reject: RCPT from {}: 550 5.7.1 <{}>: Relay access denied", clientAddress().getHostAddress(),
                    recipient);
            throw new RejectException(550, "5.7.1 <" + recipient
                    + ">: Relay access denied; authenticate or submit from an allowed network");
        }
        if (recipients.size() >= maxRecipients) {
            throw new RejectException(452, "4.5.3 Too many recipients");
        }
        recipients.add(recipient);
    }

    @Override
    public String data(InputStream data) throws RejectException, IOException {
        byte[] raw = MessageData.read(data, maxSize);
        Timer.Sample sample = Timer.start();
        Envelope envelope = new Envelope(sender, recipients, clientAddress().getHostAddress(),
                context.getHelo().orElse(null), submitter().orElse(null));
        try {
            String queueId = spool.accept(envelope, raw);
            sample.stop(acceptance);
            return "2.0.0 Ok: queued as " + queueId;
        } catch (SpoolUnavailableException e) {
            log.warn("reject: DATA from {}: 451 4.3.0 spool unavailable: {}", envelope.clientAddress(),
                    e.getMessage());
            throw new RejectException(451, "4.3.0 Temporary failure, message not accepted; try again later");
        }
    }

    @Override
    public void done() {
        // nothing held between transactions
    }

    private Optional<String> submitter() {
        return context.getAuthenticationHandler().map(AuthenticationHandler::getIdentity).map(Object::toString);
    }

    private InetAddress clientAddress() {
        return ((InetSocketAddress) context.getRemoteAddress()).getAddress();
    }
}
