package org.guichet.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;

import org.guichet.Guichet;
import org.guichet.TestNode;
import org.guichet.cli.CommandRun;
import org.guichet.TestSmtp;
import org.guichet.cli.CommandLine;
import org.guichet.queue.QueueOperations;
import org.guichet.web.account.AccountService;
import org.guichet.web.account.WebRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Queue operations as an operator reaches them: the REST API (role-checked, problem
 * responses) and the CLI of the same jar, on one database. No worker runs, so the
 * submitted messages stay queued.
 */
@SpringBootTest(classes = Guichet.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QueueApiTest {

    static final TestNode NODE = TestNode.running("api", "submission,web");

    static String operatorPassword;
    static String agentPassword;

    @LocalServerPort
    int port;

    @Autowired
    QueueOperations queue;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void accounts(@Autowired AccountService accounts) throws Exception {
        operatorPassword = accounts.create("ops", EnumSet.of(WebRole.OPERATOR));
        agentPassword = accounts.create("agent", EnumSet.of(WebRole.AGENT));
        TestSmtp.send(NODE.submission, "noreply@caf.test", List.of("citoyen@example.org"), "Avis", "Bonjour\n");
    }

    @Test
    void queueNeedsTheOperatorRole() throws Exception {
        assertThat(get("/api/queue", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/queue", TestSmtp.basic("agent", agentPassword)).statusCode()).isEqualTo(403);
        assertThat(get("/api/queue", TestSmtp.basic("ops", "wrong")).statusCode()).isEqualTo(401);
        HttpResponse<String> list = get("/api/queue", TestSmtp.basic("ops", operatorPassword));
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("noreply@caf.test").contains("\"stage\":\"pipeline\"");
    }

    @Test
    void unknownQueueIdIsAProblemResponse() throws Exception {
        HttpResponse<String> response = get("/api/queue/NOPE", TestSmtp.basic("ops", operatorPassword));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).contains("application/problem+json"));
        assertThat(response.body()).contains("no message with queue id NOPE");
    }

    @Test
    void operatorInspectsAndDeletesAMessage() throws Exception {
        TestSmtp.send(NODE.submission, "noreply@caf.test", List.of("supprime@example.org"), "A supprimer", "x\n");
        String queueId = queue.list(null, 100).stream()
                .filter(e -> showContains(e.queueId(), "A supprimer")).findFirst().orElseThrow().queueId();
        String auth = TestSmtp.basic("ops", operatorPassword);

        HttpResponse<String> shown = get("/api/queue/" + queueId, auth);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("Subject: A supprimer");

        HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(uri("/api/queue/" + queueId))
                .header("Authorization", auth).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(get("/api/queue/" + queueId, auth).statusCode()).isEqualTo(404);
    }

    @Test
    void flushIsForOperatorsAndSaysHowManyRecipientsAreDueNow() throws Exception {
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(uri("/api/queue/flush"))
                .header("Authorization", TestSmtp.basic("agent", agentPassword))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        HttpResponse<String> flushed = http.send(HttpRequest.newBuilder(uri("/api/queue/flush"))
                .header("Authorization", TestSmtp.basic("ops", operatorPassword))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(flushed.statusCode()).isEqualTo(200);
        // No worker here: nothing was tried, nothing is deferred.
        assertThat(flushed.body()).isEqualTo("{\"rescheduled\":0}");
    }

    @Test
    void healthIsOpenToProbesAndMetricsNeedAnOperator() throws Exception {
        assertThat(get("/actuator/health/readiness", null).body()).contains("UP");
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", TestSmtp.basic("agent", agentPassword)).statusCode()).isEqualTo(403);
        HttpResponse<String> metrics = get("/actuator/prometheus", TestSmtp.basic("ops", operatorPassword));
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("guichet_spool_accepted_total").contains("guichet_queue_depth")
                .contains("guichet_smtp_acceptance_seconds");
    }

    @Test
    void cliListsTheSameQueue() throws Exception {
        CommandRun run = CommandRun.of(NODE.flags("queue", "list"));
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("QUEUE ID").contains("<noreply@caf.test>")
                .contains("message(s)");
    }

    @Test
    void cliDeleteOfAnUnknownQueueIdExitsWithStatus1() {
        int status = CommandLine.run(NODE.flags("queue", "delete", "NOPE"));
        assertThat(status).isEqualTo(1);
    }

    private boolean showContains(String queueId, String text) {
        return queue.show(queueId).map(d -> d.headers().contains(text)).orElse(false);
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
