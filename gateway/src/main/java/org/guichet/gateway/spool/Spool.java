package org.guichet.gateway.spool;

/** Where every message enters Guichet: nothing is acknowledged before it is durable. */
public interface Spool {

    /** The processor of {@code pipeline.xml} where submitted mail starts. */
    String ROOT = "root";

    /**
     * Commits the envelope and raw message to the database and returns the queue id.
     * Returns only once the commit is durable (RFC 5321 §6.1).
     */
    String accept(Envelope envelope, byte[] raw) throws SpoolUnavailableException;

    /**
     * Same as {@link #accept(Envelope, byte[])}, for mail that starts in another processor of
     * {@code pipeline.xml} than {@value #ROOT} (citizens' replies start in {@code inbound}).
     * Spools that only serve the root processor need not implement it.
     */
    default String accept(Envelope envelope, byte[] raw, String processor) throws SpoolUnavailableException {
        if (!ROOT.equals(processor)) {
            throw new UnsupportedOperationException(getClass().getName() + " spools into processor " + ROOT + " only");
        }
        return accept(envelope, raw);
    }
}
