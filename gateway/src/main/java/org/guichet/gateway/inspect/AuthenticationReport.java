package org.guichet.gateway.inspect;

import java.util.stream.Collectors;

import org.guichet.gateway.authentication.AuthenticationResults;

/**
 * The SPF, DKIM and DMARC verdicts the inbound processor would record, in short.
 *
 * @param spf         SPF result ({@code pass}, {@code fail}, {@code temperror}, …)
 * @param spfDomain   the domain whose SPF policy was checked; empty when there was none
 * @param dkim        one {@code result/domain} per signature, comma-separated; {@code none} when unsigned
 * @param dmarc       DMARC result
 * @param dmarcDomain the author domain DMARC was evaluated for
 * @param flagged     whether the message would be shown as of doubtful origin (kept all the same)
 * @param header      the {@code Authentication-Results} header value the processor would add, on one line
 */
public record AuthenticationReport(String spf, String spfDomain, String dkim, String dmarc, String dmarcDomain,
        boolean flagged, String header) {

    public static AuthenticationReport of(AuthenticationResults results) {
        String dkim = results.dkim().isEmpty() ? "none" : results.dkim().stream()
                .map(signature -> signature.result().token()
                        + (signature.domain().isEmpty() ? "" : "/" + signature.domain()))
                .collect(Collectors.joining(","));
        return new AuthenticationReport(results.spf().result().token(), results.spf().domain(), dkim,
                results.dmarc().result().token(), results.dmarc().domain(), results.flagged(),
                results.header().replaceAll("\\r?\\n[ \\t]*", " "));
    }
}
