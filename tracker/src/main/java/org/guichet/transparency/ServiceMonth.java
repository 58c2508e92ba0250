package org.guichet.transparency;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * The public figures of one service for one month of receipt. Shares are between 0 and 1;
 * times are in working days of the service's calendar. Every figure is null when it is
 * withheld (too few requests to publish without singling out a citizen) or has no meaning.
 *
 * @param service            the service's code
 * @param serviceName        its name
 * @param month              the month the requests were received in
 * @param withheld           whether the month's figures are withheld: fewer requests than the minimum
 * @param received           requests received from citizens (cases opened by a person's message)
 * @param answeredShare      share of them answered by a person
 * @param medianDays         median time to the first answer by a person
 * @param p90Days            90th percentile of that time
 * @param withinCommitment   share answered within the service's commitment
 * @param neverAnsweredShare share not answered at all, as of the figures' date
 * @param commitment         the commitment, as the service states it (e.g. « sous 5 jours ouvrés »)
 */
public record ServiceMonth(String service, String serviceName, YearMonth month, boolean withheld, Long received,
        BigDecimal answeredShare, BigDecimal medianDays, BigDecimal p90Days, BigDecimal withinCommitment,
        BigDecimal neverAnsweredShare, String commitment) {

    /** Whether no request at all was received that month. */
    public boolean none() {
        return !withheld && received != null && received == 0;
    }
}
