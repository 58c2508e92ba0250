package org.guichet.web.security;

import java.io.IOException;

import org.guichet.web.account.WebAccount;
import org.guichet.web.account.WebAccounts;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Ends the session of an account disabled while signed in: its next request finds itself
 * signed out, instead of keeping access until the session times out.
 */
class DisabledAccounts extends OncePerRequestFilter {

    private final WebAccounts accounts;

    DisabledAccounts(WebAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null && signedIn.isAuthenticated() && request.getSession(false) != null
                && !accounts.findByUsername(signedIn.getName()).map(WebAccount::enabled).orElse(false)) {
            HttpSession session = request.getSession(false);
            session.invalidate();
            SecurityContextHolder.clearContext();
            response.sendRedirect(request.getContextPath() + "/login?error");
            return;
        }
        chain.doFilter(request, response);
    }
}
