package org.guichet.gateway.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplyTokenKeyRingTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SECRET_1 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String SECRET_2 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @TempDir
    Path home;

    @Test
    void withoutConfigurationAKeyIsGeneratedOnceOwnerReadableOnly() throws Exception {
        ReplyTokenKeyFolder folder = ReplyTokenKeyFolder.ofHome(home);

        ReplyTokenKeyRing first = ReplyTokenKeyRing.load(Map.of(), null, folder, RANDOM);
        Path file = home.resolve("keys/reply-token-k1.key");

        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String token = new ReplyTokenSigner(first, RANDOM).sign(new ReplyTokenSigner(first, RANDOM).newConversation());

        ReplyTokenKeyRing afterRestart = ReplyTokenKeyRing.load(Map.of(), null, folder, RANDOM);

        assertThat(new ReplyTokenVerifier(afterRestart).verify(token)).as("same key after a restart").isPresent();
        assertThat(Files.list(home.resolve("keys"))).containsExactly(file);
    }

    @Test
    void keyFileReadableByOthersIsRefused() throws Exception {
        ReplyTokenKeyFolder folder = ReplyTokenKeyFolder.ofHome(home);
        ReplyTokenKeyRing.load(Map.of(), null, folder, RANDOM);
        Files.setPosixFilePermissions(home.resolve("keys/reply-token-k1.key"), PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> ReplyTokenKeyRing.load(Map.of(), null, folder, RANDOM))
                .hasMessageContaining("chmod 600");
    }

    @Test
    void configuredKeysJoinTheGeneratedOneSoOldAddressesKeepWorking() {
        ReplyTokenKeyFolder folder = ReplyTokenKeyFolder.ofHome(home);
        ReplyTokenKeyRing generated = ReplyTokenKeyRing.load(Map.of(), null, folder, RANDOM);
        String oldToken = new ReplyTokenSigner(generated, RANDOM).sign(new ReplyTokenSigner(generated, RANDOM).newConversation());

        ReplyTokenKeyRing rotated = ReplyTokenKeyRing.load(Map.of("k2", SECRET_2), "k2", folder, RANDOM);

        assertThat(rotated.active().id()).isEqualTo("k2");
        assertThat(new ReplyTokenVerifier(rotated).verify(oldToken)).isPresent();
    }

    @Test
    void oneConfiguredKeyIsActiveWithoutNamingIt() {
        ReplyTokenKeyRing ring = ReplyTokenKeyRing.load(Map.of("k7", SECRET_1), null, ReplyTokenKeyFolder.ofHome(home), RANDOM);

        assertThat(ring.active().id()).isEqualTo("k7");
        assertThat(home.resolve("keys")).doesNotExist();
    }

    @Test
    void wrongSettingsFailWithTheirPropertyName() {
        ReplyTokenKeyFolder folder = ReplyTokenKeyFolder.ofHome(home);

        assertThatThrownBy(() -> ReplyTokenKeyRing.load(Map.of("k1", SECRET_1, "k2", SECRET_2), null, folder, RANDOM))
                .hasMessageContaining("guichet.tokens.active-key");
        assertThatThrownBy(() -> ReplyTokenKeyRing.load(Map.of("k1", SECRET_1), "k3", folder, RANDOM))
                .hasMessageContaining("guichet.tokens.active-key").hasMessageContaining("k3");
        assertThatThrownBy(() -> ReplyTokenKeyRing.load(Map.of("k1", "not base64!"), null, folder, RANDOM))
                .hasMessageContaining("guichet.tokens.keys.k1");
        assertThatThrownBy(() -> ReplyTokenKeyRing.load(Map.of("k1", "c2hvcnQ="), null, folder, RANDOM))
                .hasMessageContaining("at least 32 bytes");
    }
}
