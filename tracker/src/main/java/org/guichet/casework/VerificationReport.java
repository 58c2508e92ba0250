package org.guichet.casework;

import java.util.Optional;

/**
 * What {@link EventLog#verify()} found.
 *
 * @param eventsChecked events read in chain order, up to the first break
 * @param headHash      hash at the end of the chain as recorded (hex): compare it with a copy kept
 *                      outside the database (a published or notarised anchor) to detect a
 *                      rewrite of the whole chain by someone who can also recompute hashes
 * @param firstBreak    the first event where the chain does not hold, if any
 */
public record VerificationReport(long eventsChecked, String headHash, Optional<Break> firstBreak) {

    public boolean intact() {
        return firstBreak.isEmpty();
    }

    /** Why the chain does not hold at an event. */
    public enum Reason {
        /** The event's content (case, seq, type, time or payload) no longer gives its hash. */
        EDITED,
        /** An event is missing: a predecessor, a seq of the case, or the end of the chain. */
        MISSING,
        /** The event is out of its place: its predecessor comes after it, or its seq goes back. */
        REORDERED
    }

    /**
     * @param eventId       id of the first broken event (or of the last event found, when the end is missing)
     * @param caseReference its case, or null when unknown
     * @param seq           its seq within the case
     * @param reason        what kind of break
     * @param detail        one line for the auditor
     */
    public record Break(long eventId, String caseReference, int seq, Reason reason, String detail) {
    }
}
