package org.guichet.gateway.authentication;

import java.util.List;
import java.util.Optional;

/**
 * DMARC (RFC 7489): the author domain's policy record, found at {@code _dmarc.<domain>} or
 * else at {@code _dmarc.<organisational domain>} (§6.6.3), decides whether the SPF and DKIM
 * results vouch for the {@code From} address. It passes when a passing DKIM signature's
 * {@code d=}, or the SPF-checked domain with SPF pass, is aligned with the author domain in
 * the record's mode (§3.1): the same organisational domain when relaxed, the very same
 * domain when strict.
 */
final class DmarcCheck {

    DmarcResult evaluate(Optional<String> authorDomain, SpfResult spf, List<DkimResult> dkim, DnsBudget dns) {
        if (authorDomain.isEmpty()) {
            // §6.6.1: a message without exactly one author address cannot be evaluated
            return DmarcResult.without(DmarcResult.Verdict.PERMERROR, "");
        }
        String domain = authorDomain.get();
        String organisational = OrganisationalDomain.of(domain);
        Optional<DmarcRecord> record;
        boolean inherited = false;
        try {
            record = DmarcRecord.among(dns.lookup("_dmarc." + domain, DnsRecords.Type.TXT));
            if (record.isEmpty() && !organisational.equals(domain)) {
                record = DmarcRecord.among(dns.lookup("_dmarc." + organisational, DnsRecords.Type.TXT));
                inherited = record.isPresent();
            }
        } catch (DnsFailure e) {
            return DmarcResult.without(DmarcResult.Verdict.TEMPERROR, domain);
        }
        if (record.isEmpty()) {
            return DmarcResult.without(DmarcResult.Verdict.NONE, domain);
        }
        DmarcRecord policy = record.get();
        boolean dkimAligned = dkim.stream().filter(DkimResult::passed)
                .anyMatch(signature -> aligned(signature.domain(), domain, policy.dkimAlignment()));
        boolean spfAligned = spf.result() == SpfResult.Verdict.PASS
                && aligned(spf.domain(), domain, policy.spfAlignment());
        DmarcResult.AlignedIdentifier alignedBy = dkimAligned ? DmarcResult.AlignedIdentifier.DKIM
                : spfAligned ? DmarcResult.AlignedIdentifier.SPF : DmarcResult.AlignedIdentifier.NONE;
        return new DmarcResult(alignedBy == DmarcResult.AlignedIdentifier.NONE ? DmarcResult.Verdict.FAIL : DmarcResult.Verdict.PASS,
                domain, inherited ? policy.subdomainPolicy() : policy.policy(), alignedBy,
                policy.dkimAlignment(), policy.spfAlignment());
    }

    static boolean aligned(String identifier, String authorDomain, DmarcResult.Alignment mode) {
        if (identifier.isEmpty()) {
            return false;
        }
        return mode == DmarcResult.Alignment.STRICT
                ? identifier.equalsIgnoreCase(authorDomain)
                : OrganisationalDomain.of(identifier).equals(OrganisationalDomain.of(authorDomain));
    }
}
