package org.guichet.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.guichet.Guichet;
import org.guichet.TestNode;
import org.guichet.audit.MonthlyReport;
import org.guichet.audit.MonthlyReports;
import org.guichet.audit.ReportRow;
import org.guichet.casework.CaseEventType;
import org.guichet.casework.Casework;
import org.guichet.casework.EventLog;
import org.guichet.casework.InboundReply;
import org.guichet.checkpoint.Checkpoints;
import org.guichet.workplace.Browser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public transparency page as a citizen or a journalist reaches it, without an account:
 * its figures and its open data files agree with the auditors' monthly report of the same
 * month, a service with few requests is withheld, nothing personal appears, no cookie is set,
 * and the page passes axe-core's WCAG 2.1 AA rules in Chromium.
 */
@SpringBootTest(classes = Guichet.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TransparencyPageTest {

    static final TestNode NODE = TestNode.running("transparency", "web")
            .set("guichet.transparency.enabled", true)
            .set("guichet.administration.name", "CAF de l'Hérault")
            .service("prestations", Map.of("name", "Prestations familiales", "commitment", "sous 5 jours ouvrés"))
            .service("logement", "name", "Aides au logement");
    /** Last month: always in the past, always on the page. */
    static final YearMonth MONTH = YearMonth.now(ZoneId.of("Europe/Paris")).minusMonths(1);

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void requests(@Autowired Casework casework, @Autowired EventLog events, @Autowired Checkpoints checkpoints) {
        Instant start = MONTH.atDay(2).atTime(9, 0).atZone(ZoneId.of("Europe/Paris")).toInstant();
        for (int i = 0; i < 12; i++) {
            long id = casework.receive(reply("P" + i, start.plusSeconds(60L * i), "prestations")).caseFile().id();
            if (i < 10) {
                // Answered a day, then up to a week later: the slow ones past the 5 working days.
                events.append(id, CaseEventType.ANSWERED, start.plusSeconds(86_400L * (1 + i % 8)),
                        Map.of("answerId", "a" + i, "channel", "api"));
            }
        }
        for (int i = 0; i < 3; i++) {
            casework.receive(reply("L" + i, start.plusSeconds(3_600L + 60L * i), "logement"));
        }
        checkpoints.sign();
    }

    private static InboundReply reply(String queueId, Instant at, String service) {
        return new InboundReply(queueId, at, queueId.toLowerCase() + "@example.org", null,
                "<" + queueId + "@example.org>", null, List.of(), "Ma demande personnelle", "Bonjour", null, null,
                service);
    }

    @Test
    void theOpenDataAgreesWithTheAuditorsReportOfTheSameMonth(@Autowired MonthlyReports reports) throws Exception {
        MonthlyReport report = reports.build(MONTH);
        ReportRow row = report.row("prestations", MonthlyReports.MONTH, MONTH.toString());
        JsonNode json = JsonMapper.builder().build().readTree(get("/transparence/" + MONTH + ".json").body());
        assertThat(json.path("licence").asString()).isEqualTo("Licence Ouverte 2.0");
        assertThat(json.path("minimum_count").asInt()).isEqualTo(10);
        JsonNode prestations = record(json, "prestations");
        assertThat(prestations.path("received").asLong()).isEqualTo((Long) row.get("received")).isEqualTo(12);
        assertThat(prestations.path("answered_by_person_share").decimalValue())
                .isEqualByComparingTo((BigDecimal) row.get("answer_rate"));
        assertThat(prestations.path("answered_within_commitment_share").decimalValue())
                .isEqualByComparingTo((BigDecimal) row.get("answered_within_commitment_share"));
        assertThat(prestations.path("never_answered_share").decimalValue()).isEqualByComparingTo(
                BigDecimal.valueOf((Long) row.get("unanswered")).divide(BigDecimal.valueOf(12), 4, RoundingMode.HALF_UP));
        // Monday to Friday 09:00–17:00: 8 open hours are one working day.
        assertThat(prestations.path("first_answer_working_days_median").decimalValue()).isEqualByComparingTo(
                ((BigDecimal) row.get("first_answer_business_hours_median")).divide(BigDecimal.valueOf(8), 1,
                        RoundingMode.HALF_UP));
        JsonNode logement = record(json, "logement");
        assertThat(logement.path("withheld").asBoolean()).isTrue();
        assertThat(logement.path("received").isNull()).as("3 requests: withheld").isTrue();
        assertThat(logement.path("answered_by_person_share").isNull()).isTrue();

        HttpResponse<String> csv = get("/transparency/" + MONTH + ".csv");
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body()).contains("# licence: Licence Ouverte 2.0\r\n")
                .contains("\r\nmonth,service,service_name,withheld,received,answered_by_person_share,")
                .contains("\r\n" + MONTH + ",prestations,Prestations familiales,false,12,"
                        + ((BigDecimal) row.get("answer_rate")).toPlainString() + ",")
                .contains("\r\n" + MONTH + ",logement,Aides au logement,true,,,,,,,\r\n");
        for (String body : List.of(csv.body(), json.toString(), get("/transparence").body())) {
            assertThat(body).as("nothing about anyone").doesNotContain("@example.org").doesNotContain("Ma demande");
        }
    }

    @Test
    void thePageInFrenchAndEnglishWithoutCookieWithTheLatestCheckpoint(@Autowired Checkpoints checkpoints)
            throws Exception {
        HttpResponse<String> french = get("/transparence");
        assertThat(french.statusCode()).isEqualTo(200);
        assertThat(french.headers().firstValue("Set-Cookie")).as("no cookie").isEmpty();
        assertThat(french.body()).contains("<html lang=\"fr\"").contains("Transparence des délais de réponse – CAF de l&#39;Hérault")
                .contains("Prestations familiales").contains("sous 5 jours ouvrés")
                .contains("Moins de demandes que le seuil de publication").contains("<svg")
                .contains(checkpoints.latest().orElseThrow().origin()).contains(checkpoints.key().verifierKey())
                .doesNotContain("https://cdn").doesNotContain("<script");
        assertThat(get("/transparency").body()).contains("<html lang=\"en\"").contains("Response time transparency")
                .contains("Fewer requests than the publication threshold");
        assertThat(get("/transparence/point-de-controle.txt").body()).isEqualTo(checkpoints.latest().orElseThrow().text());
        assertThat(get("/transparency/key.txt").body().strip()).isEqualTo(checkpoints.key().verifierKey());
        assertThat(get("/transparence/1999-01.csv").statusCode()).as("a month not published").isEqualTo(404);

        try (Browser browser = new Browser(port, "fr")) {
            browser.open("/transparence");
            assertThat(browser.text()).contains("Prestations familiales");
            assertThat(browser.accessibilityViolations()).isEmpty();
            browser.screenshot("transparency");
            browser.open("/transparency");
            assertThat(browser.accessibilityViolations()).isEmpty();
        }
    }

    private static JsonNode record(JsonNode json, String service) {
        for (JsonNode record : json.path("records")) {
            if (record.path("service").asString().equals(service)) {
                return record;
            }
        }
        throw new AssertionError("no record of " + service + " in " + json);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
