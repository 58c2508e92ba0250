package org.guichet.gateway.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.Timer;
import org.apache.mailet.Attribute;
import org.guichet.gateway.spool.Envelope;
import org.guichet.gateway.spool.MessageContent;
import org.guichet.gateway.spool.Spool;
import org.guichet.gateway.spool.SpoolUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;

/**
 * One mail transaction (RFC 5321 §3.3) as every Guichet listener takes it: sender and
 * recipient syntax, a bounded number of recipients, DATA read strictly, and 250 only once the
 * spool has committed the message. What a recipient must be is each listener's own judgement.
 */
public abstract class MailTransaction implements MessageHandler {

    private final Logger log = LoggerFactory.getLogger(getClass());

    protected final MessageContext context;
    private final Spool spool;
    private final DataLimits limits;
    private final int maxRecipients;
    private final Timer acceptance;
    private final List<String> recipients = new ArrayList<>();
    private String sender;

    protected MailTransaction(MessageContext context, Spool spool, DataLimits limits, int maxRecipients,
            Timer acceptance) {
        this.context = context;
        this.spool = spool;
        this.limits = limits;
        this.maxRecipients = maxRecipients;
        this.acceptance = acceptance;
    }

    /** Refuses a recipient that this listener does not take, by throwing. */
    protected abstract void judge(String recipient) throws RejectException;

    /** The processor of {@code pipeline.xml} where this listener's mail starts. */
    protected String processor() {
        return Spool.ROOT;
    }

    /** Attributes the mail starts with, from what this transaction learnt of its recipients. */
    protected List<Attribute> attributes(List<String> recipients) {
        return List.of();
    }

    /** The authenticated submitting application, if any. */
    protected Optional<String> submitter() {
        return Optional.empty();
    }

    /** Refuses a sender this listener does not take from this client, by throwing. */
    protected void judgeSender(String sender) throws RejectException {
    }

    /** Refuses a message this listener does not take, by throwing; read whole, not yet spooled. */
    protected void judgeMessage(MessageContent raw) throws RejectException, IOException {
    }

    /** Refuses a recipient; a listener may count or log refusals first. */
    protected void refuse(String recipient, int code, String status, String reason) throws RejectException {
        throw new RejectException(code, status + " " + reason);
    }

    protected final String sender() {
        return sender;
    }

    protected final InetAddress clientAddress() {
        return ((InetSocketAddress) context.getRemoteAddress()).getAddress();
    }

    @Override
    public void from(String from) throws RejectException {
        if (!from.isEmpty() && !MailboxSyntax.valid(from)) {
            throw new RejectException(501, "5.1.7 Bad sender address syntax");
        }
        judgeSender(from);
        sender = from;
    }

    @Override
    public void recipient(String recipient) throws RejectException {
        if (!MailboxSyntax.valid(recipient)) {
            refuse(recipient, 501, "5.1.3", "Bad recipient address syntax");
        }
        judge(recipient);
        if (recipients.size() >= maxRecipients) {
            throw new RejectException(452, "4.5.3 Too many recipients");
        }
        recipients.add(recipient);
    }

    @Override
    public String data(InputStream data) throws RejectException, IOException {
        Envelope envelope = new Envelope(sender, recipients, clientAddress().getHostAddress(),
                context.getHelo().orElse(null), submitter().orElse(null));
        try (ReceivedData raw = MessageData.read(data, limits)) {
            judgeMessage(raw);
            Timer.Sample sample = Timer.start();
            String queueId = spool.accept(envelope, raw, processor(), attributes(envelope.recipients()));
            sample.stop(acceptance);
            return "2.0.0 Ok: queued as " + queueId;
        } catch (SpoolUnavailableException e) {
            log.warn("reject: DATA from {}: 451 4.3.0 spool unavailable: {}", envelope.clientAddress(),
                    e.getMessage());
            throw new RejectException(451, "4.3.0 Temporary failure, message not accepted; try again later");
        } catch (RejectException e) {
            log.info("reject: DATA from {}: {}", envelope.clientAddress(), e.getErrorResponse());
            throw e;
        }
    }

    @Override
    public void done() {
        // nothing is held between transactions; what a listener counts lives with its session
    }
}
