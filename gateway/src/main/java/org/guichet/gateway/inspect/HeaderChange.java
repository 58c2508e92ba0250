package org.guichet.gateway.inspect;

/**
 * A header the pipeline changed, decoded for reading (RFC 2047 words, folding removed).
 *
 * @param name   header name
 * @param before value in the submitted message, or null when absent
 * @param after  value in the message as it would leave, or null when removed
 */
public record HeaderChange(String name, String before, String after) {
}
