package org.guichet.gateway.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.subethamail.smtp.RejectException;

/** DATA read within its limits, at the limits' edges. */
class MessageDataTest {

    @TempDir
    Path folder;

    private DataLimits limits() {
        return new DataLimits(10_000, 300, 5, 40, 1_000, folder);
    }

    private ReceivedData read(String message) throws Exception {
        return MessageData.read(new ByteArrayInputStream(message.getBytes(StandardCharsets.US_ASCII)), limits());
    }

    private static String fields(int count) {
        StringBuilder header = new StringBuilder();
        for (int i = 0; i < count; i++) {
            header.append("X-F").append(i).append(": v\r\n");
        }
        return header.toString();
    }

    @Test
    void aMessageAtEveryLimitIsTaken() throws Exception {
        String message = fields(5) + "\r\n" + "a".repeat(40) + "\r\n";
        try (ReceivedData data = read(message)) {
            assertThat(data.spilled()).isFalse();
            assertThat(new String(data.bytes(), StandardCharsets.US_ASCII)).isEqualTo(message);
        }
    }

    @Test
    void oneFieldMoreIsRefusedButBodyLinesAreNotFields() throws Exception {
        assertThatThrownBy(() -> read(fields(6) + "\r\nbody\r\n")).isInstanceOf(RejectException.class)
                .hasMessage("5.3.4 Message header has more than 5 fields");
        try (ReceivedData data = read(fields(1) + "\r\n" + "line\r\n".repeat(50))) {
            assertThat(data.size()).isPositive();
        }
    }

    @Test
    void oneByteMoreOnALineIsRefused() {
        assertThatThrownBy(() -> read("Subject: x\r\n\r\n" + "a".repeat(41) + "\r\n"))
                .isInstanceOf(RejectException.class).extracting(e -> ((RejectException) e).getCode())
                .isEqualTo(554);
    }

    @Test
    void aHeaderSectionPastItsSizeIsRefusedEvenWithoutABody() {
        String header = "Subject: x\r\n" + (" " + "b".repeat(30) + "\r\n").repeat(10);
        assertThatThrownBy(() -> read(header)).isInstanceOf(RejectException.class)
                .hasMessage("5.3.4 Message header exceeds 300 bytes");
    }

    @Test
    void bareLineEndsAreStillRefusedFirst() {
        assertThatThrownBy(() -> read(fields(9) + "\n\nbody\n")).isInstanceOf(RejectException.class)
                .hasMessageStartingWith("5.5.2 Message refused: bare CR or LF");
    }

    @Test
    void pastTheThresholdTheDataWaitsInAnOwnerOnlyFileRemovedOnClose() throws Exception {
        String message = "Subject: x\r\n\r\n" + "0123456789012345678901234567890\r\n".repeat(100);
        Path file;
        try (ReceivedData data = read(message)) {
            assertThat(data.spilled()).isTrue();
            assertThat(data.size()).isEqualTo(message.length());
            assertThat(new String(data.bytes(), StandardCharsets.US_ASCII)).isEqualTo(message);
            try (var files = Files.list(folder)) {
                file = files.findFirst().orElseThrow();
            }
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void aRefusedMessageLeavesNoFile() throws Exception {
        String message = "Subject: x\r\n\r\n" + "0123456789\r\n".repeat(500) + "z".repeat(41) + "\r\n";
        assertThatThrownBy(() -> read(message)).isInstanceOf(RejectException.class);
        try (var files = Files.list(folder)) {
            assertThat(files).isEmpty();
        }
    }
}
