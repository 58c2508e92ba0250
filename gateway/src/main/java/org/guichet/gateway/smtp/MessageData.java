package org.guichet.gateway.smtp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.subethamail.smtp.RejectException;

/**
 * Reads the DATA of one message within its {@link DataLimits}: size, header section, line
 * length, and strict line endings. A bare CR or LF is refused (RFC 5321 §2.3.8): SMTP
 * smuggling (CVE-2023-51764 and family) hides a second message behind an end-of-data that a
 * lax peer would honour. A refused message is still read to its end, so that the client gets
 * the refusal as the answer to its DATA; nothing of it is kept.
 */
public final class MessageData {

    private MessageData() {
    }

    public static ReceivedData read(InputStream data, DataLimits limits) throws IOException, RejectException {
        Scan scan = new Scan(limits);
        ByteArrayOutputStream memory = new ByteArrayOutputStream(8192);
        OutputStream out = memory;
        Path file = null;
        byte[] buffer = new byte[8192];
        long total = 0;
        try {
            int n;
            while ((n = data.read(buffer)) != -1) {
                scan.feed(buffer, n);
                total += n;
                if (scan.refusal() != null || total > limits.maxSize()) {
                    continue;
                }
                if (file == null && total > limits.memoryThreshold()) {
                    // Past the threshold the message waits on disk: many sessions sending large
                    // messages at once must not hold them all in the heap.
                    file = spillFile(limits.folder());
                    out = Files.newOutputStream(file);
                    memory.writeTo(out);
                    memory = null;
                }
                out.write(buffer, 0, n);
            }
            scan.end();
            if (scan.bare()) {
                throw new RejectException(554,
                        "5.5.2 Message refused: bare CR or LF in data, lines must end with CRLF (RFC 5321 2.3.8)");
            }
            if (total > limits.maxSize()) {
                throw new RejectException(552, "5.3.4 Message size exceeds fixed maximum message size");
            }
            if (scan.refusal() != null) {
                throw scan.refusal();
            }
            if (file == null) {
                return ReceivedData.inMemory(memory.toByteArray());
            }
            out.close();
            return ReceivedData.inFile(file, total);
        } catch (IOException | RejectException | RuntimeException e) {
            if (file != null) {
                out.close();
                Files.deleteIfExists(file);
            }
            throw e;
        }
    }

    private static Path spillFile(Path folder) throws IOException {
        Files.createDirectories(folder);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(folder, "data-", ".eml",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createTempFile(folder, "data-", ".eml");
    }

    /** Follows the bytes line by line and notes the first limit they pass. */
    private static final class Scan {

        private final DataLimits limits;
        private int previous = -1;
        private boolean bare;
        private boolean inHeader = true;
        private long headerBytes;
        private int headerFields;
        private long lineLength;
        private RejectException refusal;

        Scan(DataLimits limits) {
            this.limits = limits;
        }

        void feed(byte[] buffer, int n) {
            for (int i = 0; i < n && !bare; i++) {
                int b = buffer[i];
                if (b == '\n' && previous != '\r' || previous == '\r' && b != '\n') {
                    bare = true;
                    break;
                }
                if (inHeader) {
                    headerBytes++;
                }
                if (b == '\n') {
                    endOfLine();
                } else if (b != '\r') {
                    startOrContinueLine(b);
                }
                previous = b;
            }
        }

        private void startOrContinueLine(int b) {
            if (lineLength == 0 && inHeader && b != ' ' && b != '\t') {
                headerFields++;
                if (headerFields > limits.maxHeaderFields()) {
                    refuse(552, "5.3.4 Message header has more than " + limits.maxHeaderFields() + " fields");
                }
            }
            lineLength++;
            if (lineLength > limits.maxLineLength()) {
                refuse(554, "5.6.0 Message refused: a line is longer than " + limits.maxLineLength()
                        + " bytes (RFC 5322 2.1.1)");
            }
        }

        private void endOfLine() {
            if (inHeader && lineLength == 0) {
                inHeader = false;
            }
            if (inHeader && headerBytes > limits.maxHeaderSize()) {
                refuse(552, "5.3.4 Message header exceeds " + limits.maxHeaderSize() + " bytes");
            }
            lineLength = 0;
        }

        private void refuse(int code, String text) {
            if (refusal == null) {
                refusal = new RejectException(code, text);
            }
        }

        void end() {
            if (previous == '\r') {
                bare = true;
            }
            if (inHeader && headerBytes > limits.maxHeaderSize()) {
                refuse(552, "5.3.4 Message header exceeds " + limits.maxHeaderSize() + " bytes");
            }
        }

        boolean bare() {
            return bare;
        }

        RejectException refusal() {
            return refusal;
        }
    }
}
