package org.guichet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.casework.TestCases.acknowledged;
import static org.guichet.casework.TestCases.answered;
import static org.guichet.casework.TestCases.reply;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;

import org.guichet.Guichet;
import org.guichet.TestNode;
import org.guichet.cli.CommandRun;
import org.guichet.TestSmtp;
import org.guichet.audit.ReportFormat;
import org.guichet.casework.Case;
import org.guichet.casework.Casework;
import org.guichet.casework.EventLog;
import org.guichet.cli.CommandLine;
import org.guichet.web.account.AccountService;
import org.guichet.web.account.WebRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Auditor reports as auditors reach them: {@code GET /api/reports/monthly} (roles AUDITOR and
 * SUPERVISOR, problem responses) and {@code guichet report} / {@code guichet audit verify}
 * from the same jar, on one database holding two cases of April 2026.
 */
@SpringBootTest(classes = Guichet.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReportApiTest {

    static final TestNode NODE = TestNode.running("reports", "web");

    static final Map<String, String> passwords = new java.util.HashMap<>();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void accountsAndCases(@Autowired AccountService accounts, @Autowired Casework casework,
            @Autowired EventLog events) {
        passwords.put("auditor", accounts.create("auditor", EnumSet.of(WebRole.AUDITOR)));
        passwords.put("supervisor", accounts.create("supervisor", EnumSet.of(WebRole.SUPERVISOR)));
        passwords.put("agent", accounts.create("agent", EnumSet.of(WebRole.AGENT)));
        passwords.put("ops", accounts.create("ops", EnumSet.of(WebRole.OPERATOR)));
        // Thursday 2 April 2026, 10:00 and 11:00 in Paris; the first answered the next morning (8 open hours,
        // 1 day), the second never: months later it is past the commitment and past 2 months.
        Case answered = casework.receive(reply("R1", "2026-04-02T08:00:00Z")).caseFile();
        casework.receive(reply("R2", "2026-04-02T09:00:00Z"));
        acknowledged(events, answered.id(), "R1", "2026-04-02T08:00:01Z");
        answered(events, answered.id(), "2026-04-03T08:00:00Z");
    }

    @Test
    void reportsNeedTheAuditorOrSupervisorRole() throws Exception {
        String path = "/api/reports/monthly?month=2026-04";
        assertThat(get(path, null).statusCode()).isEqualTo(401);
        assertThat(get(path, auth("agent")).statusCode()).isEqualTo(403);
        assertThat(get(path, auth("ops")).statusCode()).isEqualTo(403);
        assertThat(get(path, auth("auditor")).statusCode()).isEqualTo(200);
        assertThat(get(path, auth("supervisor")).statusCode()).isEqualTo(200);
    }

    @Test
    void jsonReportCarriesTheHashOfItsBytes() throws Exception {
        HttpResponse<byte[]> response = get("/api/reports/monthly?month=2026-04&format=json", auth("auditor"));
        String body = text(200, response);
        assertThat(contentType(response)).startsWith("application/json");
        String sha = response.headers().firstValue("X-Guichet-Report-Sha256").orElseThrow();
        String suffix = ",\"sha256\":\"" + sha + "\"}";
        assertThat(body).endsWith(suffix)
                .contains("\"answer_rate\":0.5000", "\"received\":2", "\"month\":\"2026-04\"", "\"intact\":true");
        assertThat(ReportFormat.sha256(body.substring(0, body.length() - suffix.length()) + "}")).isEqualTo(sha);
    }

    @Test
    void csvReportOfOneService() throws Exception {
        HttpResponse<byte[]> response = get("/api/reports/monthly?month=2026-04&format=csv&service=default",
                auth("supervisor"));
        String body = text(200, response);
        assertThat(contentType(response)).startsWith("text/csv");
        String sha = response.headers().firstValue("X-Guichet-Report-Sha256").orElseThrow();
        assertThat(body).startsWith("# report: guichet-monthly\r\n").contains("\r\nscope,service,breakdown,slot,received,")
                .contains("\r\nservice,default,month,2026-04,2,1,1,0.5000,1,0.5000,1,0.5000,1,1,1,8.00,8.00,8.00,1.00,")
                .endsWith("# sha256: " + sha + "\r\n");
        assertThat(ReportFormat.sha256(body.substring(0, body.lastIndexOf("# sha256: ")))).isEqualTo(sha);
    }

    @Test
    void anOptionalChannelFilter() throws Exception {
        HttpResponse<byte[]> direct = get("/api/reports/monthly?month=2026-04&channel=direct", auth("auditor"));
        assertThat(text(200, direct)).contains("\"channel\":\"direct\"", "\"received\":2");
        assertThat(new String(get("/api/reports/monthly?month=2026-04&channel=reply", auth("auditor")).body(),
                StandardCharsets.UTF_8)).contains("\"channel\":\"reply\"", "\"received\":0");
        HttpResponse<byte[]> bad = get("/api/reports/monthly?month=2026-04&channel=fax", auth("auditor"));
        assertThat(text(400, bad)).contains("channel 'fax' is not reply or direct");
    }

    @Test
    void badMonthIsAProblemResponse() throws Exception {
        HttpResponse<byte[]> response = get("/api/reports/monthly?month=2026-13", auth("auditor"));
        assertThat(contentType(response)).contains("application/problem+json");
        assertThat(text(400, response)).contains("YYYY-MM");
        assertThat(get("/api/reports/monthly?month=2026-04&service=nope", auth("auditor")).statusCode())
                .isEqualTo(400);
        assertThat(get("/api/reports/monthly?month=2026-04&format=xml", auth("auditor")).statusCode())
                .isEqualTo(400);
    }

    @Test
    void cliWritesTheSameFigures(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("april.json");
        int status = CommandLine.run(NODE.flags("report", "--month", "2026-04", "--format", "json", "--out",
                file.toString()));
        assertThat(status).isZero();
        String written = Files.readString(file);
        assertThat(written).contains("\"answer_rate\":0.5000", "\"received\":2");
        String sha = written.substring(written.lastIndexOf(":\"") + 2, written.length() - 2);
        assertThat(ReportFormat.sha256(written.substring(0, written.lastIndexOf(",\"sha256\"")) + "}")).isEqualTo(sha);

        CommandRun csv = capture("report", "--month", "2026-04", "--format", "csv");
        assertThat(csv.status()).isZero();
        assertThat(csv.out()).contains("\r\nadministration,,month,2026-04,2,1,1,0.5000,1,0.5000,");
        assertThat(capture("report", "--month", "April").status()).isEqualTo(2);
    }

    @Test
    void auditVerifyExitsZeroOnAnIntactLogAndOneOnATamperedRow() throws Exception {
        CommandRun intact = capture("audit", "verify");
        assertThat(intact.status()).isZero();
        assertThat(intact.out()).contains("event log: intact").containsPattern("head hash: [0-9a-f]{64}")
                .contains("sla figures: recomputed, 2 case(s)");
        assertThat(intact.err()).contains("events verified: ");

        long answered = jdbc.sql("select id from case_event where type = 'ANSWERED'").query(Long.class).single();
        // As a superuser could: disable the append-only trigger and move the answer a day earlier.
        jdbc.sql("alter table case_event disable trigger case_event_append_only").update();
        try {
            jdbc.sql("update case_event set occurred_at = occurred_at - interval '1 day' where id = :id")
                    .param("id", answered).update();
            CommandRun tampered = capture("audit", "verify");
            assertThat(tampered.status()).isEqualTo(1);
            assertThat(tampered.out()).contains("event log: broken")
                    .contains("first broken event: id " + answered + ", case GCH-2026-")
                    .contains("EDITED");
        } finally {
            jdbc.sql("update case_event set occurred_at = occurred_at + interval '1 day' where id = :id")
                    .param("id", answered).update();
            jdbc.sql("alter table case_event enable trigger case_event_append_only").update();
        }
        assertThat(capture("audit", "verify").status()).isZero();
    }

    private static CommandRun capture(String... command) {
        return CommandRun.of(NODE.flags(command));
    }

    private String auth(String user) {
        return TestSmtp.basic(user, passwords.get(user));
    }

    /** The body of the response as UTF-8 text, once its status is {@code status}. */
    private static String text(int status, HttpResponse<byte[]> response) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).as(body).isEqualTo(status);
        return body;
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElseThrow();
    }

    private HttpResponse<byte[]> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
