package org.guichet.gateway.authentication;

import java.time.Duration;
import java.util.List;

/**
 * The DNS answers the authentication checks need, as text: TXT records with their strings
 * joined (RFC 7208 §3.3, RFC 6376 §3.6.2.2), addresses, and host names without the final dot.
 */
public interface DnsRecords {

    /** Record types the checks ask for. */
    enum Type { A, AAAA, MX, PTR, TXT }

    /**
     * The records of one type at a name; empty when the name does not exist or has none of
     * that type.
     *
     * @param wait longest time to wait for the answer
     * @throws DnsFailure when no answer came in time or the server failed (a temporary error)
     */
    List<String> lookup(String name, Type type, Duration wait) throws DnsFailure;
}
