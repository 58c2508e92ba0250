package org.guichet.gateway.authentication;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A DMARC policy record (RFC 7489 §6.3), the tags Guichet uses: {@code p}, {@code sp},
 * {@code adkim}, {@code aspf}. Reports ({@code rua}, {@code ruf}) are not sent, and
 * {@code pct} is not needed: Guichet flags and never rejects, so sampling has no meaning.
 */
record DmarcRecord(DmarcResult.Policy policy, DmarcResult.Policy subdomainPolicy,
                   DmarcResult.Alignment dkimAlignment, DmarcResult.Alignment spfAlignment) {

    /**
     * The one DMARC record among the TXT records at a {@code _dmarc} name; empty when there is
     * none, or several (RFC 7489 §6.6.3: then no policy applies), or it is unusable.
     */
    static Optional<DmarcRecord> among(List<String> txtRecords) {
        List<String> candidates = txtRecords.stream()
                // RFC 7489 §6.4: "v=DMARC1" first, exactly; other TXT records are ignored
                .filter(text -> text.strip().matches("v\\s*=\\s*DMARC1\\s*(;.*)?"))
                .toList();
        return candidates.size() == 1 ? parse(candidates.get(0)) : Optional.empty();
    }

    static Optional<DmarcRecord> parse(String text) {
        Map<String, String> tags = new HashMap<>();
        for (String spec : text.split(";")) {
            int equals = spec.indexOf('=');
            if (equals > 0) {
                tags.putIfAbsent(spec.substring(0, equals).strip().toLowerCase(Locale.ROOT), spec.substring(equals + 1).strip());
            }
        }
        DmarcResult.Policy policy = policy(tags.get("p"));
        if (policy == null) {
            // §6.6.3: without a valid p=, a record with a report address counts as p=none,
            // otherwise as no record at all
            if (!tags.containsKey("rua")) {
                return Optional.empty();
            }
            policy = DmarcResult.Policy.NONE;
        }
        DmarcResult.Policy subdomainPolicy = policy(tags.get("sp"));
        return Optional.of(new DmarcRecord(policy, subdomainPolicy == null ? policy : subdomainPolicy,
                alignment(tags.get("adkim")), alignment(tags.get("aspf"))));
    }

    private static DmarcResult.Policy policy(String value) {
        if (value == null) {
            return null;
        }
        try {
            return DmarcResult.Policy.of(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static DmarcResult.Alignment alignment(String value) {
        return value != null && value.equalsIgnoreCase("s") ? DmarcResult.Alignment.STRICT : DmarcResult.Alignment.RELAXED;
    }
}
