import java.io.StringReader;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.guichet.audit.AuditProperties;
import org.guichet.audit.CaseHistories;
import org.guichet.audit.LogVerification;
import org.guichet.audit.MonthlyReport;
import org.guichet.audit.MonthlyReports;
import org.guichet.audit.SlaRecomputation;
import org.guichet.audit.StoredServiceCalendars;
import org.guichet.audit.VerificationRun;
import org.guichet.calendar.BusinessCalendars;
import org.guichet.calendar.CalendarProperties;
import org.guichet.casework.EventLog;
import org.guichet.sla.ImplicitDecision;
import org.guichet.sla.SlaMetric;
import org.guichet.sla.SlaPolicyStore;
import org.guichet.sla.SlaProperties;
import org.guichet.sla.SlaTarget;
import org.guichet.sla.SlaTerms;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Generates a year of casework (cases, their citizens' messages and a hash-chained event log)
 * in a throwaway embedded PostgreSQL, then times the product's monthly report, full SLA
 * recomputation after a policy change and event-log verification against their targets.
 * Arguments: number of cases, a scratch directory for the database.
 */
public class SlaBench {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);
    static final Instant NOW = Instant.parse("2026-01-12T09:00:00Z");
    static final String[] SERVICES = {"default", "prestations", "etat-civil", "urbanisme", "fiscalite", "action-sociale"};
    static final int[] SERVICE_WEIGHTS = {5, 40, 20, 10, 15, 10};
    static final int BATCH = 10_000;

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        Path scratch = Path.of(args[1]);
        System.out.printf("bench/sla: %,d cases, PostgreSQL data in %s (fsync off)%n", n, scratch);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(Files.createDirectories(scratch.resolve("postgres")))
                .setCleanDataDirectory(true)
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("shared_buffers", "1GB")
                .setServerConfig("work_mem", "64MB")
                .setServerConfig("maintenance_work_mem", "512MB")
                .setServerConfig("max_wal_size", "8GB")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start()) {
            HikariConfig config = new HikariConfig();
            config.setDataSource(postgres.getPostgresDatabase());
            config.setMaximumPoolSize(4);
            try (HikariDataSource database = new HikariDataSource(config)) {
                Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
                long started = System.nanoTime();
                Generated generated = generate(database, n);
                double loadSeconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("generated %,d cases, %,d events, %,d messages, %,d conversations in %.0f s%n",
                        n, generated.events, generated.messages, n, loadSeconds);
                measure(database, n, generated, loadSeconds);
            }
        }
    }

    record Generated(long events, long messages) {
    }

    // ------------------------------------------------------------------ generation

    static Generated generate(DataSource database, int n) throws Exception {
        Method hash = EventLog.class.getDeclaredMethod("hash", byte[].class, String.class, int.class, String.class,
                Instant.class, String.class);
        hash.setAccessible(true);
        HexFormat hex = HexFormat.of();
        Random random = new Random(20250101L);
        int[] serviceIds = new int[SERVICES.length];
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("insert into administration (code, name) values ('caf-34', 'CAF de l''Hérault')");
            for (int s = 0; s < SERVICES.length; s++) {
                sql.execute("insert into service (administration_id, code, name) values (1, '" + SERVICES[s] + "', '"
                        + SERVICES[s] + "')");
                serviceIds[s] = s + 1;
            }
        }
        int weightTotal = Arrays.stream(SERVICE_WEIGHTS).sum();
        byte[] previous = new byte[32];
        long eventId = 0;
        long messageId = 0;
        long lastReport = System.nanoTime();
        long started = lastReport;
        long rows = 0;
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(true);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (int batchStart = 0; batchStart < n; batchStart += BATCH) {
                StringBuilder conversations = new StringBuilder(BATCH * 260);
                StringBuilder cases = new StringBuilder(BATCH * 160);
                StringBuilder messages = new StringBuilder(BATCH * 400);
                StringBuilder events = new StringBuilder(BATCH * 5 * 330);
                int batchEnd = Math.min(n, batchStart + BATCH);
                for (int i = batchStart; i < batchEnd; i++) {
                    long caseId = i + 1L;
                    int service = pick(random, weightTotal);
                    int serviceId = serviceIds[service];
                    String reference = "GCH-2025-" + caseId;
                    String citizen = "citoyen" + caseId + "@example.org";
                    Instant opened = receptionTime(random);
                    Instant accepted = opened.minusSeconds(3600 + random.nextInt(10 * 86_400));
                    conversations.append("C").append(caseId).append('\t').append(serviceId).append("\tO").append(caseId)
                            .append("\tnoreply@").append(SERVICES[service]).append(".example.fr\t").append(citizen)
                            .append("\tVotre dossier ").append(caseId).append("\t\\N\t<c").append(caseId)
                            .append("@guichet.example.fr>\treply+C").append(caseId).append("@reponse.example.fr\t")
                            .append(accepted).append('\t').append(accepted).append('\n');

                    List<Event> log = new ArrayList<>(8);
                    log.add(new Event("CASE_OPENED", opened, "{\"reference\":\"" + reference + "\",\"service\":"
                            + serviceId + ",\"threading\":\"TOKEN\",\"unthreaded\":false}"));
                    String firstQueue = "R" + caseId + "A";
                    messageId++;
                    messages.append(message(caseId, citizen, firstQueue, opened, "citizen"));
                    log.add(new Event("RECEIVED", opened, received("citizen", "OPENED", messageId, firstQueue)));
                    Instant at = opened;
                    if (random.nextInt(100) < 95) { // acknowledgement, within minutes
                        at = at.plusSeconds(5 + random.nextInt(600));
                        log.add(new Event("ACKNOWLEDGED", at, "{\"decisionDate\":null,\"implicitDecision\":\"NONE\","
                                + "\"queueId\":\"" + firstQueue + "\"}"));
                    }
                    if (random.nextInt(100) < 10) { // an out-of-office or delivery report in the thread
                        at = at.plusSeconds(60 + random.nextInt(7200));
                        String queue = "R" + caseId + "X";
                        messageId++;
                        messages.append(message(caseId, citizen, queue, at, "automatic"));
                        log.add(new Event("RECEIVED", at, received("automatic", "JOINED", messageId, queue)));
                        log.add(new Event("CLASSIFIED_AUTOMATIC", at,
                                "{\"queueId\":\"" + queue + "\",\"reason\":\"auto-submitted\"}"));
                    }
                    boolean closed = false;
                    if (random.nextInt(100) < 85) {
                        at = at.plus(answerDelay(random));
                        log.add(new Event("ANSWERED", at, answered(caseId, 1)));
                        if (random.nextInt(100) < 30) { // the citizen writes again
                            at = at.plus(answerDelay(random));
                            String queue = "R" + caseId + "B";
                            messageId++;
                            messages.append(message(caseId, citizen, queue, at, "citizen"));
                            log.add(new Event("RECEIVED", at, received("citizen", "JOINED", messageId, queue)));
                            if (random.nextInt(100) < 70) {
                                at = at.plus(answerDelay(random));
                                log.add(new Event("ANSWERED", at, answered(caseId, 2)));
                            }
                        }
                        if (random.nextInt(100) < 60) {
                            at = at.plusSeconds(86_400 + random.nextInt(4 * 86_400));
                            log.add(new Event("CLOSED", at, "{}"));
                            closed = true;
                        }
                    }
                    Instant closedAt = null;
                    int seq = 0;
                    for (Event event : log) {
                        if (event.at.isAfter(NOW)) {
                            break; // not happened yet at the bench's clock
                        }
                        seq++;
                        byte[] digest = (byte[]) hash.invoke(null, previous, reference, seq, event.type, event.at,
                                event.payload);
                        events.append(caseId).append('\t').append(seq).append('\t').append(event.type).append('\t')
                                .append(event.at).append('\t').append(event.payload).append("\t\\\\x")
                                .append(hex.formatHex(previous)).append("\t\\\\x").append(hex.formatHex(digest))
                                .append('\n');
                        previous = digest;
                        eventId++;
                        if (event.type.equals("CLOSED")) {
                            closedAt = event.at;
                        }
                    }
                    cases.append(reference).append('\t').append(serviceId).append('\t').append(caseId).append('\t')
                            .append(citizen).append('\t').append(closed && closedAt != null ? "closed" : "open")
                            .append('\t').append(opened).append('\t')
                            .append(closed && closedAt != null ? closedAt.toString() : "\\N").append('\n');
                }
                int count = batchEnd - batchStart;
                copy.copyIn("copy conversation (public_id, service_id, queue_id, sender, recipient, subject,"
                        + " original_message_id, final_message_id, reply_address, accepted_at, recorded_at) from stdin",
                        new StringReader(conversations.toString()));
                copy.copyIn("copy citizen_case (reference, service_id, conversation_id, citizen_address, status,"
                        + " opened_at, closed_at) from stdin", new StringReader(cases.toString()));
                copy.copyIn("copy case_message (case_id, direction, author_kind, from_address, subject, queue_id,"
                        + " received_at, visible_text, automatic_reason) from stdin",
                        new StringReader(messages.toString()));
                long copied = copy.copyIn("copy case_event (case_id, seq, type, occurred_at, payload, prev_hash, hash)"
                        + " from stdin", new StringReader(events.toString()));
                rows += 2L * count + copied;
                long now = System.nanoTime();
                if (now - lastReport > 5_000_000_000L || batchEnd == n) {
                    double seconds = (now - started) / 1e9;
                    System.out.printf("  %,d / %,d cases, %,d events, %,.0f rows/s%n", batchEnd, n, eventId,
                            (rows + messageId) / seconds);
                    lastReport = now;
                }
            }
            try (Statement sql = connection.createStatement()) {
                // The loader wrote ids in order on a fresh database: check that before trusting case_id.
                try (var rs = sql.executeQuery("select max(id), count(*) from citizen_case")) {
                    rs.next();
                    if (rs.getLong(1) != n || rs.getLong(2) != n) {
                        throw new IllegalStateException("case ids are not 1.." + n);
                    }
                }
                sql.execute("update case_event_chain set last_event_id = (select max(id) from case_event),"
                        + " last_hash = '\\x" + hex.formatHex(previous) + "', event_count = " + eventId + " where id = 1");
                sql.execute("insert into case_reference_counter (year, last_value) values (2025, " + n + ")");
                System.out.println("  vacuum analyze");
                sql.execute("vacuum analyze");
            }
        }
        return new Generated(eventId, messageId);
    }

    record Event(String type, Instant at, String payload) {
    }

    static int pick(Random random, int total) {
        int r = random.nextInt(total);
        for (int s = 0; s < SERVICE_WEIGHTS.length; s++) {
            r -= SERVICE_WEIGHTS[s];
            if (r < 0) {
                return s;
            }
        }
        return 0;
    }

    /** A gateway reception time in 2025: mostly weekday office hours, some evenings and weekends. */
    static Instant receptionTime(Random random) {
        LocalDate day;
        do {
            day = FIRST_DAY.plusDays(random.nextInt(365));
        } while ((day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY)
                && random.nextInt(100) < 70);
        int hour = random.nextInt(100) < 80 ? 8 + random.nextInt(10) : random.nextInt(24);
        return day.atTime(hour, random.nextInt(60), random.nextInt(60)).atZone(PARIS).toInstant()
                .plusMillis(random.nextInt(1000));
    }

    /** Hours to a few weeks, most within a week. */
    static Duration answerDelay(Random random) {
        double hours = Math.exp(2.5 + 1.3 * random.nextGaussian());
        return Duration.ofSeconds((long) (Math.min(hours, 24 * 60) * 3600) + 60);
    }

    static String received(String author, String change, long message, String queue) {
        return "{\"author\":\"" + author + "\",\"change\":\"" + change + "\",\"message\":" + message + ",\"queueId\":\""
                + queue + "\",\"thirdParty\":false,\"threading\":\"TOKEN\"}";
    }

    static String answered(long caseId, int number) {
        return "{\"answerId\":\"A" + caseId + "-" + number + "\",\"channel\":\"api\",\"message\":null,\"queueId\":\"S"
                + caseId + "N" + number + "\"}";
    }

    static String message(long caseId, String from, String queue, Instant at, String author) {
        return caseId + "\tinbound\t" + author + "\t" + from + "\tRe: Votre dossier " + caseId + "\t" + queue + "\t" + at
                + "\tBonjour, je vous écris au sujet de mon dossier " + caseId + ".\t"
                + (author.equals("automatic") ? "auto-submitted" : "\\N") + "\n";
    }

    // ------------------------------------------------------------------ measurement

    static void measure(DataSource database, int n, Generated generated, double loadSeconds) {
        JdbcClient jdbc = JdbcClient.create(database);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(database);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        SlaTerms terms = new SlaProperties(SlaTarget.valueOf("1 working day"), SlaTarget.valueOf("5 working days"),
                SlaTarget.valueOf("5 working days"), SlaTarget.valueOf("2 months"), List.of("waiting_citizen"), 0.8,
                ImplicitDecision.NONE, java.time.Period.ofDays(15)).terms();
        AuditProperties audit = AuditProperties.defaults();
        EventLog events = new EventLog(jdbc, transactions);
        SlaPolicyStore policies = new SlaPolicyStore(jdbc, terms, clock);
        StoredServiceCalendars calendars = new StoredServiceCalendars(jdbc,
                BusinessCalendars.from(new CalendarProperties(null)));
        CaseHistories histories = new CaseHistories(jdbc, audit);
        LogVerification verification = new LogVerification(events, jdbc, clock);
        MonthlyReports reports = new MonthlyReports(jdbc, histories, policies, calendars, verification, audit, clock);
        SlaRecomputation recomputation = new SlaRecomputation(jdbc, histories, policies, calendars, audit);

        // The verification runs first: the report states the latest recorded run, as configured by default.
        System.out.println("audit verify over the whole log…");
        long t0 = System.nanoTime();
        VerificationRun run = verification.verify(progress("verified", "events"));
        double verifySeconds = (System.nanoTime() - t0) / 1e9;
        if (run.firstBreak().isPresent()) {
            throw new IllegalStateException("the generated chain does not verify: " + run.firstBreak().get().detail());
        }
        System.out.printf("  intact, %,d events, head %s, %.1f s%n", run.eventsChecked(), run.headHash(), verifySeconds);

        YearMonth month = YearMonth.of(2025, 6);
        double[] reportSeconds = new double[3];
        Object received = null;
        for (int r = 0; r < 3; r++) {
            long t = System.nanoTime();
            MonthlyReport report = reports.build(month, null, false);
            reportSeconds[r] = (System.nanoTime() - t) / 1e9;
            received = report.rows().get(0).get("received");
            System.out.printf("monthly report %s, all services: %.2f s (%,d rows, %s cases received)%n", month,
                    reportSeconds[r], report.rows().size(), received);
        }
        Arrays.sort(reportSeconds);

        System.out.println("policy change (prestations: first answer 3 working days) and full recomputation…");
        long t1 = System.nanoTime();
        policies.add("prestations", NOW, terms.with(SlaMetric.FIRST_ANSWER, SlaTarget.valueOf("3 working days")));
        SlaRecomputation.Result result = recomputation.recompute(NOW, progress("recomputed", "cases"));
        double recomputeSeconds = (System.nanoTime() - t1) / 1e9;
        if (result.firstError() != null) {
            throw new IllegalStateException("recomputation failed: " + result.firstError());
        }
        System.out.printf("  %,d cases, %,d clocks, %,d breached, %,d dropped: %.1f s%n", result.cases(),
                result.clocks(), result.breached(), result.dropped(), recomputeSeconds);

        System.out.println();
        System.out.printf("N = %,d cases, %,d events, %,d citizen messages; generation and load %.0f s%n", n,
                generated.events, generated.messages, loadSeconds);
        System.out.println("| Measure | Result | Target | |");
        System.out.println("|---|---|---|---|");
        row("Monthly report, one month, all services (median of 3)", reportSeconds[1], 2);
        row("Policy change + SLA recomputation of every case", recomputeSeconds, 60);
        row("Audit verify, whole event log", verifySeconds, 60);
        System.out.printf("(report runs: %.2f s, %.2f s, %.2f s; %s cases received in %s)%n", reportSeconds[0],
                reportSeconds[1], reportSeconds[2], received, month);
    }

    static void row(String what, double seconds, double target) {
        System.out.printf("| %s | %.2f s | ≤ %.0f s | %s |%n", what, seconds, target, seconds <= target ? "met" : "MISSED");
    }

    static EventLog.Progress progress(String verb, String unit) {
        long[] last = {System.nanoTime()};
        long started = last[0];
        return (done, total) -> {
            long now = System.nanoTime();
            if (now - last[0] > 5_000_000_000L) {
                System.out.printf("  %s %,d / %,d %s, %,.0f/s%n", verb, done, total, unit, done / ((now - started) / 1e9));
                last[0] = now;
            }
        };
    }
}
