package org.guichet.gateway.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.guichet.queue.QueueOperations;
import org.springframework.stereotype.Component;

/** Queue depth by state, as gauges; read at most every few seconds whatever the scrape rate. */
@Component
class QueueMetrics implements MeterBinder {

    private static final Duration FRESHNESS = Duration.ofSeconds(5);

    private final QueueOperations queue;
    private final Clock clock;
    private volatile Map<String, Long> depth = Map.of();
    private volatile Instant readAt = Instant.EPOCH;

    QueueMetrics(QueueOperations queue, Clock clock) {
        this.queue = queue;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String state : new String[] {"pipeline", "queued", "deferred"}) {
            Gauge.builder("guichet.queue.depth", () -> current().getOrDefault(state, 0L))
                    .description("Messages (pipeline) or recipients (queued, deferred) waiting")
                    .tag("state", state)
                    .register(registry);
        }
    }

    private Map<String, Long> current() {
        Instant now = clock.instant();
        if (now.isAfter(readAt.plus(FRESHNESS))) {
            try {
                depth = queue.depth();
            } catch (RuntimeException e) {
                // the database is down: keep the last figures, health reports the outage
            }
            readAt = now;
        }
        return depth;
    }
}
