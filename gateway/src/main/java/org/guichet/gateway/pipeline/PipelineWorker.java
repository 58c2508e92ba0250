package org.guichet.gateway.pipeline;

import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.guichet.gateway.spool.SpoolProperties;
import org.guichet.gateway.spool.SpoolSignal;
import org.guichet.gateway.spool.SpooledMessage;
import org.guichet.node.ConditionalOnRole;
import org.guichet.node.NodeLoop;
import org.guichet.node.NodeProperties;
import org.guichet.node.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs spooled messages through the {@link MessageProcessor} and hands the results to the
 * relay. At-least-once: a node that dies mid-batch leaves leases that expire, and the
 * messages are processed again elsewhere.
 */
@Component
@ConditionalOnRole(Role.WORKER)
class PipelineWorker extends NodeLoop {

    private static final Logger log = LoggerFactory.getLogger(PipelineWorker.class);

    private final PipelineQueue queue;
    private final MessageProcessor processor;
    private final SpoolProperties properties;
    private final SpoolSignal signal;
    private final String node;
    private final ProcessingBudget budget;
    private final Counter held;
    /** The spool's signal generation when the current round began: work signalled since then ends the pause. */
    private long seen;

    PipelineWorker(PipelineQueue queue, MessageProcessor processor, SpoolProperties properties, SpoolSignal signal,
            NodeProperties node, PipelineProperties pipeline, MeterRegistry meters) {
        super("pipeline-worker");
        this.queue = queue;
        this.processor = processor;
        this.properties = properties;
        this.signal = signal;
        this.node = node.name();
        this.budget = new ProcessingBudget(pipeline.budget());
        this.held = Counter.builder("guichet.pipeline.held")
                .description("Messages held for an operator: past a budget, or failed too many times")
                .register(meters);
    }

    @Override
    protected void beforeStart() {
        try {
            int released = queue.releaseAll(node);
            if (released > 0) {
                log.info("pipeline: took back {} message(s) this node held when it stopped", released);
            }
        } catch (java.sql.SQLException e) {
            log.warn("pipeline: could not take back this node's leases ({}); they expire by themselves", e.getMessage());
        }
    }

    @Override
    protected boolean round() throws Exception {
        seen = signal.generation();
        return runOnce() > 0;
    }

    @Override
    protected void pause() throws InterruptedException {
        signal.awaitAfter(seen, properties.idlePoll());
    }

    @Override
    protected Duration stopWait() {
        return Duration.ofSeconds(10);
    }

    @Override
    protected void afterStop() {
        budget.close();
    }

    /** Processes one batch; returns how many messages it claimed. */
    int runOnce() throws Exception {
        List<ClaimedMessage> claimed = queue.claim(node, properties.lease(), properties.claimBatch());
        if (claimed.isEmpty()) {
            return 0;
        }
        Map<SpooledMessage, List<Outgoing>> results = new LinkedHashMap<>();
        for (ClaimedMessage entry : claimed) {
            SpooledMessage message = entry.message();
            Optional<String> tooLarge = budget.refusedBeforehand(message);
            if (tooLarge.isPresent()) {
                hold(message, tooLarge.get());
                continue;
            }
            try {
                results.put(message, budget.run(processor, entry));
            } catch (ProcessingBudget.Exceeded e) {
                hold(message, e.getMessage());
            } catch (InterruptedException e) {
                queue.release(node, claimed);
                throw e;
            } catch (Exception | Error e) {
                // An Error (OutOfMemoryError, StackOverflowError) is one message's failure too:
                // left to escape, it would end the worker and come back on every node in turn.
                failed(message, e);
            }
        }
        if (!results.isEmpty()) {
            Map<SpooledMessage, List<String>> created;
            try {
                created = queue.complete(node, results);
            } catch (Exception | AssertionError e) {
                queue.release(node, claimed);
                throw e;
            }
            created.forEach((message, copies) -> log.info("queue {}: pipeline done: {}", message.queueId(),
                    summary(results.get(message), copies)));
            signal.signal();
        }
        return claimed.size();
    }

    private void hold(SpooledMessage message, String reason) throws SQLException {
        log.error("queue {}: held for an operator: {}", message.queueId(), reason);
        queue.hold(node, message, reason);
        held.increment();
    }

    private void failed(SpooledMessage message, Throwable e) throws SQLException {
        PipelineProperties.Budget limits = budget.limits();
        int failures = queue.fail(node, message, e.toString(), limits.retryAfterFailure(), limits.failures());
        if (failures < 0) {
            log.error("queue {}: pipeline failed {} times, held for an operator: {}", message.queueId(), -failures,
                    e.toString(), e);
            held.increment();
        } else {
            log.warn("queue {}: pipeline error ({} of {} allowed), tried again in {}: {}", message.queueId(),
                    failures, limits.failures(), limits.retryAfterFailure(), e.toString());
        }
    }

    /** {@code relay=2 rewritten=1 requeued=0 held=0 new=[4F2A2]}, for the one log line per message. */
    private static String summary(List<Outgoing> outcomes, List<String> created) {
        long unchanged = outcomes.stream().filter(o -> o instanceof Outgoing.Relayed && !o.changed()).count();
        long rewritten = outcomes.stream().filter(o -> o instanceof Outgoing.Relayed && o.changed()).count();
        long requeued = outcomes.stream().filter(o -> o instanceof Outgoing.Requeued).count();
        String held = outcomes.stream().filter(o -> o instanceof Outgoing.Held)
                .map(o -> ((Outgoing.Held) o).error()).reduce((a, b) -> a + "; " + b).orElse(null);
        return "relayed=" + unchanged + " rewritten=" + rewritten + " requeued=" + requeued
                + (held == null ? "" : " status=held (" + held + ")")
                + (created.isEmpty() ? "" : " new=" + String.join(",", created));
    }
}
