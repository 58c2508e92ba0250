package org.guichet.web.operations;

import java.util.Arrays;
import java.util.List;

import org.guichet.node.ConditionalOnRole;
import org.guichet.node.Role;
import org.guichet.submitter.NewSubmitter;
import org.guichet.submitter.SubmitterRefusedException;
import org.guichet.submitter.Submitters;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code /operations/submitters}: the applications that submit mail with SMTP AUTH, through the
 * same {@link Submitters} port as {@code guichet submitter}. A new application's password is
 * shown once, on the page that answers the form, and is neither kept in the session nor logged.
 */
@Controller
@ConditionalOnRole(Role.WEB)
record SubmitterPages(Submitters submitters, PageTexts texts) {

    /** What the add form was given, shown again when it is refused. */
    record Form(String username, String description, String networks) {
    }

    @GetMapping("/operations/submitters")
    String list(Model model) {
        model.addAttribute("submitters", submitters.list());
        return "operations/submitters";
    }

    @PostMapping("/operations/submitters")
    String add(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "") String networks, Model model, HttpServletRequest request) {
        try {
            NewSubmitter added = submitters.add(username.strip(), description, split(networks));
            model.addAttribute("added", added);
            return "operations/submitter-added";
        } catch (SubmitterRefusedException e) {
            String why = refusal(request, e);
            model.addAttribute(e.reason() == SubmitterRefusedException.Reason.BAD_NETWORK ? "networkError"
                    : "nameError", why);
            model.addAttribute("error", why);
            model.addAttribute("form", new Form(username, description, networks));
            return list(model);
        }
    }

    @PostMapping("/operations/submitters/{username}/enabled")
    String enable(@PathVariable String username, @RequestParam boolean enabled, RedirectAttributes redirect,
            HttpServletRequest request) {
        return changed(() -> submitters.enable(username, enabled),
                texts.text(request, enabled ? "submitters.enabled" : "submitters.disabled", username), redirect, request);
    }

    @PostMapping("/operations/submitters/{username}/networks")
    String networks(@PathVariable String username, @RequestParam(defaultValue = "") String networks,
            RedirectAttributes redirect, HttpServletRequest request) {
        return changed(() -> submitters.changeNetworks(username, split(networks)),
                texts.text(request, "submitters.networksChanged", username), redirect, request);
    }

    /** Deleting cannot be undone: the form's box must be ticked. */
    @PostMapping("/operations/submitters/{username}/delete")
    String delete(@PathVariable String username, @RequestParam(defaultValue = "false") boolean confirm,
            RedirectAttributes redirect, HttpServletRequest request) {
        if (!confirm) {
            redirect.addFlashAttribute("error", texts.text(request, "submitters.notConfirmed", username));
            return "redirect:/operations/submitters";
        }
        return changed(() -> submitters.delete(username), texts.text(request, "submitters.deleted", username),
                redirect, request);
    }

    /** Applies a change to an application, back on the list with its notice or why it was refused. */
    private String changed(Runnable change, String notice, RedirectAttributes redirect, HttpServletRequest request) {
        try {
            change.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (SubmitterRefusedException e) {
            redirect.addFlashAttribute("error", refusal(request, e));
        }
        return "redirect:/operations/submitters";
    }

    /** Networks as typed: separated by commas, semicolons, spaces or new lines. */
    static List<String> split(String networks) {
        return Arrays.stream(networks.split("[\\s,;]+")).filter(n -> !n.isBlank()).toList();
    }

    private String refusal(HttpServletRequest request, SubmitterRefusedException e) {
        return texts.text(request, "submitters.refused." + e.reason(), e.subject() == null ? "" : e.subject());
    }
}
