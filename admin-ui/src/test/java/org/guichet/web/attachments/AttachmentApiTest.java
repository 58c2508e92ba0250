package org.guichet.web.attachments;

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

import org.guichet.casework.Attachments;
import org.guichet.casework.CaseAttachment;
import org.guichet.casework.Casework;
import org.guichet.casework.InboundReply;
import org.guichet.storage.TestPostgres;
import org.guichet.WebTestApplication;
import org.guichet.web.account.AccountService;
import org.guichet.web.account.WebRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Downloads of citizens' files over HTTP, on a started server and a real PostgreSQL: role
 * checks, problem responses, and headers that keep a browser from rendering what it gets.
 */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AttachmentApiTest {

    static final String DATABASE = TestPostgres.newDatabaseUrl();
    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("guichet.node.home", () -> System.getProperty("java.io.tmpdir") + "/guichet-web-attachments-"
                + ProcessHandle.current().pid());
        registry.add("guichet.node.roles", () -> "web");
        registry.add("guichet.administration.services.prestations.name", () -> "CAF Prestations");
        // As the deployed application.properties sets it.
        registry.add("spring.mvc.problemdetails.enabled", () -> "true");
    }

    static String agent;
    static String supervisor;
    static String operator;
    static String reference;
    static String outsider;
    static List<CaseAttachment> files;

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void caseWithFiles(@Autowired AccountService accounts, @Autowired Casework casework,
            @Autowired Attachments attachments) {
        agent = accounts.create("agent", EnumSet.of(WebRole.AGENT), List.of("default"));
        supervisor = accounts.create("chef", EnumSet.of(WebRole.SUPERVISOR), List.of("default"));
        outsider = accounts.create("ailleurs", EnumSet.of(WebRole.AGENT), List.of("prestations"));
        operator = accounts.create("ops", EnumSet.of(WebRole.OPERATOR));
        reference = casework.receive(new InboundReply("9C1D1", Instant.parse("2026-03-03T09:00:00Z"),
                "amelie.rousseau@example.org", null, "<p.1@example.org>", null, List.of(), "Re: Votre dossier",
                "Voici mes papiers.", null, null, null)).caseFile().reference();
        files = attachments.record("9C1D1", List.of(
                new Attachments.Incoming("relevé d'identité.pdf", "application/pdf", "application/pdf", false, null,
                        PDF, null),
                // Declared as text, its bytes are a PNG: served as a download of unknown type.
                new Attachments.Incoming("note.txt", "text/plain", "image/png", false, null, PNG, null),
                new Attachments.Incoming("facture.pdf", "application/pdf", "application/x-msdownload", false, null,
                        new byte[] {'M', 'Z', 0}, "executable"))).attachments();
    }

    @Test
    void aStoredFileIsADownloadTheBrowserNeverRenders() throws Exception {
        HttpResponse<byte[]> pdf = get("/api/attachments/" + files.get(0).id(), basic("agent", agent));

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.body()).isEqualTo(PDF);
        assertThat(header(pdf, "Content-Type")).isEqualTo("application/pdf");
        assertThat(header(pdf, "Content-Disposition"))
                .isEqualTo("attachment; filename=\"releve d'identite.pdf\"; filename*=UTF-8''relev%C3%A9%20d%27identit%C3%A9.pdf");
        assertThat(header(pdf, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(pdf, "Content-Security-Policy")).isEqualTo("sandbox");
        assertThat(header(pdf, "Content-Length")).isEqualTo(String.valueOf(PDF.length));
        assertThat(header(pdf, "Cache-Control")).contains("no-store");

        HttpResponse<byte[]> disguised = get("/api/attachments/" + files.get(1).id(), basic("chef", supervisor));
        assertThat(disguised.statusCode()).isEqualTo(200);
        assertThat(header(disguised, "Content-Type")).as("declared and detected types disagree")
                .isEqualTo("application/octet-stream");
        assertThat(disguised.body()).isEqualTo(PNG);
    }

    @Test
    void anotherServicesAgentFindsNeitherTheCaseNorItsFiles() throws Exception {
        assertThat(get("/api/attachments/" + files.get(0).id(), basic("ailleurs", outsider)).statusCode())
                .isEqualTo(404);
        assertThat(get("/api/cases/" + reference + "/attachments", basic("ailleurs", outsider)).statusCode())
                .isEqualTo(404);
        assertThat(get("/api/attachments/" + files.get(0).id(), basic("agent", agent)).statusCode()).isEqualTo(200);
    }

    @Test
    void aCaseListsItsFilesStoredAndRefused() throws Exception {
        HttpResponse<byte[]> list = get("/api/cases/" + reference + "/attachments", basic("agent", agent));

        assertThat(list.statusCode()).isEqualTo(200);
        String json = new String(list.body(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"fileName\":\"relevé d'identité.pdf\"")
                .contains("\"sha256\":\"" + files.get(0).sha256Hex() + "\"")
                .contains("\"download\":\"/api/attachments/" + files.get(0).id() + "\"")
                .contains("\"refusedReason\":\"executable\"")
                .contains("\"servedType\":\"application/octet-stream\"");
    }

    @Test
    void unknownAndRefusedFilesAreProblemResponses() throws Exception {
        HttpResponse<byte[]> unknown = get("/api/attachments/999999", basic("agent", agent));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(header(unknown, "Content-Type")).startsWith("application/problem+json");
        assertThat(new String(unknown.body(), StandardCharsets.UTF_8)).contains("no attachment 999999");

        HttpResponse<byte[]> refused = get("/api/attachments/" + files.get(2).id(), basic("agent", agent));
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("was refused (executable)");
        assertThat(header(refused, "Content-Type")).as("a problem, never the refused bytes")
                .startsWith("application/problem+json");

        assertThat(get("/api/attachments/abc", basic("agent", agent)).statusCode()).isEqualTo(404);
        HttpResponse<byte[]> noCase = get("/api/cases/GCH-2026-999999/attachments", basic("agent", agent));
        assertThat(noCase.statusCode()).isEqualTo(404);
        assertThat(new String(noCase.body(), StandardCharsets.UTF_8)).contains("no case GCH-2026-999999");
    }

    @Test
    void onlyAgentsAndSupervisorsGetCitizensFiles() throws Exception {
        String download = "/api/attachments/" + files.get(0).id();
        assertThat(get(download, null).statusCode()).isEqualTo(401);
        assertThat(get(download, basic("agent", "wrong")).statusCode()).isEqualTo(401);
        assertThat(get(download, basic("ops", operator)).statusCode()).isEqualTo(403);
        assertThat(get("/api/cases/" + reference + "/attachments", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/cases/" + reference + "/attachments", basic("ops", operator)).statusCode()).isEqualTo(403);
        assertThat(get(download, basic("chef", supervisor)).statusCode()).isEqualTo(200);
    }

    private HttpResponse<byte[]> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
