package org.guichet.gateway.inbound;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The inbound listener, MX of the reply domains, where citizens' replies arrive. It runs on
 * nodes whose {@code guichet.node.roles} include {@code inbound}; its port is
 * {@code guichet.smtp.inbound.port} (2526 by default).
 *
 * @param replyDomains      domains of the reply addresses ({@code reply+<token>@<domain>}); when
 *                          empty, {@code guichet.node.reply-domain}, else {@code guichet.smtp.hostname}
 * @param captureAddresses  other addresses whose mail is kept rather than refused, for instance an
 *                          administration's old {@code noreply@caf.fr} so that replies sent there
 *                          are no longer black-holed: {@code noreply@caf.fr} (the local part compared
 *                          without case, accents, separators or {@code +suffix}) or {@code *@caf.fr}
 *                          (every address of the domain)
 * @param invalidRecipients how a client that tries unknown recipients is slowed, then cut off
 */
@ConfigurationProperties("guichet.inbound")
public record InboundProperties(
        @DefaultValue List<String> replyDomains,
        @DefaultValue List<String> captureAddresses,
        @DefaultValue InvalidRecipients invalidRecipients) {

    public InboundProperties {
        replyDomains = replyDomains == null ? List.of() : List.copyOf(replyDomains);
        captureAddresses = captureAddresses == null ? List.of() : List.copyOf(captureAddresses);
    }

    /**
     * Limits on refused recipients in one SMTP session, against address harvesting and token
     * guessing (as Postfix's {@code smtpd_soft_error_limit} and {@code smtpd_hard_error_limit}).
     *
     * @param tarpitAfter refused recipients answered at once; each further refusal waits
     *                    {@code tarpitDelay} before it is answered
     * @param tarpitDelay wait before each refusal beyond {@code tarpitAfter}
     * @param limit       refused recipients a session may try; the next one is answered
     *                    {@code 421 4.7.0} and the connection closed
     */
    public record InvalidRecipients(
            @DefaultValue("3") int tarpitAfter,
            @DefaultValue("1s") Duration tarpitDelay,
            @DefaultValue("10") int limit) {

        public InvalidRecipients {
            if (tarpitAfter < 0 || limit < 1 || tarpitAfter > limit) {
                throw new IllegalArgumentException("guichet.inbound.invalid-recipients: need 0 <= tarpit-after ("
                        + tarpitAfter + ") <= limit (" + limit + ") and limit >= 1");
            }
            if (tarpitDelay == null || tarpitDelay.isNegative()) {
                throw new IllegalArgumentException(
                        "guichet.inbound.invalid-recipients.tarpit-delay must be zero or more: " + tarpitDelay);
            }
        }
    }
}
