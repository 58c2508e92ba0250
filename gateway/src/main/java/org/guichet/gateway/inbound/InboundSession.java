package org.guichet.gateway.inbound;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import org.apache.mailet.Attribute;
import org.guichet.gateway.message.InboundMessage;
import org.guichet.gateway.smtp.DataLimits;
import org.guichet.gateway.smtp.MailTransaction;
import org.guichet.gateway.spool.Spool;
import org.guichet.gateway.token.ReplyToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.RejectException;

/**
 * One mail transaction on the inbound listener. Recipients are judged at RCPT, so that an
 * unknown address is refused by the receiving MTA rather than bounced later by Guichet to a
 * sender who may be forged (no backscatter). Any sender is taken, the null sender included:
 * delivery reports about official mail must reach the case too (RFC 3464).
 */
final class InboundSession extends MailTransaction {

    private static final Logger log = LoggerFactory.getLogger(InboundSession.class);

    private final InboundAddresses addresses;
    private final RefusedRecipients refusals;
    private final Counter refusedCount;
    private final Map<String, InboundMessage.ReplyAddress> replyAddresses = new HashMap<>();

    InboundSession(MessageContext context, InboundAddresses addresses, RefusedRecipients refusals, Spool spool,
            DataLimits limits, int maxRecipients, Timer acceptance, Counter refusedCount) {
        super(context, spool, limits, maxRecipients, acceptance);
        this.addresses = addresses;
        this.refusals = refusals;
        this.refusedCount = refusedCount;
    }

    @Override
    protected void judge(String recipient) throws RejectException {
        Optional<ReplyToken> token = addresses.replyToken(recipient);
        if (token.isPresent()) {
            replyAddresses.putIfAbsent(recipient, new InboundMessage.ReplyAddress(recipient,
                    token.get().conversationId()));
            return;
        }
        if (addresses.classify(recipient) == InboundAddresses.Kind.UNKNOWN) {
            // One answer for forged, tampered, unknown-key and never-issued tokens alike: the
            // reply says nothing an attacker could use to refine a guess.
            refuse(recipient, 550, "5.1.1", "Recipient address rejected: unknown reply address");
        }
    }

    /** The first accepted reply address, verified here once, travels with the mail. */
    @Override
    protected List<Attribute> attributes(List<String> recipients) {
        return recipients.stream().map(replyAddresses::get).filter(Objects::nonNull).findFirst()
                .map(InboundMessage::attributes).orElse(List.of());
    }

    @Override
    protected String processor() {
        return InboundListener.PROCESSOR;
    }

    /** Counted per connection: a client that keeps guessing addresses is dropped. */
    @Override
    protected void refuse(String recipient, int code, String status, String reason) throws RejectException {
        refusedCount.increment();
        String helo = context.getHelo().orElse("");
        String client = clientAddress().getHostAddress();
        try {
            refusals.refused(context);
        } catch (DropConnectionException e) {
            log.info("reject: RCPT from {}: {} (after {} refused recipients); from=<{}> helo=<{}>", client,
                    e.getErrorResponse(), refusals.count(context) - 1, sender(), helo);
            throw e;
        }
        log.info("reject: RCPT from {}: {} {} <{}>: {}; from=<{}> helo=<{}>", client, code, status,
                InboundAddresses.forLog(recipient), reason, sender(), helo);
        throw new RejectException(code, status + " <" + recipient + ">: " + reason);
    }
}
