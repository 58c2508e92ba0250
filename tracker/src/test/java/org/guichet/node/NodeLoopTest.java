package org.guichet.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class NodeLoopTest {

    @Test
    void anErrorEndsTheRoundNotTheLoop() throws InterruptedException {
        AtomicInteger rounds = new AtomicInteger();
        NodeLoop loop = new NodeLoop("test-loop") {
            @Override
            protected boolean round() {
                if (rounds.incrementAndGet() == 1) {
                    throw new OutOfMemoryError("Java heap space");
                }
                return false;
            }

            @Override
            protected void pause() throws InterruptedException {
                Thread.sleep(10);
            }

            @Override
            protected Duration stopWait() {
                return Duration.ofSeconds(1);
            }
        };
        loop.start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (rounds.get() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(rounds.get()).as("rounds after the one that threw").isGreaterThanOrEqualTo(3);
            assertThat(loop.isRunning()).isTrue();
        } finally {
            loop.stop();
        }
    }
}
