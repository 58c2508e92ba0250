package org.guichet.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints signed with the key of a home, read back as mailed, and checked with the verifier key alone. */
class CheckpointKeyTest {

    static final byte[] HEAD = new byte[32];

    static {
        HEAD[0] = 0x42;
    }

    @Test
    void aSignedCheckpointReadsBackAndVerifiesWithTheVerifierKeyOnly(@TempDir Path home) throws Exception {
        CheckpointKey key = CheckpointKey.inHome(home, "guichet/caf-34");
        Checkpoint signed = key.sign(new Checkpoint("guichet/caf-34/event-log", 1234, HEAD,
                Instant.parse("2026-12-03T02:00:00Z"), List.of()));

        assertThat(signed.text()).startsWith("""
                guichet/caf-34/event-log
                1234
                QgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=
                signed-at 2026-12-03T02:00:00Z

                \u2014 guichet/caf-34 """);
        Checkpoint read = Checkpoint.parse(signed.text().replace("\n", "\r\n"));
        CheckpointKey verifier = CheckpointKey.verifier(Files.readString(home.resolve("keys/event-log-checkpoint.pub")));
        assertThat(verifier.verifierKey()).isEqualTo(key.verifierKey());
        assertThat(verifier.signed(read)).isTrue();
        assertThat(Files.getPosixFilePermissions(home.resolve("keys/event-log-checkpoint.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(CheckpointKey.inHome(home, "guichet/caf-34").verifierKey())
                .as("the key is kept across starts").isEqualTo(key.verifierKey());
    }

    @Test
    void anAlteredCheckpointOrAnotherKeyDoesNotVerify(@TempDir Path home, @TempDir Path other) {
        CheckpointKey key = CheckpointKey.inHome(home, "guichet/caf-34");
        String text = key.sign(new Checkpoint("guichet/caf-34/event-log", 10, HEAD, Instant.EPOCH, List.of())).text();

        assertThat(key.signed(Checkpoint.parse(text.replaceFirst("\n10\n", "\n11\n")))).isFalse();
        assertThat(CheckpointKey.inHome(other, "guichet/caf-34").signed(Checkpoint.parse(text))).isFalse();
    }

    @Test
    void malformedTextIsRefusedWithTheReason() {
        assertThatThrownBy(() -> Checkpoint.parse("guichet/x\n12\n")).hasMessageContaining("no blank line");
        assertThatThrownBy(() -> Checkpoint.parse("guichet/x\ntwelve\nAA==\nsigned-at 2026-01-01T00:00:00Z\n\n"))
                .hasMessageContaining("not a number of events");
        assertThatThrownBy(() -> Checkpoint.parse(
                "guichet/x\n12\nQgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\nsigned-at 2026-01-01T00:00:00Z\n\n"))
                .hasMessageContaining("not signed");
        assertThatThrownBy(() -> CheckpointKey.verifier("guichet/caf-34+00000000+AQ==")).hasMessageContaining(
                "not an Ed25519 key");
    }
}
