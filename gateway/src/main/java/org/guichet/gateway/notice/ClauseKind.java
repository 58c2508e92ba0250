package org.guichet.gateway.notice;

/** What one clause of a sentence says, as far as notices are concerned. */
enum ClauseKind {
    /** Asks the reader not to reply, or says replying is not possible ("Merci de ne pas y répondre"). */
    REFUSAL,
    /** Says replies go nowhere: not read, not monitored, left without follow-up ("personne ne le lira"). */
    UNREAD,
    /** Says the message was sent automatically; a notice only beside a refusal, or alone on its line. */
    AUTOMATIC,
    /** Politeness or an opening word ("merci", "Attention") that adds nothing to a notice. */
    FILLER,
    /** A word that opens the sentence ("Important", "Let op"); kept before the replacement. */
    LEAD,
    /** Anything else: kept as it is. */
    OTHER;

    boolean core() {
        return this == REFUSAL || this == UNREAD;
    }

    boolean partOfNotice() {
        return this == REFUSAL || this == UNREAD || this == AUTOMATIC || this == FILLER;
    }
}
