package org.guichet.gateway.authentication;

import java.util.Locale;

/**
 * The DMARC verdict on a message (RFC 7489 §4.2): whether an authenticated identifier, SPF's
 * or DKIM's, is aligned with the domain of the author's {@code From} address.
 *
 * @param result        the verdict
 * @param domain        the author domain ({@code From} header); empty when the message has
 *                      no single author address
 * @param policy        the domain owner's requested handling ({@code p=}, or {@code sp=} for a
 *                      sub-domain found through its organisational domain); null when no
 *                      DMARC record applies
 * @param alignedBy     which identifier passed and was aligned; {@link AlignedIdentifier#NONE}
 *                      unless the result is pass
 * @param dkimAlignment DKIM alignment mode ({@code adkim=}, relaxed by default)
 * @param spfAlignment  SPF alignment mode ({@code aspf=}, relaxed by default)
 */
public record DmarcResult(Verdict result, String domain, Policy policy, AlignedIdentifier alignedBy,
                          Alignment dkimAlignment, Alignment spfAlignment) {

    /** RFC 7489 §11.2 results. */
    public enum Verdict implements ResultToken {
        PASS, FAIL, NONE, TEMPERROR, PERMERROR;

        static Verdict of(String token) {
            return ResultToken.parse(Verdict.class, token);
        }
    }

    /** RFC 7489 §6.3 {@code p=} values. */
    public enum Policy implements ResultToken {
        NONE, QUARANTINE, REJECT;

        static Policy of(String token) {
            return ResultToken.parse(Policy.class, token);
        }
    }

    /** The identifier whose alignment made DMARC pass. */
    public enum AlignedIdentifier implements ResultToken {
        DKIM, SPF, NONE;
    }

    /** RFC 7489 §3.1 identifier alignment modes. */
    public enum Alignment implements ResultToken {
        RELAXED, STRICT;

        /** The {@code adkim=}/{@code aspf=} letter: {@code r} or {@code s}. */
        public String letter() {
            return this == RELAXED ? "r" : "s";
        }
    }

    public DmarcResult {
        domain = domain == null ? "" : domain.toLowerCase(Locale.ROOT);
        alignedBy = alignedBy == null ? AlignedIdentifier.NONE : alignedBy;
        dkimAlignment = dkimAlignment == null ? Alignment.RELAXED : dkimAlignment;
        spfAlignment = spfAlignment == null ? Alignment.RELAXED : spfAlignment;
    }

    /** A result reached without a DMARC record to apply (none published, or DNS unanswered). */
    public static DmarcResult without(Verdict result, String domain) {
        return new DmarcResult(result, domain, null, AlignedIdentifier.NONE, Alignment.RELAXED, Alignment.RELAXED);
    }
}
