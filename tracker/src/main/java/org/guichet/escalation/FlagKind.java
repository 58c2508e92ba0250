package org.guichet.escalation;

/** Why a case is flagged to its service's supervisors. */
public enum FlagKind {
    /** A clock still awaiting a person passed its policy's warning fraction (0.8 of the target by default). */
    WARNING,
    /** A clock still awaiting a person passed its due date. */
    BREACH,
    /**
     * The citizen wrote a third time while the same answer was still awaited: the email
     * equivalent of "the third call gets a person"; the case's priority goes up one step.
     */
    THIRD_MESSAGE_WITHOUT_ANSWER,
    /** The date on which silence decides the request (CRPA L231-1, L231-4) is within the window. */
    DECISION_DATE_APPROACHING
}
