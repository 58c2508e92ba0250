package org.guichet.casework;

/**
 * Which cases a listing shows; a null component does not filter.
 *
 * @param serviceCode only this service's cases
 * @param status      only cases of this status
 * @param unthreaded  only cases whose first message nothing tied to Guichet's mail (or only the others)
 * @param scope       only the cases the person may see
 * @param active      only cases that are not closed
 * @param assignee    only the cases assigned to this account
 * @param unassigned  only the cases assigned to nobody
 * @param flag        only the cases with an escalation flag raised, not closed: {@link Flag#DUE_SOON}
 *                    (a warning, no breach yet) or {@link Flag#BREACHED}
 * @param search      a case reference, a citizen's address or words of the subject (case-insensitive)
 */
public record CaseFilter(String serviceCode, CaseStatus status, Boolean unthreaded, CaseScope scope, boolean active,
        String assignee, boolean unassigned, Flag flag, String search) {

    public CaseFilter(String serviceCode, CaseStatus status, Boolean unthreaded) {
        this(serviceCode, status, unthreaded, null, false, null, false, null, null);
    }

    public static CaseFilter all() {
        return new CaseFilter(null, null, null);
    }

    /** The escalation flags a queue can show apart. */
    public enum Flag {
        /** A clock reached its warning threshold and no clock is breached yet. */
        DUE_SOON,
        /** A clock passed its due date. */
        BREACHED
    }
}
