package org.guichet.web.cases;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.guichet.casework.AgentAnswers;
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
import org.guichet.casework.Casework;
import org.guichet.casework.EventLog;
import org.guichet.casework.RecordedAnswer;
import org.guichet.conversation.Conversation;
import org.guichet.node.ConditionalOnRole;
import org.guichet.node.Role;
import org.guichet.queue.QueueUnavailableException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
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
class CasesController {

    private final CaseListing listing;
    private final Casework casework;
    private final EventLog events;
    private final AgentAnswers answers;
    private final Answering answering;
    private final JdbcClient jdbc;

    CasesController(CaseListing listing, Casework casework, EventLog events, AgentAnswers answers,
            Answering answering, JdbcClient jdbc) {
        this.listing = listing;
        this.casework = casework;
        this.events = events;
        this.answers = answers;
        this.answering = answering;
        this.jdbc = jdbc;
    }

    /** Newest first; {@code total} counts every matching case, whatever the page size. */
    @GetMapping
    CasePage list(@RequestParam(required = false) String service, @RequestParam(required = false) String status,
            @RequestParam(required = false) Boolean unthreaded, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        CaseStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = CaseStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw problem(HttpStatus.BAD_REQUEST, "status must be open or closed");
            }
        }
        if (page < 0 || size < 1 || size > CaseListing.MAX_PAGE_SIZE) {
            throw problem(HttpStatus.BAD_REQUEST, "page must be 0 or more and size between 1 and "
                    + CaseListing.MAX_PAGE_SIZE);
        }
        return listing.list(new CaseFilter(service == null || service.isBlank() ? null : service.strip(), wanted,
                unthreaded), page, size);
    }

    @GetMapping("/{reference}")
    CaseView show(@PathVariable String reference) {
        Case found = casework.find(reference.strip().toUpperCase(Locale.ROOT)).orElseThrow(() -> notFound(reference));
        Map<Long, RecordedAnswer> byMessage = answers.answers(found.id()).stream()
                .collect(Collectors.toMap(RecordedAnswer::caseMessageId, Function.identity()));
        List<CaseView.Message> messages = casework.messages(found.id()).stream().map(m -> {
            RecordedAnswer answer = byMessage.get(m.id());
            return new CaseView.Message(m.id(), lower(m.direction()), lower(m.author()), m.thirdParty(),
                    m.threading() == null ? null : m.threading().name(), m.fromAddress(),
                    answer == null ? null : answer.to(), answer == null ? null : answer.agent().identity(),
                    m.subject(), m.messageId(), m.inReplyTo(), m.queueId(), m.receivedAt(), m.visibleText(),
                    m.sanitisedHtml(), m.automaticReason());
        }).toList();
        List<CaseView.Event> log = events.events(found.id()).stream()
                .map(e -> new CaseView.Event(e.seq(), e.type(), e.occurredAt(), e.payload(), e.hashHex())).toList();
        String service = jdbc.sql("select code from service where id = :id").param("id", found.serviceId())
                .query(String.class).single();
        String linked = found.linkedCaseId() == null ? null : casework.caseById(found.linkedCaseId())
                .map(Case::reference).orElse(null);
        return new CaseView(found.reference(), service, lower(found.status()), found.unthreaded(), found.priority(),
                found.citizenAddress(), answers.conversationOf(found.id()).map(Conversation::replyAddress).orElse(null),
                found.openedAt(), found.closedAt(), linked, messages, log);
    }

    /**
     * Posts an answer as the signed-in account. 201 with the answer's queue id; posting again
     * with the same {@code answerId} (or {@code Idempotency-Key} header) sends nothing more and
     * answers 200 with the first answer.
     */
    @PostMapping("/{reference}/answers")
    ResponseEntity<AnswerReceipt> answer(@PathVariable String reference, @RequestBody AnswerBody body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, Principal principal) {
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
            throw problem(HttpStatus.SERVICE_UNAVAILABLE, "the answer could not be queued, try again: "
                    + e.getMessage());
        }
        if (receipt.duplicate()) {
            return ResponseEntity.ok(receipt);
        }
        return ResponseEntity.created(URI.create("/api/cases/" + receipt.caseReference() + "/answers/"
                + receipt.answerId())).body(receipt);
    }

    /**
     * @param text     the answer, plain text
     * @param answerId optional idempotency key (letters, digits, {@code . _ : -}, at most 64)
     * @param to       optional correspondent: the citizen or a third party who wrote to the case
     */
    record AnswerBody(String text, String answerId, String to) {
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static ErrorResponseException notFound(String reference) {
        return problem(HttpStatus.NOT_FOUND, "no case " + reference);
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
