package org.guichet.supervision;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.guichet.audit.CaseHistories;
import org.guichet.sla.LegalDeadlines;
import org.guichet.sla.ServiceCalendars;
import org.guichet.sla.SlaClock;
import org.guichet.sla.SlaPolicies;
import org.guichet.sla.SlaPolicyStore;
import org.springframework.stereotype.Component;

/** Computes a case's {@link CaseStanding} from its event log, as every SLA figure is. */
@Component
public record CaseStandings(CaseHistories histories, SlaPolicyStore policies, ServiceCalendars calendars, Clock clock) {

    public Optional<CaseStanding> of(long caseId) {
        Instant now = clock.instant();
        SlaPolicies versions = policies.loadAll();
        return histories.history(caseId, now).map(history -> new CaseStanding(
                new SlaClock(versions, calendars).figures(history.events(), now),
                new LegalDeadlines(versions, calendars).implicitDecision(history.events())));
    }
}
