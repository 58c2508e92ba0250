package org.guichet.gateway.pipeline;

import java.time.Duration;
import java.util.List;

/**
 * What the pipeline made of a spooled message: mail for the relay, mail to run through a
 * processor again, or mail held for an operator. {@link PipelineQueue#complete} writes all of
 * a batch's outcomes in one transaction, so none is lost or written twice.
 */
public sealed interface Outgoing {

    /** Envelope sender ('' for the null sender). */
    String sender();

    /** Envelope recipients. */
    List<String> recipients();

    /** The message to write, or null when it is the spooled original, unchanged. */
    byte[] raw();

    default boolean changed() {
        return raw() != null;
    }

    static Outgoing unchanged(String sender, List<String> recipients) {
        return new Relayed(sender, recipients, null);
    }

    static Outgoing rewritten(String sender, List<String> recipients, byte[] raw) {
        return new Relayed(sender, recipients, raw);
    }

    /**
     * A message for the relay: unchanged ones become recipients of the spooled original,
     * rewritten ones a new message in stage {@code delivery}.
     */
    record Relayed(String sender, List<String> recipients, byte[] raw) implements Outgoing {

        public Relayed {
            recipients = List.copyOf(recipients);
        }
    }

    /**
     * A mail a mailet sent through the mailet context: a new message in stage {@code pipeline}
     * that starts in {@code processor}, not before {@code delay} has passed.
     *
     * @param attributes the mail attributes as JSON ({@link MailAttributes}), or null
     */
    record Requeued(String sender, List<String> recipients, byte[] raw, String processor, String attributes,
            Duration delay) implements Outgoing {

        public Requeued {
            recipients = List.copyOf(recipients);
            if (raw == null) {
                throw new IllegalArgumentException("a requeued mail carries its own message");
            }
        }
    }

    /**
     * A mail kept in stage {@code held} for an operator, with the reason (the exception of the
     * mailet that failed). Nothing the pipeline cannot handle is dropped.
     *
     * @param attributes the mail attributes as JSON ({@link MailAttributes}), or null
     */
    record Held(String sender, List<String> recipients, byte[] raw, String error, String attributes)
            implements Outgoing {

        public Held {
            recipients = List.copyOf(recipients);
        }
    }
}
