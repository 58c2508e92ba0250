package org.guichet.gateway.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import org.guichet.gateway.smtp.SmtpProperties;
import org.guichet.gateway.token.ReplyTokenKey;
import org.guichet.gateway.token.ReplyTokenKeyRing;
import org.guichet.gateway.token.ReplyTokenVerifier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

/** Where the reply domains come from, and what a wrong setting does at start. */
class InboundConfigurationTest {

    private ApplicationContextRunner runner() {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) 3);
        ReplyTokenKeyRing ring = new ReplyTokenKeyRing(Map.of("k1", new ReplyTokenKey("k1", secret)), "k1");
        return new ApplicationContextRunner()
                .withBean(ReplyTokenVerifier.class, () -> new ReplyTokenVerifier(ring))
                .withBean(SmtpProperties.class, () -> new SmtpProperties("mx.guichet.test", null, null,
                        DataSize.ofMegabytes(25), 1000, 500, Duration.ofMinutes(5), null))
                .withUserConfiguration(InboundConfiguration.class);
    }

    @Test
    void replyDomainsDefaultToThePipelinesReplyDomainThenToTheHostName() {
        runner().run(context -> assertThat(context.getBean(InboundAddresses.class).replyDomains())
                .containsExactly("mx.guichet.test"));
        runner().withPropertyValues("guichet.reply-domain=reponse.caf.fr")
                .run(context -> assertThat(context.getBean(InboundAddresses.class).replyDomains())
                        .containsExactly("reponse.caf.fr"));
        runner().withPropertyValues("guichet.reply-domain=reponse.caf.fr",
                        "guichet.inbound.reply-domains=reponse.caf.fr,reponse.ameli.fr")
                .run(context -> assertThat(context.getBean(InboundAddresses.class).replyDomains())
                        .containsExactlyInAnyOrder("reponse.caf.fr", "reponse.ameli.fr"));
    }

    @Test
    void invalidRecipientLimitsHaveDefaults() {
        runner().run(context -> assertThat(context.getBean(InboundProperties.class).invalidRecipients())
                .isEqualTo(new InboundProperties.InvalidRecipients(3, Duration.ofSeconds(1), 10)));
    }

    @Test
    void wrongCaptureAddressStopsTheNodeNamingIt() {
        runner().withPropertyValues("guichet.inbound.capture-addresses=noreply@caf.fr,ne-pas-repondre")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("'ne-pas-repondre'"));
        runner().withPropertyValues("guichet.inbound.capture-addresses=ne-pas-repondre")
                .run(context -> assertThat(context).getFailure().hasMessageContaining("guichet.inbound"));
    }

    @Test
    void nodesWithoutTheInboundRoleDoNotBuildIt() {
        runner().withPropertyValues("guichet.roles=worker", "guichet.inbound.capture-addresses=ne-pas-repondre")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(InboundAddresses.class);
                });
    }
}
