package org.guichet.sla;

/** Where a clock stands at the instant the figures are computed for. */
public enum ClockState {
    /** Counting, due date not reached. */
    RUNNING,
    /** Not counting (the case waits on the citizen), due date not reached. */
    PAUSED,
    /** Stopped by the event it waited for, strictly before its due date. */
    MET,
    /** Its due date was reached before the event it waited for, whether that event came later or not yet. */
    BREACHED,
    /**
     * Stopped before its due date because the case was closed without the event it waited
     * for: a request never acknowledged, or never answered by a person (the "non abouti"
     * of the Défenseure des droits' method). Neither met nor breached; counted apart.
     */
    DROPPED
}
