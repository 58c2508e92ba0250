package org.guichet.casework;

/**
 * Where {@link Casework#receive} would put an inbound message, as the database stands now;
 * {@link CaseThreading#preview} computes it without writing anything ({@code guichet inspect}).
 *
 * @param threading     how the message would find its case
 * @param matched       what threaded it: the token's conversation id, the Message-ID, or the case
 *                      reference of the subject; null when unthreaded
 * @param caseReference the case it would join (the closed case it would reopen or link from), or
 *                      null when a new case would be opened
 * @param conversation  public id of the conversation of that case, or of the case to be opened; null
 *                      when there is none
 * @param service       code of the service whose queue would take it
 * @param citizen       the citizen of that case
 * @param thirdParty    written from another address than the citizen's
 * @param author        who would be recorded as its author
 * @param change        what would happen to the case
 */
public record ThreadingPreview(Threading threading, String matched, String caseReference, String conversation,
        String service, String citizen, boolean thirdParty, AuthorKind author, CaseReceipt.Change change) {
}
