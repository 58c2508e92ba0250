package org.guichet.web.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;

import org.guichet.WebTestApplication;
import org.guichet.casework.Casework;
import org.guichet.casework.InboundReply;
import org.guichet.storage.TestPostgres;
import org.guichet.web.account.AccountService;
import org.guichet.web.account.WebRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A failure below the web plane reaches the client as a problem response that says what to
 * do, never as the database's own words: here the stand-in for the mail plane fails as a full
 * disk would, with the error PostgreSQL would give.
 */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProblemResponseTest {

    static final String DATABASE = TestPostgres.newDatabaseUrl();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("guichet.node.home", () -> System.getProperty("java.io.tmpdir") + "/guichet-web-problems-"
                + ProcessHandle.current().pid());
        registry.add("guichet.node.roles", () -> "web");
        registry.add("spring.mvc.problemdetails.enabled", () -> "true");
    }

    static String agent;
    static String reference;

    @LocalServerPort
    int port;

    @BeforeAll
    static void aCase(@Autowired AccountService accounts, @Autowired Casework casework) {
        agent = accounts.create("agent", EnumSet.of(WebRole.AGENT), List.of("default"));
        reference = casework.receive(new InboundReply("7A2B1", Instant.parse("2026-03-03T09:00:00Z"),
                "amelie.rousseau@example.org", null, "<p.7@example.org>", null, List.of(), "Question",
                "Bonjour, une question.", null, null, null)).caseFile().reference();
    }

    @Test
    void anAnswerThatCannotBeQueuedIsA503WithoutTheDatabasesWords() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/cases/" + reference + "/answers"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("agent:" + agent).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Bonjour, voici la réponse.\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("the answer could not be queued; nothing was sent, try again later")
                .doesNotContain(WebTestApplication.DATABASE_ERROR).doesNotContain("spool_message")
                .doesNotContain("Exception");
    }
}
