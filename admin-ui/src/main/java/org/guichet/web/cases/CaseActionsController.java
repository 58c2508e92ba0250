package org.guichet.web.cases;

import static org.guichet.web.Problems.problem;

import java.util.List;

import org.guichet.casework.Case;
import org.guichet.casework.CaseChangeRefused;
import org.guichet.casework.CaseLifecycle;
import org.guichet.casework.CaseNote;
import org.guichet.casework.CaseStatus;
import org.guichet.casework.TransferNotice;
import org.guichet.node.ConditionalOnRole;
import org.guichet.node.Role;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case lifecycle over REST: status, assignment, transfer and notes, as the signed-in
 * account, within the cases it may see. Bad input is a problem response: 422 for what the
 * request says, 409 for what the case's state forbids, 404 for what does not exist.
 */
@RestController
@ConditionalOnRole(Role.WEB)
@RequestMapping("/api/cases/{reference}")
record CaseActionsController(CaseAccess access, CaseLifecycle lifecycle) {

    private static final Logger log = LoggerFactory.getLogger(CaseActionsController.class);

    @PostMapping("/status")
    CaseState status(@PathVariable String reference, @RequestBody StatusBody body, Authentication person) {
        Case found = access.find(reference, person);
        CaseStatus to = CaseStatus.parse(body.status()).orElseThrow(() -> problem(HttpStatus.UNPROCESSABLE_CONTENT,
                "status must be open, waiting_citizen, answered or closed"));
        return CaseState.of(refusals(() -> lifecycle.changeStatus(found.id(), to, person.getName())));
    }

    /** Assigns to {@code assignee}, or unassigns when it is empty or absent. */
    @PostMapping("/assignment")
    CaseState assign(@PathVariable String reference, @RequestBody AssignmentBody body, Authentication person) {
        Case found = access.find(reference, person);
        return CaseState.of(refusals(() -> lifecycle.assign(found.id(), body.assignee(), person.getName())));
    }

    @PostMapping("/transfer")
    CaseState transfer(@PathVariable String reference, @RequestBody TransferBody body, Authentication person) {
        Case found = access.find(reference, person);
        return CaseState.of(refusals(() -> lifecycle.transfer(found.id(), body.service(), body.reason(),
                person.getName())));
    }

    @GetMapping("/notes")
    List<CaseNote> notes(@PathVariable String reference, Authentication person) {
        return lifecycle.notes(access.find(reference, person).id());
    }

    @PostMapping("/notes")
    ResponseEntity<CaseNote> note(@PathVariable String reference, @RequestBody NoteBody body, Authentication person) {
        Case found = access.find(reference, person);
        CaseNote note = refusals(() -> lifecycle.note(found.id(), body.text(), person.getName()));
        return ResponseEntity.status(HttpStatus.CREATED).body(note);
    }

    record StatusBody(String status) {
    }

    record AssignmentBody(String assignee) {
    }

    record TransferBody(String service, String reason) {
    }

    record NoteBody(String text) {
    }

    /** What a change leaves: the case's reference, status, service id and assignee. */
    record CaseState(String reference, String status, long serviceId, String assignee) {

        static CaseState of(Case found) {
            return new CaseState(found.reference(), found.status().column(), found.serviceId(), found.assignee());
        }
    }

    /** A change of the lifecycle, which may need a letter queued. */
    interface Change<T> {
        T run() throws TransferNotice.NoticeUnavailableException;
    }

    private static <T> T refusals(Change<T> change) {
        try {
            return change.run();
        } catch (TransferNotice.NoticeUnavailableException e) {
            // The cause (a database error) stays in the log: a problem response says what to do.
            log.warn("case change refused, its letter could not be queued: {}", e.getMessage());
            throw problem(HttpStatus.SERVICE_UNAVAILABLE,
                    "the letter to the citizen could not be queued; nothing was changed, try again later");
        } catch (CaseChangeRefused e) {
            throw problem(switch (e.reason()) {
                case NOT_FOUND -> HttpStatus.NOT_FOUND;
                case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
                case CONFLICT -> HttpStatus.CONFLICT;
            }, e.getMessage());
        }
    }

}
