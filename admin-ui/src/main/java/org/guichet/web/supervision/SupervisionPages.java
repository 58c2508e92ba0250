package org.guichet.web.supervision;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.guichet.administration.Service;
import org.guichet.administration.Services;
import org.guichet.casework.Case;
import org.guichet.casework.CaseChangeRefused;
import org.guichet.casework.CaseFilter;
import org.guichet.casework.CaseLifecycle;
import org.guichet.casework.CaseListing;
import org.guichet.casework.CaseScope;
import org.guichet.casework.Caseworkers;
import org.guichet.node.ConditionalOnRole;
import org.guichet.node.Role;
import org.guichet.supervision.ServiceSupervision;
import org.guichet.supervision.Week;
import org.guichet.web.cases.CaseAccess;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The supervisor's page, per service: backlog, breaches, escalations, time to a person's
 * first answer and weekly compliance (charts and the same figures as a table), and
 * reassignment of many cases at once.
 */
@Controller
@ConditionalOnRole(Role.WEB)
record SupervisionPages(ServiceSupervision supervision, Services services, CaseAccess access, CaseListing listing,
        CaseLifecycle lifecycle, Caseworkers caseworkers, MessageSource messages) {

    static final int WEEKS = 8;
    static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM");

    @GetMapping("/supervision")
    String page(@RequestParam(required = false) String service, Authentication person, Model model) {
        List<Service> mine = supervised(person);
        model.addAttribute("services", mine);
        if (mine.isEmpty()) {
            return "supervision";
        }
        Service shown = service == null ? mine.getFirst() : mine.stream().filter(s -> s.code().equals(service))
                .findFirst().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<Week> weeks = supervision.weeks(shown.id(), WEEKS, ZONE);
        List<String> labels = weeks.stream().map(w -> DAY.format(w.monday())).toList();
        model.addAttribute("service", shown);
        model.addAttribute("backlog", supervision.backlog(shown.id()));
        model.addAttribute("weeks", weeks);
        model.addAttribute("compliance", BarChart.of(labels, weeks.stream()
                .map(w -> w.compliance() == null ? null : w.compliance().doubleValue()).toList(), 100, " %"));
        List<Double> hours = weeks.stream().map(w -> w.medianFirstAnswer() == null ? null
                : w.medianFirstAnswer().toMinutes() / 60.0).toList();
        double top = Math.max(24, hours.stream().filter(h -> h != null).mapToDouble(Double::doubleValue).max()
                .orElse(0));
        model.addAttribute("answerTime", BarChart.of(labels, hours, Math.ceil(top / 24) * 24, " h"));
        model.addAttribute("open", listing.list(new CaseFilter(shown.code(), null, null,
                CaseScope.services(Set.of(shown.id())), true, null, false, null, null), 0, 100).items());
        model.addAttribute("members", caseworkers.members(shown.id()));
        return "supervision";
    }

    /** Assigns every chosen case to one agent (or to nobody); each one is its own event. */
    @PostMapping("/supervision/reassign")
    String reassign(@RequestParam String service, @RequestParam(name = "cases", required = false) List<String> cases,
            @RequestParam(defaultValue = "") String assignee, Authentication person, RedirectAttributes redirect,
            HttpServletRequest request) {
        Service shown = supervised(person).stream().filter(s -> s.code().equals(service)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<String> refused = new ArrayList<>();
        int done = 0;
        for (String reference : cases == null ? List.<String>of() : cases) {
            Case found = access.find(reference, person);
            if (found.serviceId() != shown.id()) {
                refused.add(reference);
                continue;
            }
            try {
                lifecycle.assign(found.id(), assignee, person.getName());
                done++;
            } catch (CaseChangeRefused e) {
                refused.add(reference + " (" + e.getMessage() + ")");
            }
        }
        redirect.addFlashAttribute("notice", messages.getMessage("supervision.reassigned", new Object[] {done},
                RequestContextUtils.getLocale(request)));
        if (!refused.isEmpty()) {
            redirect.addFlashAttribute("error", String.join(", ", refused));
        }
        return "redirect:/supervision?service=" + shown.code();
    }

    /** An ADMIN supervises every service, a SUPERVISOR the services they belong to. */
    private List<Service> supervised(Authentication person) {
        CaseScope scope = access.scope(person);
        return services.findAll().stream().filter(s -> scope.everything() || scope.serviceIds().contains(s.id()))
                .sorted(Comparator.comparing(Service::name)).toList();
    }
}
