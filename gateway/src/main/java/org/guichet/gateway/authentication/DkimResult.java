package org.guichet.gateway.authentication;

import java.util.Locale;

/**
 * The verdict on one DKIM signature of a message (RFC 6376 §6.1, RFC 8601 §2.7.1).
 *
 * @param domain   the signing domain, its {@code d=} tag; empty when it could not be read
 * @param selector the key selector, its {@code s=} tag; empty when it could not be read
 * @param result   the verdict
 * @param reason   why it did not pass, in the verifier's words; empty on pass
 */
public record DkimResult(String domain, String selector, Verdict result, String reason) {

    /** RFC 8601 §2.7.1 results for one signature. */
    public enum Verdict implements ResultToken {
        PASS, FAIL, NONE, TEMPERROR, PERMERROR;

        static Verdict of(String token) {
            return ResultToken.parse(Verdict.class, token);
        }
    }

    public DkimResult {
        domain = domain == null ? "" : domain.toLowerCase(Locale.ROOT);
        selector = selector == null ? "" : selector;
        reason = reason == null ? "" : reason;
    }

    public boolean passed() {
        return result == Verdict.PASS;
    }
}
