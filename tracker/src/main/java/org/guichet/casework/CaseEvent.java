package org.guichet.casework;

import java.time.Instant;
import java.util.HexFormat;

/**
 * One entry of the append-only, hash-chained case log.
 *
 * @param id            position in the global chain (database id)
 * @param caseId        its case
 * @param caseReference its case's reference (part of what is hashed, unlike ids)
 * @param seq           1, 2, 3… within the case
 * @param type          what happened
 * @param occurredAt    the gateway's clock (microseconds), never a user's
 * @param payload       canonical JSON of the details
 * @param prevHash      hash of the event before it in the chain (32 zero bytes for the first)
 * @param hash          SHA-256 of prevHash and the canonical bytes of this event
 */
public record CaseEvent(long id, long caseId, String caseReference, int seq, String type, Instant occurredAt,
        String payload, byte[] prevHash, byte[] hash) {

    public String hashHex() {
        return HexFormat.of().formatHex(hash);
    }
}
