package org.guichet.web.administration;

import java.util.stream.Collectors;

import org.guichet.administration.AdministrationProperties;
import org.guichet.administration.ContactDetails;
import org.guichet.administration.ServiceChangeRefused;
import org.guichet.administration.ServiceSettings;
import org.guichet.administration.ServiceSheet;
import org.guichet.node.ConditionalOnRole;
import org.guichet.node.Role;
import org.guichet.web.page.Flash;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
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
 * {@code /admin/services}: each service's contact details as its acknowledgements give them
 * (CRPA R112-11-1), edited here, and whether it takes new official messages. How mail reaches
 * a service (submitting applications, sender addresses), its calendar and its mailbox mode come
 * from the configuration and are shown as such.
 */
@Controller
@ConditionalOnRole(Role.WEB)
@RequestMapping("/admin/services")
record ServicePages(ServiceSettings services, AdministrationProperties administration, Flash flash) {

    @GetMapping
    String list(Model model) {
        model.addAttribute("services", services.list());
        return "admin-services";
    }

    @GetMapping("/{code}")
    String show(@PathVariable String code, Model model) {
        ServiceSheet sheet = services.find(code)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no service '" + code + "'"));
        model.addAttribute("service", sheet);
        model.addAttribute("definition", administration.services().get(code));
        return "admin-service";
    }

    @PostMapping("/{code}")
    String edit(@PathVariable String code, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String commitment, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String postalAddress,
            Authentication person, RedirectAttributes redirect, HttpServletRequest request) {
        try {
            services.edit(code, new ContactDetails(name, commitment, email, phone, postalAddress), person.getName());
            flash.notice(redirect, request, "services.saved", code);
        } catch (ServiceChangeRefused e) {
            refused(e, redirect, request);
        }
        return "redirect:/admin/services/" + code;
    }

    @PostMapping("/{code}/enabled")
    String enable(@PathVariable String code, @RequestParam boolean enabled, Authentication person,
            RedirectAttributes redirect, HttpServletRequest request) {
        try {
            services.enable(code, enabled, person.getName());
            flash.notice(redirect, request, enabled ? "services.enabledNow" : "services.disabledNow", code);
        } catch (ServiceChangeRefused e) {
            refused(e, redirect, request);
        }
        return "redirect:/admin/services/" + code;
    }

    private void refused(ServiceChangeRefused e, RedirectAttributes redirect, HttpServletRequest request) {
        switch (e.reason()) {
            case NOT_FOUND -> throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
            case MENTION_MISSING -> flash.error(redirect, request, "services.refused.mentions",
                    e.missing().stream().sorted().map(m -> flash.text(request, "mention." + m.name()))
                            .collect(Collectors.joining(", ")));
            case DEFAULT_SERVICE -> flash.error(redirect, request, "services.refused.default");
            case INVALID -> flash.error(redirect, request, "services.refused.invalid", e.getMessage());
        }
    }
}
