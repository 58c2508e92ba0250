package org.guichet.gateway.dns;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.guichet.dns.DnsRecordCheck;
import org.guichet.dns.NeededRecord;
import org.guichet.gateway.authentication.DnsFailure;
import org.guichet.gateway.authentication.DnsRecords;
import org.guichet.gateway.dkim.DkimKey;
import org.guichet.gateway.dkim.DkimKeys;

/**
 * The records a domain Guichet sends from, or receives replies on, needs published, compared
 * with what DNS answers: the MX of the reply domain (to the inbound listener), SPF (RFC 7208),
 * the DKIM key Guichet signs with (RFC 6376 §3.6.2), DMARC (RFC 7489) and, for the reply
 * domain, MTA-STS (RFC 8461) so that senders insist on TLS.
 */
public record DnsCheck(DnsRecords dns, DkimKeys keys, String replyDomain, String hostname) {

    private static final Duration WAIT = Duration.ofSeconds(5);

    /**
     * @param replyDomain the domain of reply addresses
     * @param hostname    the host name of Guichet's listeners, the MX target of the reply domain
     */
    public DnsCheck {
        replyDomain = replyDomain.toLowerCase(Locale.ROOT);
        hostname = hostname.toLowerCase(Locale.ROOT);
    }

    /** The records {@code domain} needs, without asking DNS. */
    public List<NeededRecord> needed(String domain) {
        return wanted(domain).stream().map(Wanted::needed).toList();
    }

    /** The records {@code domain} needs, each compared with what DNS answers now. */
    public List<DnsRecordCheck> check(String domain) {
        return wanted(domain).stream().map(this::compare).toList();
    }

    /** Whether every required record is as needed. */
    public static boolean allRequiredHold(List<DnsRecordCheck> checks) {
        return checks.stream().filter(DnsRecordCheck::required).allMatch(c -> c.status() == DnsRecordCheck.Status.OK);
    }

    /** One record to publish: where DNS is asked, and how its answer is judged. */
    private record Wanted(NeededRecord needed, String name, DnsRecords.Type type,
            Function<List<String>, DnsRecordCheck.Status> judge, String advice) {
    }

    private List<Wanted> wanted(String domain) {
        String name = domain.strip().toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        List<Wanted> wanted = new ArrayList<>();
        boolean reply = name.equals(replyDomain);
        if (reply) {
            wanted.add(mx(name));
        }
        wanted.add(spf(name));
        Optional<DkimKey> key = keys.forDomain(name);
        key.ifPresent(k -> wanted.add(dkim(k)));
        wanted.add(dmarc(name));
        if (reply) {
            wanted.add(mtaSts(name));
        }
        return wanted;
    }

    private Wanted mx(String domain) {
        String record = domain + ". IN MX 10 " + hostname + ".";
        return new Wanted(new NeededRecord("MX", record, true), domain, DnsRecords.Type.MX,
                found -> found.stream().anyMatch(h -> h.equalsIgnoreCase(hostname)) ? DnsRecordCheck.Status.OK
                        : DnsRecordCheck.Status.DIFFERS,
                "point the MX of " + domain + " at the inbound listener " + hostname);
    }

    private Wanted spf(String domain) {
        String record = domain + ". IN TXT \"v=spf1 a:" + hostname + " -all\"";
        return new Wanted(new NeededRecord("SPF", record, true), domain, DnsRecords.Type.TXT,
                found -> switch ((int) Math.min(2, found.stream()
                        .filter(t -> t.toLowerCase(Locale.ROOT).startsWith("v=spf1")).count())) {
                    case 0 -> DnsRecordCheck.Status.MISSING;
                    case 1 -> DnsRecordCheck.Status.OK;
                    default -> DnsRecordCheck.Status.DIFFERS;
                },
                "publish one SPF record listing the addresses that deliver mail for " + domain
                        + " (Guichet's outbound addresses, or the smarthost's); two SPF records are an error (RFC 7208 §3.2)");
    }

    private Wanted dkim(DkimKey key) {
        String expected = key.txtValue().replace(" ", "");
        return new Wanted(new NeededRecord("DKIM", key.zoneRecord(), true), key.recordName(), DnsRecords.Type.TXT,
                found -> found.stream().anyMatch(t -> t.replace(" ", "").equals(expected)) ? DnsRecordCheck.Status.OK
                        : found.stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).contains("p="))
                                ? DnsRecordCheck.Status.DIFFERS : DnsRecordCheck.Status.MISSING,
                "publish the key Guichet signs " + key.domain() + " with, at " + key.recordName());
    }

    private Wanted dmarc(String domain) {
        String name = "_dmarc." + domain;
        String record = name + ". IN TXT \"v=DMARC1; p=quarantine; adkim=r; aspf=r\"";
        return new Wanted(new NeededRecord("DMARC", record, true), name, DnsRecords.Type.TXT, found -> {
            Optional<String> policy = found.stream().filter(t -> t.toUpperCase(Locale.ROOT).startsWith("V=DMARC1"))
                    .findFirst();
            if (policy.isEmpty()) {
                return DnsRecordCheck.Status.MISSING;
            }
            return policy.get().replace(" ", "").toLowerCase(Locale.ROOT).contains(";p=none")
                    ? DnsRecordCheck.Status.WEAK : DnsRecordCheck.Status.OK;
        }, "publish a DMARC policy for " + domain + "; p=none protects nobody once reports show the mail aligns");
    }

    private Wanted mtaSts(String domain) {
        String name = "_mta-sts." + domain;
        String record = name + ". IN TXT \"v=STSv1; id=1\"";
        return new Wanted(new NeededRecord("MTA-STS", record, false), name, DnsRecords.Type.TXT,
                found -> found.stream().anyMatch(t -> t.startsWith("v=STSv1")) ? DnsRecordCheck.Status.OK
                        : DnsRecordCheck.Status.MISSING,
                "recommended: publish an MTA-STS policy (and https://mta-sts." + domain
                        + "/.well-known/mta-sts.txt) so that citizens' providers deliver replies over TLS only");
    }

    private DnsRecordCheck compare(Wanted wanted) {
        NeededRecord needed = wanted.needed();
        List<String> found;
        try {
            found = dns.lookup(wanted.name(), wanted.type(), WAIT);
        } catch (DnsFailure e) {
            return new DnsRecordCheck(needed.purpose(), needed.record(), needed.required(),
                    DnsRecordCheck.Status.UNANSWERED, List.of(), e.getMessage());
        }
        DnsRecordCheck.Status status = found.isEmpty() ? DnsRecordCheck.Status.MISSING : wanted.judge().apply(found);
        return new DnsRecordCheck(needed.purpose(), needed.record(), needed.required(), status, found,
                status == DnsRecordCheck.Status.OK ? null : wanted.advice());
    }
}
