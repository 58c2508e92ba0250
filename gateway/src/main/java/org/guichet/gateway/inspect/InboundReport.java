package org.guichet.gateway.inspect;

import org.guichet.gateway.content.ReplyContentReader;

/**
 * What the inbound side reads from a citizen's message. Only what Guichet already computes is
 * here; threading, automatic-mail classification and authentication results join it as those
 * steps are written, rather than as placeholders.
 *
 * @param visibleText what the citizen wrote, without the quoted original and the signature
 */
public record InboundReport(String visibleText) {

    public static InboundReport of(byte[] raw, ReplyContentReader reader) {
        return new InboundReport(reader.read(raw).visibleText());
    }
}
