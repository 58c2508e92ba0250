package org.guichet.gateway.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;

import org.guichet.gateway.pipeline.GuichetMailetContext;
import org.guichet.gateway.smtp.SmtpProperties;
import org.guichet.gateway.token.ReplyTokenKey;
import org.guichet.gateway.token.ReplyTokenKeyRing;
import org.guichet.gateway.token.ReplyTokenSigner;
import org.guichet.node.NodeProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** In Guichet's own container, DkimSign finds the node's keys in the mailet context. */
class DkimContextAttributeTest {

    @TempDir
    Path home;

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SmtpProperties.class)
    static class SmtpSettings {
    }

    @Test
    void theMailetContextPublishesTheConfiguredKeys() throws Exception {
        ReplyTokenSigner tokens = new ReplyTokenSigner(
                new ReplyTokenKeyRing(Map.of("k1", new ReplyTokenKey("k1", new byte[32])), "k1"), new SecureRandom());
        new ApplicationContextRunner()
                .withBean(NodeProperties.class, () -> new NodeProperties(home, Set.of(), "test"))
                .withBean(ReplyTokenSigner.class, () -> tokens)
                .withUserConfiguration(SmtpSettings.class, DkimConfiguration.class,
                        Class.forName("org.guichet.gateway.pipeline.PipelineConfiguration"))
                .withPropertyValues("guichet.dkim.domains.caf.fr.selector=s2026", "guichet.reply-domain=reponse.caf.fr")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    GuichetMailetContext mailetContext = context.getBean(GuichetMailetContext.class);
                    Object published = mailetContext.getAttribute(DkimKeys.CONTEXT_ATTRIBUTE);
                    assertThat(published).isSameAs(context.getBean(DkimKeys.class));
                    assertThat(((DkimKeys) published).forDomain("caf.fr")).isPresent();
                });
    }
}
