package org.guichet.web.security;

import java.time.Instant;

import org.guichet.account.LoginThrottle;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/** A password check that answers slowly, then not at all, to whoever keeps guessing one name. */
record ThrottledAuthentication(AuthenticationProvider checked, LoginThrottle throttle)
        implements AuthenticationProvider {

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String username = attempt.getName();
        Instant locked = throttle.lockedUntil(username);
        if (locked != null) {
            throw new LockedException("too many failed sign-ins; locked until " + locked);
        }
        throttle.waitTurn(username);
        try {
            Authentication authenticated = checked.authenticate(attempt);
            throttle.succeeded(username);
            return authenticated;
        } catch (BadCredentialsException e) {
            throttle.failed(username);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return checked.supports(authentication);
    }
}
