package org.guichet.gateway.authentication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The DNS time one message may spend on its checks, all queries together: once spent,
 * every further question fails at once, so a slow or silent DNS server gives temperror
 * results instead of holding the pipeline.
 */
record DnsBudget(DnsRecords dns, Clock clock, Instant deadline) {

    /** A budget of {@code total} from now. */
    static DnsBudget of(DnsRecords dns, Clock clock, Duration total) {
        return new DnsBudget(dns, clock, clock.instant().plus(total));
    }

    List<String> lookup(String name, DnsRecords.Type type) throws DnsFailure {
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw new DnsFailure("DNS time for this message spent before " + type + " " + name);
        }
        return dns.lookup(name, type, left);
    }
}
