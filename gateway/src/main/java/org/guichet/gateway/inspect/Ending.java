package org.guichet.gateway.inspect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.guichet.gateway.noreply.SetReplyAddress;
import org.guichet.gateway.notice.ReplaceNoreplyNotice;
import org.guichet.gateway.pipeline.Outgoing;

/**
 * One mail at the end of a dry run, with what the mailets recorded on it.
 *
 * @param name         the mail's name in the run ({@code inspect}, {@code inspect-1} for a copy…)
 * @param held         true when it would be held for an operator, false when relayed
 * @param error        why it would be held, or null
 * @param sender       envelope sender ('' for the null sender)
 * @param recipients   envelope recipients
 * @param message      the message as it would leave (or be held)
 * @param conversation {@link SetReplyAddress#CONVERSATION}, or null when no reply address was set
 * @param token        {@link SetReplyAddress#TOKEN}, or null
 * @param replyAddress {@link SetReplyAddress#REPLY_ADDRESS}, or null
 * @param notice       what {@link ReplaceNoreplyNotice} did, or null when it did not run on this mail
 */
public record Ending(String name, boolean held, String error, String sender, List<String> recipients, byte[] message,
        String conversation, String token, String replyAddress, NoticeOutcome notice) {

    public Ending {
        recipients = List.copyOf(recipients);
    }

    /** @param claimed the message of the run that produced the outcome, for an unchanged one */
    static Ending of(Outgoing outcome, byte[] claimed, Mail mail) {
        byte[] message = outcome.changed() ? outcome.raw() : claimed;
        String error = outcome instanceof Outgoing.Held held ? held.error() : null;
        return new Ending(mail.getName(), outcome instanceof Outgoing.Held, error, outcome.sender(), outcome.recipients(),
                message, text(mail, SetReplyAddress.CONVERSATION), text(mail, SetReplyAddress.TOKEN),
                text(mail, SetReplyAddress.REPLY_ADDRESS), notice(mail));
    }

    private static NoticeOutcome notice(Mail mail) {
        String outcome = text(mail, ReplaceNoreplyNotice.OUTCOME);
        if (outcome == null) {
            return null;
        }
        Object count = value(mail, ReplaceNoreplyNotice.COUNT).orElse(0);
        return new NoticeOutcome(outcome, count instanceof Number n ? n.intValue() : 0,
                texts(mail, ReplaceNoreplyNotice.ENTRIES), texts(mail, ReplaceNoreplyNotice.SKIPPED));
    }

    private static Optional<Object> value(Mail mail, AttributeName name) {
        return mail.getAttribute(name).map(attribute -> attribute.getValue().getValue());
    }

    private static String text(Mail mail, AttributeName name) {
        return value(mail, name).map(String::valueOf).orElse(null);
    }

    private static List<String> texts(Mail mail, AttributeName name) {
        List<String> texts = new ArrayList<>();
        if (value(mail, name).orElse(null) instanceof Collection<?> values) {
            for (Object value : values) {
                texts.add(String.valueOf(value instanceof AttributeValue<?> wrapped ? wrapped.getValue() : value));
            }
        }
        return texts;
    }
}
