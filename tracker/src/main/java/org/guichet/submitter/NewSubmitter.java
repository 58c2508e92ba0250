package org.guichet.submitter;

/**
 * An application just added, and the password generated for it: shown once to the operator,
 * kept by Guichet only as a hash.
 */
public record NewSubmitter(Submitter submitter, String password) {

    /** Never the password: a record printed into a log must not leak it. */
    @Override
    public String toString() {
        return "NewSubmitter[" + submitter + ", password=(hidden)]";
    }
}
