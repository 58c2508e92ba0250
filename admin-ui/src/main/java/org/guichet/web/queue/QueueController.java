package org.guichet.web.queue;

import static org.guichet.web.Problems.problem;

import java.util.List;
import java.util.Map;

import org.guichet.node.ConditionalOnRole;
import org.guichet.node.Role;
import org.guichet.queue.QueueDetail;
import org.guichet.queue.QueueEntry;
import org.guichet.queue.QueueOperations;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The queue, for operators: list, inspect, retry now, delete, bounce. */
@RestController
@ConditionalOnRole(Role.WEB)
@RequestMapping("/api/queue")
class QueueController {

    private final QueueOperations queue;

    QueueController(QueueOperations queue) {
        this.queue = queue;
    }

    @GetMapping
    List<QueueEntry> list(@RequestParam(required = false) String status,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 10_000) {
            throw problem(HttpStatus.BAD_REQUEST, "limit must be between 1 and 10000");
        }
        return queue.list(status, limit);
    }

    @GetMapping("/depth")
    Map<String, Long> depth() {
        return queue.depth();
    }

    @GetMapping("/{queueId}")
    QueueDetail show(@PathVariable String queueId) {
        return queue.show(queueId).orElseThrow(() -> notFound(queueId));
    }

    /** {@code POST /api/queue/flush}: every deferred recipient due now, like {@code postqueue -f}. */
    @PostMapping("/flush")
    Map<String, Object> flush() {
        return Map.of("rescheduled", queue.flush());
    }

    @PostMapping("/{queueId}/retry")
    Map<String, Object> retry(@PathVariable String queueId) {
        requireExists(queueId);
        return Map.of("queueId", queueId, "rescheduled", queue.retryNow(queueId));
    }

    @PostMapping("/{queueId}/bounce")
    Map<String, Object> bounce(@PathVariable String queueId) {
        requireExists(queueId);
        return Map.of("queueId", queueId, "bounced", queue.bounce(queueId));
    }

    @DeleteMapping("/{queueId}")
    ResponseEntity<Void> delete(@PathVariable String queueId) {
        if (!queue.delete(queueId)) {
            throw notFound(queueId);
        }
        return ResponseEntity.noContent().build();
    }

    private void requireExists(String queueId) {
        if (queue.show(queueId).isEmpty()) {
            throw notFound(queueId);
        }
    }

    private static ErrorResponseException notFound(String queueId) {
        return problem(HttpStatus.NOT_FOUND, "no message with queue id " + queueId);
    }
}
