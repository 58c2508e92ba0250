package org.guichet.gateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.gateway.pipeline.TestPipelines.claimed;
import static org.guichet.gateway.pipeline.TestPipelines.pipeline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.apache.james.core.Domain;
import org.guichet.gateway.smtp.ReplyDomain;
import org.guichet.gateway.smtp.SmtpProperties;
import org.guichet.gateway.mailet.GuichetServices;
import org.guichet.node.NodeProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** How a node gets its pipeline: the shipped file on a first run, or the operator's own. */
class PipelineConfigurationTest {

    @TempDir
    Path folder;

    /** PipelineConfiguration alone, with this test's settings and the services the gateway gives its mailets. */
    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withBean(SmtpProperties.class, () -> new SmtpProperties("mx.guichet.test", null, null,
                        DataSize.ofMegabytes(25), 1000, 500, Duration.ofMinutes(5), null, null))
                .withBean(GuichetServices.class, () -> TestPipelines.application().getBean(GuichetServices.class))
                .withUserConfiguration(NodeSettings.class, PipelineConfiguration.class);
    }

    /** The node's settings and its reply domain, decided as the gateway decides them. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(NodeProperties.class)
    static class NodeSettings {

        @Bean
        ReplyDomain replyDomain(NodeProperties node, SmtpProperties smtp) {
            return ReplyDomain.of(node, smtp);
        }
    }

    @Test
    void firstRunWithoutReplyDomainUsesTheSmtpHostName() {
        runner().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(GuichetMailetContext.class).isLocalServer(Domain.of("mx.guichet.test"))).isTrue();
            List<Outgoing> outcomes = context.getBean(MailetContainer.class).process(claimed("noreply@caf.fr",
                    List.of("alice@example.org"), TestPipelines.raw("From: noreply@caf.fr", "To: alice@example.org")));
            assertThat(outcomes).singleElement().satisfies(o -> {
                MimeMessage message = new MimeMessage(null, new java.io.ByteArrayInputStream(o.raw()));
                InternetAddress replyTo = (InternetAddress) message.getReplyTo()[0];
                assertThat(replyTo.getAddress()).startsWith("reply+").endsWith("@mx.guichet.test");
                assertThat(replyTo.getPersonal()).as("the default service's name").isEqualTo("CAF");
            });
        });
    }

    @Test
    void replyDomainComesFromItsProperty() {
        runner().withPropertyValues("guichet.node.reply-domain=reponse.caf.fr")
                .run(context -> {
                    List<Outgoing> outcomes = context.getBean(MailetContainer.class).process(claimed("noreply@caf.fr",
                            List.of("alice@example.org"), TestPipelines.raw("From: noreply@caf.fr")));
                    String text = new String(outcomes.get(0).raw(), StandardCharsets.UTF_8);
                    assertThat(text).contains("CAF <reply+").contains("@reponse.caf.fr>");
                    assertThat(context.getBean(GuichetMailetContext.class).getPostmaster().asString())
                            .isEqualTo("postmaster@reponse.caf.fr");
                });
    }

    @Test
    void operatorsOwnFileReplacesTheShippedOne() throws Exception {
        Path file = folder.resolve("pipeline.xml");
        Files.writeString(file, pipeline("""
                      <mailet match="All" class="SetMimeHeader">
                        <name>X-Administration</name>
                        <value>${administration}</value>
                      </mailet>
                      <mailet match="All" class="Relay"/>"""));
        runner().withPropertyValues("guichet.pipeline.config=" + file, "administration=CAF")
                .run(context -> {
                    List<Outgoing> outcomes = context.getBean(MailetContainer.class).process(claimed("noreply@caf.fr",
                            List.of("alice@example.org"), TestPipelines.plainRaw()));
                    assertThat(new String(outcomes.get(0).raw(), StandardCharsets.UTF_8)).contains("X-Administration: CAF");
                });
    }

    @Test
    void brokenFileStopsTheStartNamingFileAndLine() throws Exception {
        Path file = folder.resolve("pipeline.xml");
        Files.writeString(file, pipeline("""
                      <mailet match="All" class="NoSuchMailet"/>"""));
        runner().withPropertyValues("guichet.pipeline.config=" + file)
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining(file + " line 4")
                        .hasMessageContaining("unknown mailet 'NoSuchMailet'"));
        runner().withPropertyValues("guichet.pipeline.config=" + folder.resolve("missing.xml"))
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("missing.xml does not exist (guichet.pipeline.config)"));
    }

    @Test
    void nodesWithoutTheWorkerRoleDoNotLoadThePipeline() {
        runner().withPropertyValues("guichet.node.roles=web")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MailetContainer.class));
    }
}
