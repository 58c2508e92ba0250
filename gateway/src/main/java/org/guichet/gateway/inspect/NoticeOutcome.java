package org.guichet.gateway.inspect;

import java.util.List;

/**
 * What the notice rewriting recorded on a mail ({@code org.guichet.notice.*} attributes).
 *
 * @param outcome {@code replaced}, {@code absent}, {@code signed}, {@code encrypted} or {@code unreadable}
 * @param count   notices replaced
 * @param entries one line per notice: part, type, language, catalogue entries
 * @param skipped parts left alone, with the reason
 */
public record NoticeOutcome(String outcome, int count, List<String> entries, List<String> skipped) {

    public NoticeOutcome {
        entries = List.copyOf(entries);
        skipped = List.copyOf(skipped);
    }
}
