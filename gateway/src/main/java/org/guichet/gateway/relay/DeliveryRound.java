package org.guichet.gateway.relay;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.guichet.gateway.spool.Envelope;
import org.guichet.gateway.spool.Spool;
import org.guichet.gateway.spool.SpoolUnavailableException;

/**
 * One attempt for the recipients of one message that share a next hop: send, decide each
 * recipient's new state, notify the sender of those given up, record and log every
 * transition.
 */
class DeliveryRound {

    static final SmtpReply BOUNCED_BY_OPERATOR = SmtpReply.local(550, "5.0.0", "delivery cancelled by the operator");

    private final Courier courier;
    private final DeliveryQueue queue;
    private final RetrySchedule schedule;
    private final DeliveryStatusReport reports;
    private final Spool spool;
    private final RelayJournal journal;
    private final Clock clock;
    private final String node;

    DeliveryRound(Courier courier, DeliveryQueue queue, RetrySchedule schedule, DeliveryStatusReport reports, Spool spool,
                  RelayJournal journal, Clock clock, String node) {
        this.courier = courier;
        this.queue = queue;
        this.schedule = schedule;
        this.reports = reports;
        this.spool = spool;
        this.journal = journal;
        this.clock = clock;
        this.node = node;
    }

    void run(List<Claim> group, byte[] raw) {
        Claim first = group.get(0);
        List<RecipientResult> results = group.stream().allMatch(Claim::bounceRequested)
                ? group.stream().map(c -> new RecipientResult(c.recipient(), RecipientResult.Verdict.PERMANENT_FAILURE,
                        BOUNCED_BY_OPERATOR, null)).toList()
                : courier.deliver(first.sender(), group.stream().map(Claim::recipient).toList(), raw);
        Instant now = clock.instant();
        List<Transition> transitions = new ArrayList<>(group.size());
        List<DeliveryStatusReport.Failure> failures = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            Transition transition = schedule.decide(group.get(i), results.get(i), now);
            transitions.add(transition);
            if (transition.status().failed()) {
                failures.add(new DeliveryStatusReport.Failure(group.get(i).recipient(), transition));
            }
        }
        if (!failures.isEmpty()) {
            if (first.sender().isEmpty()) {
                journal.notNotified(first);
            } else if (!notify(first, raw, failures, now)) {
                // no DSN spooled: keep the failed recipients to try again rather than lose the notice
                for (int i = 0; i < group.size(); i++) {
                    Transition transition = transitions.get(i);
                    if (transition.status().failed()) {
                        transitions.set(i, new Transition(Transition.Status.DEFERRED, transition.reply(),
                                transition.remote(), schedule.nextAttempt(group.get(i).attempts() + 1, now, now)));
                    }
                }
            }
        }
        for (int i = 0; i < group.size(); i++) {
            Claim claim = group.get(i);
            if (!queue.record(claim, transitions.get(i), node, now)) {
                journal.leaseLost(claim);
            }
            journal.transition(claim, transitions.get(i), now);
        }
    }

    /** Submits the DSN before the recipients are marked final: a crash then repeats it rather than loses it. */
    private boolean notify(Claim original, byte[] raw, List<DeliveryStatusReport.Failure> failures, Instant now) {
        try {
            byte[] dsn = reports.build(original, raw, failures, now);
            String queueId = spool.accept(Envelope.local("", List.of(original.sender())), dsn);
            journal.notified(original, queueId);
            return true;
        } catch (SpoolUnavailableException | RuntimeException e) {
            journal.notificationFailed(original, e);
            return false;
        }
    }
}
