package org.guichet.sla;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import javax.sql.DataSource;

import org.guichet.storage.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.guichet.sla.SlaClockTest.DEFAULTS;
import static org.guichet.sla.SlaClockTest.paris;

class SlaPolicyStoreTest {

    private static final Instant NOW = paris("2025-01-15T10:00");

    private JdbcClient jdbc;
    private SlaPolicyStore store;

    @BeforeEach
    void migratedDatabase() {
        DataSource dataSource = TestPostgres.newMigratedDatabase();
        jdbc = JdbcClient.create(dataSource);
        store = new SlaPolicyStore(jdbc, DEFAULTS, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static SlaTerms strict() {
        return new SlaTerms(DEFAULTS.with(SlaMetric.FIRST_ANSWER, SlaTarget.valueOf("PT4H business"))
                .with(SlaMetric.RESOLUTION, SlaTarget.valueOf("PT72H calendar")).targets(),
                Set.of("waiting_citizen", "waiting_third_party"), 0.75, ImplicitDecision.REJECTION);
    }

    @Test
    void versionsAppendAndTheVersionInForceIsResolved() {
        SlaPolicy first = store.add("caf", paris("2025-02-01T00:00"), strict());
        SlaPolicy second = store.add("caf", paris("2025-06-01T00:00"), DEFAULTS);
        store.add("cpam", paris("2025-03-01T00:00"), DEFAULTS);

        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        assertThat(store.versions("caf")).containsExactly(first, second);

        SlaPolicies policies = store.loadAll();
        assertThat(policies.inForce("caf", paris("2025-01-31T23:59"))).isEqualTo(SlaPolicy.defaultFor("caf", DEFAULTS));
        SlaPolicy march = policies.inForce("caf", paris("2025-03-10T09:00"));
        assertThat(march).isEqualTo(first);
        assertThat(march.terms()).isEqualTo(strict());
        assertThat(policies.inForce("caf", paris("2025-06-01T00:00")).version()).isEqualTo(2);
        assertThat(policies.inForce("cpam", paris("2025-12-01T00:00")).version()).isEqualTo(1);
        assertThat(policies.inForce("urssaf", paris("2025-12-01T00:00")).version()).isEqualTo(SlaPolicy.DEFAULT_VERSION);
    }

    @Test
    void storedVersionsCannotBeChangedOrRemoved() {
        store.add("caf", paris("2025-02-01T00:00"), strict());

        assertThatThrownBy(() -> jdbc.sql("update sla_policy set warning_fraction = 0.5").update())
                .rootCause().hasMessageContaining("sla_policy is append-only: UPDATE refused");
        assertThatThrownBy(() -> jdbc.sql("delete from sla_policy").update())
                .rootCause().hasMessageContaining("sla_policy is append-only: DELETE refused");
        assertThatThrownBy(() -> jdbc.sql("truncate sla_policy").update())
                .rootCause().hasMessageContaining("sla_policy is append-only: TRUNCATE refused");
        assertThat(store.versions("caf")).singleElement().extracting(p -> p.terms().warningFraction()).isEqualTo(0.75);
    }

    @Test
    void aVersionCannotTakeEffectBeforeItIsRecorded() {
        assertThatThrownBy(() -> store.add("caf", paris("2025-01-15T09:59"), DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before it is recorded");
        assertThatThrownBy(() -> jdbc.sql("""
                        insert into sla_policy (service_code, version, effective_from, acknowledgement_target,
                            first_answer_target, next_answer_target, resolution_target, warning_fraction, recorded_at)
                        values ('caf', 1, now() - interval '1 day', '1 working day', '5 working days',
                                '5 working days', '2 months', 0.8, now())""").update())
                .rootCause().hasMessageContaining("sla_policy_not_retroactive");
        assertThat(store.versions("caf")).isEmpty();
    }
}
