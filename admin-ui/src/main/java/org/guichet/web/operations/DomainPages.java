package org.guichet.web.operations;

import java.util.List;

import org.guichet.dns.DnsRecordCheck;
import org.guichet.dns.MailDomain;
import org.guichet.dns.MailDomains;
import org.guichet.dns.NeededRecord;
import org.guichet.node.ConditionalOnRole;
import org.guichet.node.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code /operations/domains}: the reply domain and the domains Guichet signs for, the records
 * each needs, and on demand what DNS answers for them, the same check as {@code guichet dns check}.
 */
@Controller
@ConditionalOnRole(Role.WEB)
record DomainPages(MailDomains domains, PageTexts texts) {

    /**
     * One domain on the page: its records, and when it was just checked, what DNS answered.
     *
     * @param checks null until checked
     */
    record DomainView(MailDomain domain, List<NeededRecord> needed, List<DnsRecordCheck> checks) {

        /** Whether every required record was found as needed. */
        public boolean holds() {
            return checks != null && checks.stream().filter(DnsRecordCheck::required)
                    .allMatch(c -> c.status() == DnsRecordCheck.Status.OK);
        }
    }

    @GetMapping("/operations/domains")
    String list(Model model) {
        return page(model, null);
    }

    /** Asks DNS now; only the domains of this Guichet are checked. */
    @PostMapping("/operations/domains/check")
    String check(@RequestParam(defaultValue = "") String domain, Model model, RedirectAttributes redirect,
            HttpServletRequest request) {
        String name = domain.strip().toLowerCase(java.util.Locale.ROOT);
        if (domains.domains().stream().noneMatch(d -> d.name().equals(name))) {
            redirect.addFlashAttribute("error", texts.text(request, "domains.unknown", domain));
            return "redirect:/operations/domains";
        }
        model.addAttribute("notice", texts.text(request, "domains.checked", name));
        return page(model, name);
    }

    private String page(Model model, String checked) {
        model.addAttribute("domains", domains.domains().stream()
                .map(d -> new DomainView(d, domains.needed(d.name()),
                        d.name().equals(checked) ? domains.check(d.name()) : null))
                .toList());
        return "operations/domains";
    }
}
