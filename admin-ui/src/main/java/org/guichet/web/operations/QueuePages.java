package org.guichet.web.operations;

import java.util.List;
import java.util.function.ToIntFunction;

import org.guichet.node.ConditionalOnRole;
import org.guichet.node.Role;
import org.guichet.queue.QueueDetail;
import org.guichet.queue.QueueOperations;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code /operations/queue}: the messages not done, one message with its recipients and
 * attempts, and what an operator does to them (retry now, bounce, delete, flush every deferred
 * recipient), through the same {@link QueueOperations} as the REST API and the command line.
 */
@Controller
@ConditionalOnRole(Role.WEB)
record QueuePages(QueueOperations queue, PageTexts texts) {

    /** The recipient states a list can be filtered on. */
    static final List<String> STATUSES = List.of("queued", "deferred", "delivered", "bounced", "expired");
    static final int LIMIT = 500;

    @GetMapping("/operations/queue")
    String list(@RequestParam(required = false) String status, Model model) {
        String chosen = status != null && STATUSES.contains(status) ? status : null;
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("status", chosen);
        model.addAttribute("entries", queue.list(chosen, LIMIT));
        return "operations/queue";
    }

    @GetMapping("/operations/queue/{queueId}")
    String show(@PathVariable String queueId, Model model) {
        QueueDetail detail = queue.show(queueId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no message " + queueId));
        model.addAttribute("detail", detail);
        return "operations/message";
    }

    @PostMapping("/operations/queue/flush")
    String flush(RedirectAttributes redirect, HttpServletRequest request) {
        redirect.addFlashAttribute("notice", texts.text(request, "queue.flushed", queue.flush()));
        return "redirect:/operations/queue";
    }

    @PostMapping("/operations/queue/{queueId}/retry")
    String retry(@PathVariable String queueId, RedirectAttributes redirect, HttpServletRequest request) {
        return changed(queueId, "queue.retried", queue::retryNow, redirect, request);
    }

    @PostMapping("/operations/queue/{queueId}/bounce")
    String bounce(@PathVariable String queueId, RedirectAttributes redirect, HttpServletRequest request) {
        return changed(queueId, "queue.bounced", queue::bounce, redirect, request);
    }

    /** Applies a change that counts the recipients it touched, back on the message's page. */
    private String changed(String queueId, String notice, ToIntFunction<String> change, RedirectAttributes redirect,
            HttpServletRequest request) {
        if (queue.show(queueId).isEmpty()) {
            return unknown(queueId, redirect, request);
        }
        redirect.addFlashAttribute("notice", texts.text(request, notice, queueId, change.applyAsInt(queueId)));
        return "redirect:/operations/queue/" + queueId;
    }

    /** Deleting cannot be undone: the form's box must be ticked. */
    @PostMapping("/operations/queue/{queueId}/delete")
    String delete(@PathVariable String queueId, @RequestParam(defaultValue = "false") boolean confirm,
            RedirectAttributes redirect, HttpServletRequest request) {
        if (queue.show(queueId).isEmpty()) {
            return unknown(queueId, redirect, request);
        }
        if (!confirm) {
            redirect.addFlashAttribute("error", texts.text(request, "queue.notConfirmed", queueId));
            return "redirect:/operations/queue/" + queueId;
        }
        queue.delete(queueId);
        redirect.addFlashAttribute("notice", texts.text(request, "queue.deleted", queueId));
        return "redirect:/operations/queue";
    }

    private String unknown(String queueId, RedirectAttributes redirect, HttpServletRequest request) {
        redirect.addFlashAttribute("error", texts.text(request, "queue.unknown", queueId));
        return "redirect:/operations/queue";
    }
}
