package org.guichet.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.guichet.audit.AuditRig.paris;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.guichet.casework.Case;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The monthly report over a known April 2026 (Europe/Paris; Easter Monday 6 April is a
 * holiday; Monday–Friday 09:00–17:00), cases made through the real casework and event log,
 * figures as of 20 June 2026:
 * <pre>
 * A prestations Fri 3 Apr 10:00  ack Tue 7 16:00 (in time over weekend + Easter Monday)  answered Tue 7 16:30
 * B prestations Fri 3 Apr 11:00  ack Wed 8 10:00 (late)                                  answered Thu 16 10:00 (late)
 * G prestations Sat 11 Apr 10:00 ack Mon 13 10:00 (in time)                              answered Mon 13 10:00
 * C default     Wed 8 Apr 14:00  never acknowledged nor answered (past 5 working days and past 2 months)
 * D default     Wed 29 Apr 15:00 never answered (past 5 working days, not yet 2 months)
 * F default     received 31 Mar 23:30, follow-up 2 Apr 10:00: a March case, an April message
 * E prestations an out-of-office through conversation 4: automatic, apart
 * </pre>
 */
class MonthlyReportsTest {

    static final YearMonth APRIL = YearMonth.of(2026, 4);

    final AuditRig rig = new AuditRig();

    @BeforeEach
    void april() {
        rig.knownApril();
    }

    @Test
    void administrationFiguresOfTheMonth() {
        MonthlyReport report = rig.reports.build(APRIL, null, false);
        ReportRow month = report.row(null, "month", "2026-04");

        assertThat(month.asMap()).containsAllEntriesOf(Map.ofEntries(
                Map.entry("received", 5L),
                Map.entry("acknowledged", 3L),
                Map.entry("acknowledged_within_1_working_day", 2L),
                Map.entry("acknowledged_within_1_working_day_share", new BigDecimal("0.4000")),
                Map.entry("answered_by_person", 3L),
                Map.entry("answer_rate", new BigDecimal("0.6000")),
                Map.entry("answered_within_commitment", 2L),
                Map.entry("unanswered", 2L),
                Map.entry("unanswered_past_commitment", 2L),
                Map.entry("unanswered_past_2_months", 1L),
                // Business hours G 1, A 7+0+7.5 = 14.5, B 6+7×8+1 = 63: nearest-rank median 14.5, p90 63.
                Map.entry("first_answer_business_hours_median", new BigDecimal("14.50")),
                Map.entry("first_answer_business_hours_p90", new BigDecimal("63.00")),
                Map.entry("first_answer_business_hours_mean", new BigDecimal("26.17")),
                // Calendar days G 2, A 4 d 6.5 h, B 12 d 23 h.
                Map.entry("first_answer_calendar_days_median", new BigDecimal("4.27")),
                Map.entry("first_answer_calendar_days_p90", new BigDecimal("12.96")),
                // F's follow-up counts as a message of April, not as a case received in April.
                Map.entry("messages_from_people", 6L),
                Map.entry("automatic_messages", 1L),
                // conv1..conv4 rewritten in April; conv1 and conv2 drew a reply from a person, conv4 only an out-of-office.
                Map.entry("noreply_rewritten", 4L),
                Map.entry("noreply_replied", 2L),
                Map.entry("noreply_reply_share", new BigDecimal("0.5000"))));
    }

    @Test
    void channelFilterKeepsTheRequestsOfOneChannelInEveryFigure() {
        // reply: A, B, G answered an official message (E's out-of-office too); direct: C, D and F written to
        // the service, F's April follow-up among them. The noreply figures belong to the reply channel.
        ReportRow reply = rig.reports.build(APRIL, null, Channel.REPLY, false).row(null, "month", "2026-04");
        assertThat(reply.asMap()).containsAllEntriesOf(Map.of("received", 3L, "answered_by_person", 3L,
                "messages_from_people", 3L, "automatic_messages", 1L, "noreply_rewritten", 4L,
                "noreply_replied", 2L));
        MonthlyReport direct = rig.reports.build(APRIL, "default", Channel.DIRECT, false);
        ReportRow month = direct.row("default", "month", "2026-04");
        assertThat(month.asMap()).containsAllEntriesOf(Map.of("received", 2L, "answered_by_person", 0L,
                "unanswered_past_commitment", 2L, "messages_from_people", 3L, "automatic_messages", 0L,
                "noreply_rewritten", 0L));
        RenderedReport csv = ReportFormat.CSV.render(direct);
        assertThat(new String(csv.bytes(), StandardCharsets.UTF_8)).contains("# service: default\r\n# channel: direct\r\n");
        assertThat(csv.fileName()).isEqualTo("guichet-report-2026-04-default-direct.csv");
        assertThat(new String(ReportFormat.JSON.render(rig.reports.build(APRIL, null, false)).bytes(),
                StandardCharsets.UTF_8)).as("unfiltered, the document is as before").doesNotContain("\"channel\"");
        assertThatThrownBy(() -> Channel.ofNullable("fax")).hasMessage("channel 'fax' is not reply or direct");
    }

    @Test
    void perServiceAndBreakdownsByWeekdayAndHour() {
        MonthlyReport report = rig.reports.build(APRIL, null, false);

        ReportRow prestations = report.row("prestations", "month", "2026-04");
        assertThat(prestations.get("received")).isEqualTo(3L);
        assertThat(prestations.get("answer_rate")).isEqualTo(new BigDecimal("1.0000"));
        assertThat(prestations.get("automatic_messages")).isEqualTo(1L);
        ReportRow byDefault = report.row("default", "month", "2026-04");
        assertThat(byDefault.get("received")).isEqualTo(2L);
        assertThat(byDefault.get("answered_by_person")).isEqualTo(0L);
        assertThat(byDefault.get("answer_rate")).isEqualTo(new BigDecimal("0.0000"));
        assertThat(byDefault.get("first_answer_business_hours_median")).isNull();
        assertThat(byDefault.get("noreply_reply_share")).isNull();

        assertThat(report.row(null, "weekday", "5").get("received")).isEqualTo(2L); // Friday: A, B
        assertThat(report.row(null, "weekday", "3").get("received")).isEqualTo(2L); // Wednesday: C, D
        assertThat(report.row(null, "weekday", "6").get("received")).isEqualTo(1L); // Saturday: G
        assertThat(report.row(null, "weekday", "1").get("received")).isEqualTo(0L);
        assertThat(report.row(null, "hour", "10").get("received")).isEqualTo(2L); // A, G
        assertThat(report.row(null, "hour", "10").get("answered_within_commitment")).isEqualTo(2L);
        assertThat(report.row(null, "hour", "11").get("answered_within_commitment")).isEqualTo(0L);
        assertThat(report.row("default", "hour", "15").get("unanswered_past_commitment")).isEqualTo(1L);

        // Complete: every service, every weekday and hour, zeros included.
        assertThat(report.rows()).hasSize(3 * (1 + 7 + 24));
        assertThat(report.policies()).extracting(PolicyVersion::service, PolicyVersion::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("default", 0),
                        org.assertj.core.groups.Tuple.tuple("prestations", 0));
    }

    @Test
    void oneServiceOnly() {
        MonthlyReport report = rig.reports.build(APRIL, "default", false);
        assertThat(report.rows()).hasSize(32).allSatisfy(r -> assertThat(r.get("service")).isEqualTo("default"));
        assertThat(report.row("default", "month", "2026-04").get("received")).isEqualTo(2L);
        assertThat(report.row("default", "month", "2026-04").get("messages_from_people")).isEqualTo(3L);
        assertThatThrownBy(() -> rig.reports.build(APRIL, "nope", false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
    }

    @Test
    void figuresAreThoseOfTheirInstant() {
        // On 10 April: A, B and C received, G not yet; B not yet answered nor late; C within its 5 working days.
        rig.clock.set(paris("2026-04-10T12:00"));
        ReportRow month = rig.reports.build(APRIL, null, false).row(null, "month", "2026-04");
        assertThat(month.get("received")).isEqualTo(3L);
        assertThat(month.get("answered_by_person")).isEqualTo(1L);
        assertThat(month.get("unanswered_past_commitment")).isEqualTo(0L);
        assertThat(month.get("messages_from_people")).isEqualTo(4L);
    }

    @Test
    void jsonCarriesTheSha256OfItsOwnBytes() throws Exception {
        RenderedReport json = ReportFormat.JSON.render(rig.reports.build(APRIL, null, false));
        String text = new String(json.bytes(), StandardCharsets.UTF_8);
        String suffix = ",\"sha256\":\"" + json.sha256() + "\"}";
        assertThat(text).endsWith(suffix);
        String content = text.substring(0, text.length() - suffix.length()) + "}";
        assertThat(ReportFormat.sha256(content.getBytes(StandardCharsets.UTF_8))).isEqualTo(json.sha256());

        JsonNode document = new ObjectMapper().readTree(text);
        assertThat(document.at("/metadata/month").asText()).isEqualTo("2026-04");
        assertThat(document.at("/metadata/period/from").asText()).isEqualTo("2026-03-31T22:00:00Z");
        assertThat(document.at("/metadata/period/to").asText()).isEqualTo("2026-04-30T22:00:00Z");
        assertThat(document.at("/metadata/eventLog/intact").asBoolean()).isTrue();
        assertThat(document.at("/metadata/eventLog/headHash").asText()).hasSize(64);
        assertThat(document.at("/metadata/policies/0/firstAnswer").asText()).isEqualTo("5 working days");
        assertThat(document.at("/metadata/administration/name").asText()).isEqualTo("CAF de l'Hérault, \"accueil\"");
        assertThat(document.at("/rows").size()).isEqualTo(96);

        // A changed figure no longer gives the hash.
        String forged = content.replaceFirst("\"received\":5", "\"received\":6");
        assertThat(forged).isNotEqualTo(content);
        assertThat(ReportFormat.sha256(forged)).isNotEqualTo(json.sha256());
    }

    @Test
    void csvParsesBackToTheFiguresOfTheJson() throws Exception {
        MonthlyReport report = rig.reports.build(APRIL, null, false);
        RenderedReport csv = ReportFormat.CSV.render(report);
        RenderedReport json = ReportFormat.JSON.render(report);
        String text = new String(csv.bytes(), StandardCharsets.UTF_8);

        // The hash covers every byte before the last line.
        assertThat(text).endsWith("# sha256: " + csv.sha256() + "\r\n");
        String covered = text.substring(0, text.lastIndexOf("# sha256: "));
        assertThat(ReportFormat.sha256(covered)).isEqualTo(csv.sha256());
        assertThat(text).contains("# event-log: intact").contains("# month: 2026-04")
                .contains("# policy: prestations v0 effective-from=default acknowledgement=1 working day");

        List<List<String>> records = parseCsv(covered);
        assertThat(records.get(0)).isEqualTo(ReportRow.COLUMNS);
        JsonNode rows = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(json.bytes()).get("rows");
        assertThat(records).hasSize(rows.size() + 1);
        for (int i = 0; i < rows.size(); i++) {
            for (int c = 0; c < ReportRow.COLUMNS.size(); c++) {
                JsonNode value = rows.get(i).get(ReportRow.COLUMNS.get(c));
                String field = records.get(i + 1).get(c);
                if (value.isNumber()) {
                    assertThat(new BigDecimal(field)).as("row %d %s", i, ReportRow.COLUMNS.get(c))
                            .isEqualByComparingTo(value.decimalValue());
                } else {
                    assertThat(field).as("row %d %s", i, ReportRow.COLUMNS.get(c))
                            .isEqualTo(value.isNull() ? "" : value.asText());
                }
            }
        }
    }

    @Test
    void reportStatesABrokenLog() {
        rig.jdbc.sql("alter table case_event disable trigger case_event_append_only").update();
        rig.jdbc.sql("update case_event set occurred_at = occurred_at - interval '1 day' where type = 'ANSWERED'")
                .update();
        rig.jdbc.sql("alter table case_event enable trigger case_event_append_only").update();

        MonthlyReport report = rig.reports.build(APRIL, null, true);
        assertThat(report.verification().intact()).isFalse();
        assertThat(report.verification().firstBreak().orElseThrow().caseReference()).startsWith("GCH-2026-");
        String csv = new String(ReportFormat.CSV.render(report).bytes(), StandardCharsets.UTF_8);
        assertThat(csv).contains("# event-log: broken").contains("# event-log-first-break: event ");
    }

    @Test
    void latestVerificationRunIsStatedWithTheEventsAppendedSince() {
        VerificationRun run = rig.verification.verify((checked, total) -> {
        });
        assertThat(run.intact()).isTrue();
        rig.receive(null, paris("2026-04-30T10:00"));

        VerificationRun stated = rig.reports.build(APRIL, null, false).verification();
        assertThat(stated.headHash()).isEqualTo(run.headHash());
        assertThat(stated.eventsChecked()).isEqualTo(run.eventsChecked());
        assertThat(stated.eventsAppendedSince()).isEqualTo(2); // CASE_OPENED and RECEIVED
        assertThat(rig.reports.build(APRIL, null, true).verification().eventsAppendedSince()).isZero();
    }

    /** RFC 4180, skipping the {@code #} comment lines, as a spreadsheet import would be told to. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        for (String line : text.split("\r\n")) {
            if (line.startsWith("#") || line.isEmpty()) {
                continue;
            }
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (quoted) {
                    if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (ch == '"') {
                        quoted = false;
                    } else {
                        field.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(ch);
                }
            }
            fields.add(field.toString());
            records.add(fields);
        }
        return records;
    }
}
