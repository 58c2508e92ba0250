package org.guichet.gateway.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Leases: a dead node's recipients are taken over, and two live nodes never share one. */
class LeaseTest {

    private final RelayRig rig = new RelayRig();
    @AutoClose
    private final ScriptedSmtpPeer peer = new ScriptedSmtpPeer();

    @Test
    void recipientsOfADeadNodeAreTakenOverOnceTheLeaseRunsOut() {
        String queueId = rig.enqueue("noreply@mairie.test", RelayRig.message("n", "a", "x"), "a@example.org");
        TestSettings settings = new TestSettings().smarthost("127.0.0.1:" + peer.port());
        settings.lease = Duration.ofMinutes(10);
        // the dead node claimed the recipient, then died before any attempt
        assertThat(rig.queue().claim("dead-node", rig.clock.instant(), settings.lease, 10)).hasSize(1);

        DeliveryWorker survivor = rig.worker(settings.build(), "survivor");
        rig.advance(Duration.ofMinutes(9));
        assertThat(survivor.cycle()).as("the lease still holds").isZero();
        assertThat(peer.transactions).isEmpty();

        rig.advance(Duration.ofMinutes(2));
        assertThat(survivor.cycle()).isEqualTo(1);
        assertThat(rig.status(queueId, "a@example.org")).isEqualTo("delivered");
        assertThat(rig.attempts(queueId, "a@example.org")).singleElement()
                .satisfies(a -> assertThat(a.get("node")).isEqualTo("survivor"));
        assertThat(rig.recipientRow(queueId, "a@example.org").get("lease_owner")).isNull();
    }

    @Test
    void lateOutcomeOfALeaseLostIsKeptAsEvidenceWithoutOverwritingTheNewOwner() {
        String queueId = rig.enqueue("noreply@mairie.test", RelayRig.message("n", "a", "x"), "a@example.org");
        DeliveryQueue queue = rig.queue();
        Claim slow = queue.claim("slow-node", rig.clock.instant(), Duration.ofMinutes(1), 10).get(0);
        rig.advance(Duration.ofMinutes(2));
        assertThat(queue.claim("fast-node", rig.clock.instant(), Duration.ofMinutes(10), 10)).hasSize(1);

        Transition late = new Transition(Transition.Status.DELIVERED, SmtpReply.local(250, "2.0.0", "ok"), null, null);
        assertThat(queue.record(slow, late, "slow-node", rig.clock.instant())).isFalse();
        assertThat(rig.recipientRow(queueId, "a@example.org"))
                .containsEntry("status", "queued").containsEntry("lease_owner", "fast-node");
        assertThat(rig.attempts(queueId, "a@example.org")).singleElement()
                .satisfies(a -> assertThat(a.get("node")).isEqualTo("slow-node"));
    }

    @Test
    void twoWorkersNeverDeliverTheSameRecipient() throws Exception {
        int messages = 120;
        for (int i = 0; i < messages; i++) {
            rig.enqueue("noreply@mairie.test", RelayRig.message("n", "a", "m" + i), "r" + i + "@example.org");
        }
        TestSettings settings = new TestSettings().smarthost("127.0.0.1:" + peer.port());
        settings.claimBatch = 7;
        settings.maxParallel = 3;
        DeliveryWorker one = rig.worker(settings.build(), "node-1");
        DeliveryWorker two = rig.worker(settings.build(), "node-2");
        try (ExecutorService nodes = Executors.newFixedThreadPool(2)) {
            Callable<Integer> drainOne = () -> drain(one);
            Callable<Integer> drainTwo = () -> drain(two);
            List<Future<Integer>> claimed = nodes.invokeAll(List.of(drainOne, drainTwo));
            assertThat(claimed.get(0).get() + claimed.get(1).get()).isEqualTo(messages);
            assertThat(claimed.get(0).get()).as("both nodes took part").isPositive();
            assertThat(claimed.get(1).get()).as("both nodes took part").isPositive();
        }
        assertThat(peer.transactions).hasSize(messages);
        assertThat(peer.transactions.stream().flatMap(t -> t.recipients().stream()).distinct().count()).isEqualTo(messages);
        assertThat(rig.jdbc.sql("select count(*) from delivery_attempt").query(Long.class).single()).isEqualTo(messages);
        assertThat(rig.jdbc.sql("select count(distinct recipient_id) from delivery_attempt").query(Long.class).single())
                .isEqualTo(messages);
    }

    private static int drain(DeliveryWorker worker) {
        int total = 0;
        int claimed;
        while ((claimed = worker.cycle()) > 0) {
            total += claimed;
        }
        return total;
    }
}
