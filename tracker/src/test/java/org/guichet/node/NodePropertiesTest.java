package org.guichet.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.diagnostics.FailureAnalysis;

class NodePropertiesTest {

    private static NodeProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("guichet.node", NodeProperties.class);
    }

    @Test
    void freshNodeRunsEveryRoleButInbound() {
        NodeProperties node = bind(Map.of());
        assertThat(node.roles()).containsExactlyInAnyOrder(Role.SUBMISSION, Role.WORKER, Role.WEB);
        assertThat(node.hasReplyDomain()).isFalse();
        assertThat(node.replyDomain()).isNull();
    }

    @Test
    void replyDomainAddsInboundToTheDefaultRoles() {
        NodeProperties node = bind(Map.of("guichet.node.reply-domain", " Reponse.CAF.fr "));
        assertThat(node.roles()).containsExactlyInAnyOrder(Role.values());
        assertThat(node.replyDomain()).isEqualTo("Reponse.CAF.fr");
    }

    @Test
    void emptyRolesRunNone() {
        assertThat(bind(Map.of("guichet.node.roles", "")).roles()).isEmpty();
        assertThat(bind(Map.of("guichet.node.roles", "", "guichet.node.reply-domain", "reponse.caf.fr")).roles()).isEmpty();
    }

    @Test
    void inboundWithoutReplyDomainIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> bind(Map.of("guichet.node.roles", "inbound,worker")))
                .isInstanceOf(BindException.class)
                .satisfies(e -> {
                    FailureAnalysis analysis = new ReplyDomainFailureAnalyzer().analyze(e);
                    assertThat(analysis).isNotNull();
                    assertThat(analysis.getDescription()).contains("guichet.node.reply-domain");
                    assertThat(analysis.getAction()).contains("--guichet.node.reply-domain=", "guichet.node.roles");
                });
        assertThat(bind(Map.of("guichet.node.roles", "inbound", "guichet.node.reply-domain", "reponse.caf.fr")).roles())
                .containsExactly(Role.INBOUND);
    }

    @Test
    void malformedReplyDomainIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> bind(Map.of("guichet.node.reply-domain", "reply@caf.fr")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageStartingWith("guichet.node.reply-domain: 'reply@caf.fr' is not a domain name");
        assertThatThrownBy(() -> bind(Map.of("guichet.node.reply-domain", "caf..fr"))).isInstanceOf(BindException.class);
    }
}
