package org.guichet.web.security;

import java.util.List;

import org.guichet.web.account.WebAccount;
import org.guichet.web.account.WebAccounts;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Signing in through an OpenID Connect provider (the State's ProConnect, an administration's
 * own): the provider says who the person is, Guichet's accounts say what they may do. The
 * claim named by {@code guichet.web.oidc.username-claim} (the e-mail address by default)
 * must be the name of an enabled account; nobody gets an account by signing in.
 */
class OidcAccounts implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService provider = new OidcUserService();
    private final WebAccounts accounts;
    private final String claim;

    OidcAccounts(WebAccounts accounts, String claim) {
        this.accounts = accounts;
        this.claim = claim;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser person = provider.loadUser(request);
        String name = person.getClaimAsString(claim);
        WebAccount account = name == null ? null : accounts.findByUsername(name).filter(WebAccount::enabled)
                .orElse(null);
        if (account == null) {
            throw new OAuth2AuthenticationException(new OAuth2Error("unknown_account",
                    "no enabled Guichet account for this person", null));
        }
        List<SimpleGrantedAuthority> roles = account.roles().stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
        return new DefaultOidcUser(roles, person.getIdToken(), person.getUserInfo(), claim);
    }
}
