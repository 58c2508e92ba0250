package org.guichet.gateway.attachment;

/**
 * A file found in a message, before any decision.
 *
 * @param writtenName  the name the sender gave, decoded (RFC 2231, RFC 2047), not yet
 *                     sanitised; null when it gave none
 * @param declaredType the part's Content-Type, base type in lower case ({@code text/plain}
 *                     when absent, RFC 2045 §5.2)
 * @param inline       an image the message's HTML shows through a {@code cid:} URL (RFC 2392)
 * @param contentId    its Content-ID without angle brackets, or null
 * @param messagePart  a {@code message/rfc822} part: a message forwarded as a whole
 * @param bytes        the content with its transfer encoding undone (or as sent when that failed)
 * @param readable     false when the transfer encoding could not be undone
 */
record AttachedFile(String writtenName, String declaredType, boolean inline, String contentId, boolean messagePart,
        byte[] bytes, boolean readable) {
}
