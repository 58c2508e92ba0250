package org.guichet.gateway.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.guichet.gateway.mailet.GuichetServices;
import org.guichet.gateway.pipeline.GuichetMailetContext;
import org.guichet.gateway.pipeline.MailetContainer;
import org.guichet.gateway.pipeline.PipelineProperties;
import org.guichet.gateway.smtp.SmtpProperties;
import org.guichet.gateway.token.ReplyTokenKey;
import org.guichet.gateway.token.ReplyTokenKeyRing;
import org.guichet.gateway.token.ReplyTokenSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.unit.DataSize;

/** The dry run follows mail the way the spool would, and reports what a worker would write. */
class DryRunTest {

    static final byte[] NOTICE = ("From: CAF <noreply@caf.fr>\r\nTo: alice@example.org\r\nSubject: Avis\r\n"
            + "Message-ID: <m1@caf.fr>\r\n\r\nBonjour,\r\nMerci de ne pas repondre a ce message.\r\n")
            .getBytes(StandardCharsets.UTF_8);
    static final MessageEnvelope ENVELOPE = new MessageEnvelope("noreply@caf.fr", List.of("alice@example.org"));

    @TempDir
    Path folder;

    MailetContainer container;

    @AfterEach
    void stop() {
        if (container != null) {
            container.destroy();
        }
    }

    @Test
    void mailSentToAnotherProcessorIsFollowedWithItsAttributes() throws Exception {
        DryRun dryRun = dryRun("""
                <mailet match="IsNoreply" class="SetReplyAddress">
                  <replyDomain>reponse.caf.fr</replyDomain>
                  <serviceName>CAF</serviceName>
                </mailet>
                <mailet match="All" class="org.guichet.gateway.inspect.DryRunTest$ToOutbox"/>
                """, """
                <processor state="outbox">
                  <mailet match="All" class="Relay"/>
                </processor>
                """);

        List<Ending> endings = dryRun.run(NOTICE, ENVELOPE);

        assertThat(endings).hasSize(1);
        Ending relayed = endings.get(0);
        assertThat(relayed.held()).isFalse();
        assertThat(relayed.recipients()).containsExactly("alice@example.org");
        // Set in root, carried to outbox as the spool carries attributes (JSON), read at the end.
        assertThat(relayed.replyAddress()).startsWith("reply+k1-").endsWith("@reponse.caf.fr");
        assertThat(new String(relayed.message(), StandardCharsets.UTF_8)).contains(relayed.replyAddress());
    }

    @Test
    void failingMailetIsReportedAsHeldWithItsError() throws Exception {
        DryRun dryRun = dryRun("<mailet match=\"All\" class=\"org.guichet.gateway.inspect.DryRunTest$Fails\"/>");

        List<Ending> endings = dryRun.run(NOTICE, ENVELOPE);

        assertThat(endings).singleElement().satisfies(held -> {
            assertThat(held.held()).isTrue();
            assertThat(held.error()).contains("unreachable archive");
            assertThat(held.message()).isEqualTo(NOTICE);
        });
        OutboundCopy copy = OutboundReport.of(NOTICE, ENVELOPE, endings).copies().get(0);
        assertThat(copy.status()).isEqualTo("held");
        assertThat(copy.headers()).isEmpty();
        assertThat(copy.bodyChanged()).isFalse();
        assertThat(copy.noreplyMatched()).isFalse();
        assertThat(copy.noreplyAddress()).isEqualTo("noreply@caf.fr");
    }

    @Test
    void pipelineThatNeverEndsIsStopped() throws Exception {
        DryRun dryRun = dryRun("<mailet match=\"All\" class=\"org.guichet.gateway.inspect.DryRunTest$Boomerang\"/>");

        assertThatThrownBy(() -> dryRun.run(NOTICE, ENVELOPE)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("more than " + DryRun.MAX_MAILS);
    }

    @Test
    void envelopeComesFromTheHeadersUnlessGiven() {
        byte[] raw = ("Return-Path: <>\r\nFrom: noreply@caf.fr\r\nTo: A <a@example.org>, b@example.org\r\n"
                + "Cc: a@example.org, Equipe: c@example.org;\r\nBcc: d@example.org\r\n\r\nx\r\n").getBytes(StandardCharsets.UTF_8);

        MessageEnvelope fromHeaders = MessageEnvelope.of(raw, null, List.of());
        MessageEnvelope given = MessageEnvelope.of(raw, "app@caf.fr", List.of("z@example.org"));

        assertThat(fromHeaders.sender()).isEmpty();
        assertThat(fromHeaders.recipients()).containsExactly("a@example.org", "b@example.org", "c@example.org",
                "d@example.org");
        assertThat(given).isEqualTo(new MessageEnvelope("app@caf.fr", List.of("z@example.org")));
        assertThat(MessageEnvelope.of(raw, "<>", List.of("z@example.org")).sender()).isEmpty();
        assertThat(MessageEnvelope.of(raw, "<app@caf.fr>", List.of("z@example.org")).sender()).isEqualTo("app@caf.fr");
    }

    DryRun dryRun(String root, String... processors) throws Exception {
        Path pipeline = folder.resolve("pipeline.xml");
        Files.writeString(pipeline, """
                <mailetcontainer><processors>
                  <processor state="root">
                %s
                  </processor>
                %s
                  <processor state="error">
                    <mailet match="All" class="Hold"/>
                  </processor>
                </processors></mailetcontainer>
                """.formatted(root, String.join("\n", processors)));
        ReplyTokenKeyRing keys = new ReplyTokenKeyRing(Map.of("k1", new ReplyTokenKey("k1", new byte[32])), "k1");
        GuichetMailetContext context = new GuichetMailetContext(
                GuichetServices.none().with(ReplyTokenSigner.class, new ReplyTokenSigner(keys, new SecureRandom())),
                List.of(Domain.of("reponse.caf.fr")), new MailAddress("postmaster@reponse.caf.fr"));
        SmtpProperties smtp = new SmtpProperties("mx.caf.fr", new SmtpProperties.Listener(null, null),
                new SmtpProperties.Listener(null, null), DataSize.ofMegabytes(25), 1000, 500, Duration.ofMinutes(5),
                new SmtpProperties.Tls(null, null, "PKCS12"), null);
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of()));
        container = MailetContainer.configured(new PipelineProperties(pipeline.toString(), "CAF", null, null), context,
                environment, smtp);
        return new DryRun(container, Clock.fixed(Instant.parse("2026-03-03T08:12:44Z"), ZoneOffset.UTC));
    }

    /** Sends the mail on to processor {@code outbox} through the mailet context. */
    public static class ToOutbox extends GenericMailet {

        @Override
        public void service(Mail mail) throws MessagingException {
            getMailetContext().sendMail(mail.duplicate(), "outbox");
            mail.setState(Mail.GHOST);
        }
    }

    /** A mailet whose remote end is down. */
    public static class Fails extends GenericMailet {

        @Override
        public void service(Mail mail) throws MessagingException {
            throw new MessagingException("unreachable archive");
        }
    }

    /**
     * Sends every mail back to root: a pipeline.xml mistake. The copy's name is kept short, as the
     * spool's fresh queue ids keep it, so James's own guard on growing names does not see a loop.
     */
    public static class Boomerang extends GenericMailet {

        @Override
        public void service(Mail mail) throws MessagingException {
            Mail copy = mail.duplicate();
            copy.setName("boomerang");
            getMailetContext().sendMail(copy, Mail.DEFAULT);
            mail.setState(Mail.GHOST);
        }
    }
}
