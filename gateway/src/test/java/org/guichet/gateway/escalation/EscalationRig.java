package org.guichet.gateway.escalation;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.guichet.TestClock;
import org.guichet.administration.AdministrationProperties;
import org.guichet.administration.AdministrationProperties.ServiceDefinition;
import org.guichet.administration.ServiceDirectory;
import org.guichet.calendar.BusinessCalendars;
import org.guichet.calendar.CalendarProperties;
import org.guichet.casework.CaseEventType;
import org.guichet.casework.CaseReceipt;
import org.guichet.casework.CaseReferences;
import org.guichet.casework.CaseThreading;
import org.guichet.casework.Casework;
import org.guichet.casework.CaseworkProperties;
import org.guichet.casework.EventLog;
import org.guichet.casework.InboundReply;
import org.guichet.escalation.EscalationNotifier;
import org.guichet.escalation.Escalations;
import org.guichet.sla.ImplicitDecision;
import org.guichet.sla.SlaPolicyStore;
import org.guichet.sla.SlaProperties;
import org.guichet.sla.SlaTerms;
import org.guichet.gateway.spool.PostgresSpool;
import org.guichet.gateway.spool.SpoolProperties;
import org.guichet.gateway.spool.SpoolSignal;
import org.guichet.storage.TestPostgres;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * A migrated database with three services, casework over it, a real spool, and escalation
 * workers wired as in production, all on one hand-moved clock.
 * <ul>
 *   <li>{@code prestations}: two supervisors, the default policy (5 working days, warning at 0.8);</li>
 *   <li>{@code accueil}: no supervisors;</li>
 *   <li>{@code titres}: one supervisor; silence on its requests is a rejection (CRPA L231-4).</li>
 * </ul>
 */
final class EscalationRig implements AutoCloseable {

    static final String REPLY_DOMAIN = "reponse.caf.fr";
    static final String CITIZEN = "camille.martin@example.org";

    final DataSource database = TestPostgres.newMigratedDatabase();
    final JdbcClient jdbc = JdbcClient.create(database);
    final DataSourceTransactionManager transactions = new DataSourceTransactionManager(database);
    final TestClock clock;
    final EventLog events = new EventLog(jdbc, transactions);
    final Casework casework;
    final SlaProperties sla = new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("guichet.sla", SlaProperties.class);
    final SlaPolicyStore policies;
    final AdministrationProperties supervisors = new Binder(new MapConfigurationPropertySource(Map.of(
            "guichet.administration.services.prestations.supervisors", "chef.prestations@caf.fr,adjoint.prestations@caf.fr",
            "guichet.administration.services.titres.supervisors", "chef.titres@caf.fr")))
            .bindOrCreate("guichet.administration", AdministrationProperties.class);
    final BusinessCalendars calendars = BusinessCalendars.from(new CalendarProperties(null));
    private final List<PostgresSpool> spools = new ArrayList<>();
    private int queue;

    EscalationRig(Instant start) {
        clock = new TestClock(start);
        ServiceDirectory services = new ServiceDirectory(new AdministrationProperties("caf-34", "CAF de l'Hérault",
                Map.of("prestations", service("Prestations familiales"), "accueil", service("Accueil"),
                        "titres", service("Titres de séjour"))), jdbc, Clock.systemUTC());
        services.afterPropertiesSet();
        CaseReferences references = new CaseReferences(jdbc, CaseworkProperties.defaults());
        casework = new Casework(jdbc, transactions, events, new CaseThreading(jdbc, transactions, references),
                references, clock);
        policies = new SlaPolicyStore(jdbc, sla.terms(), clock);
        SlaTerms defaults = sla.terms();
        policies.add("titres", start, new SlaTerms(defaults.targets(), defaults.pausingStatuses(),
                defaults.warningFraction(), ImplicitDecision.REJECTION));
    }

    private static ServiceDefinition service(String name) {
        return new ServiceDefinition(name, List.of(), List.of(), null, null, null, null, "default");
    }

    /** A worker as a node builds it: its own escalations, its own spool client, the shared database. */
    EscalationWorker worker() {
        return EscalationConfiguration.assemble(escalations(), settings(), spool(), REPLY_DOMAIN, clock);
    }

    /** A worker whose notices go through {@code notifier} (wrapping the real one). */
    EscalationWorker worker(java.util.function.UnaryOperator<EscalationNotifier> wrap) {
        SpooledAlerts real = new SpooledAlerts(spool(), new SupervisorAlert(settings().senderFor(REPLY_DOMAIN)), clock);
        return new EscalationWorker(escalations(), wrap.apply(real), settings());
    }

    Escalations escalations() {
        return new Escalations(jdbc, transactions, events, policies, calendars, sla, supervisors, clock);
    }

    private static EscalationProperties settings() {
        return new EscalationProperties(Duration.ofMinutes(1), 2, "");
    }

    private PostgresSpool spool() {
        PostgresSpool spool = new PostgresSpool(database, clock,
                new SpoolProperties(128, Duration.ofSeconds(30), Duration.ofMinutes(5), 100, Duration.ofMillis(500)),
                new SpoolSignal(), new SimpleMeterRegistry());
        spools.add(spool);
        return spool;
    }

    /** A new request from the citizen to {@code service}, received at {@code at}. */
    CaseReceipt request(String service, Instant at) {
        return casework.receive(new InboundReply(nextQueueId(), at, CITIZEN, null, "<" + queue + "@example.org>", null,
                List.of(), "Demande", "Bonjour, où en est mon dossier ?", null, null, service));
    }

    /** A reply threaded into the case of {@code first} by In-Reply-To; automatic when {@code reason} is set. */
    CaseReceipt followUp(CaseReceipt first, Instant at, String reason) {
        return casework.receive(new InboundReply(nextQueueId(), at, CITIZEN, null, "<" + queue + "@example.org>",
                first.message().messageId(), List.of(), "Re: Demande", "Je relance.", null, reason, null));
    }

    void acknowledge(CaseReceipt receipt, Instant at) {
        events.append(receipt.caseFile().id(), CaseEventType.ACKNOWLEDGED, at, Map.of("queueId", "ACK" + queue));
    }

    void answer(CaseReceipt receipt, Instant at) {
        events.append(receipt.caseFile().id(), CaseEventType.ANSWERED, at, Map.of("answerId", "A" + queue));
    }

    private String nextQueueId() {
        queue++;
        return "IN" + queue + "X";
    }

    /** The messages Guichet spooled (the notices), oldest first. */
    List<Spooled> spooled() {
        return jdbc.sql("select queue_id, sender, recipients, raw from spool_message order by id")
                .query((rs, n) -> new Spooled(rs.getString(1), rs.getString(2), strings(rs.getArray(3)),
                        rs.getBytes(4)))
                .list();
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    List<Map<String, Object>> flags(long caseId) {
        return jdbc.sql("select kind, metric, clock, raised_at from case_flag where case_id = :id order by id")
                .param("id", caseId).query().listOfRows();
    }

    List<String> eventTypes(long caseId) {
        return events.events(caseId).stream().map(e -> e.type()).toList();
    }

    String priority(long caseId) {
        return jdbc.sql("select priority from citizen_case where id = :id").param("id", caseId)
                .query(String.class).single();
    }

    @Override
    public void close() throws InterruptedException {
        for (PostgresSpool spool : spools) {
            spool.destroy();
        }
    }

    record Spooled(String queueId, String sender, List<String> recipients, byte[] raw) {
    }
}
