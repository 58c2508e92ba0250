package org.guichet.casework;

/**
 * A change to a case that Guichet refuses, with why: the web layer turns the reason into a
 * problem response (404, 422, 409), the CLI into a message.
 */
public class CaseChangeRefused extends RuntimeException {

    /** Why a change was refused. */
    public enum Reason {
        /** No such case (or none the person may see), account or service. */
        NOT_FOUND,
        /** The request itself is wrong: an unknown status, an empty note, a transfer to the same service. */
        INVALID,
        /** The case's state forbids it now, e.g. a note on nothing, an assignee outside the service. */
        CONFLICT
    }

    private final Reason reason;

    public CaseChangeRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
