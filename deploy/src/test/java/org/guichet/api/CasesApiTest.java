package org.guichet.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import org.guichet.TestSmtp;
import org.guichet.Guichet;
import org.guichet.administration.ServiceDirectory;
import org.guichet.casework.Casework;
import org.guichet.casework.InboundReply;
import org.guichet.conversation.Conversation;
import org.guichet.conversation.ConversationLog;
import org.guichet.gateway.token.ReplyToken;
import org.guichet.gateway.token.ReplyTokenSigner;
import org.guichet.storage.TestPostgres;
import org.guichet.web.account.AccountService;
import org.guichet.web.account.WebRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The cases API as agents reach it over HTTP: roles, the queue, one case, answering. A web
 * node only (no worker), so an answer stays in the spool, where the test reads its bytes.
 */
@SpringBootTest(classes = Guichet.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CasesApiTest {

    static final int SUBMISSION = TestSmtp.freePort();
    static final String DATABASE = TestPostgres.newDatabaseUrl();
    static final String HOME = System.getProperty("java.io.tmpdir") + "/guichet-cases-api-" + SUBMISSION;
    static final String CITIZEN = "amelie.rousseau@example.org";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("guichet.home", () -> HOME);
        registry.add("guichet.roles", () -> "web");
        registry.add("guichet.smtp.submission.port", () -> SUBMISSION);
        registry.add("guichet.reply-domain", () -> "reponse.caf.test");
        registry.add("guichet.services.prestations.name", () -> "CAF Prestations");
        registry.add("guichet.services.prestations.email", () -> "prestations@caf.test");
        registry.add("guichet.services.prestations.mailbox", () -> "boite@caf.test");
        registry.add("guichet.services.prestations.agent-addresses", () -> "agent@agents.caf.test");
        registry.add("guichet.services.prestations.mailbox-mode", () -> "true");
    }

    static String operator;
    static String agent;
    static String supervisor;
    static String reference;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void accountsAndACase(@Autowired AccountService accounts, @Autowired ServiceDirectory services,
            @Autowired ConversationLog conversations, @Autowired ReplyTokenSigner signer,
            @Autowired Casework casework) {
        operator = TestSmtp.basic("ops", accounts.create("ops", EnumSet.of(WebRole.OPERATOR)));
        agent = TestSmtp.basic("marie.agent", accounts.create("marie.agent", EnumSet.of(WebRole.AGENT)));
        supervisor = TestSmtp.basic("chef", accounts.create("chef", EnumSet.of(WebRole.SUPERVISOR)));
        ReplyToken token = signer.newConversation();
        conversations.record(new Conversation(token.conversationId(), services.byCode("prestations").id(), "OUT1",
                "noreply@caf.test", CITIZEN, "Votre dossier", null, "<notice@reponse.caf.test>",
                signer.localPart(token) + "@reponse.caf.test", Instant.parse("2026-03-02T08:00:00Z")));
        reference = casework.receive(new InboundReply("IN1", Instant.parse("2026-03-03T09:00:00Z"), CITIZEN,
                token.conversationId(), "<c1@example.org>", "<notice@reponse.caf.test>", List.of(),
                "Re: Votre dossier", "Voici mon justificatif.", "<p>Voici mon justificatif.</p>", null, null))
                .caseFile().reference();
    }

    @Test
    void casesAreForAgentsAndSupervisors() throws Exception {
        assertThat(get("/api/cases", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/cases", operator).statusCode()).isEqualTo(403);
        assertThat(get("/api/cases/" + reference, operator).statusCode()).isEqualTo(403);
        assertThat(post("/api/cases/" + reference + "/answers", "{\"text\":\"x\"}", null).statusCode()).isEqualTo(401);
        assertThat(post("/api/cases/" + reference + "/answers", "{\"text\":\"x\"}", operator).statusCode())
                .isEqualTo(403);
        assertThat(get("/api/cases", agent).statusCode()).isEqualTo(200);
        assertThat(get("/api/cases", supervisor).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select mailbox_mode from service where code = 'prestations'").query(Boolean.class)
                .single()).as("mailbox settings written at start").isTrue();
    }

    @Test
    void theQueueListsAndCountsAndACaseShowsItsMessagesAndEvents() throws Exception {
        HttpResponse<String> list = get("/api/cases?service=prestations&status=open&unthreaded=false&size=1", agent);
        assertThat(list.body()).contains("\"reference\":\"" + reference + "\"").contains("\"total\":1")
                .contains("\"subject\":\"Re: Votre dossier\"");
        HttpResponse<String> shown = get("/api/cases/" + reference, supervisor);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("\"visibleText\":\"Voici mon justificatif.\"")
                .contains("\"sanitisedHtml\":\"<p>Voici mon justificatif.</p>\"")
                .contains("\"type\":\"CASE_OPENED\"").contains("\"payload\":{\"author\":\"citizen\"")
                .contains("\"replyAddress\":\"reply+");
        HttpResponse<String> missing = get("/api/cases/GCH-2026-999999", agent);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).contains("application/problem+json"));
        assertThat(get("/api/cases?status=pending", agent).statusCode()).isEqualTo(400);
    }

    @Test
    void anAgentAnswersOnceUnderTheServicesIdentity() throws Exception {
        String body = "{\"text\":\"Bonjour Madame,\\nVotre dossier est complet.\",\"answerId\":\"api-1\"}";

        HttpResponse<String> created = post("/api/cases/" + reference + "/answers", body, agent);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/cases/" + reference + "/answers/api-1");
        String queueId = created.body().replaceAll(".*\"queueId\":\"([0-9A-F]+)\".*", "$1");
        byte[] raw = jdbc.sql("select raw from spool_message where queue_id = :q").param("q", queueId)
                .query(byte[].class).single();
        String sent = new String(raw, StandardCharsets.US_ASCII);
        assertThat(sent).contains("From: CAF Prestations <prestations@caf.test>").contains("To: " + CITIZEN)
                .contains("In-Reply-To: <c1@example.org>").doesNotContain("marie.agent");

        HttpResponse<String> again = post("/api/cases/" + reference + "/answers", body, agent);
        assertThat(again.statusCode()).as("a replay sends nothing more").isEqualTo(200);
        assertThat(again.body()).contains("\"queueId\":\"" + queueId + "\"").contains("\"duplicate\":true");
        assertThat(get("/api/cases/" + reference, agent).body()).contains("\"author\":\"agent\"")
                .contains("\"agent\":\"marie.agent\"").contains("\"type\":\"ANSWERED\"");

        assertThat(post("/api/cases/" + reference + "/answers", "{\"text\":\"Autre\",\"answerId\":\"api-1\"}", agent)
                .statusCode()).isEqualTo(409);
        HttpResponse<String> empty = post("/api/cases/" + reference + "/answers", "{\"text\":\"  \"}", supervisor);
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("the answer has no text");
        assertThat(post("/api/cases/GCH-2026-999999/answers", "{\"text\":\"x\"}", agent).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
