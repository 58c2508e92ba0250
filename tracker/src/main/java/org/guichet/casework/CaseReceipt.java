package org.guichet.casework;

/**
 * What {@link Casework#receive} did with an inbound message.
 *
 * @param caseFile   the case the message is now part of
 * @param message    the case message recorded
 * @param threading  how it found its case
 * @param thirdParty written from another address than the citizen's
 * @param change     what happened to the case
 * @param duplicate  the same spool message had already been received: nothing was written
 */
public record CaseReceipt(Case caseFile, CaseMessage message, Threading threading, boolean thirdParty,
        Change change, boolean duplicate) {

    /** What a message did to its case. */
    public enum Change {
        /** A new case was opened for it. */
        OPENED,
        /** It joined an open case (or a closed one, when automatic: automatic mail reopens nothing). */
        JOINED,
        /** It reopened a closed case. */
        REOPENED,
        /** It reached a closed case and opened a new case linked to it. */
        LINKED
    }
}
