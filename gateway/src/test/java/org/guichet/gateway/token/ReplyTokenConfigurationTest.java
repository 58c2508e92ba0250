package org.guichet.gateway.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Base64;

import org.guichet.node.HomeFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ReplyTokenConfigurationTest {

    @TempDir
    Path home;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withBean(HomeFolder.class, () -> HomeFolder.prepare(home))
                .withUserConfiguration(ReplyTokenConfiguration.class);
    }

    @Test
    void configuredKeysSignAndVerifyWithTheActiveOne() {
        String secret = Base64.getEncoder().encodeToString(new byte[32]);
        runner().withPropertyValues("guichet.tokens.keys.k1=" + secret, "guichet.tokens.keys.k2=" + secret.replace('A', 'B'),
                        "guichet.tokens.active-key=k2")
                .run(context -> {
                    ReplyTokenSigner signer = context.getBean(ReplyTokenSigner.class);
                    ReplyToken token = signer.newConversation();
                    assertThat(token.keyId()).isEqualTo("k2");
                    assertThat(context.getBean(ReplyTokenVerifier.class).verify(signer.sign(token))).contains(token);
                    assertThat(home.resolve("keys")).doesNotExist();
                });
    }

    @Test
    void withoutKeysOneIsGeneratedUnderHome() {
        runner().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(home.resolve("keys/reply-token-k1.key")).exists();
        });
    }

    @Test
    void unknownActiveKeyStopsTheStartNamingTheProperty() {
        runner().withPropertyValues("guichet.tokens.keys.k1=" + Base64.getEncoder().encodeToString(new byte[32]),
                        "guichet.tokens.active-key=k9")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("guichet.tokens.active-key").hasMessageContaining("k9"));
    }
}
