package org.guichet.gateway.escalation;

import org.guichet.escalation.EscalationNotifier;
import org.guichet.escalation.Escalations;
import org.guichet.escalation.SweepReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The escalation loop of a worker node: every {@code guichet.escalation.interval}, one sweep
 * over the open cases ({@link Escalations#sweep}), whose new flags notify the services'
 * supervisors through the spool. Several worker nodes may sweep at once: each flag's unique
 * key lets one of them raise and notify it.
 */
public class EscalationWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EscalationWorker.class);

    private final Escalations escalations;
    private final EscalationNotifier notifier;
    private final EscalationProperties settings;
    private volatile boolean running;
    private Thread loop;

    EscalationWorker(Escalations escalations, EscalationNotifier notifier, EscalationProperties settings) {
        this.escalations = escalations;
        this.notifier = notifier;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        loop = Thread.ofPlatform().name("guichet-escalation").daemon(true).start(this::loop);
        log.info("escalation sweep started, every {}", settings.interval());
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        loop.interrupt();
        try {
            loop.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("escalation sweep stopped");
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                sweep();
            } catch (RuntimeException e) {
                // the loop outlives database failures; flags not raised now are raised by the next sweep
                log.error("escalation sweep failed; retrying after the interval", e);
            }
            try {
                Thread.sleep(settings.interval());
            } catch (InterruptedException e) {
                return;
            }
        }
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
