package org.guichet.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The figures of one clock at the instant they were computed for.
 *
 * @param metric              what the clock measures
 * @param cycle               1 for every metric but {@link SlaMetric#NEXT_ANSWER}, where it
 *                            numbers the follow-ups of the case: 1, 2, 3…
 * @param serviceCode         the service whose policy the clock follows (the case's service
 *                            at the start)
 * @param policyVersion       the version of that policy in force at the start; 0 for the
 *                            configured default
 * @param target              the target of that version
 * @param start               the event that started the clock
 * @param due                 the due date, pushed by the pauses before it; null while the
 *                            clock is paused before spending its budget (it depends on when
 *                            the pause ends)
 * @param stoppedAt           the event that stopped it (the awaited one, or the closing of
 *                            the case for {@link ClockState#DROPPED}); null while it runs
 *                            or pauses
 * @param state               met, breached, running, paused or dropped
 * @param elapsed             time counted in the target's measure (open time or wall-clock
 *                            time), pauses excluded, until the stop or the computation instant
 * @param elapsedBusinessTime open time of the calendar counted over the same spans
 * @param warning             whether {@code elapsed} reached the policy's warning fraction of
 *                            the budget
 */
public record ClockFigure(SlaMetric metric, int cycle, String serviceCode, int policyVersion, SlaTarget target,
                          Instant start, Instant due, Instant stoppedAt, ClockState state, Duration elapsed,
                          Duration elapsedBusinessTime, boolean warning) {

    public Optional<Instant> dueDate() {
        return Optional.ofNullable(due);
    }

    public Optional<Instant> stopped() {
        return Optional.ofNullable(stoppedAt);
    }
}
