package org.guichet.web.attachments;

import java.time.Instant;

import org.guichet.casework.CaseAttachment;

/**
 * One file of a case, as the API lists it.
 *
 * @param download the path of its bytes, or null when it was refused
 */
record AttachmentView(long id, long messageId, int position, String fileName, String declaredType,
        String detectedType, String servedType, boolean inline, long size, String sha256, Instant storedAt,
        boolean stored, String refusedReason, String download) {

    static AttachmentView of(CaseAttachment a) {
        return new AttachmentView(a.id(), a.caseMessageId(), a.position(), a.fileName(), a.declaredType(),
                a.detectedType(), a.servedType(), a.inline(), a.size(), a.sha256Hex(), a.storedAt(), a.stored(),
                a.refusedReason(), a.stored() ? "/api/attachments/" + a.id() : null);
    }
}
