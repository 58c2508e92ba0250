package org.guichet.web.account;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.guichet.account.LoginThrottle;
import org.guichet.node.ConditionalOnRole;
import org.guichet.node.HomeFolder;
import org.guichet.node.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /account/password}: an account chooses its own password, giving the current one. Open
 * without a session, since an account that must change its password cannot sign in before (the
 * first administrator, whose password was written to a file). Guesses count against the same
 * throttle as the sign-in.
 */
@Controller
@ConditionalOnRole(Role.WEB)
@ConditionalOnWebApplication // the sign-in's throttle exists only where the web security does
record PasswordPages(AccountService accounts, LoginThrottle throttle, HomeFolder home) {

    private static final Logger log = LoggerFactory.getLogger(PasswordPages.class);

    @GetMapping("/account/password")
    String form(Model model) {
        model.addAttribute("minimum", AccountService.MIN_PASSWORD);
        return "account-password";
    }

    @PostMapping("/account/password")
    String choose(@RequestParam String username, @RequestParam String current, @RequestParam String chosen,
            @RequestParam String repeated, Model model) {
        model.addAttribute("minimum", AccountService.MIN_PASSWORD);
        model.addAttribute("username", username);
        if (throttle.lockedUntil(username) != null) {
            model.addAttribute("error", "password.refused.locked");
            return "account-password";
        }
        throttle.waitTurn(username);
        if (!chosen.equals(repeated)) {
            model.addAttribute("error", "password.refused.repeat");
            return "account-password";
        }
        try {
            accounts.choosePassword(username, current, chosen);
        } catch (IllegalArgumentException e) {
            if ("password.refused.current".equals(e.getMessage())) {
                throttle.failed(username);
            }
            model.addAttribute("error", e.getMessage());
            return "account-password";
        }
        throttle.succeeded(username);
        log.info("web account '{}' chose a new password", username);
        if (FirstAccount.USERNAME.equals(username)) {
            removeFirstPasswordFile();
        }
        return "redirect:/login?changed";
    }

    // Nobody needs the first password once it has been replaced; it must not outlive its use.
    private void removeFirstPasswordFile() {
        Path file = FirstAccount.file(home.path());
        try {
            if (Files.deleteIfExists(file)) {
                log.info("removed {}: the first administrator chose a password", file);
            }
        } catch (IOException e) {
            log.warn("could not remove {}: {}; delete it by hand", file, e.toString());
        }
    }
}
