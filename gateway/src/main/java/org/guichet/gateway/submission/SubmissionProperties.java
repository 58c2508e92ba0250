package org.guichet.gateway.submission;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may submit mail for relay. Anyone else is refused at RCPT with 550 5.7.1: Guichet
 * is never an open relay.
 *
 * @param allowedNetworks             client networks (CIDR) that may relay without
 *                                    authenticating; by default the local host only
 * @param allowPlaintextAuthOnLoopback accept SMTP AUTH without TLS from loopback clients;
 *                                    elsewhere AUTH needs STARTTLS first
 */
@ConfigurationProperties("guichet.submission")
public record SubmissionProperties(
        @DefaultValue({"127.0.0.0/8", "::1/128"}) List<String> allowedNetworks,
        @DefaultValue("false") boolean allowPlaintextAuthOnLoopback) {
}
