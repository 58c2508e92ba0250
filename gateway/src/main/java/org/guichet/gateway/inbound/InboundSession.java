package org.guichet.gateway.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import org.guichet.gateway.smtp.MailboxSyntax;
import org.guichet.gateway.smtp.MessageData;
import org.guichet.gateway.spool.Envelope;
import org.guichet.gateway.spool.Spool;
import org.guichet.gateway.spool.SpoolUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;

/**
 * One mail transaction on the inbound listener. Recipients are judged at RCPT, so that an
 * unknown address is refused by the receiving MTA rather than bounced later by Guichet to a
 * sender who may be forged (no backscatter). Any sender is taken, the null sender included:
 * delivery reports about official mail must reach the case too (RFC 3464).
 */
final class InboundSession implements MessageHandler {

    private static final Logger log = LoggerFactory.getLogger(InboundSession.class);

    private final MessageContext context;
    private final InboundAddresses addresses;
    private final RefusedRecipients refusals;
    private final Spool spool;
    private final long maxSize;
    private final int maxRecipients;
    private final Timer acceptance;
    private final Counter refusedCount;
    private final List<String> recipients = new ArrayList<>();
    private String sender;

    InboundSession(MessageContext context, InboundAddresses addresses, RefusedRecipients refusals, Spool spool,
            long maxSize, int maxRecipients, Timer acceptance, Counter refusedCount) {
        this.context = context;
        this.addresses = addresses;
        this.refusals = refusals;
        this.spool = spool;
        this.maxSize = maxSize;
        this.maxRecipients = maxRecipients;
        this.acceptance = acceptance;
        this.refusedCount = refusedCount;
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
            refuse(recipient, 501, "5.1.3", "Bad recipient address syntax");
        }
        if (addresses.classify(recipient) == InboundAddresses.Kind.UNKNOWN) {
            // One answer for forged, tampered, unknown-key and never-issued tokens alike: the
            // reply says nothing an attacker could use to refine a guess.
            refuse(recipient, 550, "5.1.1", "Recipient address rejected: unknown reply address");
        }
        if (recipients.size() >= maxRecipients) {
            throw new RejectException(452, "4.5.3 Too many recipients");
        }
        recipients.add(recipient);
    }

    private void refuse(String recipient, int code, String status, String reason) throws RejectException {
        refusedCount.increment();
        String helo = context.getHelo().orElse("");
        try {
            refusals.refused(context);
        } catch (DropConnectionException e) {
            log.info("reject: RCPT from {}: {} (after {} refused recipients); from=<{}> helo=<{}>", client(),
                    e.getErrorResponse(), refusals.count(context) - 1, sender, helo);
            throw e;
        }
        log.info("reject: RCPT from {}: {} {} <{}>: {}; from=<{}> helo=<{}>", client(), code, status,
                InboundAddresses.forLog(recipient), reason, sender, helo);
        throw new RejectException(code, status + " <" + recipient + ">: " + reason);
    }

    @Override
    public String data(InputStream data) throws RejectException, IOException {
        byte[] raw = MessageData.read(data, maxSize);
        Timer.Sample sample = Timer.start();
        Envelope envelope = new Envelope(sender, recipients, client(), context.getHelo().orElse(null), null);
        try {
            String queueId = spool.accept(envelope, raw, InboundListener.PROCESSOR);
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
        // nothing held between transactions; the refusal count lives with the session
    }

    private String client() {
        return ((InetSocketAddress) context.getRemoteAddress()).getAddress().getHostAddress();
    }
}
