package org.guichet.casework;

/** An answer Guichet will not send, with why; nothing was spooled or recorded. */
public class AnswerRefusedException extends Exception {

    private final Reason reason;

    public AnswerRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Why an answer is refused. */
    public enum Reason {
        /** No case has this reference. */
        UNKNOWN_CASE,
        /** The answer id was already used for another case or another text, or the case has nobody to answer. */
        CONFLICT,
        /** The answer itself is not acceptable: empty or too long text, malformed id, unknown correspondent. */
        INVALID
    }
}
