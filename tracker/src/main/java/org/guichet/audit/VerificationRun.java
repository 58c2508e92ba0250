package org.guichet.audit;

import java.time.Instant;
import java.util.Optional;

import org.guichet.casework.VerificationReport;

/**
 * One run of the event-log verification, as a report states it.
 *
 * @param verifiedAt          the gateway's clock when the run ended
 * @param eventsChecked       events whose hash and place were recomputed
 * @param headHash            hex SHA-256 at the end of the chain it read: to be kept outside
 *                            the database, where nobody who can write to it can change it
 * @param firstBreak          the first event where the chain does not hold, if any
 * @param eventsAppendedSince events added to the log after the run, which it does not cover
 */
public record VerificationRun(Instant verifiedAt, long eventsChecked, String headHash,
        Optional<VerificationReport.Break> firstBreak, long eventsAppendedSince) {

    public boolean intact() {
        return firstBreak.isEmpty();
    }
}
