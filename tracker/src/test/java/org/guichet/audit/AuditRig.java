package org.guichet.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.guichet.TestClock;
import org.guichet.administration.AdministrationProperties;
import org.guichet.administration.AdministrationProperties.ServiceDefinition;
import org.guichet.administration.ServiceDirectory;
import org.guichet.calendar.BusinessCalendars;
import org.guichet.calendar.CalendarProperties;
import org.guichet.casework.Case;
import org.guichet.casework.CaseEventType;
import org.guichet.casework.Casework;
import org.guichet.casework.CaseReferences;
import org.guichet.casework.CaseThreading;
import org.guichet.casework.CaseworkProperties;
import org.guichet.casework.EventLog;
import org.guichet.casework.InboundReply;
import org.guichet.conversation.Conversation;
import org.guichet.conversation.ConversationLog;
import org.guichet.sla.ImplicitDecision;
import org.guichet.sla.SlaPolicyStore;
import org.guichet.sla.SlaProperties;
import org.guichet.sla.SlaTarget;
import org.guichet.sla.SlaTerms;
import org.guichet.storage.TestPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * A migrated database with the services « default » and « prestations » (default calendar:
 * Europe/Paris, French holidays, Monday–Friday 09:00–17:00), the real casework and event log
 * over it, and the report builder.
 */
final class AuditRig {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    final DataSource database = TestPostgres.newMigratedDatabase();
    final JdbcClient jdbc = JdbcClient.create(database);
    final DataSourceTransactionManager transactions = new DataSourceTransactionManager(database);
    final TestClock clock = new TestClock(Instant.parse("2026-06-20T10:00:00Z"));
    final ServiceDirectory services;
    final ConversationLog conversations = new ConversationLog(jdbc, clock);
    final EventLog events = new EventLog(jdbc, transactions);
    final CaseReferences references = new CaseReferences(jdbc, CaseworkProperties.defaults());
    final Casework casework = new Casework(jdbc, transactions, events,
            new CaseThreading(jdbc, transactions, references), references, clock);
    final SlaTerms terms = new SlaProperties(SlaTarget.valueOf("1 working day"), SlaTarget.valueOf("5 working days"),
            SlaTarget.valueOf("5 working days"), SlaTarget.valueOf("2 months"), List.of("waiting_citizen"), 0.8,
            ImplicitDecision.NONE, Period.ofDays(15)).terms();
    final SlaPolicyStore policies = new SlaPolicyStore(jdbc, terms, clock);
    final StoredServiceCalendars calendars = new StoredServiceCalendars(jdbc,
            BusinessCalendars.from(new CalendarProperties(null)));
    final CaseHistories histories = new CaseHistories(jdbc, new AuditProperties(PARIS, 2, AuditProperties.Verification.LATEST));
    final LogVerification verification = new LogVerification(events, jdbc, clock);
    final MonthlyReports reports = new MonthlyReports(jdbc, histories, policies, calendars, verification,
            AuditProperties.defaults(), clock);
    private int queue;

    AuditRig() {
        services = new ServiceDirectory(new AdministrationProperties("caf-34", "CAF de l'Hérault, \"accueil\"",
                Map.of("prestations", new ServiceDefinition("Prestations", List.of(), List.of("@caf.fr"), null, null,
                        null, null, "default"))), jdbc, Clock.systemUTC());
        services.afterPropertiesSet();
    }

    /** An instant given as Paris wall-clock time, e.g. {@code 2026-04-03T10:00}. */
    static Instant paris(String local) {
        return LocalDateTime.parse(local).atZone(PARIS).toInstant();
    }

    /**
     * The known April 2026 that {@link MonthlyReportsTest} describes: official messages conv1 to conv5,
     * cases A, B and G acknowledged and answered, C and D never answered, F received in March with a
     * follow-up in April, E an out-of-office through conv4.
     *
     * @return case F, received on 31 March
     */
    Case knownApril() {
        conversation("conv1", paris("2026-04-01T08:00"));
        conversation("conv2", paris("2026-04-01T08:00"));
        conversation("conv3", paris("2026-04-02T08:00"));
        conversation("conv4", paris("2026-04-02T08:00"));
        conversation("conv5", paris("2026-03-20T08:00"));

        Case a = receive("conv1", paris("2026-04-03T10:00"));
        acknowledge(a, paris("2026-04-07T16:00"));
        answer(a, paris("2026-04-07T16:30"));
        Case b = receive("conv2", paris("2026-04-03T11:00"));
        acknowledge(b, paris("2026-04-08T10:00"));
        answer(b, paris("2026-04-16T10:00"));
        Case g = receive("conv5", paris("2026-04-11T10:00"));
        acknowledge(g, paris("2026-04-13T10:00"));
        answer(g, paris("2026-04-13T10:00"));
        receive(null, paris("2026-04-08T14:00"));
        receive(null, paris("2026-04-29T15:00"));
        Case f = receive(null, paris("2026-03-31T23:30"));
        receive(null, paris("2026-04-02T10:00"), casework.messages(f.id()).get(0).messageId(), null);
        receive("conv4", paris("2026-04-20T09:00"), null, "AUTO_REPLIED");
        return f;
    }

    /** A conversation of « prestations » accepted at {@code acceptedAt}. */
    void conversation(String publicId, Instant acceptedAt) {
        conversations.record(new Conversation(publicId, services.byCode("prestations").id(), "OUT" + publicId,
                "noreply@caf.fr", publicId + "@example.org", "Votre dossier", null, "<" + publicId + "@reponse.caf.fr>",
                "reply+" + publicId + "@reponse.caf.fr", acceptedAt));
    }

    /** A message from a person through the reply address of {@code conversation} (null: unthreaded). */
    Case receive(String conversation, Instant at) {
        return receive(conversation, at, null, null);
    }

    Case receive(String conversation, Instant at, String inReplyTo, String automaticReason) {
        queue++;
        String from = conversation == null ? "someone" + queue + "@example.org" : conversation + "@example.org";
        return casework.receive(new InboundReply("Q" + queue + "X", at, from, conversation, "<m" + queue + "@example.org>",
                inReplyTo, List.of(), "Re: Votre dossier", "Bonjour", null, automaticReason, null)).caseFile();
    }

    void acknowledge(Case c, Instant at) {
        events.append(c.id(), CaseEventType.ACKNOWLEDGED, at, Map.of("queueId", "ACK" + c.id()));
    }

    void answer(Case c, Instant at) {
        events.append(c.id(), CaseEventType.ANSWERED, at, Map.of("answerId", "A" + c.id(), "channel", "api"));
    }
}
