package org.guichet.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.guichet.casework.Case;
import org.guichet.supervision.Backlog;
import org.guichet.supervision.ServiceSupervision;
import org.guichet.supervision.Week;
import org.junit.jupiter.api.Test;

/** The supervisor's weekly figures, recomputed by the SLA clocks from the log of real cases. */
class ServiceSupervisionTest {

    final AuditRig rig = new AuditRig();
    final ServiceSupervision supervision = new ServiceSupervision(rig.jdbc, rig.histories, rig.policies,
            rig.calendars, rig.clock);

    @Test
    void weeksCountOnTimeAndLateFirstAnswersAndTheMedianTimeToAPerson() {
        rig.conversation("wk1", AuditRig.paris("2026-06-01T09:00"));
        rig.conversation("wk2", AuditRig.paris("2026-06-01T09:00"));
        rig.conversation("wk3", AuditRig.paris("2026-06-01T09:00"));
        Case onTime = rig.receive("wk1", AuditRig.paris("2026-06-08T10:00"));
        rig.answer(onTime, AuditRig.paris("2026-06-08T14:00"));
        Case late = rig.receive("wk2", AuditRig.paris("2026-06-09T10:00"));
        rig.answer(late, AuditRig.paris("2026-06-19T10:00")); // eight working days: past the five of the policy
        rig.receive("wk3", AuditRig.paris("2026-06-16T10:00"));
        rig.clock.set(AuditRig.paris("2026-06-20T10:00"));

        List<Week> weeks = supervision.weeks(rig.services.byCode("prestations").id(), 8, AuditRig.PARIS);

        assertThat(weeks).hasSize(8);
        assertThat(weeks.getLast().monday()).isEqualTo(LocalDate.parse("2026-06-15"));
        Week second = weeks.get(6);
        assertThat(second.monday()).isEqualTo(LocalDate.parse("2026-06-08"));
        assertThat(second.received()).isEqualTo(2);
        assertThat(second.met()).isEqualTo(1);
        assertThat(second.breached()).isEqualTo(1);
        assertThat(second.compliance()).isEqualTo(50);
        assertThat(second.medianFirstAnswer()).isEqualTo(Duration.ofHours(122));
        Week last = weeks.getLast();
        assertThat(last.received()).isEqualTo(1);
        assertThat(last.breached()).as("unanswered, its five working days not over yet").isZero();
        assertThat(last.compliance()).isNull();
        assertThat(last.medianFirstAnswer()).isNull();
        assertThat(weeks.getFirst().received()).isZero();
        assertThat(weeks.getFirst().compliance()).isNull();

        Backlog backlog = supervision.backlog(rig.services.byCode("prestations").id());
        assertThat(backlog.open()).isEqualTo(3);
        assertThat(backlog.unassigned()).isEqualTo(3);
        assertThat(backlog.breached()).as("no sweep has raised a flag yet").isZero();
    }
}
