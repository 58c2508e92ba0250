package org.guichet.gateway.authentication;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;

import org.guichet.gateway.message.Author;
import org.guichet.gateway.message.InboundMessage;

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
     * @param message  the citizen's message as the inbound steps read it; its envelope sender is
     *                 SPF's MAIL FROM, its author's domain the one DMARC protects
     * @param clientIp the SMTP client's address
     * @param helo     the name it gave in EHLO/HELO; may be null
     */
    public AuthenticationResults authenticate(InboundMessage message, String clientIp, String helo) {
        return authenticate(clientIp, helo, message.sender(), message.raw(), message.author());
    }

    /**
     * @param clientIp the SMTP client's address
     * @param helo     the name it gave in EHLO/HELO; may be null
     * @param mailFrom the envelope sender; null or empty for the null sender
     * @param raw      the message as received, headers and body
     */
    public AuthenticationResults authenticate(String clientIp, String helo, String mailFrom, byte[] raw) {
        return authenticate(clientIp, helo, mailFrom, raw, authorOf(raw));
    }

    private AuthenticationResults authenticate(String clientIp, String helo, String mailFrom, byte[] raw,
            Author author) {
        DnsBudget queries = DnsBudget.of(dns, clock, budget);
        SpfResult spfResult = spf.check(clientIp, helo, mailFrom, queries);
        List<DkimResult> dkimResults = dkim.verify(raw, queries);
        DmarcResult dmarcResult = dmarc.evaluate(author.domain(), spfResult, dkimResults, queries);
        return new AuthenticationResults(authservId, spfResult, dkimResults, dmarcResult);
    }

    /** The author of raw bytes; an unreadable header block has none to protect. */
    private static Author authorOf(byte[] raw) {
        try {
            String[] from = new InternetHeaders(new ByteArrayInputStream(raw)).getHeader("From");
            return Author.of(from == null ? List.of() : Arrays.asList(from));
        } catch (MessagingException unreadable) {
            return Author.of(List.of());
        }
    }
}
