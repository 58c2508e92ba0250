package org.guichet.gateway.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class QueueIdTest {

    @Test
    void idsTakenWithOneClockReadingAreUniqueAndOrdered() {
        Instant now = Instant.parse("2026-11-29T20:00:00Z");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(QueueId.next(now));
        }
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
        assertThat(ids).isSortedAccordingTo(String::compareTo);
        assertThat(ids.get(0)).matches("[0-9A-F]{17}");
    }
}
