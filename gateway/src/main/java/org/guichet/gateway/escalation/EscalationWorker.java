package org.guichet.gateway.escalation;

import java.time.Duration;

import org.guichet.escalation.EscalationNotifier;
import org.guichet.escalation.Escalations;
import org.guichet.escalation.SweepReport;
import org.guichet.node.NodeLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The escalation loop of a worker node: every {@code guichet.escalation.interval}, one sweep
 * over the open cases ({@link Escalations#sweep}), whose new flags notify the services'
 * supervisors through the spool. Several worker nodes may sweep at once: each flag's unique
 * key lets one of them raise and notify it.
 */
public class EscalationWorker extends NodeLoop {

    private static final Logger log = LoggerFactory.getLogger(EscalationWorker.class);

    private final Escalations escalations;
    private final EscalationNotifier notifier;
    private final EscalationProperties settings;

    EscalationWorker(Escalations escalations, EscalationNotifier notifier, EscalationProperties settings) {
        super("guichet-escalation");
        this.escalations = escalations;
        this.notifier = notifier;
        this.settings = settings;
    }

    @Override
    protected void beforeStart() {
        log.info("escalation sweep started, every {}", settings.interval());
    }

    @Override
    protected boolean round() {
        sweep();
        return false;
    }

    @Override
    protected void pause() throws InterruptedException {
        Thread.sleep(settings.interval());
    }

    @Override
    protected Duration stopWait() {
        return Duration.ofSeconds(30);
    }

    @Override
    protected void afterStop() {
        log.info("escalation sweep stopped");
    }

    /** One sweep; package-private so that tests drive it step by step with their own clock. */
    SweepReport sweep() {
        SweepReport report = escalations.sweep(settings.pageSize(), notifier);
        if (report.raised() > 0 || report.failed() > 0) {
            log.info("escalation: cases={} raised={} notified={} failed={} as-of={}", report.cases(), report.raised(),
                    report.notified(), report.failed(), report.asOf());
        }
        return report;
    }
}
