package org.guichet.web.attachments;

import static org.guichet.web.Problems.problem;

import java.util.List;

import org.guichet.casework.Attachments;
import org.guichet.casework.CaseAttachment;
import org.guichet.node.ConditionalOnRole;
import org.guichet.node.Role;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.security.core.Authentication;
import org.guichet.web.cases.CaseAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The files citizens sent, for agents and supervisors: a case's list, and each stored file as a
 * download. A download is never rendered by the browser: {@code Content-Disposition: attachment},
 * the type the bytes show only when the sender declared the same ({@code application/octet-stream}
 * otherwise), {@code X-Content-Type-Options: nosniff} and {@code Content-Security-Policy: sandbox},
 * so that HTML or SVG slipped past the checks runs no script in Guichet's origin.
 */
@RestController
@ConditionalOnRole(Role.WEB)
record AttachmentController(Attachments attachments, CaseAccess access) {

    @GetMapping("/api/cases/{reference}/attachments")
    List<AttachmentView> ofCase(@PathVariable String reference, Authentication person) {
        return attachments.ofCase(access.find(reference, person).reference())
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "no case " + reference))
                .stream().map(AttachmentView::of).toList();
    }

    @GetMapping("/api/attachments/{id}")
    ResponseEntity<byte[]> download(@PathVariable String id, Authentication person) {
        long number = number(id);
        // Another service's file is as unknown as a missing one.
        String reference = attachments.caseReference(number)
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "no attachment " + id));
        try {
            access.find(reference, person);
        } catch (ErrorResponseException outside) {
            throw problem(HttpStatus.NOT_FOUND, "no attachment " + id);
        }
        Attachments.Download download = attachments.download(number).orElseThrow(() -> attachments.find(number)
                .map(refused -> problem(HttpStatus.NOT_FOUND, "attachment " + id + " was refused ("
                        + refused.refusedReason() + "): its bytes were not stored; the raw message keeps them"))
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "no attachment " + id)));
        return served(download);
    }

    /** The same file for the pages (session sign-in), where a file of another case is as unknown. */
    @GetMapping("/cases/{reference}/attachments/{id}")
    ResponseEntity<byte[]> fromCasePage(@PathVariable String reference, @PathVariable String id,
            Authentication person) {
        String owner = access.find(reference, person).reference();
        long number = number(id);
        Attachments.Download download = attachments.caseReference(number).filter(owner::equals)
                .flatMap(r -> attachments.download(number))
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "no attachment " + id));
        return served(download);
    }

    private static ResponseEntity<byte[]> served(Attachments.Download download) {
        CaseAttachment attachment = download.attachment();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attachment.servedType()))
                .contentLength(download.content().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, DownloadName.contentDisposition(attachment.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(download.content());
    }

    private static long number(String id) {
        try {
            long number = Long.parseLong(id);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // same answer as an unknown id
        }
        throw problem(HttpStatus.NOT_FOUND, "no attachment " + id);
    }
}
