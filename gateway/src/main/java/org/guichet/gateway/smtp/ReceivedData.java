package org.guichet.gateway.smtp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.guichet.gateway.spool.MessageContent;

/**
 * The DATA of one message as read: in memory, or in a file of the data folder once it grew
 * past the memory threshold. Closing it removes the file; the spool has its copy by then.
 */
final class ReceivedData implements MessageContent, AutoCloseable {

    private final byte[] memory;
    private final Path file;
    private final long size;

    private ReceivedData(byte[] memory, Path file, long size) {
        this.memory = memory;
        this.file = file;
        this.size = size;
    }

    static ReceivedData inMemory(byte[] bytes) {
        return new ReceivedData(bytes, null, bytes.length);
    }

    static ReceivedData inFile(Path file, long size) {
        return new ReceivedData(null, file, size);
    }

    /** Whether the bytes wait in a file rather than in memory. */
    boolean spilled() {
        return file != null;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public InputStream open() throws IOException {
        return memory != null ? new ByteArrayInputStream(memory) : Files.newInputStream(file);
    }

    @Override
    public void close() throws IOException {
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }
}
