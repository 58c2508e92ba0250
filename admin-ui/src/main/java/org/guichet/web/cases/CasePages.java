package org.guichet.web.cases;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.guichet.administration.Services;
import org.guichet.casework.AgentAnswers;
import org.guichet.casework.AnswerReceipt;
import org.guichet.casework.AnswerRefusedException;
import org.guichet.casework.AnswerRequest;
import org.guichet.casework.Answering;
import org.guichet.casework.AnsweringAgent;
import org.guichet.casework.Attachments;
import org.guichet.casework.Case;
import org.guichet.casework.CaseChangeRefused;
import org.guichet.casework.CaseFilter;
import org.guichet.casework.CaseLifecycle;
import org.guichet.casework.CaseListing;
import org.guichet.casework.CasePage;
import org.guichet.casework.CaseStatus;
import org.guichet.casework.Caseworkers;
import org.guichet.casework.RecordedAnswer;
import org.guichet.casework.TransferNotice;
import org.guichet.node.ConditionalOnRole;
import org.guichet.node.Role;
import org.guichet.queue.QueueUnavailableException;
import org.guichet.supervision.CaseStandings;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The agents' pages: the inbox and one case, with every action as a plain form (each works
 * without JavaScript; htmx only refreshes who else is on the case). Every form posts back
 * and redirects (post/redirect/get), with the outcome shown once.
 */
@Controller
@ConditionalOnRole(Role.WEB)
class CasePages {

    /** How long a colleague who opened the case counts as being on it. */
    static final Duration PRESENCE = Duration.ofMinutes(10);
    static final int PAGE_SIZE = 25;

    private final CaseAccess access;
    private final CaseListing listing;
    private final CaseViews views;
    private final CaseLifecycle lifecycle;
    private final Caseworkers caseworkers;
    private final AgentAnswers answers;
    private final Answering answering;
    private final Attachments attachments;
    private final Services services;
    private final MessageSource messages;
    private final Clock clock;
    private final CannedAnswers canned;
    private final org.guichet.casework.Casework casework;
    private final CaseStandings standings;

    CasePages(CaseAccess access, CaseListing listing, CaseViews views, CaseLifecycle lifecycle, Caseworkers caseworkers,
            AgentAnswers answers, Answering answering, Attachments attachments,
            Services services, MessageSource messages, Clock clock, CannedAnswers canned, CaseStandings standings,
            org.guichet.casework.Casework casework) {
        this.casework = casework;
        this.canned = canned;
        this.standings = standings;
        this.access = access;
        this.listing = listing;
        this.views = views;
        this.lifecycle = lifecycle;
        this.caseworkers = caseworkers;
        this.answers = answers;
        this.answering = answering;
        this.attachments = attachments;
        this.services = services;
        this.messages = messages;
        this.clock = clock;
    }

    /** The queues an agent switches between. */
    public enum Queue {
        MINE, SERVICES, UNASSIGNED, DUE_SOON, BREACHED;

        public String param() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Queue of(String value) {
            for (Queue queue : values()) {
                if (queue.param().equals(value)) {
                    return queue;
                }
            }
            return SERVICES;
        }
    }

    @GetMapping("/cases")
    String inbox(@RequestParam(name = "queue", defaultValue = "services") String queue,
            @RequestParam(name = "q", required = false) String search, @RequestParam(defaultValue = "0") int page,
            Authentication person, Model model) {
        Queue shown = Queue.of(queue);
        String words = search == null || search.isBlank() ? null : search.strip();
        CaseFilter filter = new CaseFilter(null, null, null, access.scope(person), words == null, 
                shown == Queue.MINE ? person.getName() : null, shown == Queue.UNASSIGNED,
                shown == Queue.DUE_SOON ? CaseFilter.Flag.DUE_SOON : shown == Queue.BREACHED ? CaseFilter.Flag.BREACHED
                        : null, words);
        CasePage cases = listing.list(filter, Math.max(0, page), PAGE_SIZE);
        model.addAttribute("queues", Queue.values());
        model.addAttribute("queue", shown);
        model.addAttribute("search", words);
        model.addAttribute("cases", cases);
        model.addAttribute("pages", (cases.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        return "cases/inbox";
    }

    @GetMapping("/cases/{reference}")
    String show(@PathVariable String reference, @RequestParam(name = "canned", required = false) String start,
            Authentication person, Model model) {
        Case found = access.find(reference, person);
        lifecycle.viewed(found.id(), person.getName());
        fill(model, found, person);
        // A ready-made answer chosen from the list (a plain link, so it works without JavaScript).
        if (start != null) {
            canned.find(serviceCode(model), start).ifPresent(c -> model.addAttribute("draft", c.text()));
        }
        return "cases/case";
    }

    /** Who else is on the case, refreshed by htmx every few seconds; the page shows it at load too. */
    @GetMapping("/cases/{reference}/presence")
    String presence(@PathVariable String reference, @RequestParam(defaultValue = "0") int answers,
            Authentication person, Model model) {
        Case found = access.find(reference, person);
        model.addAttribute("caseFile", found);
        model.addAttribute("others", others(found, person.getName()));
        model.addAttribute("newAnswers", this.answers.answers(found.id()).stream().skip(Math.max(0, answers))
                .map(a -> a.agent().identity()).distinct().toList());
        return "cases/case :: presence";
    }

    /**
     * A citizen's HTML, sanitised, served apart with a sandbox policy (set by the security
     * chain of this route): in its frame it runs no script and reaches no origin.
     */
    @GetMapping("/cases/{reference}/messages/{id}/html")
    ResponseEntity<String> html(@PathVariable String reference, @PathVariable long id, Authentication person) {
        Case found = access.find(reference, person);
        // One message's HTML: the case's messages only, not the whole view with its events.
        String html = casework.messages(found.id()).stream().filter(m -> m.id() == id && m.sanitisedHtml() != null)
                .map(org.guichet.casework.CaseMessage::sanitisedHtml).findFirst()
                .orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
                        org.springframework.http.HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" + html + "</body></html>");
    }

    /**
     * A message as it arrived, quoted text and headers included, as plain text: the browser
     * renders nothing of it (sandbox policy, no type sniffing).
     */
    @GetMapping("/cases/{reference}/messages/{id}/original")
    ResponseEntity<byte[]> original(@PathVariable String reference, @PathVariable long id, Authentication person) {
        Case found = access.find(reference, person);
        byte[] raw = casework.original(found.id(), id).orElseThrow(() -> new org.springframework.web.server
                .ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", "sandbox")
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(raw);
    }

    /**
     * Sends the answer. {@code answersSeen} is how many answers the case had when the agent
     * opened it: if a colleague answered since, nothing is sent and the page says who, with
     * the draft kept, so that the citizen never gets two answers to one question by accident.
     */
    @PostMapping("/cases/{reference}/answers")
    String answer(@PathVariable String reference, @RequestParam(defaultValue = "") String body,
            @RequestParam(defaultValue = "false") boolean close, @RequestParam(defaultValue = "0") int answersSeen,
            @RequestParam(required = false) String answerId,
            @RequestParam(name = "files", required = false) List<org.springframework.web.multipart.MultipartFile> files,
            Authentication person, Model model, RedirectAttributes redirect, HttpServletRequest request)
            throws java.io.IOException {
        Case found = access.find(reference, person);
        List<RecordedAnswer> given = answers.answers(found.id());
        boolean replay = answerId != null && given.stream().anyMatch(a -> a.answerId().equals(answerId));
        if (!replay && given.size() > answersSeen) {
            model.addAttribute("draft", body);
            model.addAttribute("conflict", given.getLast().agent().identity());
            fill(model, found, person);
            return "cases/case";
        }
        try {
            List<org.guichet.casework.AnswerAttachment> joined = new java.util.ArrayList<>();
            for (org.springframework.web.multipart.MultipartFile file : files == null
                    ? List.<org.springframework.web.multipart.MultipartFile>of() : files) {
                // A form sends an empty part when no file was chosen.
                if (!file.isEmpty()) {
                    joined.add(new org.guichet.casework.AnswerAttachment(file.getOriginalFilename(),
                            file.getContentType(), file.getBytes()));
                }
            }
            AnswerReceipt receipt = answering.answer(new AnswerRequest(found.reference(),
                    AnsweringAgent.webAccount(person.getName()), body, answerId, null, joined));
            if (close && !receipt.duplicate()) {
                lifecycle.changeStatus(found.id(), CaseStatus.CLOSED, person.getName());
            }
            flash(redirect, request, close ? "case.answer.sentClosed" : "case.answer.sent", receipt.to());
        } catch (AnswerRefusedException e) {
            model.addAttribute("draft", body);
            model.addAttribute("error", e.getMessage());
            fill(model, found, person);
            return "cases/case";
        } catch (QueueUnavailableException e) {
            model.addAttribute("draft", body);
            model.addAttribute("error", message(request, "case.answer.unavailable"));
            fill(model, found, person);
            return "cases/case";
        }
        return "redirect:/cases/" + found.reference();
    }

    @PostMapping("/cases/{reference}/notes")
    String note(@PathVariable String reference, @RequestParam(defaultValue = "") String text, Authentication person,
            RedirectAttributes redirect, HttpServletRequest request) {
        Case found = access.find(reference, person);
        return change(found, redirect, request, "case.note.added", () -> lifecycle.note(found.id(), text,
                person.getName()));
    }

    @PostMapping("/cases/{reference}/status")
    String status(@PathVariable String reference, @RequestParam(defaultValue = "") String status,
            Authentication person, RedirectAttributes redirect, HttpServletRequest request) {
        Case found = access.find(reference, person);
        return change(found, redirect, request, "case.status.changed", () -> lifecycle.changeStatus(found.id(),
                CaseStatus.parse(status).orElseThrow(() -> new CaseChangeRefused(CaseChangeRefused.Reason.INVALID,
                        message(request, "case.status.unknown"))), person.getName()));
    }

    @PostMapping("/cases/{reference}/assignment")
    String assign(@PathVariable String reference, @RequestParam(defaultValue = "") String assignee,
            Authentication person, RedirectAttributes redirect, HttpServletRequest request) {
        Case found = access.find(reference, person);
        return change(found, redirect, request, "case.assignment.changed", () -> lifecycle.assign(found.id(),
                assignee, person.getName()));
    }

    @PostMapping("/cases/{reference}/transfer")
    String transfer(@PathVariable String reference, @RequestParam(defaultValue = "") String service,
            @RequestParam(defaultValue = "") String reason, Authentication person, RedirectAttributes redirect,
            HttpServletRequest request) {
        Case found = access.find(reference, person);
        String done = change(found, redirect, request, "case.transfer.done", () -> lifecycle.transfer(found.id(),
                service, reason, person.getName()));
        // After a transfer out of the person's services, the case is no longer theirs to see.
        return access.scope(person).covers(lifecycle.current(found.id())) ? done : "redirect:/cases";
    }

    /** A lifecycle change, with its outcome (or refusal) flashed for the next page. */
    interface Change {
        Object run() throws TransferNotice.NoticeUnavailableException;
    }

    private String change(Case found, RedirectAttributes redirect, HttpServletRequest request, String done,
            Change change) {
        try {
            change.run();
            flash(redirect, request, done, null);
        } catch (CaseChangeRefused e) {
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (TransferNotice.NoticeUnavailableException e) {
            redirect.addFlashAttribute("error", message(request, "case.transfer.unavailable"));
        }
        return "redirect:/cases/" + found.reference();
    }

    private void fill(Model model, Case found, Authentication person) {
        CaseView view = views.of(found);
        List<RecordedAnswer> given = answers.answers(found.id());
        model.addAttribute("caseFile", found);
        model.addAttribute("view", view);
        model.addAttribute("subject", view.messages().stream().map(CaseView.Message::subject)
                .filter(s -> s != null && !s.isBlank()).findFirst().orElse(null));
        model.addAttribute("files", attachments.ofCase(found.reference()).orElse(List.of()));
        model.addAttribute("notes", lifecycle.notes(found.id()));
        model.addAttribute("members", caseworkers.members(found.serviceId()));
        model.addAttribute("services", services.findAll().stream()
                .sorted(Comparator.comparing(org.guichet.administration.Service::name)).toList());
        model.addAttribute("statuses", List.of(CaseStatus.OPEN, CaseStatus.WAITING_CITIZEN, CaseStatus.ANSWERED,
                CaseStatus.CLOSED));
        model.addAttribute("answersSeen", given.size());
        model.addAttribute("answerId", UUID.randomUUID().toString());
        model.addAttribute("others", others(found, person.getName()));
        model.addAttribute("newAnswers", List.of());
        model.addAttribute("canned", canned.of(view.serviceCode()));
        model.addAttribute("standing", standings.of(found.id()).orElse(null));
        // The view read the events already; the timeline is them, newest first, views left out.
        model.addAttribute("timeline", view.events().stream()
                .filter(e -> !"VIEWED".equals(e.type())).toList().reversed());
    }

    private static String serviceCode(Model model) {
        return ((CaseView) model.getAttribute("view")).serviceCode();
    }

    /** Colleagues who opened the case within {@link #PRESENCE}. */
    private Set<String> others(Case found, String me) {
        Set<String> others = new LinkedHashSet<>(lifecycle.viewersSince(found.id(), clock.instant().minus(PRESENCE)));
        others.remove(me);
        return others;
    }

    private void flash(RedirectAttributes redirect, HttpServletRequest request, String key, String argument) {
        // Without an argument the text is taken as written: MessageFormat would eat its apostrophes.
        redirect.addFlashAttribute("notice", messages.getMessage(key, argument == null ? null : new Object[] {argument},
                RequestContextUtils.getLocale(request)));
    }

    private String message(HttpServletRequest request, String key) {
        return messages.getMessage(key, null, RequestContextUtils.getLocale(request));
    }
}
