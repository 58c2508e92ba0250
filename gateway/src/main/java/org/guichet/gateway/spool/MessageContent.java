package org.guichet.gateway.spool;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of a message on their way into the spool, wherever they wait: a small message in
 * memory, a large one in a file, so that many concurrent sessions do not hold whole messages.
 */
public interface MessageContent {

    /** Length in bytes. */
    long size();

    /** A new stream over the bytes, from the first. */
    InputStream open() throws IOException;

    /** Every byte, in memory. */
    default byte[] bytes() throws IOException {
        try (InputStream in = open()) {
            return in.readAllBytes();
        }
    }

    static MessageContent of(byte[] raw) {
        return new MessageContent() {
            @Override
            public long size() {
                return raw.length;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(raw);
            }

            @Override
            public byte[] bytes() {
                return raw;
            }
        };
    }
}
