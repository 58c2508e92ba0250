package org.guichet.gateway.attachment;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What files of citizens' messages are stored for agents to download. A refused file is still
 * recorded (name, types, size, SHA-256, reason) and stays in the raw message kept as evidence.
 * Executables, scripts, HTML or SVG with scripts, shortcuts, Java archives, macro-enabled Office
 * documents and disk images are always refused, by the type their bytes show, by declared type
 * and by extension: no setting allows them.
 *
 * @param maxSize         largest file stored; a larger one is refused ({@code too-large})
 * @param maxTotal        most bytes stored per message, files taken in MIME order; a file that
 *                        would exceed it is refused ({@code message-too-large})
 * @param allowedTypes    media types stored, as detected from the bytes ({@code image/*} allows a
 *                        family); others are refused ({@code type-not-allowed}). ZIP archives,
 *                        Word 97-2003 files ({@code application/x-ole-storage}), RTF and HTML are
 *                        not in the default list: an agent cannot see what an archive holds before
 *                        opening it, and the older Office formats hide macros; add them here if
 *                        the service needs them
 * @param refusedExtensions more extensions (without dot) always refused, besides Guichet's own list
 */
@ConfigurationProperties("guichet.attachments")
public record AttachmentProperties(
        @DefaultValue("10MB") DataSize maxSize,
        @DefaultValue("25MB") DataSize maxTotal,
        @DefaultValue({"application/pdf", "image/png", "image/jpeg", "image/gif", "image/heic", "image/webp",
                "image/tiff", "text/plain", "message/rfc822", "application/vnd.oasis.opendocument.text",
                "application/vnd.oasis.opendocument.spreadsheet", "application/vnd.oasis.opendocument.presentation",
                "application/vnd.oasis.opendocument.graphics",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "application/vnd.openxmlformats-officedocument.presentationml.presentation"})
        List<String> allowedTypes,
        @DefaultValue({}) List<String> refusedExtensions) {

    public AttachmentProperties {
        if (maxSize == null || maxSize.toBytes() <= 0) {
            throw new IllegalArgumentException("guichet.attachments.max-size must be a size above zero, e.g. 10MB");
        }
        if (maxTotal == null || maxTotal.toBytes() <= 0) {
            throw new IllegalArgumentException("guichet.attachments.max-total must be a size above zero, e.g. 25MB");
        }
        allowedTypes = allowedTypes == null ? List.of()
                : allowedTypes.stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty()).toList();
        for (String type : allowedTypes) {
            if (ExecutableNames.refusedType(type)) {
                throw new IllegalArgumentException("guichet.attachments.allowed-types: " + type + " runs code and is"
                        + " always refused; remove it from the list");
            }
            if (!type.contains("/")) {
                throw new IllegalArgumentException("guichet.attachments.allowed-types: '" + type + "' is not a media"
                        + " type (write type/subtype, e.g. application/pdf, or image/*)");
            }
        }
        refusedExtensions = refusedExtensions == null ? List.of() : refusedExtensions.stream()
                .map(e -> e.strip().toLowerCase(Locale.ROOT))
                .map(e -> e.startsWith(".") ? e.substring(1) : e)
                .filter(e -> !e.isEmpty()).toList();
    }

    /** The defaults, for tests and dry runs. */
    public static AttachmentProperties defaults() {
        return new AttachmentProperties(DataSize.ofMegabytes(10), DataSize.ofMegabytes(25), List.of(
                "application/pdf", "image/png", "image/jpeg", "image/gif", "image/heic", "image/webp", "image/tiff",
                "text/plain", "message/rfc822", "application/vnd.oasis.opendocument.text",
                "application/vnd.oasis.opendocument.spreadsheet", "application/vnd.oasis.opendocument.presentation",
                "application/vnd.oasis.opendocument.graphics",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "application/vnd.openxmlformats-officedocument.presentationml.presentation"), List.of());
    }
}
