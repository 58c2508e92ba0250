package org.guichet.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.guichet.audit.AuditProperties;
import org.guichet.audit.LogVerification;
import org.guichet.audit.VerificationRun;
import org.guichet.calendar.BusinessCalendar;
import org.guichet.calendar.Closure;
import org.guichet.calendar.HolidaySet;
import org.guichet.calendar.OpeningRange;
import org.guichet.casework.CanonicalJson;
import org.guichet.casework.EventLog;
import org.guichet.checkpoint.Checkpoints;
import org.guichet.node.NodeProperties;
import org.guichet.sla.ServiceCalendars;
import org.guichet.sla.SlaMetric;
import org.guichet.sla.SlaPolicies;
import org.guichet.sla.SlaPolicy;
import org.guichet.sla.SlaPolicyStore;
import org.guichet.sla.SlaTerms;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the complete export of a period as JSON lines (docs/auditor-guide.md, « Export
 * complet »): a header, the services with their calendars, every SLA policy version, the
 * latest verification run, the signed checkpoints, the official messages accepted in the
 * period, the cases the period touched (an event in it, or an official message of it), their
 * messages' metadata (no text), the chain from the first of their events to the head (their
 * events verbatim, every other event by its hash only), and a trailer with the line count and
 * the SHA-256 of every line before it.
 *
 * <p>One read-only transaction in repeatable read: every line sees the same snapshot of the
 * database, the one the header's chain head describes. Rows are read by pages; what stays in
 * memory is one id per case of the period, not its events or messages.
 */
@Component
public class PeriodExport {

    /** The format written in the header's {@code format} and {@code version}. */
    public static final String FORMAT = "guichet-export";
    public static final int VERSION = 1;

    private static final int EVENTS_PER_PAGE = 5_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;
    private final SlaPolicyStore policies;
    private final ServiceCalendars calendars;
    private final LogVerification verification;
    private final Checkpoints checkpoints;
    private final AddressPseudonyms pseudonyms;
    private final AuditProperties audit;
    private final NodeProperties node;
    private final Clock clock;

    public PeriodExport(JdbcClient jdbc, PlatformTransactionManager transactions, SlaPolicyStore policies,
            ServiceCalendars calendars, LogVerification verification, Checkpoints checkpoints,
            AddressPseudonyms pseudonyms, AuditProperties audit, NodeProperties node, Clock clock) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.policies = policies;
        this.calendars = calendars;
        this.verification = verification;
        this.checkpoints = checkpoints;
        this.pseudonyms = pseudonyms;
        this.audit = audit;
        this.node = node;
        this.clock = clock;
    }

    /** Told how many lines are written, every {@value #PROGRESS_EVERY} lines and at the end. */
    @FunctionalInterface
    public interface Progress {
        void written(long lines, boolean done);
    }

    /** Lines between two progress reports. */
    public static final int PROGRESS_EVERY = 10_000;

    /** The zone periods are read in ({@code guichet.audit.zone}). */
    public java.time.ZoneId zone() {
        return audit.zone();
    }

    /**
     * Writes the export of {@code period} to {@code out} (left open).
     *
     * @param clearAddresses citizens' addresses in clear instead of their pseudonyms
     * @return the trailer: lines written before it and their SHA-256
     */
    public Summary write(ExportPeriod period, boolean clearAddresses, OutputStream out, Progress progress) {
        return snapshot.execute(status -> {
            Lines lines = new Lines(out, progress);
            writeAll(period, clearAddresses, lines);
            return lines.close();
        });
    }

    /**
     * @param lines  lines before the trailer
     * @param sha256 hex SHA-256 of those lines' bytes
     */
    public record Summary(long lines, String sha256) {
    }

    private void writeAll(ExportPeriod period, boolean clear, Lines lines) {
        Instant generatedAt = clock.instant();
        Timestamp from = Timestamp.from(period.from());
        Timestamp to = Timestamp.from(period.to());
        Head head = jdbc.sql("select last_event_id, last_hash, event_count from case_event_chain where id = 1")
                .query((rs, n) -> new Head(rs.getObject(1, Long.class), rs.getBytes(2), rs.getLong(3))).single();
        long[] cases = jdbc.sql("""
                        select distinct id from (
                            select e.case_id as id from case_event e
                            where e.occurred_at >= :from and e.occurred_at < :to
                            union all
                            select c.id from citizen_case c join conversation v on v.id = c.conversation_id
                            where v.accepted_at >= :from and v.accepted_at < :to) touched
                        order by 1""")
                .param("from", from).param("to", to).query((rs, n) -> rs.getLong(1)).list().stream()
                .mapToLong(Long::longValue).toArray();
        Long firstEvent = cases.length == 0 ? null : jdbc.sql(
                        "select min(id) from case_event where case_id = any(cast(:ids as bigint[]))")
                .param("ids", array(cases)).query(Long.class).single();
        long firstPosition = firstEvent == null ? 0 : 1 + jdbc.sql("select count(*) from case_event where id < :id")
                .param("id", firstEvent).query(Long.class).single();
        Map<String, Object> administration = jdbc.sql("select code, name from administration order by id limit 1")
                .query().singleRow();
        boolean signed = jdbc.sql("select count(*) from event_log_checkpoint").query(Long.class).single() > 0;

        Map<String, Object> header = record("header");
        header.put("format", FORMAT);
        header.put("version", VERSION);
        header.put("from", period.first().toString());
        header.put("to", period.last().toString());
        header.put("periodFrom", period.from());
        header.put("periodTo", period.to());
        header.put("zone", period.zone().getId());
        header.put("generatedAt", generatedAt);
        header.put("node", node.name());
        header.put("administration", map("code", administration.get("code"), "name", administration.get("name")));
        header.put("chain", map("count", head.count(), "headHash", hex(head.hash()),
                "firstPosition", firstEvent == null ? null : firstPosition));
        header.put("cases", (long) cases.length);
        header.put("addresses", clear ? "clear" : "pseudonymised");
        header.put("pseudonym", clear ? null : "HMAC-SHA-256 of the trimmed lower-case address, key of the installation");
        header.put("checkpointKey", signed ? checkpoints.key().verifierKey() : null);
        lines.write(header);

        Map<Long, String> serviceCodes = new TreeMap<>();
        jdbc.sql("select id, code, name, calendar from service order by code").query((rs, n) -> {
            serviceCodes.put(rs.getLong(1), rs.getString(2));
            Map<String, Object> service = record("service");
            service.put("id", rs.getLong(1));
            service.put("code", rs.getString(2));
            service.put("name", rs.getString(3));
            service.put("calendar", calendar(rs.getString(4), calendars.of(rs.getString(2))));
            return service;
        }).list().forEach(lines::write);

        SlaPolicies all = policies.loadAll();
        lines.write(policy(null, SlaPolicy.DEFAULT_VERSION, null, all.defaults()));
        for (SlaPolicy version : all.versions().stream()
                .sorted(java.util.Comparator.comparing(SlaPolicy::serviceCode).thenComparingInt(SlaPolicy::version))
                .toList()) {
            lines.write(policy(version.serviceCode(), version.version(), version.effectiveFrom(), version.terms()));
        }

        Optional<VerificationRun> run = verification.latest();
        run.ifPresent(latest -> {
            Map<String, Object> line = record("verification");
            line.put("verifiedAt", latest.verifiedAt());
            line.put("eventsChecked", latest.eventsChecked());
            line.put("headHash", latest.headHash());
            line.put("intact", latest.intact());
            line.put("firstBreak", latest.firstBreak().map(b -> map("eventId", b.eventId(), "caseReference",
                    b.caseReference(), "seq", (long) b.seq(), "reason", b.reason().name(), "detail", b.detail()))
                    .orElse(null));
            lines.write(line);
        });

        jdbc.sql("select event_count, head_hash, signed_at, note from event_log_checkpoint order by event_count, id")
                .query((rs, n) -> {
                    Map<String, Object> line = record("checkpoint");
                    line.put("size", rs.getLong(1));
                    line.put("headHash", hex(rs.getBytes(2)));
                    line.put("signedAt", rs.getTimestamp(3).toInstant());
                    line.put("note", rs.getString(4));
                    return line;
                }).list().forEach(lines::write);

        long after = 0;
        while (true) {
            List<Map<String, Object>> page = jdbc.sql("""
                            select id, public_id, service_id, queue_id, sender, recipient, accepted_at, final_message_id
                            from conversation
                            where accepted_at >= :from and accepted_at < :to and id > :after order by id limit :n""")
                    .param("from", from).param("to", to).param("after", after).param("n", EVENTS_PER_PAGE)
                    .query((rs, n) -> {
                        Map<String, Object> line = record("conversation");
                        line.put("_id", rs.getLong(1));
                        line.put("id", rs.getString(2));
                        line.put("service", serviceCodes.get(rs.getLong(3)));
                        line.put("queueId", rs.getString(4));
                        line.put("sender", rs.getString(5));
                        line.put("recipient", address(rs.getString(6), clear));
                        line.put("acceptedAt", instant(rs, 7));
                        line.put("messageIdSha256", sha256(rs.getString(8)));
                        return line;
                    }).list();
            for (Map<String, Object> line : page) {
                after = (Long) line.remove("_id");
                lines.write(line);
            }
            if (page.size() < EVENTS_PER_PAGE) {
                break;
            }
        }

        int pageSize = audit.casesPerPage();
        for (int start = 0; start < cases.length; start += pageSize) {
            String ids = array(Arrays.copyOfRange(cases, start, Math.min(cases.length, start + pageSize)));
            jdbc.sql("""
                            select c.reference, c.service_id, v.public_id, c.citizen_address, c.status, c.unthreaded,
                                   c.priority, c.opened_at, c.closed_at, l.reference
                            from citizen_case c left join conversation v on v.id = c.conversation_id
                                 left join citizen_case l on l.id = c.linked_case_id
                            where c.id = any(cast(:ids as bigint[])) order by c.id""")
                    .param("ids", ids).query((rs, n) -> {
                        Map<String, Object> line = record("case");
                        line.put("case", rs.getString(1));
                        line.put("service", serviceCodes.get(rs.getLong(2)));
                        line.put("conversation", rs.getString(3));
                        line.put("channel", rs.getString(3) == null ? "direct" : "reply");
                        line.put("citizen", address(rs.getString(4), clear));
                        line.put("status", rs.getString(5));
                        line.put("unthreaded", rs.getBoolean(6));
                        line.put("priority", rs.getString(7));
                        line.put("openedAt", instant(rs, 8));
                        line.put("closedAt", instant(rs, 9));
                        line.put("linkedTo", rs.getString(10));
                        return line;
                    }).list().forEach(lines::write);
        }
        for (int start = 0; start < cases.length; start += pageSize) {
            String ids = array(Arrays.copyOfRange(cases, start, Math.min(cases.length, start + pageSize)));
            jdbc.sql("""
                            select c.reference, m.direction, m.author_kind, m.third_party, m.threaded_by, m.from_address,
                                   m.received_at, m.message_id, m.in_reply_to, m.queue_id,
                                   length(m.visible_text), length(m.sanitised_html), m.automatic_reason,
                                   m.authentication, s.size_bytes
                            from case_message m join citizen_case c on c.id = m.case_id
                                 left join spool_message s on s.queue_id = m.queue_id
                            where m.case_id = any(cast(:ids as bigint[])) order by m.case_id, m.id""")
                    .param("ids", ids).query((rs, n) -> {
                        boolean inbound = "inbound".equals(rs.getString(2));
                        Map<String, Object> line = record("message");
                        line.put("case", rs.getString(1));
                        line.put("direction", rs.getString(2));
                        line.put("authorKind", rs.getString(3));
                        line.put("thirdParty", rs.getBoolean(4));
                        line.put("threadedBy", rs.getString(5));
                        line.put("from", inbound ? address(rs.getString(6), clear) : rs.getString(6));
                        line.put("receivedAt", instant(rs, 7));
                        line.put("messageIdSha256", sha256(rs.getString(8)));
                        line.put("inReplyToSha256", sha256(rs.getString(9)));
                        line.put("queueId", rs.getString(10));
                        line.put("textLength", rs.getObject(11) == null ? null : rs.getLong(11));
                        line.put("htmlLength", rs.getObject(12) == null ? null : rs.getLong(12));
                        line.put("automaticReason", rs.getString(13));
                        line.put("authentication", rs.getString(14));
                        line.put("rawSize", rs.getObject(15) == null ? null : rs.getLong(15));
                        return line;
                    }).list().forEach(lines::write);
        }

        if (firstEvent != null) {
            long position = firstPosition;
            long afterId = firstEvent - 1;
            long last = head.lastEventId() == null ? 0 : head.lastEventId();
            while (true) {
                List<Chained> page = jdbc.sql("""
                                select e.id, e.case_id, c.reference, e.seq, e.type, e.occurred_at,
                                       case when e.case_id = any(cast(:ids as bigint[])) then e.payload::text end,
                                       e.prev_hash, e.hash
                                from case_event e left join citizen_case c on c.id = e.case_id
                                where e.id > :after and e.id <= :last order by e.id limit :n""")
                        .param("ids", array(cases)).param("after", afterId).param("last", last)
                        .param("n", EVENTS_PER_PAGE)
                        .query((rs, n) -> new Chained(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                                rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getBytes(8),
                                rs.getBytes(9)))
                        .list();
                for (Chained event : page) {
                    if (event.payload() != null && Arrays.binarySearch(cases, event.caseId()) >= 0) {
                        Map<String, Object> line = record("event");
                        line.put("position", position);
                        line.put("case", event.reference());
                        line.put("seq", (long) event.seq());
                        line.put("type", event.type());
                        line.put("occurredAt", event.occurredAt().toString());
                        line.put("payload", new CanonicalJson.Verbatim(EventLog.canonicalPayload(event.payload())));
                        line.put("prevHash", hex(event.prevHash()));
                        line.put("hash", hex(event.hash()));
                        lines.write(line);
                    } else {
                        Map<String, Object> line = record("link");
                        line.put("position", position);
                        line.put("hash", hex(event.hash()));
                        lines.write(line);
                    }
                    position++;
                    afterId = event.id();
                }
                if (page.size() < EVENTS_PER_PAGE) {
                    break;
                }
            }
        }
    }

    private String address(String address, boolean clear) {
        return clear ? address : pseudonyms.of(address);
    }

    private static Map<String, Object> calendar(String name, BusinessCalendar calendar) {
        Map<String, Object> hours = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day.name(), calendar.schedule().ranges(day).stream().map(OpeningRange::toString).toList());
        }
        List<Object> closures = new ArrayList<>();
        for (Closure closure : calendar.closures()) {
            closures.add(map("from", closure.first().toString(), "to", closure.last().toString(), "label",
                    closure.label()));
        }
        return map("name", name, "zone", calendar.zone().getId(),
                "holidays", calendar.holidaySets().stream().map(HolidaySet::code).toList(),
                "hours", hours, "closures", closures);
    }

    private static Map<String, Object> policy(String service, int version, Instant effectiveFrom, SlaTerms terms) {
        Map<String, Object> line = record("policy");
        line.put("service", service);
        line.put("version", (long) version);
        line.put("effectiveFrom", effectiveFrom);
        Map<String, Object> targets = new TreeMap<>();
        for (SlaMetric metric : SlaMetric.values()) {
            targets.put(metric.name(), terms.target(metric).text());
        }
        line.put("targets", targets);
        line.put("pausingStatuses", terms.pausingStatuses().stream().sorted().toList());
        line.put("warningFraction", Double.toString(terms.warningFraction()));
        line.put("implicitDecision", terms.implicitDecision().name());
        return line;
    }

    private static Map<String, Object> record(String kind) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("record", kind);
        return line;
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static String array(long[] ids) {
        return Arrays.stream(ids).mapToObj(Long::toString).collect(Collectors.joining(",", "{", "}"));
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static String sha256(String text) {
        return text == null ? null : hex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The lines written so far, their digest, and the trailer. */
    private static final class Lines {

        private final OutputStream out;
        private final Progress progress;
        private final MessageDigest digest = digest();
        private long count;

        Lines(OutputStream out, Progress progress) {
            this.out = out;
            this.progress = progress;
        }

        void write(Map<String, ?> members) {
            // Canonical form, so that an event line without its record, position, prevHash and hash is what the chain hashed.
            byte[] bytes = (CanonicalJson.text(members) + "\n").getBytes(StandardCharsets.UTF_8);
            digest.update(bytes);
            try {
                out.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("the export could not be written: " + e.getMessage(), e);
            }
            count++;
            if (count % PROGRESS_EVERY == 0) {
                progress.written(count, false);
            }
        }

        Summary close() {
            Summary summary = new Summary(count, hex(digest.digest()));
            Map<String, Object> trailer = record("trailer");
            trailer.put("lines", summary.lines());
            trailer.put("sha256", summary.sha256());
            try {
                out.write((CanonicalJson.text(trailer) + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("the export could not be written: " + e.getMessage(), e);
            }
            progress.written(count + 1, true);
            return summary;
        }
    }

    private record Head(Long lastEventId, byte[] hash, long count) {
    }

    private record Chained(long id, long caseId, String reference, int seq, String type, Instant occurredAt,
            String payload, byte[] prevHash, byte[] hash) {
    }
}
