package org.guichet.gateway.notice;

import java.util.List;

/**
 * A notice found in a text: the whole sentence (or run of sentences) to replace.
 *
 * @param start          index of the first character of the notice in the original text
 * @param end            index just after its last character, final punctuation included
 * @param language       language of the notice
 * @param entries        catalogue entries found in it, in reading order
 * @param afterComma     the notice follows a lead word and a comma ("Attention, merci de…"),
 *                       so the replacement starts in lower case
 */
record NoticeMatch(int start, int end, Language language, List<String> entries, boolean afterComma) {
}
