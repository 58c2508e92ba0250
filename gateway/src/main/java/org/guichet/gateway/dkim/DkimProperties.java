package org.guichet.gateway.dkim;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The domains whose mail Guichet signs with DKIM, after rewriting, so that receivers see a
 * valid signature aligned with the {@code From} domain (RFC 6376, DMARC RFC 7489 §3.1.1).
 * A domain name contains dots, so write it in brackets:
 * {@code guichet.dkim.domains[caf.fr].selector=guichet2026}.
 *
 * @param domains  {@code From} domain to its selector and key
 * @param generate a listed domain without {@code private-key} gets a 2048-bit key generated once
 *                 into {@code <guichet.home>/keys/dkim-<domain>-<selector>.pem}, and its DNS
 *                 record is logged; false makes a missing {@code private-key} an error
 */
@ConfigurationProperties("guichet.dkim")
public record DkimProperties(Map<String, DomainKey> domains, @DefaultValue("true") boolean generate) {

    public DkimProperties {
        domains = domains == null ? Map.of() : Map.copyOf(domains);
    }

    /**
     * @param selector   the {@code s=} selector, published at {@code <selector>._domainkey.<domain>}
     * @param privateKey path of a PKCS#8 PEM RSA private key; unset, one is generated (see
     *                   {@code generate})
     */
    public record DomainKey(@DefaultValue(DkimKeys.DEFAULT_SELECTOR) String selector, Path privateKey) {
    }
}
