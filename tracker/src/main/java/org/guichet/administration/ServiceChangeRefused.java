package org.guichet.administration;

import java.util.Set;

/** A change the administration page asked for and the rules refuse; {@link #reason()} says which rule. */
public class ServiceChangeRefused extends RuntimeException {

    /** Why. */
    public enum Reason {
        /** No such service. */
        NOT_FOUND,
        /** The acknowledgement would lack a mention R112-11-1 requires. */
        MENTION_MISSING,
        /** The default service takes what no other service takes: it cannot be disabled. */
        DEFAULT_SERVICE,
        /** A value is not acceptable (name missing, address not an address, too long). */
        INVALID
    }

    private final Reason reason;
    private final Set<Mention> missing;

    public ServiceChangeRefused(Reason reason, String message, Set<Mention> missing) {
        super(message);
        this.reason = reason;
        this.missing = Set.copyOf(missing);
    }

    public Reason reason() {
        return reason;
    }

    public Set<Mention> missing() {
        return missing;
    }
}
