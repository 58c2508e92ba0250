package org.guichet.web.administration;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.guichet.administration.ServiceSettings;
import org.guichet.administration.ServiceSheet;
import org.guichet.audit.AuditProperties;
import org.guichet.node.ConditionalOnRole;
import org.guichet.node.Role;
import org.guichet.sla.ImplicitDecision;
import org.guichet.sla.SlaMetric;
import org.guichet.sla.SlaPolicy;
import org.guichet.sla.SlaPolicyStore;
import org.guichet.sla.SlaTarget;
import org.guichet.sla.SlaTerms;
import org.guichet.web.page.Flash;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code /admin/sla}: the versions of a service's SLA policy, and a form that adds the next one.
 * A version is never changed and never takes effect before it is recorded (the table refuses
 * both): figures already reported keep the version that was in force.
 */
@Controller
@ConditionalOnRole(Role.WEB)
@RequestMapping("/admin/sla")
class SlaPages {

    private final SlaPolicyStore store;
    private final SlaTerms defaults;
    private final ServiceSettings services;
    private final ZoneId zone;
    private final Clock clock;
    private final Flash flash;

    SlaPages(SlaPolicyStore store, SlaTerms defaults, ServiceSettings services, AuditProperties audit, Clock clock,
            Flash flash) {
        this.store = store;
        this.defaults = defaults;
        this.services = services;
        this.zone = audit.zone();
        this.clock = clock;
        this.flash = flash;
    }

    /** One version as the page lists it; version 0 is the configured default ({@code guichet.sla.*}). */
    record Version(int number, String effectiveFrom, Map<SlaMetric, String> targets, String pausing,
            double warningFraction, ImplicitDecision implicitDecision, boolean inForce) {
    }

    @GetMapping
    String versions(@RequestParam(required = false) String service, Model model) {
        List<ServiceSheet> all = services.list();
        String code = service == null || service.isBlank() ? all.getFirst().code() : service.strip();
        if (all.stream().noneMatch(s -> s.code().equals(code))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no service '" + code + "'");
        }
        List<SlaPolicy> stored = store.versions(code);
        SlaPolicy inForce = store.loadAll().inForce(code, clock.instant());
        List<Version> versions = new ArrayList<>();
        versions.add(version(SlaPolicy.defaultFor(code, defaults), null, inForce.version() == SlaPolicy.DEFAULT_VERSION));
        for (SlaPolicy policy : stored) {
            versions.add(version(policy, policy.effectiveFrom().atZone(zone).toLocalDateTime().toString()
                    .replace('T', ' '), policy.version() == inForce.version()));
        }
        model.addAttribute("services", all);
        model.addAttribute("service", code);
        model.addAttribute("versions", versions);
        model.addAttribute("metrics", SlaMetric.values());
        model.addAttribute("decisions", ImplicitDecision.values());
        model.addAttribute("current", versions.stream().filter(Version::inForce).findFirst().orElseThrow());
        model.addAttribute("tomorrow", LocalDate.now(clock.withZone(zone)).plusDays(1));
        model.addAttribute("zone", zone);
        return "admin-sla";
    }

    @PostMapping("/{code}")
    String add(@PathVariable String code, @RequestParam(defaultValue = "") String effectiveFrom,
            @RequestParam Map<String, String> form, RedirectAttributes redirect, HttpServletRequest request) {
        if (services.find(code).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no service '" + code + "'");
        }
        try {
            LocalDate day = LocalDate.parse(effectiveFrom.strip());
            Map<SlaMetric, SlaTarget> targets = new EnumMap<>(SlaMetric.class);
            for (SlaMetric metric : SlaMetric.values()) {
                targets.put(metric, SlaTarget.valueOf(form.getOrDefault("target." + metric.name(), "")));
            }
            Set<String> pausing = Arrays.stream(form.getOrDefault("pausing", "").split(","))
                    .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
            double warning = Double.parseDouble(form.getOrDefault("warningFraction", "").strip().replace(',', '.'));
            ImplicitDecision decision = ImplicitDecision.valueOf(form.getOrDefault("implicitDecision", "NONE"));
            SlaPolicy added = store.add(code, day.atTime(LocalTime.MIDNIGHT).atZone(zone).toInstant(),
                    new SlaTerms(targets, pausing, warning, decision));
            flash.notice(redirect, request, "sla.added", added.version(), code, day.toString());
        } catch (DateTimeParseException e) {
            flash.error(redirect, request, "sla.refused.date", effectiveFrom);
        } catch (IllegalArgumentException e) {
            // SlaTarget, SlaTerms and the store say what they expect; the past date is among them.
            flash.error(redirect, request, "sla.refused", e.getMessage());
        }
        return "redirect:/admin/sla?service=" + code;
    }

    private static Version version(SlaPolicy policy, String effectiveFrom, boolean inForce) {
        Map<SlaMetric, String> targets = new EnumMap<>(SlaMetric.class);
        for (SlaMetric metric : SlaMetric.values()) {
            targets.put(metric, policy.target(metric).text());
        }
        SlaTerms terms = policy.terms();
        return new Version(policy.version(), effectiveFrom, targets,
                String.join(", ", terms.pausingStatuses().stream().sorted().toList()), terms.warningFraction(),
                terms.implicitDecision(), inForce);
    }
}
