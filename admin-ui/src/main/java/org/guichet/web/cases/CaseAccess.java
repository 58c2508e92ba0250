package org.guichet.web.cases;

import java.util.Locale;

import org.guichet.casework.Case;
import org.guichet.casework.CaseScope;
import org.guichet.casework.Casework;
import org.guichet.casework.Caseworkers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Which cases the signed-in person may see: an ADMIN every case, anyone else the cases of
 * the services they belong to. A case outside that scope is answered 404, as if it did not
 * exist, so that a reference cannot be probed.
 */
@Component
public class CaseAccess {

    private final Casework casework;
    private final Caseworkers caseworkers;

    CaseAccess(Casework casework, Caseworkers caseworkers) {
        this.casework = casework;
        this.caseworkers = caseworkers;
    }

    public CaseScope scope(Authentication person) {
        if (person.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()))) {
            return CaseScope.all();
        }
        return CaseScope.services(caseworkers.serviceIds(person.getName()));
    }

    /** The case by reference, if the person may see it; otherwise a 404 problem. */
    public Case find(String reference, Authentication person) {
        String wanted = reference == null ? "" : reference.strip().toUpperCase(Locale.ROOT);
        return casework.find(wanted).filter(scope(person)::covers).orElseThrow(() -> new ErrorResponseException(
                HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no case " + wanted), null));
    }
}
