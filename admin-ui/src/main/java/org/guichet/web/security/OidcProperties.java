package org.guichet.web.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in through OpenID Connect, on when a provider is registered under
 * {@code spring.security.oauth2.client.registration.<id>.*}.
 *
 * @param usernameClaim the ID token or user-info claim holding the Guichet account name
 *                      ({@code email} by default: name the accounts by their e-mail address)
 */
@ConfigurationProperties("guichet.web.oidc")
public record OidcProperties(@DefaultValue("email") String usernameClaim) {
}
