package org.guichet.casework;

import java.util.List;

/**
 * One page of a case listing, with the total count of matching cases (never capped: a queue
 * that holds 40,000 cases says 40,000).
 *
 * @param items the cases of this page, newest first
 * @param page  page number, from 0
 * @param size  page size asked for
 * @param total matching cases in all pages
 */
public record CasePage(List<CaseSummary> items, int page, int size, long total) {

    public CasePage {
        items = List.copyOf(items);
    }
}
