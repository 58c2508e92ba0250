package org.guichet.web.page;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The sign-in page, the accessibility statement, and the first page after signing in. */
@Controller
class HomeController {

    @GetMapping("/login")
    String login() {
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
