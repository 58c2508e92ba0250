package org.guichet.gateway.smtp;

import java.nio.file.Path;

/**
 * What one message's DATA may be, and where it waits once it is too large to hold in memory.
 *
 * @param maxSize         largest message, in bytes (RFC 1870 SIZE)
 * @param maxHeaderSize   largest header section, in bytes
 * @param maxHeaderFields most header fields
 * @param maxLineLength   longest line, in bytes without its CRLF (RFC 5322 §2.1.1 asks 998 at most)
 * @param memoryThreshold size past which the data is written to a file instead of memory
 * @param folder          where such files are written, owner-only, removed once spooled
 */
public record DataLimits(long maxSize, long maxHeaderSize, int maxHeaderFields, int maxLineLength,
        long memoryThreshold, Path folder) {
}
