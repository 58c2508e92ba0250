package org.guichet.gateway.dkim;

import java.net.IDN;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DKIM keys of the domains Guichet signs for, one selector and key per {@code From}
 * domain. Loaded once at start, so that a wrong key setting stops the node with a message
 * naming it. Published to mailets in {@link org.guichet.gateway.mailet.GuichetServices}.
 */
public final class DkimKeys {

    /** Selector of a domain configured without one. */
    public static final String DEFAULT_SELECTOR = "guichet";

    private static final Logger LOG = LoggerFactory.getLogger(DkimKeys.class);
    // RFC 6376 §3.1: a selector is one or more dot-separated labels of letters, digits and hyphens.
    private static final Pattern SELECTOR = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final Pattern DOMAIN = Pattern.compile("(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9-]{2,63}");

    private final Map<String, DkimKey> byDomain;

    public DkimKeys(Collection<DkimKey> keys) {
        Map<String, DkimKey> map = new TreeMap<>();
        for (DkimKey key : keys) {
            if (map.put(key.domain(), key) != null) {
                throw new IllegalArgumentException("two DKIM keys for " + key.domain());
            }
        }
        this.byDomain = Map.copyOf(map);
    }

    /**
     * Reads the configured keys; a domain listed without {@code private-key} gets one generated
     * under {@code home} when {@code generate} is on, with the DNS record to publish logged once.
     */
    public static DkimKeys load(DkimProperties properties, Path home, SecureRandom random) {
        Map<String, DkimKey> keys = new TreeMap<>();
        properties.domainKeys().forEach((name, given) -> {
            String property = "guichet.dkim.domains." + name;
            String domain = domain(name, property);
            String selector = selector(given.selector(), property + ".selector");
            DkimKey key;
            try {
                key = read(domain, selector, given.privateKey(), properties.generate(), home, random, property);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(property + ": " + e.getMessage(), e);
            }
            if (keys.put(domain, key) != null) {
                throw new IllegalArgumentException("guichet.dkim.domains lists " + domain + " twice");
            }
        });
        return new DkimKeys(keys.values());
    }

    private static DkimKey read(String domain, String selector, Path privateKey, boolean generate, Path home,
            SecureRandom random, String property) {
        if (privateKey != null) {
            return new DkimKeyFile(privateKey).read(domain, selector);
        }
        DkimKeyFile generated = DkimKeyFile.generatedIn(home, domain, selector);
        if (generated.exists()) {
            return generated.read(domain, selector);
        }
        if (!generate) {
            throw new IllegalArgumentException("no private-key is set and guichet.dkim.generate is false: set "
                    + property + ".private-key to a PKCS#8 PEM file, or let Guichet generate one");
        }
        DkimKey key = generated.generate(domain, selector, random);
        LOG.info("dkim: generated a {}-bit key for {} in {}; publish this DNS record before relying on it: {}",
                key.bits(), domain, generated.path(), key.zoneRecord());
        return key;
    }

    /** The domain in lower-case A-labels, as it appears in {@code d=} and DNS. */
    public static String domain(String value, String what) {
        String domain;
        try {
            domain = value == null ? "" : IDN.toASCII(value.strip(), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": '" + value + "' is not a domain name: " + e.getMessage(), e);
        }
        if (!DOMAIN.matcher(domain).matches()) {
            throw new IllegalArgumentException(what + ": '" + value + "' is not a domain name");
        }
        return domain;
    }

    public static String selector(String value, String what) {
        String selector = value == null || value.isBlank() ? DEFAULT_SELECTOR : value.strip().toLowerCase(Locale.ROOT);
        if (!SELECTOR.matcher(selector).matches()) {
            throw new IllegalArgumentException(what + ": '" + value + "' is not a DKIM selector (letters, digits,"
                    + " hyphens, dot-separated labels; RFC 6376 §3.1)");
        }
        return selector;
    }

    /** The key of a {@code From} domain, looked up exactly (no parent domain). */
    public Optional<DkimKey> forDomain(String domain) {
        if (domain == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(byDomain.get(IDN.toASCII(domain.strip(), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Every key, by domain, e.g. for a command that prints the DNS records to publish. */
    public Collection<DkimKey> all() {
        return new TreeMap<>(byDomain).values();
    }

    /** The zone-file lines to publish, one per domain. */
    public List<String> dnsRecords() {
        return all().stream().map(DkimKey::zoneRecord).toList();
    }

    public boolean isEmpty() {
        return byDomain.isEmpty();
    }

    @Override
    public String toString() {
        return "DkimKeys" + all();
    }
}
