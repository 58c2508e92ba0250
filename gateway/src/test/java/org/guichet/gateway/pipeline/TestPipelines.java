package org.guichet.gateway.pipeline;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.guichet.gateway.spool.Envelope;
import org.guichet.gateway.spool.SpooledMessage;
import org.guichet.gateway.token.ReplyTokenKey;
import org.guichet.gateway.token.ReplyTokenKeyRing;
import org.guichet.gateway.token.ReplyTokenSigner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ByteArrayResource;

/** Containers built from pipeline.xml text, and messages as the spool hands them over. */
final class TestPipelines {

    static final ReplyTokenKeyRing KEYS = new ReplyTokenKeyRing(Map.of("k1", new ReplyTokenKey("k1", new byte[32])), "k1");

    private TestPipelines() {
    }

    static GuichetMailetContext context() {
        try {
            return new GuichetMailetContext(new ReplyTokenSigner(KEYS, new SecureRandom()),
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
    static String pipeline(String root, String... otherProcessors) {
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

    private static final javax.sql.DataSource DOMAIN = org.guichet.storage.TestPostgres.newMigratedDatabase();

    /** The default administration and service, written to a database of their own. */
    static org.guichet.administration.ServiceDirectory services() {
        org.guichet.administration.ServiceDirectory directory = new org.guichet.administration.ServiceDirectory(
                new org.guichet.administration.AdministrationProperties(
                        new org.guichet.administration.AdministrationProperties.Administration("caf", "CAF"), null),
                org.springframework.jdbc.core.simple.JdbcClient.create(DOMAIN));
        directory.afterPropertiesSet();
        return directory;
    }

    static org.guichet.conversation.ConversationLog conversations() {
        return new org.guichet.conversation.ConversationLog(
                org.springframework.jdbc.core.simple.JdbcClient.create(DOMAIN), java.time.Clock.systemUTC());
    }

    /** A context as the application builds it: signer, service directory, conversation log. */
    static GuichetMailetContext domainContext() {
        GuichetMailetContext context = context();
        context.setAttribute(org.guichet.administration.ServiceDirectory.class.getName(), services());
        context.setAttribute(org.guichet.conversation.ConversationLog.CONTEXT_ATTRIBUTE, conversations());
        context.setAttribute(org.guichet.gateway.dkim.DkimKeys.CONTEXT_ATTRIBUTE,
                new org.guichet.gateway.dkim.DkimKeys(java.util.List.of()));
        context.setAttribute(org.guichet.gateway.authentication.Authenticator.CONTEXT_ATTRIBUTE, authenticator());
        context.setAttribute(org.guichet.casework.Casework.CONTEXT_ATTRIBUTE, casework());
        context.setAttribute(org.guichet.gateway.token.ReplyTokenVerifier.class.getName(),
                new org.guichet.gateway.token.ReplyTokenVerifier(KEYS));
        return context;
    }

    /** DNS on a loopback port where nothing answers: every check ends in temperror, quickly. */
    static org.guichet.gateway.authentication.Authenticator authenticator() {
        return new org.guichet.gateway.authentication.Authenticator(
                new org.guichet.gateway.authentication.ResolverDns(java.util.List.of("127.0.0.1:9"),
                        java.time.Duration.ofMillis(200)),
                "mx.guichet.test", java.time.Duration.ofMillis(400), java.time.Clock.systemUTC());
    }

    static org.guichet.casework.Casework casework() {
        org.springframework.jdbc.core.simple.JdbcClient jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(DOMAIN);
        org.springframework.jdbc.datasource.DataSourceTransactionManager transactions =
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(DOMAIN);
        return new org.guichet.casework.Casework(jdbc, transactions,
                new org.guichet.casework.EventLog(jdbc, transactions),
                new org.guichet.casework.CaseReferences(jdbc, new org.guichet.casework.CaseworkProperties("GCH",
                        "Europe/Paris")), java.time.Clock.systemUTC());
    }
}
