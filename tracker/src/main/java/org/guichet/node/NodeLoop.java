package org.guichet.node;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Work a node does in the background while it runs (the pipeline, the relay, the escalation
 * sweep): one round after another on a thread of its own. A round that fails is logged and
 * the next one runs after the pause, so the loop outlives database and driver failures; the
 * work itself is safe to redo (leases, unique keys).
 */
public abstract class NodeLoop implements SmartLifecycle {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String threadName;
    private volatile boolean running;
    private Thread thread;

    /** @param threadName name of the loop's thread, as thread dumps show it */
    protected NodeLoop(String threadName) {
        this.threadName = threadName;
    }

    /** One round; returns whether it found work, in which case the next round starts at once. */
    protected abstract boolean round() throws Exception;

    /** Waits after a round that found no work or failed; interrupted when the node stops. */
    protected abstract void pause() throws InterruptedException;

    /** How long {@link #stop()} waits for the round in progress to end. */
    protected abstract Duration stopWait();

    /** Runs on the starting thread before the first round, e.g. to take back what this node held. */
    protected void beforeStart() {
    }

    /** Runs once the loop has ended, or was given up waiting for. */
    protected void afterStop() {
    }

    @Override
    public final synchronized void start() {
        if (running) {
            return;
        }
        beforeStart();
        running = true;
        thread = Thread.ofPlatform().name(threadName).daemon(true).start(this::loop);
    }

    @Override
    public final synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        thread.interrupt();
        try {
            thread.join(stopWait());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        afterStop();
    }

    @Override
    public final boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            boolean busy;
            try {
                busy = round();
            } catch (InterruptedException e) {
                return;
            } catch (Throwable e) {
                // An Error (OutOfMemoryError…) ends the round, not the loop: a loop whose thread
                // died would leave the node up and doing nothing, without a word.
                log.error("{}: a round failed; the next one runs after the pause", threadName, e);
                busy = false;
            }
            if (!busy) {
                try {
                    pause();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
