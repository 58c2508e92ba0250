package org.guichet.gateway.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.guichet.gateway.mailet.GuichetServices;
import org.guichet.gateway.GatewayTestApplication;
import org.guichet.gateway.pipeline.GuichetMailetContext;
import org.guichet.storage.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * In Guichet's own container, the node's DKIM keys reach DkimSign through the mailet context:
 * a pipeline with a parameterless DkimSign starts (its init() would fail without keys).
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class DkimContextAttributeTest {

    static final Path HOME = temporaryHome();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path pipeline = HOME.resolve("pipeline.xml");
        Files.writeString(pipeline, """
                <mailetcontainer><processors>
                  <processor state="root">
                    <mailet match="All" class="SetAutoSubmitted"/>
                    <mailet match="All" class="DkimSign"/>
                    <mailet match="All" class="Relay"/>
                  </processor>
                  <processor state="error"><mailet match="All" class="Hold"/></processor>
                </processors></mailetcontainer>
                """);
        registry.add("spring.datasource.url", TestPostgres::newDatabaseUrl);
        registry.add("guichet.node.home", HOME::toString);
        registry.add("guichet.node.roles", () -> "worker");
        registry.add("guichet.pipeline.config", pipeline::toString);
        registry.add("guichet.node.reply-domain", () -> "reponse.caf.fr");
        registry.add("guichet.dkim.domains.caf.fr.selector", () -> "s2026");
    }

    private static Path temporaryHome() {
        try {
            return Files.createTempDirectory("guichet-dkim-home");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    GuichetMailetContext mailetContext;

    @Autowired
    DkimKeys keys;

    @Test
    void theMailetContextPublishesTheNodesKeys() {
        assertThat(GuichetServices.of(mailetContext).find(DkimKeys.class)).containsSame(keys);
        assertThat(keys.forDomain("caf.fr").orElseThrow().selector()).isEqualTo("s2026");
        assertThat(HOME.resolve("keys/dkim-caf.fr-s2026.pem")).exists();
    }
}
