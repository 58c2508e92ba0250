package org.guichet.gateway.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import org.guichet.gateway.mailet.GuichetServices;
import org.guichet.gateway.GatewayTestApplication;
import org.guichet.gateway.pipeline.GuichetMailetContext;
import org.guichet.gateway.pipeline.TestPipelines;
import org.guichet.TestNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * In Guichet's own container, the node's DKIM keys reach DkimSign through the mailet context:
 * a pipeline with a parameterless DkimSign starts (its init() would fail without keys).
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class DkimContextAttributeTest {

    static final TestNode NODE = TestNode.running("dkim-context", "worker")
            .set("guichet.node.reply-domain", "reponse.caf.fr")
            .set("guichet.dkim.domains.caf.fr.selector", "s2026")
            .pipeline(TestPipelines.pipeline("""
                    <mailet match="All" class="SetAutoSubmitted"/>
                    <mailet match="All" class="DkimSign"/>
                    <mailet match="All" class="Relay"/>"""));

    @Autowired
    GuichetMailetContext mailetContext;

    @Autowired
    DkimKeys keys;

    @Test
    void theMailetContextPublishesTheNodesKeys() {
        assertThat(GuichetServices.of(mailetContext).find(DkimKeys.class)).containsSame(keys);
        assertThat(keys.forDomain("caf.fr").orElseThrow().selector()).isEqualTo("s2026");
        assertThat(NODE.home.resolve("keys/dkim-caf.fr-s2026.pem")).exists();
    }
}
