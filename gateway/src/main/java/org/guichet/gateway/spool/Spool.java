package org.guichet.gateway.spool;

/** Where every message enters Guichet: nothing is acknowledged before it is durable. */
public interface Spool {

    /**
     * Commits the envelope and raw message to the database and returns the queue id.
     * Returns only once the commit is durable (RFC 5321 §6.1).
     */
    String accept(Envelope envelope, byte[] raw) throws SpoolUnavailableException;
}
