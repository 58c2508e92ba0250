package org.guichet.gateway.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.lifecycle.api.Disposable;
import org.apache.mailet.Mail;
import org.guichet.gateway.message.MessageBytes;
import org.guichet.gateway.spool.MailAttributes;
import org.guichet.gateway.spool.SpooledMessage;

/**
 * The outcomes of one spooled message going through the processors: what {@link Relay},
 * {@link Hold} and {@link GuichetMailetContext#sendMail} produced. Nothing is written until
 * {@link PipelineQueue#complete} writes them all at once.
 */
final class PipelineRun {

    private final SpooledMessage original;
    private final MailetContainer.Observer observer;
    private final List<Outgoing> outcomes = new ArrayList<>();
    private final List<Mail> mails = new ArrayList<>();

    PipelineRun(SpooledMessage original, MailetContainer.Observer observer) {
        this.original = original;
        this.observer = observer;
    }

    SpooledMessage original() {
        return original;
    }

    List<Outgoing> outcomes() {
        return List.copyOf(outcomes);
    }

    /** Keeps a mail of this run, to release its message buffers once the run is over. */
    <T extends Mail> T track(T mail) {
        mails.add(mail);
        return mail;
    }

    /** Releases what James's mail objects hold (their message sources are reference counted). */
    void dispose() {
        for (Mail mail : mails) {
            if (mail instanceof Disposable disposable) {
                disposable.dispose();
            }
        }
        mails.clear();
    }

    /**
     * Hands the mail to the relay. It counts as unchanged only when its bytes and envelope
     * sender are exactly the spooled original's: then the original itself is relayed.
     */
    void relay(Mail mail) throws MessagingException {
        byte[] raw = MessageBytes.of(mail.getMessage());
        String sender = sender(mail);
        boolean unchanged = sender.equals(original.envelope().sender()) && Arrays.equals(raw, original.raw());
        add(unchanged ? Outgoing.unchanged(sender, recipients(mail)) : Outgoing.rewritten(sender, recipients(mail), raw),
                mail);
    }

    void hold(Mail mail, String reason) throws MessagingException {
        byte[] raw = MessageBytes.of(mail.getMessage());
        add(new Outgoing.Held(sender(mail), recipients(mail), Arrays.equals(raw, original.raw()) ? null : raw,
                reason, MailAttributes.toJson(mail)), mail);
    }

    void requeue(Mail mail, String processor, Duration delay) throws MessagingException {
        if (mail.getRecipients().isEmpty()) {
            throw new MessagingException("mail " + mail.getName() + " sent without recipients");
        }
        add(new Outgoing.Requeued(sender(mail), recipients(mail), MessageBytes.of(mail.getMessage()), processor,
                MailAttributes.toJson(mail), delay), mail);
        track(mail);
    }

    private void add(Outgoing outcome, Mail mail) throws MessagingException {
        outcomes.add(outcome);
        observer.ended(outcome, mail);
    }

    private static String sender(Mail mail) {
        return mail.getMaybeSender().asOptional().map(MailAddress::asString).orElse("");
    }

    private static List<String> recipients(Mail mail) {
        return mail.getRecipients().stream().map(MailAddress::asString).toList();
    }
}
