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
import java.util.Map;

import org.guichet.TestSmtp;
import org.guichet.Guichet;
import org.guichet.TestNode;
import org.guichet.administration.ServiceDirectory;
import org.guichet.casework.Casework;
import org.guichet.casework.InboundReply;
import org.guichet.conversation.Conversation;
import org.guichet.conversation.ConversationLog;
import org.guichet.gateway.token.ReplyToken;
import org.guichet.gateway.token.ReplyTokenSigner;
import org.guichet.web.account.AccountService;
import org.guichet.web.account.WebRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The cases API as agents reach it over HTTP: roles, the queue, one case, answering. A web
 * node only (no worker), so an answer stays in the spool, where the test reads its bytes.
 */
@SpringBootTest(classes = Guichet.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CasesApiTest {

    static final TestNode NODE = TestNode.running("cases-api", "web")
            .service("prestations", Map.of("name", "CAF Prestations", "email", "prestations@caf.test",
                    "mailbox", "boite@caf.test", "agent-addresses", "agent@agents.caf.test", "mailbox-mode", "true"))
            .service("logement", Map.of("name", "CAF Aides au logement", "email", "logement@caf.test"));
    static final String CITIZEN = "amelie.rousseau@example.org";

    static String operator;
    static String agent;
    static String supervisor;
    static String colleague;
    static String outsider;
    static String reference;
    static ConversationLog conversations;
    static ReplyTokenSigner signer;
    static ServiceDirectory services;
    static Casework casework;

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
        agent = TestSmtp.basic("marie.agent", accounts.create("marie.agent", EnumSet.of(WebRole.AGENT),
                List.of("prestations")));
        colleague = TestSmtp.basic("paul.agent", accounts.create("paul.agent", EnumSet.of(WebRole.AGENT),
                List.of("prestations")));
        outsider = TestSmtp.basic("lea.logement", accounts.create("lea.logement", EnumSet.of(WebRole.AGENT),
                List.of("logement")));
        supervisor = TestSmtp.basic("chef", accounts.create("chef", EnumSet.of(WebRole.SUPERVISOR),
                List.of("prestations")));
        CasesApiTest.conversations = conversations;
        CasesApiTest.signer = signer;
        CasesApiTest.services = services;
        CasesApiTest.casework = casework;
        reference = newCase("1");
    }

    /** A citizen's reply to a notice of « prestations »: a new case of that service. */
    static String newCase(String n) {
        ReplyToken token = signer.newConversation();
        conversations.record(new Conversation(token.conversationId(), services.byCode("prestations").id(), "OUT" + n,
                "noreply@caf.test", CITIZEN, "Votre dossier", null, "<notice" + n + "@reponse.caf.test>",
                signer.localPart(token) + "@reponse.caf.test", Instant.parse("2026-03-02T08:00:00Z")));
        return casework.receive(new InboundReply("IN" + n, Instant.parse("2026-03-03T09:00:00Z"), CITIZEN,
                token.conversationId(), "<c" + n + "@example.org>", "<notice" + n + "@reponse.caf.test>", List.of(),
                "Re: Votre dossier", "Voici mon justificatif.", "<p>Voici mon justificatif.</p>", null, null))
                .caseFile().reference();
    }

    @Test
    void anotherServicesAgentSeesNoneOfTheCases() throws Exception {
        assertThat(get("/api/cases/" + reference, outsider).statusCode()).isEqualTo(404);
        assertThat(get("/api/cases?search=" + reference, outsider).body()).contains("\"total\":0");
        assertThat(post("/api/cases/" + reference + "/answers", "{\"text\":\"x\"}", outsider).statusCode())
                .isEqualTo(404);
        assertThat(post("/api/cases/" + reference + "/notes", "{\"text\":\"x\"}", outsider).statusCode())
                .isEqualTo(404);
        assertThat(post("/api/cases/" + reference + "/status", "{\"status\":\"closed\"}", outsider).statusCode())
                .isEqualTo(404);
    }

    @Test
    void theLifecycleOverRestIsEventsWithTheActingAccount() throws Exception {
        String ref = newCase("2");
        HttpResponse<String> taken = withStatus(200,
                post("/api/cases/" + ref + "/assignment", "{\"assignee\":\"paul.agent\"}", agent));
        assertThat(taken.body()).contains("\"status\":\"open\"", "\"assignee\":\"paul.agent\"");
        assertThat(post("/api/cases/" + ref + "/assignment", "{\"assignee\":\"lea.logement\"}", agent).statusCode())
                .as("an assignee outside the service").isEqualTo(409);
        assertThat(post("/api/cases/" + ref + "/assignment", "{\"assignee\":\"personne\"}", agent).statusCode())
                .isEqualTo(404);

        assertThat(post("/api/cases/" + ref + "/status", "{\"status\":\"waiting_citizen\"}", colleague).body())
                .contains("\"status\":\"waiting_citizen\"");
        HttpResponse<String> bad = withStatus(422,
                post("/api/cases/" + ref + "/status", "{\"status\":\"pending\"}", colleague));
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).contains("application/problem+json"));

        withStatus(201, post("/api/cases/" + ref + "/notes", "{\"text\":\"Rappeler lundi\"}", colleague));
        assertThat(get("/api/cases/" + ref + "/notes", agent).body()).contains("Rappeler lundi", "paul.agent");
        assertThat(post("/api/cases/" + ref + "/notes", "{\"text\":\" \"}", colleague).statusCode()).isEqualTo(422);

        String events = get("/api/cases/" + ref, supervisor).body();
        assertThat(events).contains("\"type\":\"ASSIGNED\"", "\"type\":\"STATUS_CHANGED\"",
                "\"type\":\"NOTE_ADDED\"", "\"type\":\"VIEWED\"", "\"account\":\"paul.agent\"");
    }

    @Test
    void answeringCanCloseTheCaseInTheSameStep() throws Exception {
        String ref = newCase("3");
        withStatus(201, post("/api/cases/" + ref + "/answers",
                "{\"text\":\"Votre dossier est complet.\",\"close\":true}", agent));
        assertThat(get("/api/cases/" + ref, agent).body()).contains("\"status\":\"closed\"", "\"type\":\"CLOSED\"");
        assertThat(post("/api/cases/" + ref + "/status", "{\"status\":\"open\"}", agent).body())
                .as("reopened").contains("\"status\":\"open\"");
    }

    @Test
    void aTransferTellsTheCitizenWhichServiceNowHoldsTheRequest() throws Exception {
        String ref = newCase("4");
        withStatus(200, post("/api/cases/" + ref + "/transfer",
                "{\"service\":\"logement\",\"reason\":\"aide au logement\"}", agent));
        assertThat(get("/api/cases/" + ref, agent).statusCode()).as("now another service's case").isEqualTo(404);
        String shown = get("/api/cases/" + ref, outsider).body();
        assertThat(shown).contains("\"serviceCode\":\"logement\"", "\"type\":\"TRANSFERRED\"", "\"author\":\"notice\"");
        String letter = new String(jdbc.sql("""
                        select s.raw from spool_message s join case_message m on m.queue_id = s.queue_id
                        join citizen_case c on c.id = m.case_id where c.reference = :ref and m.author_kind = 'notice'""")
                .param("ref", ref).query(byte[].class).single(), StandardCharsets.US_ASCII);
        assertThat(letter).contains("From: CAF Aides au logement <logement@caf.test>", "To: " + CITIZEN,
                "Reply-To:", "In-Reply-To: <c4@example.org>");
        assertThat(post("/api/cases/" + ref + "/transfer", "{\"service\":\"nulle-part\"}", outsider).statusCode())
                .isEqualTo(404);
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
        HttpResponse<String> list = get("/api/cases?service=prestations&unthreaded=false&size=1&search=" + reference, agent);
        assertThat(list.body()).contains("\"reference\":\"" + reference + "\"").contains("\"total\":1")
                .contains("\"subject\":\"Re: Votre dossier\"");
        HttpResponse<String> shown = withStatus(200, get("/api/cases/" + reference, supervisor));
        assertThat(shown.body()).contains("\"visibleText\":\"Voici mon justificatif.\"")
                .contains("\"sanitisedHtml\":\"<p>Voici mon justificatif.</p>\"")
                .contains("\"type\":\"CASE_OPENED\"").contains("\"payload\":{\"author\":\"citizen\"")
                .contains("\"replyAddress\":\"reply+");
        HttpResponse<String> missing = withStatus(404, get("/api/cases/GCH-2026-999999", agent));
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).contains("application/problem+json"));
        assertThat(get("/api/cases?status=pending", agent).statusCode()).isEqualTo(400);
    }

    @Test
    void anAgentAnswersOnceUnderTheServicesIdentity() throws Exception {
        String body = "{\"text\":\"Bonjour Madame,\\nVotre dossier est complet.\",\"answerId\":\"api-1\"}";

        HttpResponse<String> created = withStatus(201, post("/api/cases/" + reference + "/answers", body, agent));
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
        HttpResponse<String> empty = withStatus(422,
                post("/api/cases/" + reference + "/answers", "{\"text\":\"  \"}", supervisor));
        assertThat(empty.body()).contains("the answer has no text");
        assertThat(post("/api/cases/GCH-2026-999999/answers", "{\"text\":\"x\"}", agent).statusCode()).isEqualTo(404);
    }

    /** The response, once its status is {@code status}. */
    private static HttpResponse<String> withStatus(int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response;
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
