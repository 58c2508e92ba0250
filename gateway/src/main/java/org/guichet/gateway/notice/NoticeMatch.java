package org.guichet.gateway.notice;

import java.util.List;

import org.guichet.gateway.language.Language;

/**
 * A notice found in a text: the part of a sentence (or run of sentences) to replace.
 *
 * @param start      index of the first character of the notice in the original text
 * @param end        index just after its last character, final punctuation included
 * @param language   language of the notice
 * @param entries    what its clauses say ({@code fr.refusal}, {@code de.unread}, {@code nl.automatic}), in reading order
 * @param afterComma the sentence opens with words kept before the notice ("Attention, merci de…"),
 *                   so the replacement starts in lower case
 * @param foldedEnd  where the notice ends in the folded text
 */
record NoticeMatch(int start, int end, Language language, List<String> entries, boolean afterComma, int foldedEnd) {
}
