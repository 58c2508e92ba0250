package org.guichet.supervision;

import java.time.Duration;
import java.time.LocalDate;

/**
 * The first answers to the cases a service received in one week (Monday to Sunday, in the
 * administration's zone), as the SLA clocks count them now.
 *
 * @param monday            the week's first day
 * @param received          cases received in the week
 * @param met               first-answer clocks stopped by a person's answer before their due date
 * @param breached          first-answer clocks whose due date came first (answered late or not yet)
 * @param medianFirstAnswer median time from the first message to a person's first answer, among
 *                          the cases answered; null when none was
 */
public record Week(LocalDate monday, int received, int met, int breached, Duration medianFirstAnswer) {

    /** The share of first answers on time among those decided (met or breached), in percent; null when none is. */
    public Integer compliance() {
        int decided = met + breached;
        return decided == 0 ? null : Math.round(100f * met / decided);
    }
}
