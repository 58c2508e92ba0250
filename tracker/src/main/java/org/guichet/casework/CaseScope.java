package org.guichet.casework;

import java.util.Set;

/**
 * The cases a person may see and act on: every case (an administrator), or those of the
 * services they belong to. Outside it, a case does not exist for them (a direct URL is 404).
 *
 * @param everything every service's cases
 * @param serviceIds otherwise, the ids of the person's services (possibly none)
 */
public record CaseScope(boolean everything, Set<Long> serviceIds) {

    public CaseScope {
        serviceIds = Set.copyOf(serviceIds);
    }

    public static CaseScope all() {
        return new CaseScope(true, Set.of());
    }

    public static CaseScope services(Set<Long> serviceIds) {
        return new CaseScope(false, serviceIds);
    }

    public boolean covers(Case caseFile) {
        return everything || serviceIds.contains(caseFile.serviceId());
    }
}
