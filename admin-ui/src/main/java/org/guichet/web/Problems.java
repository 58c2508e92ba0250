package org.guichet.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The REST API's refusals: an RFC 9457 problem detail with the status and what went wrong. */
public final class Problems {

    private Problems() {
    }

    public static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
