package org.guichet.casework;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A file an agent joins to an answer: a form, a certificate, a letter. Kept in the answer's
 * raw message, the evidence of what was sent.
 *
 * @param fileName    the name the citizen sees, stripped of any folder
 * @param contentType its media type, one the citizen's mail client can open safely
 * @param content     its bytes
 */
public record AnswerAttachment(String fileName, String contentType, byte[] content) {

    /** At most this many files per answer. */
    public static final int MAX_FILES = 5;
    /** At most this many bytes for all the files of one answer (mail providers refuse much above). */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    /** Documents people exchange with an administration; no executable, script or archive. */
    static final Set<String> TYPES = Set.of("application/pdf", "image/png", "image/jpeg", "text/plain",
            "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    public AnswerAttachment {
        Objects.requireNonNull(content, "content");
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        fileName = name.substring(name.lastIndexOf('/') + 1).strip();
        contentType = contentType == null ? "" : contentType.strip().toLowerCase(Locale.ROOT);
    }

    /** Refuses files an answer must not carry: too many, too large, of a type not listed, or executable. */
    public static void check(List<AnswerAttachment> files) throws AnswerRefusedException {
        if (files.size() > MAX_FILES) {
            throw new AnswerRefusedException(AnswerRefusedException.Reason.INVALID,
                    "an answer carries at most " + MAX_FILES + " files");
        }
        long total = 0;
        for (AnswerAttachment file : files) {
            if (file.fileName().isEmpty() || file.content().length == 0) {
                throw new AnswerRefusedException(AnswerRefusedException.Reason.INVALID, "a file has no name or no bytes");
            }
            if (!TYPES.contains(file.contentType()) || executable(file.content())) {
                throw new AnswerRefusedException(AnswerRefusedException.Reason.INVALID, "'" + file.fileName()
                        + "' (" + file.contentType() + ") is not a document an answer may carry");
            }
            total += file.content().length;
        }
        if (total > MAX_BYTES) {
            throw new AnswerRefusedException(AnswerRefusedException.Reason.INVALID,
                    "the files of an answer weigh at most " + MAX_BYTES / (1024 * 1024) + " MB");
        }
    }

    /** Windows PE, ELF, Mach-O and scripts, whatever the type declared. */
    private static boolean executable(byte[] bytes) {
        return starts(bytes, 'M', 'Z') || starts(bytes, 0x7f, 'E', 'L', 'F') || starts(bytes, '#', '!')
                || starts(bytes, 0xcf, 0xfa, 0xed, 0xfe) || starts(bytes, 0xfe, 0xed, 0xfa, 0xcf);
    }

    private static boolean starts(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
