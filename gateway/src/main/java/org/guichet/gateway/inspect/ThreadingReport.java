package org.guichet.gateway.inspect;

import org.guichet.casework.ThreadingPreview;

/**
 * Where a citizen's message would go, from {@link org.guichet.casework.CaseThreading#preview}, with the
 * reply address it was read from.
 *
 * @param replyAddress  the recipient whose signed token is valid, or null
 * @param token         {@code valid}; {@code invalid} when a {@code reply+} address is there but its
 *                      token is forged, altered or signed with a key this node lacks (the inbound
 *                      listener refuses it at RCPT with 550); {@code none}
 * @param threading     TOKEN, HEADER, SUBJECT_REFERENCE or UNTHREADED
 * @param matched       what threaded it: conversation id, Message-ID or case reference; null when unthreaded
 * @param caseReference the case it would join (or reopen, or link from), null when a case would be opened
 * @param conversation  the conversation of that case, or null
 * @param service       code of the service whose queue would take it
 * @param citizen       the case's citizen
 * @param thirdParty    written from another address than the citizen's
 * @param author        citizen, third_party or automatic
 * @param change        opened, joined, reopened or linked
 */
public record ThreadingReport(String replyAddress, String token, String threading, String matched,
        String caseReference, String conversation, String service, String citizen, boolean thirdParty,
        String author, String change) {

    static ThreadingReport of(String replyAddress, String token, ThreadingPreview preview) {
        return new ThreadingReport(replyAddress, token, preview.threading().name(), preview.matched(),
                preview.caseReference(), preview.conversation(), preview.service(), preview.citizen(),
                preview.thirdParty(), preview.author().name().toLowerCase(java.util.Locale.ROOT),
                preview.change().name().toLowerCase(java.util.Locale.ROOT));
    }
}
