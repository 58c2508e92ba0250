package org.guichet.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.guichet.calendar.BusinessCalendar;

/**
 * SLA figures of a case as a pure function of its events, the policy versions and the
 * services' calendars: the same inputs give the same figures, whoever computes them and
 * whenever. Nothing is stored; a case is recomputed from its log.
 *
 * <h2>Rules</h2>
 * Events are read in order of their instant (the log's order among equal instants);
 * events after {@code asOf} are not read. A <em>citizen message</em> is a
 * {@code RECEIVED} event not flagged automatic: automatic messages start, stop and resume
 * nothing (design: trackers drop automated mail; Guichet keeps it apart from the SLA).
 * <ul>
 *   <li><b>Acknowledgement</b>: starts at the first citizen message of the case (CRPA
 *       L112-11); stops at the first {@code ACKNOWLEDGED}. Never paused. One per case.</li>
 *   <li><b>First answer</b>: starts at the first citizen message; stops at the first
 *       {@code ANSWERED} not flagged automatic.</li>
 *   <li><b>Next answer</b>: a citizen message arriving when the latest answer clock has
 *       stopped (the case was answered) starts a new next-answer clock, numbered 1, 2, …;
 *       further messages before the answer start nothing. The next {@code ANSWERED} stops it.</li>
 *   <li><b>Resolution</b>: starts at the first citizen message; stops when the status
 *       becomes {@code closed}. A {@code REOPENED} (or a status other than closed, or a
 *       citizen message, on a closed case) resumes the same clock: the time while closed
 *       does not count.</li>
 *   <li><b>Pauses</b>: while the case's status is one of the pausing statuses of a clock's
 *       policy version (by default {@code waiting_citizen}), its answer and resolution
 *       clocks do not count. They resume at the next citizen message (which returns the
 *       case to {@code open}) or at a change to a status that does not pause.</li>
 *   <li><b>Closing</b> stops the acknowledgement and answer clocks still waiting: they are
 *       {@link ClockState#DROPPED}, or {@link ClockState#BREACHED} if already past due.</li>
 *   <li><b>Policy</b>: a clock follows, for good, the version of its service's policy in
 *       force at the event that started it (the service being the case's service at that
 *       event: {@code CASE_OPENED}, then the latest {@code TRANSFERRED}). A later version,
 *       or a transfer, never changes a clock already started.</li>
 *   <li><b>Due date</b>: the target's due date from the start (see {@link SlaTarget}),
 *       pushed by the measure of every pause before it. Met means stopped strictly before
 *       the due date; breached means the due date came first (a clock running at its due
 *       date is breached from then on).</li>
 * </ul>
 */
public final class SlaClock {

    private final SlaPolicies policies;
    private final ServiceCalendars calendars;

    public SlaClock(SlaPolicies policies, ServiceCalendars calendars) {
        this.policies = Objects.requireNonNull(policies, "policies");
        this.calendars = Objects.requireNonNull(calendars, "calendars");
    }

    /**
     * The figures of the case whose events are {@code events}, as they stand at {@code asOf}.
     *
     * @throws IllegalArgumentException if a clock starts before the case has a service
     */
    public SlaFigures figures(List<SlaEvent> events, Instant asOf) {
        Objects.requireNonNull(asOf, "asOf");
        List<SlaEvent> ordered = events.stream().sorted(Comparator.comparing(SlaEvent::at)).toList();
        Run run = new Run();
        for (SlaEvent event : ordered) {
            if (event.at().isAfter(asOf)) {
                break;
            }
            run.apply(event);
        }
        return new SlaFigures(asOf, run.clocks.stream().map(clock -> clock.figure(asOf)).toList());
    }

    /** One pass over a case's events. */
    private final class Run {
        private final List<Timer> clocks = new ArrayList<>();
        private final List<Timer> answers = new ArrayList<>();
        private String service;
        private String status = SlaEvent.OPEN;
        private Timer acknowledgement;
        private Timer resolution;

        void apply(SlaEvent event) {
            Instant at = event.at();
            switch (event.type()) {
                case CASE_OPENED, TRANSFERRED -> service = event.serviceCode();
                case RECEIVED -> {
                    if (event.isCitizenMessage()) {
                        citizenMessage(at);
                    }
                }
                case ACKNOWLEDGED -> {
                    if (acknowledgement != null && acknowledgement.waiting()) {
                        acknowledgement.stop(at, false);
                    }
                }
                case ANSWERED -> {
                    Timer latest = latestAnswer();
                    if (!event.automatic() && latest != null && latest.waiting()) {
                        latest.stop(at, false);
                    }
                }
                case STATUS_CHANGED -> changeStatus(event.status(), at);
                case REOPENED -> {
                    if (status.equals(SlaEvent.CLOSED)) {
                        changeStatus(SlaEvent.OPEN, at);
                    }
                }
                case CLASSIFIED_AUTOMATIC -> {
                    // Evidence only: the RECEIVED event's own flag decides what it starts.
                }
            }
        }

        private void citizenMessage(Instant at) {
            // A citizen's message ends a wait on the citizen and reopens a closed case.
            if (!status.equals(SlaEvent.OPEN)) {
                changeStatus(SlaEvent.OPEN, at);
            }
            if (acknowledgement == null) {
                acknowledgement = start(SlaMetric.ACKNOWLEDGEMENT, 1, at);
            }
            if (resolution == null) {
                resolution = start(SlaMetric.RESOLUTION, 1, at);
            }
            Timer latest = latestAnswer();
            if (latest == null) {
                answers.add(start(SlaMetric.FIRST_ANSWER, 1, at));
            } else if (!latest.waiting()) {
                answers.add(start(SlaMetric.NEXT_ANSWER, answers.size(), at));
            }
        }

        private void changeStatus(String newStatus, Instant at) {
            boolean wasClosed = status.equals(SlaEvent.CLOSED);
            status = newStatus;
            if (newStatus.equals(SlaEvent.CLOSED)) {
                if (resolution != null && resolution.waiting()) {
                    resolution.stop(at, false);
                }
                if (acknowledgement != null && acknowledgement.waiting()) {
                    acknowledgement.stop(at, true);
                }
                Timer latest = latestAnswer();
                if (latest != null && latest.waiting()) {
                    latest.stop(at, true);
                }
                return;
            }
            if (wasClosed && resolution != null) {
                resolution.resume(at);
            }
            for (Timer clock : clocks) {
                clock.follow(status, at);
            }
        }

        private Timer latestAnswer() {
            return answers.isEmpty() ? null : answers.get(answers.size() - 1);
        }

        private Timer start(SlaMetric metric, int cycle, Instant at) {
            if (service == null) {
                throw new IllegalArgumentException("a " + metric + " clock starts at " + at
                        + " but the case has no service yet (CASE_OPENED must come first)");
            }
            SlaPolicy policy = policies.inForce(service, at);
            Timer timer = new Timer(metric, cycle, policy, calendars.of(service), at);
            clocks.add(timer);
            timer.follow(status, at);
            return timer;
        }
    }

    /** One clock being run: its counting spans so far. */
    private static final class Timer {
        private final SlaMetric metric;
        private final int cycle;
        private final SlaPolicy policy;
        private final SlaTarget target;
        private final BusinessCalendar calendar;
        private final Instant start;
        /** Closed counting spans, as [from0, to0, from1, to1, …]. */
        private final List<Instant> spans = new ArrayList<>();
        private Instant countingSince;
        private Instant stoppedAt;
        private boolean dropped;

        Timer(SlaMetric metric, int cycle, SlaPolicy policy, BusinessCalendar calendar, Instant start) {
            this.metric = metric;
            this.cycle = cycle;
            this.policy = policy;
            this.target = policy.target(metric);
            this.calendar = calendar;
            this.start = start;
            this.countingSince = start;
        }

        /** Still waiting for the event that stops it. */
        boolean waiting() {
            return stoppedAt == null;
        }

        void stop(Instant at, boolean drop) {
            pause(at);
            stoppedAt = at;
            dropped = drop;
        }

        /** A closed case opened again: the resolution clock counts again. */
        void resume(Instant at) {
            stoppedAt = null;
            dropped = false;
            countingSince = at;
        }

        /** Counts or pauses according to the case's status. */
        void follow(String status, Instant at) {
            if (!waiting()) {
                return;
            }
            // CRPA L112-11: the acknowledgement is owed whatever the case waits on.
            boolean pauses = metric != SlaMetric.ACKNOWLEDGEMENT && policy.terms().pauses(status);
            if (pauses) {
                pause(at);
            } else if (countingSince == null) {
                countingSince = at;
            }
        }

        private void pause(Instant at) {
            if (countingSince != null) {
                spans.add(countingSince);
                spans.add(at);
                countingSince = null;
            }
        }

        ClockFigure figure(Instant asOf) {
            List<Instant> counted = new ArrayList<>(spans);
            if (countingSince != null) {
                counted.add(countingSince);
                counted.add(asOf);
            }
            Duration budget = target.measure(start, target.dueFrom(start, calendar), calendar);
            Duration remaining = budget;
            Duration elapsed = Duration.ZERO;
            Duration business = Duration.ZERO;
            Instant due = null;
            for (int i = 0; i < counted.size(); i += 2) {
                Instant from = counted.get(i);
                Instant to = counted.get(i + 1);
                Duration measured = target.measure(from, to, calendar);
                if (due == null && measured.compareTo(remaining) >= 0) {
                    due = target.expiry(target.advance(from, remaining, calendar), calendar);
                }
                if (due == null) {
                    remaining = remaining.minus(measured);
                }
                elapsed = elapsed.plus(measured);
                business = business.plus(target.countsOpenTime() ? measured : calendar.businessTimeBetween(from, to));
            }
            Instant end = stoppedAt != null ? stoppedAt : asOf;
            if (due == null && (stoppedAt != null || countingSince != null)) {
                // Not spent yet: the due date lies ahead, as if counting went on from the stop (or now).
                due = target.expiry(target.advance(end, remaining, calendar), calendar);
            }
            ClockState state;
            if (stoppedAt != null) {
                boolean late = due != null && !stoppedAt.isBefore(due);
                state = late ? ClockState.BREACHED : dropped ? ClockState.DROPPED : ClockState.MET;
            } else if (due != null && !asOf.isBefore(due)) {
                state = ClockState.BREACHED;
            } else {
                state = countingSince != null ? ClockState.RUNNING : ClockState.PAUSED;
            }
            boolean warning = elapsed.toNanos() >= Math.ceil(budget.toNanos() * policy.terms().warningFraction());
            return new ClockFigure(metric, cycle, policy.serviceCode(), policy.version(), target, start, due, stoppedAt,
                    state, elapsed, business, warning);
        }
    }
}
