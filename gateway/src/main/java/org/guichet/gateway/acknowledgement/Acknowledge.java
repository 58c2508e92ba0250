package org.guichet.gateway.acknowledgement;

import java.util.List;
import java.util.Set;

import jakarta.mail.MessagingException;

import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeUtils;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.guichet.gateway.mailet.GuichetServices;
import org.guichet.gateway.message.InboundMessage;
import org.guichet.gateway.threading.CaseAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the acknowledgement of receipt (accusé de réception, CRPA L112-11, R112-11-1) of a
 * message that {@code ThreadIntoCase} put into a case: on the first message of the case from
 * an address, then at most once per case and address per {@code guichet.acknowledgement.period},
 * never to automatic mail (RFC 3834 §2), and at most {@code guichet.acknowledgement.per-sender}
 * per address and window. The acknowledgement is a new mail spooled through the mailet context,
 * with the null envelope sender (RFC 3834 §3.3: a response must not itself be answered), in the
 * transaction that completes the message; the message itself is left as it is, for
 * {@code Archive}. Guichet-only: it needs the {@link Acknowledger} of {@link GuichetServices}.
 *
 * <pre>{@code
 * <processor state="inbound">
 *   <mailet match="All" class="ThreadIntoCase"/>
 *   <mailet match="All" class="Acknowledge"/>
 *   <mailet match="All" class="Archive"/>
 * </processor>
 * }</pre>
 */
public class Acknowledge extends GenericMailet {

    /**
     * Set on the message once its acknowledgement is spooled: kept with the mail in the spool,
     * so a held mail released later is not acknowledged twice. A run whose spool writes were
     * lost left no such attribute, and the recorded acknowledgement is spooled again.
     */
    public static final AttributeName ACKNOWLEDGED = AttributeName.of("org.guichet.acknowledgement.message-id");

    private static final Logger log = LoggerFactory.getLogger(Acknowledge.class);

    private Acknowledger acknowledger;

    @Override
    public void init() throws MessagingException {
        checkInitParameters(Set.of());
        acknowledger = GuichetServices.of(getMailetContext()).require(Acknowledger.class, getMailetName());
    }

    @Override
    public String getMailetInfo() {
        return "Sends the acknowledgement of receipt of a citizen's message (CRPA L112-11)";
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        String reference = AttributeUtils.getValueAndCastFromMail(mail, CaseAttributes.REFERENCE, String.class)
                .orElseThrow(() -> new MessagingException("mail " + mail.getName() + " is in no case: put"
                        + " ThreadIntoCase before Acknowledge"));
        if (mail.getAttribute(ACKNOWLEDGED).isPresent()) {
            log.info("queue {}: case={} acknowledgement=skipped (already spooled)", mail.getName(), reference);
            return;
        }
        switch (acknowledger.decide(mail, InboundMessage.of(mail), address -> getMailetContext().isLocalEmail(address))) {
            case Acknowledger.Skip skip ->
                    log.info("queue {}: case={} acknowledgement=skipped ({})", mail.getName(), reference, skip.reason());
            case Acknowledger.Send send -> {
                // Null reverse-path: a failure of the acknowledgement produces no bounce to answer (RFC 3834 §3.3).
                getMailetContext().sendMail(null, List.of(send.recipient()), send.message());
                mail.setAttribute(ACKNOWLEDGED.withValue(AttributeValue.of(send.messageId())));
                log.info("queue {}: case={} acknowledgement={} to=<{}> message-id={}", mail.getName(), reference,
                        send.replay() ? "resent (replay)" : "sent", send.recipient().asString(), send.messageId());
            }
        }
    }
}
