package org.guichet.gateway.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.guichet.dns.DnsRecordCheck;
import org.guichet.dns.MailDomain;
import org.guichet.dns.MailDomains;
import org.guichet.dns.NeededRecord;
import org.guichet.gateway.authentication.ResolverDns;
import org.guichet.gateway.dkim.DkimKey;
import org.guichet.gateway.dkim.DkimKeys;
import org.guichet.gateway.smtp.ReplyDomain;
import org.guichet.gateway.smtp.SmtpProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The domains port over the node's reply domain, its DKIM keys and {@link DnsCheck}, asking the
 * resolvers of {@code guichet.dns.servers}.
 */
@Component
@EnableConfigurationProperties(DnsProperties.class)
public class DnsMailDomains implements MailDomains {

    private final DnsProperties properties;
    private final DkimKeys keys;
    private final ReplyDomain replyDomain;
    private final String hostname;
    private final DnsCheck configured;

    DnsMailDomains(DnsProperties properties, DkimKeys keys, ReplyDomain replyDomain, SmtpProperties smtp) {
        this.properties = properties;
        this.keys = keys;
        this.replyDomain = replyDomain;
        this.hostname = smtp.hostname();
        this.configured = against(List.of());
    }

    @Override
    public List<MailDomain> domains() {
        List<MailDomain> domains = new ArrayList<>();
        String reply = replyDomain.name().toLowerCase(Locale.ROOT);
        domains.add(domain(reply, true));
        keys.all().stream().map(DkimKey::domain).filter(d -> !d.equals(reply)).forEach(d -> domains.add(domain(d, false)));
        return domains;
    }

    @Override
    public List<NeededRecord> needed(String domain) {
        return configured.needed(domain);
    }

    @Override
    public List<DnsRecordCheck> check(String domain) {
        return configured.check(domain);
    }

    /** The same check asking other resolvers ({@code guichet dns check --dns-server}); the configured ones when empty. */
    public DnsCheck against(List<String> servers) {
        return new DnsCheck(new ResolverDns(servers.isEmpty() ? properties.servers() : servers, properties.timeout()),
                keys, replyDomain.name(), hostname);
    }

    private MailDomain domain(String name, boolean reply) {
        return keys.forDomain(name).map(k -> new MailDomain(name, reply, k.selector(), k.bits()))
                .orElse(new MailDomain(name, reply, null, 0));
    }
}
