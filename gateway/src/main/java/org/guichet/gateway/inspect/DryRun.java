package org.guichet.gateway.inspect;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.guichet.gateway.pipeline.ClaimedMessage;
import org.guichet.gateway.pipeline.MailetContainer;
import org.guichet.gateway.pipeline.Outgoing;
import org.guichet.gateway.spool.Envelope;
import org.guichet.gateway.spool.SpooledMessage;

/**
 * Runs a message through the real mailet container as a worker would, without the spool: mail a
 * mailet sends through the mailet context (personal copies, bounces) is run in memory from the
 * processor it was sent to, with the attributes it carried, as the worker would after claiming
 * it. Nothing is written and nothing is sent: {@code Relay} and {@code Hold} only report.
 */
public final class DryRun {

    /** Queue id of the message in the run; copies get {@code inspect-1}, {@code inspect-2}… */
    public static final String QUEUE_ID = "inspect";

    /** A pipeline.xml whose mailets keep sending mail to each other would never end. */
    static final int MAX_MAILS = 5_000;

    private final MailetContainer container;
    private final Clock clock;

    public DryRun(MailetContainer container, Clock clock) {
        this.container = container;
        this.clock = clock;
    }

    /**
     * The mails that would leave the pipeline (relayed or held), in the order they end.
     *
     * @throws Exception what the container throws (a mailet set to {@code propagate}), or
     *                   IllegalStateException past {@value #MAX_MAILS} mails
     */
    public List<Ending> run(byte[] raw, MessageEnvelope envelope) throws Exception {
        Instant received = clock.instant();
        Deque<ClaimedMessage> work = new ArrayDeque<>();
        work.add(ClaimedMessage.atRoot(spooled(QUEUE_ID, envelope.sender(), envelope.recipients(), raw, received)));
        List<Ending> endings = new ArrayList<>();
        int mails = 0;
        while (!work.isEmpty()) {
            if (++mails > MAX_MAILS) {
                throw new IllegalStateException("the pipeline produced more than " + MAX_MAILS
                        + " mails from one message (a loop in pipeline.xml?)");
            }
            ClaimedMessage claimed = work.removeFirst();
            byte[] claimedRaw = claimed.message().raw();
            container.process(claimed, (outcome, mail) -> {
                if (outcome instanceof Outgoing.Requeued requeued) {
                    work.add(new ClaimedMessage(spooled(mail.getName(), requeued.sender(), requeued.recipients(),
                            requeued.raw(), received), requeued.processor(), requeued.attributes()));
                } else {
                    endings.add(Ending.of(outcome, claimedRaw, mail));
                }
            });
        }
        return endings;
    }

    private static SpooledMessage spooled(String name, String sender, List<String> recipients, byte[] raw,
            Instant received) {
        return new SpooledMessage(0, name, new Envelope(sender, recipients, "127.0.0.1", null, null), received, raw);
    }
}
