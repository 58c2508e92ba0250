package org.guichet.gateway.authentication;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Evaluates SPF, DKIM and DMARC for one inbound message, from what the SMTP session saw and
 * the message as received. Never throws for a DNS problem: a failed or slow lookup gives a
 * {@code temperror} result. All DNS queries of one message share one time budget.
 *
 * <p>Published to mailets in {@link org.guichet.gateway.mailet.GuichetServices}.
 */
public class Authenticator {

    private final DnsRecords dns;
    private final String authservId;
    private final Duration budget;
    private final Clock clock;
    private final SpfCheck spf;
    private final DkimCheck dkim = new DkimCheck();
    private final DmarcCheck dmarc = new DmarcCheck();

    /**
     * @param dns        where records are read
     * @param authservId the authentication service's name in the header (RFC 8601 §2.5):
     *                   Guichet's host name
     * @param budget     longest total time the DNS queries of one message may take
     * @param clock      measures that time
     */
    public Authenticator(DnsRecords dns, String authservId, Duration budget, Clock clock) {
        if (authservId == null || authservId.isBlank()) {
            throw new IllegalArgumentException("the authentication service needs a name (guichet.authentication.authserv-id)");
        }
        this.dns = dns;
        this.authservId = authservId.strip();
        this.budget = budget;
        this.clock = clock;
        this.spf = new SpfCheck(this.authservId);
    }

    /** The name this service signs its {@code Authentication-Results} headers with. */
    public String authservId() {
        return authservId;
    }

    /**
     * @param clientIp the SMTP client's address
     * @param helo     the name it gave in EHLO/HELO; may be null
     * @param mailFrom the envelope sender; null or empty for the null sender
     * @param raw      the message as received, headers and body
     */
    public AuthenticationResults authenticate(String clientIp, String helo, String mailFrom, byte[] raw) {
        DnsBudget queries = new DnsBudget(dns, clock, budget);
        SpfResult spfResult = spf.check(clientIp, helo, mailFrom, queries);
        List<DkimResult> dkimResults = dkim.verify(raw, queries);
        DmarcResult dmarcResult = dmarc.evaluate(AuthorDomain.of(raw), spfResult, dkimResults, queries);
        return new AuthenticationResults(authservId, spfResult, dkimResults, dmarcResult);
    }
}
