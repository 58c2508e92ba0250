package org.guichet.sla;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The versions of the services' SLA policies, in {@code sla_policy}: added, never changed
 * (the table refuses UPDATE and DELETE), so that a figure computed once can be computed
 * again with the version that was in force.
 */
@Component
public class SlaPolicyStore {

    private final JdbcClient jdbc;
    private final SlaTerms defaults;
    private final Clock clock;

    public SlaPolicyStore(JdbcClient jdbc, SlaTerms defaults, Clock clock) {
        this.jdbc = jdbc;
        this.defaults = defaults;
        this.clock = clock;
    }

    /**
     * Adds the next version of {@code serviceCode}'s policy, in force from {@code effectiveFrom}.
     * A version cannot take effect before it is recorded: a figure already reported would
     * change, against the rule that earlier events keep the version then in force.
     *
     * @return the stored version, with its number (1 for the first)
     * @throws IllegalArgumentException if {@code effectiveFrom} is in the past
     */
    @Transactional
    public SlaPolicy add(String serviceCode, Instant effectiveFrom, SlaTerms terms) {
        Instant now = clock.instant();
        if (effectiveFrom.isBefore(now)) {
            throw new IllegalArgumentException("an SLA policy version for " + serviceCode + " cannot take effect at "
                    + effectiveFrom + ", before it is recorded (" + now + ")");
        }
        // Serialises versions of one service across nodes; the unique (service_code, version) is the backstop.
        jdbc.sql("select pg_advisory_xact_lock(hashtext('sla_policy:' || :service))").param("service", serviceCode)
                .query().singleRow();
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from sla_policy where service_code = :service")
                .param("service", serviceCode).query(Integer.class).single();
        jdbc.sql("""
                        insert into sla_policy (service_code, version, effective_from, acknowledgement_target,
                                                first_answer_target, next_answer_target, resolution_target,
                                                pausing_statuses, warning_fraction, implicit_decision, recorded_at)
                        values (:service, :version, :effectiveFrom, :acknowledgement, :firstAnswer, :nextAnswer,
                                :resolution, string_to_array(:pausing, ','), :warning, :implicit, :recordedAt)""")
                .param("service", serviceCode)
                .param("version", version)
                .param("effectiveFrom", Timestamp.from(effectiveFrom))
                .param("acknowledgement", terms.target(SlaMetric.ACKNOWLEDGEMENT).text())
                .param("firstAnswer", terms.target(SlaMetric.FIRST_ANSWER).text())
                .param("nextAnswer", terms.target(SlaMetric.NEXT_ANSWER).text())
                .param("resolution", terms.target(SlaMetric.RESOLUTION).text())
                .param("pausing", String.join(",", terms.pausingStatuses().stream().sorted().toList()))
                .param("warning", BigDecimal.valueOf(terms.warningFraction()))
                .param("implicit", terms.implicitDecision().name())
                .param("recordedAt", Timestamp.from(now))
                .update();
        return new SlaPolicy(serviceCode, version, effectiveFrom, terms);
    }

    /** Every stored version, with the configured default for the rest. */
    public SlaPolicies loadAll() {
        return new SlaPolicies(jdbc.sql(SELECT + " order by service_code, version").query(SlaPolicyStore::policy).list(),
                defaults);
    }

    /** The stored versions of one service, oldest number first. */
    public List<SlaPolicy> versions(String serviceCode) {
        return jdbc.sql(SELECT + " where service_code = :service order by version")
                .param("service", serviceCode).query(SlaPolicyStore::policy).list();
    }

    private static final String SELECT = """
            select service_code, version, effective_from, acknowledgement_target, first_answer_target,
                   next_answer_target, resolution_target, pausing_statuses, warning_fraction, implicit_decision
            from sla_policy""";

    private static SlaPolicy policy(ResultSet rs, int row) throws SQLException {
        Map<SlaMetric, SlaTarget> targets = new EnumMap<>(SlaMetric.class);
        targets.put(SlaMetric.ACKNOWLEDGEMENT, SlaTarget.valueOf(rs.getString("acknowledgement_target")));
        targets.put(SlaMetric.FIRST_ANSWER, SlaTarget.valueOf(rs.getString("first_answer_target")));
        targets.put(SlaMetric.NEXT_ANSWER, SlaTarget.valueOf(rs.getString("next_answer_target")));
        targets.put(SlaMetric.RESOLUTION, SlaTarget.valueOf(rs.getString("resolution_target")));
        Array pausing = rs.getArray("pausing_statuses");
        Set<String> statuses = Set.copyOf(Arrays.asList((String[]) pausing.getArray()));
        SlaTerms terms = new SlaTerms(targets, statuses, rs.getBigDecimal("warning_fraction").doubleValue(),
                ImplicitDecision.valueOf(rs.getString("implicit_decision")));
        return new SlaPolicy(rs.getString("service_code"), rs.getInt("version"),
                rs.getTimestamp("effective_from").toInstant(), terms);
    }
}
