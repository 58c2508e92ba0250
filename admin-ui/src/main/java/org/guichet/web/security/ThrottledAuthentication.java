package org.guichet.web.security;

import java.time.Duration;
import java.time.Instant;

import org.guichet.account.LoginThrottle;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/** A password check that answers slowly, then not at all, to whoever keeps guessing one name. */
final class ThrottledAuthentication implements AuthenticationProvider {

    private final AuthenticationProvider checked;
    private final LoginThrottle throttle;

    ThrottledAuthentication(AuthenticationProvider checked, LoginThrottle throttle) {
        this.checked = checked;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String username = attempt.getName();
        Instant locked = throttle.lockedUntil(username);
        if (locked != null) {
            throw new LockedException("too many failed sign-ins; locked until " + locked);
        }
        pause(throttle.delay(username));
        try {
            Authentication authenticated = checked.authenticate(attempt);
            throttle.succeeded(username);
            return authenticated;
        } catch (BadCredentialsException e) {
            throttle.failed(username);
            throw e;
        }
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return checked.supports(authentication);
    }
}
