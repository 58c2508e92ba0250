package org.guichet.audit;

import java.util.Locale;

/**
 * How a citizen's request reached Guichet, for the report's channel filter.
 * A case's channel is read from the case: {@link #REPLY} when it is tied to an official
 * message ({@code citizen_case.conversation_id}: the citizen answered through the message's
 * reply address, or with headers naming it), {@link #DIRECT} otherwise (mail written to a
 * service address, nothing tying it to an official message).
 */
public enum Channel {
    REPLY,
    DIRECT;

    /** {@code reply} or {@code direct}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * {@code reply} or {@code direct} in any case; null or blank for every channel (null).
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Channel ofNullable(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("channel '" + text + "' is not reply or direct");
        }
    }

    /** The channel of a case tied to an official message ({@code tied}) or not. */
    public static Channel of(boolean tiedToOfficialMessage) {
        return tiedToOfficialMessage ? REPLY : DIRECT;
    }
}
