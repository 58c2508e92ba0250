package org.guichet.casework;

/**
 * Which cases a listing shows; a null component does not filter.
 *
 * @param serviceCode only this service's cases
 * @param status      only open or only closed cases
 * @param unthreaded  only cases whose first message nothing tied to Guichet's mail (or only the others)
 */
public record CaseFilter(String serviceCode, CaseStatus status, Boolean unthreaded) {

    public static CaseFilter all() {
        return new CaseFilter(null, null, null);
    }
}
