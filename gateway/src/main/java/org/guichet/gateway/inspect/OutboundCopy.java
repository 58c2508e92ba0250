package org.guichet.gateway.inspect;

import java.util.List;

/**
 * One message that would leave the pipeline, and what was done to it.
 *
 * @param name           the mail's name in the dry run ({@code inspect}, {@code inspect-1}…)
 * @param status         {@code relay} (would be handed to the relay) or {@code held} (kept for an operator)
 * @param error          why it would be held, or null
 * @param sender         envelope sender ('' for the null sender)
 * @param recipients     envelope recipients
 * @param noreplyMatched whether the noreply rule matched: the copy was given a reply address
 * @param noreplyAddress the sender address that reads as noreply ({@code IsNoreply}'s default
 *                       patterns: envelope sender, then From), or null
 * @param replyAddress   the reply address written into the message, or null
 * @param token          its signed token, or null
 * @param notice         what the notice rewriting did, or null when it did not run on this message
 * @param headers        headers that differ from the submitted message
 * @param bodyChanged    whether the body differs from the submitted message
 */
public record OutboundCopy(String name, String status, String error, String sender, List<String> recipients,
        boolean noreplyMatched, String noreplyAddress, String replyAddress, String token, NoticeOutcome notice,
        List<HeaderChange> headers, boolean bodyChanged) {

    public OutboundCopy {
        recipients = List.copyOf(recipients);
        headers = List.copyOf(headers);
    }
}
