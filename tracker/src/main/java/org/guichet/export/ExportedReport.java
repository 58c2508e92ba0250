package org.guichet.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.guichet.audit.CaseHistories;
import org.guichet.audit.Channel;
import org.guichet.audit.LoggedEvent;
import org.guichet.audit.MonthFigures;
import org.guichet.audit.MonthlyReport;
import org.guichet.audit.VerificationRun;
import org.guichet.calendar.BusinessCalendar;
import org.guichet.calendar.Closure;
import org.guichet.calendar.HolidaySet;
import org.guichet.calendar.OpeningRange;
import org.guichet.calendar.WeeklySchedule;
import org.guichet.casework.VerificationReport;
import org.guichet.sla.ImplicitDecision;
import org.guichet.sla.ServiceCalendars;
import org.guichet.sla.SlaMetric;
import org.guichet.sla.SlaPolicies;
import org.guichet.sla.SlaPolicy;
import org.guichet.sla.SlaTarget;
import org.guichet.sla.SlaTerms;

/**
 * The monthly report recomputed from an export alone, without the database: the same
 * figures as {@link org.guichet.audit.MonthlyReports} at the export's {@code generatedAt},
 * from the same code ({@link MonthFigures}, {@link CaseHistories#slaEvents}, the SLA clocks)
 * fed only from the export's lines — services and calendars, policy versions, cases, message
 * metadata and events. Rendered with {@link org.guichet.audit.ReportFormat}, it gives the
 * bytes Guichet gives for that month at that instant.
 *
 * <p>The month must lie within the export's period (or end after the export was made). The
 * report states the latest verification run the export carries, with the events appended
 * since as the export's chain head counts them; an export without any run states its own
 * chain head as checked at {@code generatedAt}, where Guichet would have verified the log
 * afresh: only that block then differs.
 *
 * <p>Memory: the few members the clocks read of each event of the export's cases.
 */
public final class ExportedReport {

    private ExportedReport() {
    }

    /**
     * @param service a service code, or null for every service and the administration
     * @param channel a channel, or null for every one
     * @throws IllegalArgumentException when the export does not cover the month, names no such
     *                                  service, or cannot be read as an export
     */
    public static MonthlyReport build(Path file, YearMonth month, String service, Channel channel) {
        Reading reading = new Reading();
        try (ExportFile export = new ExportFile(file)) {
            ExportFile.Line line;
            while ((line = export.next()) != null) {
                if (line.json() == null) {
                    throw new IllegalArgumentException("line " + line.number() + ": " + line.error());
                }
                reading.read(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the export " + file + " cannot be read: " + e.getMessage(), e);
        }
        return reading.report(month, service, channel);
    }

    /** What the report needs of the export, gathered in one pass. */
    private static final class Reading {

        private JsonNode header;
        private final Map<Long, String> serviceCodes = new TreeMap<>();
        private final Map<String, BusinessCalendar> calendars = new HashMap<>();
        private SlaTerms defaults;
        private final List<SlaPolicy> versions = new ArrayList<>();
        private JsonNode verification;
        private final List<Conversation> conversations = new ArrayList<>();
        private final Map<String, CaseFacts> cases = new HashMap<>();
        private final Set<String> replied = new HashSet<>();
        private final Map<String, List<LoggedEvent>> events = new HashMap<>();

        void read(ExportFile.Line line) {
            String kind = line.kind();
            if (header == null && !"header".equals(kind)) {
                throw new IllegalArgumentException("line " + line.number() + ": the first line is not the header");
            }
            switch (kind == null ? "" : kind) {
                case "header" -> header = line.json();
                case "service" -> {
                    String code = line.text("code");
                    serviceCodes.put(line.number("id"), code);
                    calendars.put(code, calendar(line.json().get("calendar")));
                }
                case "policy" -> policy(line);
                case "verification" -> verification = line.json();
                case "conversation" -> conversations.add(new Conversation(line.text("id"), line.text("service"),
                        Instant.parse(line.text("acceptedAt"))));
                case "case" -> cases.put(line.text("case"), new CaseFacts(cases.size() + 1L, line.text("service"),
                        Channel.ofNullable(line.text("channel")), line.text("conversation")));
                case "message" -> {
                    CaseFacts facts = cases.get(line.text("case"));
                    String author = line.text("authorKind");
                    if (facts != null && facts.conversation() != null && "inbound".equals(line.text("direction"))
                            && ("citizen".equals(author) || "third_party".equals(author))) {
                        Instant at = Instant.parse(line.text("receivedAt"));
                        if (!at.isAfter(asOf())) {
                            replied.add(facts.conversation());
                        }
                    }
                }
                case "event" -> {
                    String reference = line.text("case");
                    CaseFacts facts = cases.get(reference);
                    if (facts == null) {
                        throw new IllegalArgumentException("line " + line.number() + ": event of case " + reference
                                + ", which has no case line");
                    }
                    JsonNode payload = line.json().path("payload");
                    events.computeIfAbsent(reference, r -> new ArrayList<>()).add(new LoggedEvent(facts.id(),
                            line.text("type"), Instant.parse(line.text("occurredAt")), member(payload, "author"),
                            member(payload, "queueId"), member(payload, "service"), member(payload, "serviceCode"),
                            member(payload, "status"), member(payload, "automatic")));
                }
                default -> {
                    // checkpoints, links, trailer: for the verification, not the figures
                }
            }
        }

        private Instant asOf() {
            return Instant.parse(header.path("generatedAt").asText());
        }

        MonthlyReport report(YearMonth month, String service, Channel channel) {
            if (header == null) {
                throw new IllegalArgumentException("the export is empty");
            }
            ZoneId zone = ZoneId.of(header.path("zone").asText());
            Instant asOf = asOf();
            if (service != null && !serviceCodes.containsValue(service)) {
                throw new IllegalArgumentException("no service '" + service + "'; services: "
                        + new TreeSet<>(serviceCodes.values()));
            }
            if (defaults == null) {
                throw new IllegalArgumentException("the export has no default policy line");
            }
            SlaPolicies policies = new SlaPolicies(versions, defaults);
            ServiceCalendars byService = code -> Optional.ofNullable(calendars.get(code)).orElseThrow(
                    () -> new IllegalArgumentException("service " + code + " has no calendar in the export"));
            MonthFigures figures = new MonthFigures(month, zone, asOf, service, policies, byService);
            Instant periodFrom = Instant.parse(header.path("periodFrom").asText());
            Instant periodTo = Instant.parse(header.path("periodTo").asText());
            if (figures.from().isBefore(periodFrom) || figures.end().isAfter(periodTo)) {
                throw new IllegalArgumentException("the export covers " + header.path("from").asText() + " to "
                        + header.path("to").asText() + "; month " + month + " is not wholly within it");
            }
            for (String code : serviceCodes.values()) {
                if (service == null || service.equals(code)) {
                    figures.service(code);
                }
            }
            Instant from = figures.from();
            Instant to = figures.to();
            Instant end = figures.end();

            Map<List<Object>, long[]> messages = new HashMap<>();
            events.forEach((reference, logged) -> {
                CaseFacts facts = cases.get(reference);
                if (channel != null && facts.channel() != channel) {
                    return;
                }
                Set<String> classified = new HashSet<>();
                for (LoggedEvent event : logged) {
                    if (event.type().equals("CLASSIFIED_AUTOMATIC") && event.queueId() != null) {
                        classified.add(event.queueId());
                    }
                }
                boolean received = false;
                List<LoggedEvent> upToNow = new ArrayList<>(logged.size());
                for (LoggedEvent event : logged) {
                    if (!event.at().isAfter(asOf)) {
                        upToNow.add(event);
                    }
                    if (!event.type().equals("RECEIVED") || event.at().isBefore(from) || !event.at().isBefore(end)) {
                        continue;
                    }
                    boolean automatic = "automatic".equals(event.author())
                            || (event.queueId() != null && classified.contains(event.queueId()));
                    if (!"automatic".equals(event.author())) {
                        received = true;
                    }
                    ZonedDateTime local = event.at().atZone(zone);
                    long[] counts = messages.computeIfAbsent(
                            List.of(facts.service(), local.getDayOfWeek().getValue(), local.getHour()),
                            k -> new long[2]);
                    counts[automatic ? 1 : 0]++;
                }
                if (received && !upToNow.isEmpty()) {
                    figures.addCase(CaseHistories.slaEvents(upToNow, serviceCodes));
                }
            });
            messages.forEach((key, counts) -> figures.messages((String) key.get(0), (Integer) key.get(1),
                    (Integer) key.get(2), counts[0], counts[1]));
            if (channel != Channel.DIRECT) {
                Map<List<Object>, long[]> noreply = new HashMap<>();
                for (Conversation conversation : conversations) {
                    if (conversation.acceptedAt().isBefore(from) || !conversation.acceptedAt().isBefore(end)) {
                        continue;
                    }
                    ZonedDateTime local = conversation.acceptedAt().atZone(zone);
                    long[] counts = noreply.computeIfAbsent(
                            List.of(conversation.service(), local.getDayOfWeek().getValue(), local.getHour()),
                            k -> new long[2]);
                    counts[0]++;
                    if (replied.contains(conversation.id())) {
                        counts[1]++;
                    }
                }
                noreply.forEach((key, counts) -> figures.noreply((String) key.get(0), (Integer) key.get(1),
                        (Integer) key.get(2), counts[0], counts[1]));
            }
            JsonNode administration = header.path("administration");
            return new MonthlyReport(administration.path("code").asText(), administration.path("name").asText(),
                    month, zone, from, to, asOf, service, channel, figures.policies(), run(asOf), figures.rows());
        }

        /** The verification the export carries, with the events appended since as its chain head counts them. */
        private VerificationRun run(Instant asOf) {
            JsonNode chain = header.path("chain");
            long count = chain.path("count").asLong();
            if (verification == null) {
                return new VerificationRun(asOf, count, chain.path("headHash").asText(), Optional.empty(), 0);
            }
            long checked = verification.path("eventsChecked").asLong();
            JsonNode broken = verification.path("firstBreak");
            Optional<VerificationReport.Break> firstBreak = broken.isObject()
                    ? Optional.of(new VerificationReport.Break(broken.path("eventId").asLong(),
                            broken.path("caseReference").asText(null), broken.path("seq").asInt(),
                            VerificationReport.Reason.valueOf(broken.path("reason").asText()),
                            broken.path("detail").asText(null)))
                    : Optional.empty();
            return new VerificationRun(Instant.parse(verification.path("verifiedAt").asText()), checked,
                    verification.path("headHash").asText(), firstBreak,
                    firstBreak.isPresent() ? 0 : Math.max(0, count - checked));
        }

        private void policy(ExportFile.Line line) {
            JsonNode json = line.json();
            Map<SlaMetric, SlaTarget> targets = new EnumMap<>(SlaMetric.class);
            for (SlaMetric metric : SlaMetric.values()) {
                targets.put(metric, SlaTarget.valueOf(json.path("targets").path(metric.name()).asText()));
            }
            Set<String> pausing = new HashSet<>();
            json.path("pausingStatuses").forEach(status -> pausing.add(status.asText()));
            SlaTerms terms = new SlaTerms(targets, pausing, Double.parseDouble(json.path("warningFraction").asText()),
                    ImplicitDecision.valueOf(json.path("implicitDecision").asText()));
            int version = json.path("version").asInt();
            if (version == SlaPolicy.DEFAULT_VERSION) {
                defaults = terms;
            } else {
                versions.add(new SlaPolicy(line.text("service"), version, Instant.parse(line.text("effectiveFrom")),
                        terms));
            }
        }

        private static BusinessCalendar calendar(JsonNode json) {
            Map<DayOfWeek, List<OpeningRange>> hours = new EnumMap<>(DayOfWeek.class);
            for (DayOfWeek day : DayOfWeek.values()) {
                List<OpeningRange> ranges = new ArrayList<>();
                json.path("hours").path(day.name()).forEach(range -> ranges.add(OpeningRange.parse(range.asText())));
                hours.put(day, ranges);
            }
            List<HolidaySet> holidays = new ArrayList<>();
            json.path("holidays").forEach(code -> holidays.add(HolidaySet.forCode(code.asText()).orElseThrow(
                    () -> new IllegalArgumentException("unknown holiday set " + code.asText()))));
            List<Closure> closures = new ArrayList<>();
            json.path("closures").forEach(closure -> closures.add(new Closure(
                    LocalDate.parse(closure.path("from").asText()), LocalDate.parse(closure.path("to").asText()),
                    closure.path("label").asText(""))));
            return new BusinessCalendar(ZoneId.of(json.path("zone").asText()), WeeklySchedule.of(hours), holidays,
                    closures);
        }

        /** A payload member as PostgreSQL's {@code ->>} gives it. */
        private static String member(JsonNode payload, String name) {
            JsonNode value = payload.get(name);
            return value == null || value.isNull() ? null : value.isTextual() ? value.textValue() : value.toString();
        }
    }

    private record Conversation(String id, String service, Instant acceptedAt) {
    }

    private record CaseFacts(long id, String service, Channel channel, String conversation) {
    }
}
