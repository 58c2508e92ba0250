package org.guichet.web.page;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The sign-in page, the accessibility statement, and the first page after signing in. */
@Controller
class HomeController {

    private final ObjectProvider<ClientRegistrationRepository> providers;

    HomeController(ObjectProvider<ClientRegistrationRepository> providers) {
        this.providers = providers;
    }

    /** The password form, and a button per OpenID Connect provider configured. */
    @GetMapping("/login")
    String login(Model model) {
        List<ClientRegistration> registered = new ArrayList<>();
        if (providers.getIfAvailable() instanceof Iterable<?> all) {
            for (Object registration : all) {
                registered.add((ClientRegistration) registration);
            }
        }
        model.addAttribute("providers", registered);
        return "login";
    }

    /** Agents and supervisors work from their inbox; others see the entries of their roles. */
    @GetMapping("/")
    String home(@ModelAttribute("viewer") Viewer viewer) {
        return viewer != null && viewer.caseworker() ? "redirect:/cases" : "home";
    }

    /** RGAA 4.1 asks every public body for an accessibility statement. */
    @GetMapping({"/accessibilite", "/accessibility"})
    String accessibility() {
        return "accessibility";
    }
}
