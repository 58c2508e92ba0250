package org.guichet.web.page;

import java.util.EnumSet;
import java.util.Set;

import org.guichet.web.account.WebRole;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the {@link Viewer} in the model of every page. */
@ControllerAdvice(annotations = Controller.class)
class ViewerAdvice {

    @ModelAttribute("viewer")
    Viewer viewer(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return null;
        }
        Set<WebRole> roles = EnumSet.noneOf(WebRole.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                try {
                    roles.add(WebRole.valueOf(name.substring("ROLE_".length())));
                } catch (IllegalArgumentException notOurs) {
                    // an authority Guichet does not grant
                }
            }
        }
        return new Viewer(authentication.getName(), roles);
    }
}
