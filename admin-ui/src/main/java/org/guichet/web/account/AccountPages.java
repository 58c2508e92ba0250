package org.guichet.web.account;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.guichet.administration.Service;
import org.guichet.administration.Services;
import org.guichet.node.ConditionalOnRole;
import org.guichet.node.Role;
import org.springframework.context.MessageSource;
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
 * The administrator's accounts page: who may sign in, with which roles, in which services;
 * accounts are created (their password shown once), placed in services, disabled and enabled.
 */
@Controller
@ConditionalOnRole(Role.WEB)
record AccountPages(WebAccounts accounts, AccountService service, Services services, MessageSource messages) {

    /** One row of the page. */
    record Row(String username, Set<WebRole> roles, List<String> services, boolean enabled) {
    }

    @GetMapping("/admin/accounts")
    String list(Model model) {
        model.addAttribute("accounts", accounts.findAll().stream().sorted(Comparator.comparing(WebAccount::username))
                .map(a -> new Row(a.username(), a.roles(), service.services(a.username()), a.enabled())).toList());
        model.addAttribute("roles", WebRole.values());
        model.addAttribute("services", services.findAll().stream().sorted(Comparator.comparing(Service::code))
                .toList());
        return "accounts";
    }

    @PostMapping("/admin/accounts")
    String create(@RequestParam(defaultValue = "") String username,
            @RequestParam(name = "roles", required = false) List<WebRole> roles,
            @RequestParam(name = "services", required = false) List<String> in, RedirectAttributes redirect,
            HttpServletRequest request) {
        try {
            String password = service.create(username.strip(), roles == null ? EnumSet.noneOf(WebRole.class)
                    : EnumSet.copyOf(roles), in == null ? List.of() : in);
            redirect.addFlashAttribute("notice", text(request, "accounts.created", username.strip()));
            redirect.addFlashAttribute("password", password);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/accounts";
    }

    @PostMapping("/admin/accounts/{username}/services")
    String place(@PathVariable String username, @RequestParam(name = "services", required = false) List<String> in,
            RedirectAttributes redirect, HttpServletRequest request) {
        try {
            service.place(username, in == null ? List.of() : in);
            redirect.addFlashAttribute("notice", text(request, "accounts.placed", username));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/accounts";
    }

    @PostMapping("/admin/accounts/{username}/enabled")
    String enable(@PathVariable String username, @RequestParam boolean enabled, Authentication person,
            RedirectAttributes redirect, HttpServletRequest request) {
        if (!enabled && username.equals(person.getName())) {
            redirect.addFlashAttribute("error", text(request, "accounts.notYourself", username));
            return "redirect:/admin/accounts";
        }
        try {
            service.enable(username, enabled);
            redirect.addFlashAttribute("notice", text(request, enabled ? "accounts.enabled" : "accounts.disabled",
                    username));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/accounts";
    }

    private String text(HttpServletRequest request, String key, String argument) {
        return messages.getMessage(key, new Object[] {argument}, RequestContextUtils.getLocale(request));
    }
}
