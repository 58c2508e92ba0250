package org.guichet.dns;

import java.util.List;

/**
 * One record Guichet needs published, and what DNS answers for it.
 *
 * @param purpose  why it is needed ({@code MX}, {@code SPF}, {@code DKIM}, {@code DMARC}, {@code MTA-STS})
 * @param record   the record to publish, as a zone file line
 * @param required whether mail suffers without it (MTA-STS is recommended only)
 * @param status   how DNS compares
 * @param found    what DNS answers at that name and type
 * @param advice   what to do, when the status is not {@link Status#OK}
 */
public record DnsRecordCheck(String purpose, String record, boolean required, Status status, List<String> found,
        String advice) {

    public DnsRecordCheck {
        found = List.copyOf(found);
    }

    /** How the published record compares with the one needed. */
    public enum Status {
        /** Published as needed. */
        OK,
        /** Nothing published at that name and type. */
        MISSING,
        /** Something else is published there. */
        DIFFERS,
        /** Published, but weaker than advised (a DMARC policy of none). */
        WEAK,
        /** DNS did not answer. */
        UNANSWERED
    }
}
