package org.guichet.gateway.authentication;

/**
 * The SPF verdict on one message (RFC 7208 §2.6).
 *
 * @param result   the verdict
 * @param domain   the domain whose policy was checked: the MAIL FROM domain, or the HELO
 *                 name for the null sender (RFC 7208 §2.4); empty when there was none
 * @param identity which identity {@code domain} comes from
 * @param clientIp the SMTP client's address that was checked; empty when unknown
 */
public record SpfResult(Verdict result, String domain, Identity identity, String clientIp) {

    /** RFC 7208 §2.6 results, written in lower case in headers (RFC 8601 §2.7.2). */
    public enum Verdict implements ResultToken {
        PASS, FAIL, SOFTFAIL, NEUTRAL, NONE, TEMPERROR, PERMERROR;

        static Verdict of(String token) {
            return ResultToken.parse(Verdict.class, token);
        }
    }

    /** The identity checked, as an RFC 8601 §2.7.2 property name. */
    public enum Identity {
        MAILFROM("smtp.mailfrom"), HELO("smtp.helo");

        private final String property;

        Identity(String property) {
            this.property = property;
        }

        public String property() {
            return property;
        }
    }

    public SpfResult {
        domain = domain == null ? "" : domain;
        identity = identity == null ? Identity.MAILFROM : identity;
        clientIp = clientIp == null ? "" : clientIp;
    }
}
