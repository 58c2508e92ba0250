package org.guichet.sla;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every clock of one case at {@code asOf}, in the order they started.
 *
 * @param asOf   the instant the figures hold for; later events were not read
 * @param clocks the clocks
 */
public record SlaFigures(Instant asOf, List<ClockFigure> clocks) {

    public SlaFigures {
        clocks = List.copyOf(clocks);
    }

    public Optional<ClockFigure> acknowledgement() {
        return first(SlaMetric.ACKNOWLEDGEMENT);
    }

    public Optional<ClockFigure> firstAnswer() {
        return first(SlaMetric.FIRST_ANSWER);
    }

    /** The clocks of the follow-ups, cycle 1 first. */
    public List<ClockFigure> nextAnswers() {
        return clocks.stream().filter(c -> c.metric() == SlaMetric.NEXT_ANSWER).toList();
    }

    public Optional<ClockFigure> resolution() {
        return first(SlaMetric.RESOLUTION);
    }

    /** Whether any clock is breached. */
    public boolean breached() {
        return clocks.stream().anyMatch(c -> c.state() == ClockState.BREACHED);
    }

    private Optional<ClockFigure> first(SlaMetric metric) {
        return clocks.stream().filter(c -> c.metric() == metric).findFirst();
    }
}
