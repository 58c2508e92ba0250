package org.guichet.web.administration;

import org.guichet.administration.ServiceSettings;
import org.guichet.node.ConditionalOnRole;
import org.guichet.node.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /admin}: the administrator's entries, with the services whose acknowledgements are incomplete. */
@Controller
@ConditionalOnRole(Role.WEB)
class AdministrationPages {

    private final ServiceSettings services;

    AdministrationPages(ServiceSettings services) {
        this.services = services;
    }

    @GetMapping("/admin")
    String overview(Model model) {
        model.addAttribute("incomplete", services.list().stream().filter(s -> s.enabled() && !s.complete()).toList());
        return "administration";
    }
}
