package org.guichet.gateway.notice;

import java.util.regex.Pattern;

/**
 * One recognised clause of a "do not reply" notice, as a pattern over {@link FoldedText}.
 *
 * @param id       stable name recorded on the mail, e.g. {@code fr.ne-pas-repondre}
 * @param language language of the clause
 * @param kind     what the clause says; an {@link Kind#AUTOMATED} clause alone is no notice
 * @param pattern  the clause over folded text
 */
record CatalogEntry(String id, Language language, Kind kind, Pattern pattern) {

    enum Kind {
        /** Asks the reader not to reply ("Merci de ne pas répondre"). */
        REFUSAL,
        /** Says replies go nowhere ("This mailbox is not monitored"). */
        UNMONITORED,
        /** Says the message was sent automatically; only part of a notice, never one alone. */
        AUTOMATED
    }
}
