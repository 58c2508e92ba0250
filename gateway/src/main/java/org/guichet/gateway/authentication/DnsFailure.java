package org.guichet.gateway.authentication;

/** A DNS question without a usable answer: time-out, SERVFAIL, refusal. Temporary by nature. */
public class DnsFailure extends Exception {

    public DnsFailure(String message) {
        super(message);
    }

    public DnsFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
