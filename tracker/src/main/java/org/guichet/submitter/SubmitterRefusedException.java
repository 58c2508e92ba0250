package org.guichet.submitter;

/**
 * A change to the submitting applications that was refused, with why: a page translates the
 * reason, the command line prints the English message.
 */
public class SubmitterRefusedException extends RuntimeException {

    /** Why the change was refused. */
    public enum Reason {
        /** The name is not 1 to 128 letters, digits or {@code . _ @ -}. */
        BAD_NAME,
        /** Another application already has the name. */
        NAME_TAKEN,
        /** A network is not an IP address or a CIDR range. */
        BAD_NETWORK,
        /** A sender domain is not a domain name. */
        BAD_DOMAIN,
        /** No application has the name. */
        UNKNOWN
    }

    private final Reason reason;
    private final String subject;

    /**
     * @param subject what was refused: the name or the network as given
     */
    public SubmitterRefusedException(Reason reason, String subject, String message) {
        super(message);
        this.reason = reason;
        this.subject = subject;
    }

    public Reason reason() {
        return reason;
    }

    public String subject() {
        return subject;
    }
}
