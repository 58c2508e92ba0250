package org.guichet.gateway.attachment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.guichet.casework.Attachments;

/**
 * Takes in the files of a citizen's message: finds them ({@link AttachedFiles}), names them
 * safely ({@link FileName}), tells their type from their bytes ({@link MagicNumbers}), decides
 * ({@link AttachmentPolicy}) and records them on the message's case
 * ({@link Attachments#record}), once per spool message.
 */
public final class AttachmentIntake {

    /** Extensions for files that came without a usable name, by detected type. */
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("application/pdf", "pdf"), Map.entry("image/png", "png"), Map.entry("image/jpeg", "jpg"),
            Map.entry("image/gif", "gif"), Map.entry("image/heic", "heic"), Map.entry("image/webp", "webp"),
            Map.entry("image/tiff", "tif"), Map.entry("text/plain", "txt"), Map.entry("message/rfc822", "eml"),
            Map.entry("application/vnd.oasis.opendocument.text", "odt"),
            Map.entry("application/vnd.oasis.opendocument.spreadsheet", "ods"),
            Map.entry("application/vnd.oasis.opendocument.presentation", "odp"),
            Map.entry("application/vnd.oasis.opendocument.graphics", "odg"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
            Map.entry("application/zip", "zip"), Map.entry("application/rtf", "rtf"), Map.entry("text/html", "html"),
            Map.entry("image/svg+xml", "svg"));

    private final Attachments records;
    private final AttachmentPolicy policy;

    public AttachmentIntake(Attachments records, AttachmentProperties properties) {
        this.records = records;
        this.policy = new AttachmentPolicy(properties);
    }

    /**
     * Records the files of the message spooled as {@code queueId}; a replay returns what the
     * first run recorded.
     *
     * @throws IllegalStateException when the message is in no case yet
     */
    public Attachments.Recorded store(String queueId, byte[] raw) {
        return records.record(queueId, decide(raw));
    }

    /** The files of a raw message with the decision on each, in MIME order. */
    List<Attachments.Incoming> decide(byte[] raw) {
        List<Attachments.Incoming> incoming = new ArrayList<>();
        long stored = 0;
        for (AttachedFile file : AttachedFiles.read(raw)) {
            Detection detected = MagicNumbers.detect(file.bytes(), file.messagePart());
            String name = name(file, detected, incoming.size() + 1);
            Optional<Refusal> refusal = policy.judge(file, name, detected, stored);
            if (refusal.isEmpty()) {
                stored += file.bytes().length;
            }
            incoming.add(new Attachments.Incoming(name, file.declaredType(), detected.type(), file.inline(),
                    file.contentId(), file.bytes(), refusal.map(Refusal::code).orElse(null)));
        }
        return incoming;
    }

    /** The sanitised name; a forwarded message ends in .eml; a nameless file gets one from its type. */
    private static String name(AttachedFile file, Detection detected, int position) {
        String name = FileName.sanitise(file.writtenName());
        if (name.isEmpty()) {
            String stem = file.messagePart() ? "message-" + position
                    : file.inline() ? "image-" + position : "piece-jointe-" + position;
            String type = file.messagePart() ? MagicNumbers.MESSAGE : detected.type();
            return stem + "." + EXTENSIONS.getOrDefault(type.toLowerCase(Locale.ROOT), "bin");
        }
        if (file.messagePart() && !FileName.extension(name).equals("eml")) {
            return FileName.sanitise(name + ".eml");
        }
        return name;
    }
}
