package org.guichet.gateway.spool;

import java.io.IOException;
import java.util.List;

import org.apache.mailet.Attribute;

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

    /**
     * Same as {@link #accept(Envelope, byte[], String)}, for mail that starts with attributes
     * (such as the reply address the inbound listener verified at RCPT), kept as
     * {@link MailAttributes} keeps them. Spools that keep none need not implement it.
     */
    default String accept(Envelope envelope, byte[] raw, String processor, List<Attribute> attributes)
            throws SpoolUnavailableException {
        if (!attributes.isEmpty()) {
            throw new UnsupportedOperationException(getClass().getName() + " keeps no mail attributes");
        }
        return accept(envelope, raw, processor);
    }

    /**
     * Same as {@link #accept(Envelope, byte[], String, List)}, for content that may wait in a
     * file (a large message read from SMTP DATA); the spool reads it while it commits.
     */
    default String accept(Envelope envelope, MessageContent content, String processor, List<Attribute> attributes)
            throws SpoolUnavailableException {
        try {
            return accept(envelope, content.bytes(), processor, attributes);
        } catch (IOException e) {
            throw new SpoolUnavailableException("cannot read the message content: " + e.getMessage(), e);
        }
    }
}
