package org.guichet.gateway.pipeline;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.guichet.gateway.mailet.GuichetServices;
import org.guichet.gateway.spool.Envelope;
import org.guichet.gateway.spool.SpooledMessage;
import org.guichet.gateway.token.ReplyTokenKey;
import org.guichet.gateway.token.ReplyTokenKeyRing;
import org.guichet.gateway.token.ReplyTokenSigner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ByteArrayResource;

/** Containers built from pipeline.xml text, and messages as the spool hands them over. */
public final class TestPipelines {

    static final ReplyTokenKeyRing KEYS = new ReplyTokenKeyRing(Map.of("k1", new ReplyTokenKey("k1", new byte[32])), "k1");

    private TestPipelines() {
    }

    static GuichetMailetContext context() {
        try {
            return new GuichetMailetContext(
                    GuichetServices.none().with(ReplyTokenSigner.class, new ReplyTokenSigner(KEYS, new SecureRandom())),
                    List.of(Domain.of("reponse.caf.fr")), new MailAddress("postmaster@reponse.caf.fr"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }

    static PipelineDefinition definition(String xml) {
        return PipelineFile.read(new ByteArrayResource(xml.getBytes(StandardCharsets.UTF_8), "test"), "test pipeline.xml");
    }

    static MailetContainer container(String xml) {
        return container(xml, Map.of());
    }

    static MailetContainer container(String xml, Map<String, Object> properties) {
        return new MailetContainer(definition(xml), context(), environment(properties));
    }

    /** A pipeline.xml with the given root processor body and an error processor that holds. */
    public static String pipeline(String root, String... otherProcessors) {
        return """
                <mailetcontainer>
                  <processors>
                    <processor state="root">
                %s
                    </processor>
                %s
                    <processor state="error">
                      <mailet match="All" class="Hold"/>
                    </processor>
                  </processors>
                </mailetcontainer>
                """.formatted(root, String.join("\n", otherProcessors));
    }

    static byte[] raw(String... headerLines) {
        return (String.join("\r\n", headerLines) + "\r\n\r\nBonjour,\r\nvotre dossier est complet.\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] plainRaw() {
        return raw("Message-ID: <m1@caf.fr>", "From: CAF <dossiers@caf.fr>", "To: alice@example.org",
                "Subject: Attestation");
    }

    static ClaimedMessage claimed(String sender, List<String> recipients, byte[] raw) {
        return ClaimedMessage.atRoot(new SpooledMessage(1, "4F2A1", new Envelope(sender, recipients, "192.0.2.7",
                "app.caf.fr", "app"), Instant.parse("2025-03-03T09:00:00Z"), raw));
    }

    static org.guichet.administration.ServiceDirectory services() {
        return application().getBean(org.guichet.administration.ServiceDirectory.class);
    }

    static org.guichet.conversation.ConversationLog conversations() {
        return application().getBean(org.guichet.conversation.ConversationLog.class);
    }

    private static org.springframework.context.ConfigurableApplicationContext application;

    /**
     * The gateway's beans as the application assembles them (no role runs: nothing listens,
     * no worker takes the tests' spool rows), on the tests' database, with the {@link #KEYS}.
     */
    static synchronized org.springframework.context.ConfigurableApplicationContext application() {
        if (application == null) {
            String url = org.guichet.storage.TestPostgres.newDatabaseUrl();
            String home;
            try {
                home = java.nio.file.Files.createTempDirectory("guichet-pipeline").toString();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            application = new org.springframework.boot.builder.SpringApplicationBuilder(
                    org.guichet.gateway.GatewayTestApplication.class)
                    .web(org.springframework.boot.WebApplicationType.NONE)
                    .properties("spring.datasource.url=" + url, "guichet.node.home=" + home, "guichet.node.roles=",
                            "guichet.node.reply-domain=reponse.caf.fr", "guichet.smtp.hostname=mx.guichet.test",
                            "guichet.administration.code=caf", "guichet.administration.name=CAF",
                            "guichet.tokens.keys.k1=" + java.util.Base64.getEncoder().encodeToString(new byte[32]),
                            "guichet.tokens.active-key=k1")
                    .run();
        }
        return application;
    }

    /** The mailet context the application builds, with every bean Guichet's own mailets use. */
    static GuichetMailetContext domainContext() {
        return application().getBean(GuichetMailetContext.class);
    }

    static org.guichet.gateway.authentication.Authenticator authenticator() {
        return application().getBean(org.guichet.gateway.authentication.Authenticator.class);
    }

    static org.guichet.casework.Casework casework() {
        return application().getBean(org.guichet.casework.Casework.class);
    }
}
