package org.guichet.gateway.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Delivery by MX lookup, against a DNS responder and SMTP peer on loopback. */
class MxDeliveryTest {

    private final RelayRig rig = new RelayRig();
    @AutoClose
    private final ScriptedSmtpPeer peer = new ScriptedSmtpPeer();
    @AutoClose
    private final LoopbackDns dns;

    MxDeliveryTest() throws Exception {
        dns = new LoopbackDns();
    }

    /** A message to {@code recipient}, enqueued then taken by one cycle of the worker: its queue id. */
    private String relayed(String recipient) {
        String queueId = rig.enqueue("noreply@mairie.test", RelayRig.message("n", "a", "x"), recipient);
        worker().cycle();
        return queueId;
    }

    private DeliveryWorker worker() {
        TestSettings settings = new TestSettings();
        settings.dnsServers = List.of(dns.address());
        settings.mxPort = peer.port();
        return rig.worker(settings.build(), "node-a");
    }

    @Test
    void mxHostsAreTriedByPreferenceAndTheNextTakesOverWhenOneIsDown() throws Exception {
        // listed out of order on purpose; 127.0.0.2 has nothing listening on the peer's port
        dns.mx("ville.test", 20, "secours.ville.test").mx("ville.test", 10, "principal.ville.test")
                .a("secours.ville.test", "127.0.0.1").a("principal.ville.test", "127.0.0.2");
        String queueId = relayed("agent@ville.test");

        assertThat(rig.status(queueId, "agent@ville.test")).isEqualTo("delivered");
        assertThat(rig.attempts(queueId, "agent@ville.test")).singleElement()
                .satisfies(a -> assertThat(a.get("next_hop")).isEqualTo("secours.ville.test[127.0.0.1]:" + peer.port()));
        assertThat(peer.transactions).hasSize(1);
    }

    @Test
    void lowestPreferenceWinsWhenAllAreUp() throws Exception {
        dns.mx("ville.test", 30, "b.ville.test").mx("ville.test", 5, "a.ville.test")
                .a("b.ville.test", "127.0.0.1").a("a.ville.test", "127.0.0.1");
        String queueId = relayed("agent@ville.test");

        assertThat(rig.attempts(queueId, "agent@ville.test")).singleElement()
                .satisfies(a -> assertThat(a.get("next_hop").toString()).startsWith("a.ville.test["));
    }

    @Test
    void domainWithoutMxIsItsOwnMailHost() throws Exception {
        dns.a("implicite.test", "127.0.0.1");
        String queueId = relayed("agent@implicite.test");

        assertThat(rig.status(queueId, "agent@implicite.test")).isEqualTo("delivered");
        assertThat(rig.attempts(queueId, "agent@implicite.test")).singleElement()
                .satisfies(a -> assertThat(a.get("next_hop").toString()).startsWith("implicite.test[127.0.0.1]"));
    }

    @Test
    void nullMxIsAPermanentFailure() throws Exception {
        dns.mx("sans-courrier.test", 0, ".");
        String queueId = relayed("x@sans-courrier.test");

        assertThat(rig.status(queueId, "x@sans-courrier.test")).isEqualTo("bounced");
        assertThat(rig.recipientRow(queueId, "x@sans-courrier.test").get("last_reply").toString()).startsWith("556 5.1.10");
        assertThat(rig.spool.submissions).hasSize(1);
        assertThat(peer.connections.get()).isZero();
    }

    @Test
    void mailHostsInsideOurNetworksAreRefusedUnlessAllowed() throws Exception {
        dns.mx("rebond.test", 10, "mx.rebond.test").a("mx.rebond.test", "127.0.0.1")
                .mx("interne.test", 10, "mx.interne.test").a("mx.interne.test", "10.1.2.3");
        TestSettings settings = new TestSettings();
        settings.dnsServers = List.of(dns.address());
        settings.mxPort = peer.port();
        settings.mxAllowedNetworks = List.of();
        String toLoopback = rig.enqueue("noreply@mairie.test", RelayRig.message("n", "a", "x"), "x@rebond.test");
        String toPrivate = rig.enqueue("noreply@mairie.test", RelayRig.message("n", "a", "x"), "x@interne.test");
        rig.worker(settings.build(), "node-a").cycle();

        assertThat(rig.status(toLoopback, "x@rebond.test")).isEqualTo("bounced");
        assertThat(rig.recipientRow(toLoopback, "x@rebond.test").get("last_reply").toString())
                .startsWith("550 5.4.4").contains("loopback or private");
        assertThat(rig.status(toPrivate, "x@interne.test")).isEqualTo("bounced");
        assertThat(peer.connections.get()).as("no connection into our own network").isZero();
    }

    @Test
    void whichAddressesAreInside() throws Exception {
        for (String inside : List.of("127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.0.1", "100.64.0.1",
                "0.0.0.0", "::1", "fd00::1", "fe80::1")) {
            assertThat(NextHops.inside(java.net.InetAddress.getByName(inside))).as(inside).isTrue();
        }
        for (String outside : List.of("192.0.2.10", "8.8.8.8", "100.128.0.1", "2001:db8::1", "172.32.0.1")) {
            assertThat(NextHops.inside(java.net.InetAddress.getByName(outside))).as(outside).isFalse();
        }
    }

    @Test
    void unknownDomainBounces() {
        String queueId = relayed("x@inconnu.test");

        assertThat(rig.status(queueId, "x@inconnu.test")).isEqualTo("bounced");
        assertThat(rig.recipientRow(queueId, "x@inconnu.test").get("last_reply").toString()).startsWith("550 5.1.2");
    }

    @Test
    void recipientsOfOneMessageAreGroupedPerDomain() throws Exception {
        dns.mx("ville.test", 10, "mx.ville.test").a("mx.ville.test", "127.0.0.1")
                .mx("region.test", 10, "mx.region.test").a("mx.region.test", "127.0.0.1");
        rig.enqueue("noreply@mairie.test", RelayRig.message("n", "a", "x"),
                "a@ville.test", "b@region.test", "c@ville.test");
        worker().cycle();

        assertThat(peer.transactions).hasSize(2);
        assertThat(peer.transactions).extracting(ScriptedSmtpPeer.Transaction::recipients)
                .containsExactlyInAnyOrder(List.of("a@ville.test", "c@ville.test"), List.of("b@region.test"));
    }
}
