package org.guichet.escalation;

import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.guichet.sla.ClockFigure;
import org.guichet.sla.ClockState;
import org.guichet.sla.ImplicitDecisionDeadline;
import org.guichet.sla.LegalDeadlines;
import org.guichet.sla.ServiceCalendars;
import org.guichet.sla.SlaClock;
import org.guichet.sla.SlaEvent;
import org.guichet.sla.SlaFigures;
import org.guichet.sla.SlaMetric;
import org.guichet.sla.SlaPolicies;

/**
 * Which flags a case deserves at {@code asOf}: a pure function of its events, the policy
 * versions and the calendars, like the figures it reads ({@link SlaClock}).
 *
 * <ul>
 *   <li>{@link FlagKind#WARNING}, per clock: the clock still awaits its event, counts
 *       ({@link ClockState#RUNNING}) and reached its policy's warning fraction. A paused clock
 *       waits on the citizen: nothing to escalate.</li>
 *   <li>{@link FlagKind#BREACH}, per clock: the clock still awaits its event and its due date
 *       has come. A clock answered late between two sweeps is reported, not escalated: the
 *       notice is a call to act, and there is nothing left to do.</li>
 *   <li>{@link FlagKind#THIRD_MESSAGE_WITHOUT_ANSWER}: three citizen messages or more since the
 *       awaited answer's clock (first answer, or the latest follow-up) started, and no answer by
 *       a person yet. Automatic messages do not count. Keyed by that answer clock, so a fourth
 *       message raises nothing new, while three more after the next answer do.</li>
 *   <li>{@link FlagKind#DECISION_DATE_APPROACHING}: {@link LegalDeadlines#approaching} within
 *       the window ({@code guichet.sla.approaching-window}); a closed case is not flagged.</li>
 * </ul>
 * Flags already raised are the caller's business: the sweep says what holds, the store keeps
 * each flag once. Cost: one pass of {@link SlaClock} and {@link LegalDeadlines} over the
 * case's events, O(events + clocks).
 */
public final class EscalationSweep {

    /** Citizen messages without an answer that escalate: "the third call gets a person". */
    public static final int UNANSWERED_MESSAGES = 3;

    private final SlaClock clocks;
    private final LegalDeadlines deadlines;
    private final Period window;

    public EscalationSweep(SlaPolicies policies, ServiceCalendars calendars, Period window) {
        this.clocks = new SlaClock(policies, calendars);
        this.deadlines = new LegalDeadlines(policies, calendars);
        this.window = Objects.requireNonNull(window, "window");
    }

    /** The flags the case whose events are {@code events} deserves at {@code asOf}. */
    public List<Escalation> decide(List<SlaEvent> events, Instant asOf) {
        List<SlaEvent> known = events.stream().filter(e -> !e.at().isAfter(asOf)).toList();
        SlaFigures figures = clocks.figures(known, asOf);
        Optional<ImplicitDecisionDeadline> approaching = deadlines.approaching(known, asOf, window)
                ? deadlines.implicitDecision(known) : Optional.empty();
        return decide(known, figures, approaching);
    }

    /** The same decision skipping the flags in {@code raised}. */
    public List<Escalation> decide(List<SlaEvent> events, Instant asOf, Set<CaseFlag> raised) {
        return decide(events, asOf).stream().filter(e -> !raised.contains(e.flag())).toList();
    }

    /**
     * The decision itself, from figures already computed.
     *
     * @param events      the case's events up to the figures' instant
     * @param figures     the case's clocks at that instant
     * @param approaching the implicit decision deadline when it is approaching, else empty
     */
    public static List<Escalation> decide(List<SlaEvent> events, SlaFigures figures,
            Optional<ImplicitDecisionDeadline> approaching) {
        List<Escalation> flags = new ArrayList<>();
        ClockFigure awaitedAnswer = null;
        for (ClockFigure clock : figures.clocks()) {
            if (clock.metric() == SlaMetric.FIRST_ANSWER || clock.metric() == SlaMetric.NEXT_ANSWER) {
                awaitedAnswer = clock;
            }
            if (clock.stopped().isPresent()) {
                continue;
            }
            if (clock.state() == ClockState.BREACHED) {
                flags.add(new Escalation(CaseFlag.of(FlagKind.BREACH, clock.metric(), clock.cycle()), clock, null, 0));
            } else if (clock.state() == ClockState.RUNNING && clock.warning()) {
                flags.add(new Escalation(CaseFlag.of(FlagKind.WARNING, clock.metric(), clock.cycle()), clock, null, 0));
            }
        }
        if (awaitedAnswer != null && awaitedAnswer.stopped().isEmpty()) {
            Instant since = awaitedAnswer.start();
            Instant until = figures.asOf();
            int messages = (int) events.stream()
                    .filter(e -> e.type() == SlaEvent.Type.RECEIVED && !e.automatic())
                    .filter(e -> !e.at().isBefore(since) && !e.at().isAfter(until))
                    .count();
            if (messages >= UNANSWERED_MESSAGES) {
                flags.add(new Escalation(CaseFlag.of(FlagKind.THIRD_MESSAGE_WITHOUT_ANSWER, awaitedAnswer.metric(),
                        awaitedAnswer.cycle()), awaitedAnswer, null, messages));
            }
        }
        approaching.ifPresent(deadline -> flags.add(new Escalation(
                new CaseFlag(FlagKind.DECISION_DATE_APPROACHING, CaseFlag.IMPLICIT_DECISION, 1), null, deadline, 0)));
        return List.copyOf(flags);
    }
}
