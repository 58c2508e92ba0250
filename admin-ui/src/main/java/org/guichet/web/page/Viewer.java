package org.guichet.web.page;

import java.util.Set;

import org.guichet.web.account.WebRole;

/**
 * Who is looking at a page: the layout shows their name and only the entries of their roles.
 *
 * @param username the signed-in account
 * @param roles    its roles
 */
public record Viewer(String username, Set<WebRole> roles) {

    public boolean is(String role) {
        return roles.contains(WebRole.valueOf(role));
    }

    public boolean caseworker() {
        return roles.contains(WebRole.AGENT) || roles.contains(WebRole.SUPERVISOR) || roles.contains(WebRole.ADMIN);
    }

    /** Who reads the monthly reports: auditors, supervisors and administrators. */
    public boolean auditor() {
        return roles.contains(WebRole.AUDITOR) || roles.contains(WebRole.SUPERVISOR) || roles.contains(WebRole.ADMIN);
    }

    public boolean supervisor() {
        return roles.contains(WebRole.SUPERVISOR) || roles.contains(WebRole.ADMIN);
    }

    /** Who runs the mail plane: operators and administrators. */
    public boolean operator() {
        return roles.contains(WebRole.OPERATOR) || roles.contains(WebRole.ADMIN);
    }
}
