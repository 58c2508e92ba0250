package org.guichet.gateway.answer;

/**
 * An answer ready for the spool.
 *
 * @param raw       the RFC 5322 message, CRLF line ends
 * @param subject   its Subject, decoded
 * @param messageId its Message-ID
 * @param inReplyTo its In-Reply-To, or null
 */
public record ComposedAnswer(byte[] raw, String subject, String messageId, String inReplyTo) {
}
