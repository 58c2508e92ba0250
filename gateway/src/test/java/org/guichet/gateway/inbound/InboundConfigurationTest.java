package org.guichet.gateway.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import org.guichet.gateway.smtp.ReplyDomain;
import org.guichet.gateway.token.ReplyTokenKey;
import org.guichet.gateway.token.ReplyTokenKeyRing;
import org.guichet.gateway.token.ReplyTokenVerifier;
import org.guichet.node.ReplyDomainRequiredException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Where the reply domains come from, and what a wrong setting does at start. */
class InboundConfigurationTest {

    /** A node with the reply domain {@code reponse.caf.fr}, so that its default roles include inbound. */
    private ApplicationContextRunner runner() {
        return bareRunner().withPropertyValues("guichet.node.reply-domain=reponse.caf.fr")
                .withBean(ReplyDomain.class, () -> new ReplyDomain("reponse.caf.fr", true));
    }

    private ApplicationContextRunner bareRunner() {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) 3);
        ReplyTokenKeyRing ring = new ReplyTokenKeyRing(Map.of("k1", new ReplyTokenKey("k1", secret)), "k1");
        return new ApplicationContextRunner()
                .withBean(ReplyTokenVerifier.class, () -> new ReplyTokenVerifier(ring))
                .withUserConfiguration(InboundConfiguration.class);
    }

    @Test
    void replyDomainsDefaultToTheNodesReplyDomain() {
        runner().run(context -> assertThat(context.getBean(InboundAddresses.class).replyDomains())
                .containsExactly("reponse.caf.fr"));
        runner().withPropertyValues("guichet.inbound.reply-domains=reponse.caf.fr,reponse.ameli.fr")
                .run(context -> assertThat(context.getBean(InboundAddresses.class).replyDomains())
                        .containsExactlyInAnyOrder("reponse.caf.fr", "reponse.ameli.fr"));
    }

    @Test
    void inboundRoleWithoutReplyDomainIsRefusedNamingTheProperty() {
        bareRunner().withPropertyValues("guichet.node.roles=inbound")
                .run(context -> assertThat(context).getFailure()
                        .hasRootCauseInstanceOf(ReplyDomainRequiredException.class)
                        .rootCause().hasMessageContaining("guichet.node.reply-domain"));
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
        runner().withPropertyValues("guichet.node.roles=worker", "guichet.inbound.capture-addresses=ne-pas-repondre")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(InboundAddresses.class);
                });
        // A fresh node, without reply domain nor roles, runs no inbound listener.
        bareRunner().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(InboundAddresses.class);
        });
    }
}
