package org.guichet.gateway.relay;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.guichet.gateway.spool.SpoolSignal;
import org.guichet.node.NodeLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay loop of a worker node: claims due recipients, groups them by message and next
 * hop, and runs one SMTP transaction per group on virtual threads, at most
 * {@code max-parallel} at once. Started and stopped with the application.
 */
public class DeliveryWorker extends NodeLoop {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final DeliveryQueue queue;
    private final DeliveryRound round;
    private final NextHops nextHops;
    private final SessionPool sessions;
    private final RelayProperties settings;
    private final SpoolSignal signal;
    private final Clock clock;
    private final String node;
    private final Semaphore slots;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    /** The spool's signal generation when the current round began: work signalled since then ends the pause. */
    private long seen;

    DeliveryWorker(DeliveryQueue queue, DeliveryRound round, NextHops nextHops, SessionPool sessions,
                   RelayProperties settings, SpoolSignal signal, Clock clock, String node) {
        super("guichet-relay");
        this.queue = queue;
        this.round = round;
        this.nextHops = nextHops;
        this.sessions = sessions;
        this.settings = settings;
        this.signal = signal;
        this.clock = clock;
        this.node = node;
        this.slots = new Semaphore(settings.maxParallel());
    }

    @Override
    protected void beforeStart() {
        int released = queue.releaseAll(node);
        if (released > 0) {
            log.info("relay: took back {} recipient(s) this node held when it stopped", released);
        }
        log.info("relay started on {} ({})", node,
                settings.usesSmarthost() ? "smarthost " + settings.smarthost() : "MX delivery");
    }

    @Override
    protected boolean round() {
        seen = signal.generation();
        return cycle() > 0;
    }

    @Override
    protected void pause() throws InterruptedException {
        // woken at once by work committed on this node; other nodes' work is found by polling
        signal.awaitAfter(seen, settings.pollInterval());
    }

    @Override
    protected Duration stopWait() {
        return settings.readTimeout().plusSeconds(5);
    }

    @Override
    protected void afterStop() {
        sessions.close();
        log.info("relay stopped on {}", node);
    }

    /**
     * One claim and the attempts for everything claimed; returns how many recipients were
     * claimed. Package-private so that tests drive the relay step by step.
     */
    int cycle() {
        List<Claim> claims = queue.claim(node, clock.instant(), settings.lease(), settings.claimBatch());
        Map<String, List<Claim>> groups = new LinkedHashMap<>();
        for (Claim claim : claims) {
            // recipients an operator bounced form groups of their own: they are not sent
            String key = claim.messageId() + " " + (claim.bounceRequested() ? "bounce" : nextHops.routeKey(claim.recipient()));
            groups.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(claim);
        }
        Map<Long, byte[]> raws = new ConcurrentHashMap<>();
        List<Future<?>> inFlight = new ArrayList<>();
        for (List<Claim> group : groups.values()) {
            try {
                slots.acquire();
            } catch (InterruptedException e) {
                // shutting down: what is not started goes back to the queue
                group.forEach(claim -> queue.release(claim, node));
                Thread.currentThread().interrupt();
                continue;
            }
            inFlight.add(executor.submit(() -> {
                try {
                    byte[] raw = raws.computeIfAbsent(group.get(0).messageId(), queue::raw);
                    round.run(group, raw);
                } catch (RuntimeException e) {
                    // the lease runs out and another attempt follows; nothing is lost
                    log.error("queue {}: attempt failed: {}", group.get(0).queueId(), e.toString(), e);
                } finally {
                    slots.release();
                }
            }));
        }
        for (Future<?> future : inFlight) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                awaitQuietly(future);
            } catch (java.util.concurrent.ExecutionException e) {
                log.error("relay task failed", e.getCause());
            }
        }
        sessions.evictIdle();
        return claims.size();
    }

    private static void awaitQuietly(Future<?> future) {
        try {
            future.get(1, TimeUnit.MINUTES);
        } catch (Exception ignored) {
            // the lease covers what did not finish
        }
    }

    /** Connections opened since start; shows how well connections are reused. */
    long connectionsOpened() {
        return sessions.opened();
    }
}
