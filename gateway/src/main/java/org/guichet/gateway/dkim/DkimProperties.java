package org.guichet.gateway.dkim;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The domains whose mail Guichet signs with DKIM, after rewriting, so that receivers see a
 * valid signature aligned with the {@code From} domain (RFC 6376, DMARC RFC 7489 §3.1.1):
 * {@code guichet.dkim.domains.caf.fr.selector=guichet2026} and, optionally,
 * {@code guichet.dkim.domains.caf.fr.private-key=/etc/guichet/dkim/caf.fr.pem}.
 *
 * @param domains  {@code <domain>.selector} (default {@value DkimKeys#DEFAULT_SELECTOR}) and
 *                 {@code <domain>.private-key} (path of a PKCS#8 PEM RSA private key); kept as
 *                 flat keys because a domain name has dots, which a nested map would split
 * @param generate a listed domain without {@code private-key} gets a 2048-bit key generated once
 *                 into {@code <guichet.node.home>/keys/dkim-<domain>-<selector>.pem}, and its DNS
 *                 record is logged; false makes a missing {@code private-key} an error
 */
@ConfigurationProperties("guichet.dkim")
public record DkimProperties(Map<String, String> domains, @DefaultValue("true") boolean generate) {

    public DkimProperties {
        domains = domains == null ? Map.of() : Map.copyOf(domains);
    }

    /** One domain's settings. */
    public record DomainKey(String selector, Path privateKey) {
    }

    /** The settings by domain name as written; a setting other than the two stops the start. */
    public Map<String, DomainKey> domainKeys() {
        Map<String, String> selectors = new LinkedHashMap<>();
        Map<String, Path> privateKeys = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : new TreeMap<>(domains).entrySet()) {
            String key = entry.getKey().replaceAll("^\\[|\\]$", "");
            int dot = key.lastIndexOf('.');
            String setting = dot < 0 ? "" : key.substring(dot + 1).toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
            String domain = dot < 0 ? key : key.substring(0, dot).replaceAll("^\\[|\\]$", "");
            String value = entry.getValue() == null ? "" : entry.getValue().strip();
            switch (setting) {
                case "selector" -> selectors.put(domain, value);
                case "privatekey" -> privateKeys.put(domain, value.isEmpty() ? null : Path.of(value));
                default -> throw new IllegalArgumentException("guichet.dkim.domains." + entry.getKey()
                        + " is not a setting: write guichet.dkim.domains.<domain>.selector and .private-key");
            }
            selectors.putIfAbsent(domain, null);
        }
        Map<String, DomainKey> byDomain = new LinkedHashMap<>();
        selectors.forEach((domain, selector) -> byDomain.put(domain, new DomainKey(selector, privateKeys.get(domain))));
        return byDomain;
    }
}
