package org.guichet.web.cases;

import static org.guichet.web.Problems.problem;

import java.net.URI;
import java.util.Locale;

import org.guichet.casework.AnswerReceipt;
import org.guichet.casework.AnswerRefusedException;
import org.guichet.casework.AnswerRequest;
import org.guichet.casework.Answering;
import org.guichet.casework.AnsweringAgent;
import org.guichet.casework.Case;
import org.guichet.casework.CaseFilter;
import org.guichet.casework.CaseListing;
import org.guichet.casework.CasePage;
import org.guichet.casework.CaseStatus;
import org.guichet.casework.CaseLifecycle;
import org.guichet.node.ConditionalOnRole;
import org.guichet.node.Role;
import org.guichet.queue.QueueUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Cases, for agents and supervisors: the queue, one case, and answering it. */
@RestController
@ConditionalOnRole(Role.WEB)
@RequestMapping("/api/cases")
record CasesController(CaseListing listing, Answering answering, CaseAccess access, CaseLifecycle lifecycle,
        CaseViews views) {

    private static final Logger log = LoggerFactory.getLogger(CasesController.class);

    /** Escalated first, then newest first; {@code total} counts every matching case, whatever the page size. */
    @GetMapping
    CasePage list(@RequestParam(required = false) String service, @RequestParam(required = false) String status,
            @RequestParam(required = false) Boolean unthreaded, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size, @RequestParam(required = false) String assignee,
            @RequestParam(defaultValue = "false") boolean unassigned, @RequestParam(defaultValue = "false") boolean active,
            @RequestParam(required = false) String flag, @RequestParam(required = false) String search,
            Authentication person) {
        CaseFilter.Flag standing = null;
        if (flag != null && !flag.isBlank()) {
            try {
                standing = CaseFilter.Flag.valueOf(flag.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw problem(HttpStatus.BAD_REQUEST, "flag must be due_soon or breached");
            }
        }
        CaseStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = CaseStatus.parse(status).orElseThrow();
            } catch (java.util.NoSuchElementException e) {
                throw problem(HttpStatus.BAD_REQUEST, "status must be new, open, waiting_citizen, answered or closed");
            }
        }
        if (page < 0 || size < 1 || size > CaseListing.MAX_PAGE_SIZE) {
            throw problem(HttpStatus.BAD_REQUEST, "page must be 0 or more and size between 1 and "
                    + CaseListing.MAX_PAGE_SIZE);
        }
        return listing.list(new CaseFilter(service == null || service.isBlank() ? null : service.strip(), wanted,
                unthreaded, access.scope(person), active, blankToNull(assignee), unassigned, standing,
                blankToNull(search)), page, size);
    }

    @GetMapping("/{reference}")
    CaseView show(@PathVariable String reference, Authentication person) {
        Case found = access.find(reference, person);
        lifecycle.viewed(found.id(), person.getName());
        return views.of(found);
    }

    /**
     * Posts an answer as the signed-in account. 201 with the answer's queue id; posting again
     * with the same {@code answerId} (or {@code Idempotency-Key} header) sends nothing more and
     * answers 200 with the first answer.
     */
    @PostMapping("/{reference}/answers")
    ResponseEntity<AnswerReceipt> answer(@PathVariable String reference, @RequestBody AnswerBody body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, Authentication principal) {
        Case found = access.find(reference, principal);
        String answerId = body.answerId() != null && !body.answerId().isBlank() ? body.answerId() : idempotencyKey;
        AnswerReceipt receipt;
        try {
            receipt = answering.answer(new AnswerRequest(reference, AnsweringAgent.webAccount(principal.getName()),
                    body.text(), answerId, body.to()));
        } catch (AnswerRefusedException e) {
            throw problem(switch (e.reason()) {
                case UNKNOWN_CASE -> HttpStatus.NOT_FOUND;
                case CONFLICT -> HttpStatus.CONFLICT;
                case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
            }, e.getMessage());
        } catch (QueueUnavailableException e) {
            // The cause (a database error) stays in the log: a problem response says what to do.
            log.warn("answer to {} not queued: {}", reference, e.getMessage());
            throw problem(HttpStatus.SERVICE_UNAVAILABLE,
                    "the answer could not be queued; nothing was sent, try again later");
        }
        if (receipt.duplicate()) {
            return ResponseEntity.ok(receipt);
        }
        if (Boolean.TRUE.equals(body.close())) {
            lifecycle.changeStatus(found.id(), CaseStatus.CLOSED, principal.getName());
        }
        return ResponseEntity.created(URI.create("/api/cases/" + receipt.caseReference() + "/answers/"
                + receipt.answerId())).body(receipt);
    }

    /**
     * @param text     the answer, plain text
     * @param answerId optional idempotency key (letters, digits, {@code . _ : -}, at most 64)
     * @param to       optional correspondent: the citizen or a third party who wrote to the case
     * @param close    close the case once the answer is queued
     */
    record AnswerBody(String text, String answerId, String to, Boolean close) {
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
