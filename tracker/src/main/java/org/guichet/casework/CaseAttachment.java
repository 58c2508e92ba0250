package org.guichet.casework;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * A file a citizen's message carried, as recorded: stored (its bytes can be downloaded) or
 * refused (only its name, types, size and hash are kept; the raw message still holds it).
 *
 * @param id            database id, the download's
 * @param caseMessageId the message that carried it
 * @param position      1, 2, 3… in MIME order within the message
 * @param fileName      sanitised file name, never a path
 * @param declaredType  the sender's Content-Type (base type, lower case)
 * @param detectedType  the type its bytes show (magic numbers)
 * @param inline        an image the message's HTML shows through a {@code cid:} URL (RFC 2392)
 * @param contentId     its Content-ID without angle brackets, or null
 * @param size          decoded size in bytes
 * @param sha256        SHA-256 of the decoded bytes
 * @param storedAt      the gateway's clock when it was recorded
 * @param refusedReason why it was not stored ({@code too-large}, {@code message-too-large},
 *                      {@code type-not-allowed}, {@code executable}, {@code unreadable}), or null
 */
public record CaseAttachment(long id, long caseMessageId, int position, String fileName, String declaredType,
        String detectedType, boolean inline, String contentId, long size, byte[] sha256, Instant storedAt,
        String refusedReason) {

    /** Served when the declared and detected types disagree: a download, never rendered. */
    public static final String UNKNOWN_TYPE = "application/octet-stream";

    /** Names senders use for the same type (RFC 2046 registrations and common vendor spellings). */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("image/jpg", "image/jpeg"),
            Map.entry("image/pjpeg", "image/jpeg"),
            Map.entry("image/x-png", "image/png"),
            Map.entry("image/heif", "image/heic"),
            Map.entry("image/heic-sequence", "image/heic"),
            Map.entry("image/heif-sequence", "image/heic"),
            Map.entry("application/x-pdf", "application/pdf"),
            Map.entry("application/acrobat", "application/pdf"),
            Map.entry("application/x-zip-compressed", "application/zip"),
            Map.entry("application/x-zip", "application/zip"));

    public boolean stored() {
        return refusedReason == null;
    }

    /** Lower-case hexadecimal SHA-256, as {@code sha256sum} prints it. */
    public String sha256Hex() {
        return HexFormat.of().formatHex(sha256);
    }

    /**
     * The Content-Type a download is served with: the detected type when the sender declared
     * the same one, else {@value #UNKNOWN_TYPE}, so that a browser never renders bytes as
     * something their sender did not say they were.
     */
    public String servedType() {
        String detected = canonical(detectedType);
        return detected.equals(canonical(declaredType)) ? detected : UNKNOWN_TYPE;
    }

    private static String canonical(String type) {
        String base = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(base, base);
    }
}
