package org.guichet.casework;

import java.time.Instant;

/**
 * An internal note on a case, for colleagues: never sent to the citizen.
 *
 * @param id        database id
 * @param caseId    the case
 * @param author    the web account that wrote it
 * @param body      what it says
 * @param writtenAt the gateway's clock when it was written
 */
public record CaseNote(long id, long caseId, String author, String body, Instant writtenAt) {
}
