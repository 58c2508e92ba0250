package org.guichet.workplace;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.guichet.Guichet;
import org.guichet.TestNode;
import org.guichet.TestSmtp;
import org.guichet.casework.Casework;
import org.guichet.casework.InboundReply;
import org.guichet.web.account.AccountService;
import org.guichet.web.account.WebRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every route against every kind of person: anonymous, an agent of the case's service, an
 * agent of another service, a supervisor, an auditor, an operator and an administrator.
 * Pages are reached with a signed-in session and the form's CSRF token, the API with HTTP
 * Basic. The expected answer of each pair is written out; a new route that nobody lists here
 * shows up as missing from the table, not as open by default (the chains end in
 * {@code authenticated()}, never {@code permitAll()}).
 */
@SpringBootTest(classes = Guichet.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RouteAuthorisationTest {

    static final TestNode NODE = TestNode.running("routes", "web")
            .service("prestations", "name", "Prestations")
            .service("logement", "name", "Logement");

    enum Person { ANONYMOUS, AGENT, OTHER_AGENT, SUPERVISOR, AUDITOR, OPERATOR, ADMIN }

    static final Map<Person, String> passwords = new LinkedHashMap<>();
    static String reference;
    static long message;

    @LocalServerPort
    int port;

    @BeforeAll
    static void peopleAndACase(@Autowired AccountService accounts, @Autowired Casework casework) {
        passwords.put(Person.AGENT, accounts.create("agent", EnumSet.of(WebRole.AGENT), List.of("default")));
        passwords.put(Person.OTHER_AGENT, accounts.create("other", EnumSet.of(WebRole.AGENT), List.of("logement")));
        passwords.put(Person.SUPERVISOR, accounts.create("supervisor", EnumSet.of(WebRole.SUPERVISOR),
                List.of("default")));
        passwords.put(Person.AUDITOR, accounts.create("auditor", EnumSet.of(WebRole.AUDITOR)));
        passwords.put(Person.OPERATOR, accounts.create("operator", EnumSet.of(WebRole.OPERATOR)));
        passwords.put(Person.ADMIN, accounts.create("administrator", EnumSet.of(WebRole.ADMIN)));
        var receipt = casework.receive(new InboundReply("R0UTE5", Instant.parse("2026-03-03T09:00:00Z"),
                "alice@example.org", null, "<r1@example.org>", null, List.of(), "Question", "Bonjour",
                "<p>Bonjour</p>", null, null));
        reference = receipt.caseFile().reference();
        message = receipt.message().id();
    }

    /** What each person gets: a status code, or LOGIN for a redirect to the sign-in page. */
    record Route(String method, String path, String form, Map<Person, Integer> expected) {
    }

    static final int LOGIN = 1;
    static final int DONE = 302;

    static Map<Person, Integer> answers(int anonymous, int agent, int other, int supervisor, int auditor, int operator,
            int admin) {
        Map<Person, Integer> expected = new LinkedHashMap<>();
        expected.put(Person.ANONYMOUS, anonymous);
        expected.put(Person.AGENT, agent);
        expected.put(Person.OTHER_AGENT, other);
        expected.put(Person.SUPERVISOR, supervisor);
        expected.put(Person.AUDITOR, auditor);
        expected.put(Person.OPERATOR, operator);
        expected.put(Person.ADMIN, admin);
        return expected;
    }

    List<Route> pages() {
        String c = "/cases/" + reference;
        return List.of(
                new Route("GET", "/login", null, answers(200, 200, 200, 200, 200, 200, 200)),
                new Route("GET", "/accessibilite", null, answers(200, 200, 200, 200, 200, 200, 200)),
                // Open without a session: an account that must change its password cannot sign in first.
                new Route("GET", "/account/password", null, answers(200, 200, 200, 200, 200, 200, 200)),
                new Route("POST", "/account/password", "username=nobody&current=x&chosen=y&repeated=y",
                        answers(200, 200, 200, 200, 200, 200, 200)),
                new Route("GET", "/", null, answers(LOGIN, DONE, DONE, DONE, 200, 200, DONE)),
                new Route("GET", "/cases", null, answers(LOGIN, 200, 200, 200, 403, 403, 200)),
                new Route("GET", c, null, answers(LOGIN, 200, 404, 200, 403, 403, 200)),
                new Route("GET", c + "/presence", null, answers(LOGIN, 200, 404, 200, 403, 403, 200)),
                new Route("GET", c + "/messages/" + message + "/html", null,
                        answers(LOGIN, 200, 404, 200, 403, 403, 200)),
                new Route("GET", c + "/attachments/1", null, answers(LOGIN, 404, 404, 404, 403, 403, 404)),
                new Route("POST", c + "/notes", "text=Note", answers(LOGIN, DONE, 404, DONE, 403, 403, DONE)),
                new Route("POST", c + "/status", "status=open", answers(LOGIN, DONE, 404, DONE, 403, 403, DONE)),
                new Route("POST", c + "/assignment", "assignee=", answers(LOGIN, DONE, 404, DONE, 403, 403, DONE)),
                new Route("POST", c + "/transfer", "service=nowhere",
                        answers(LOGIN, DONE, 404, DONE, 403, 403, DONE)),
                new Route("POST", c + "/answers", "body=", answers(LOGIN, 200, 404, 200, 403, 403, 200)),
                new Route("GET", "/supervision", null, answers(LOGIN, 403, 403, 200, 403, 403, 200)),
                new Route("POST", "/supervision/reassign", "service=default",
                        answers(LOGIN, 403, 403, DONE, 403, 403, DONE)),
                new Route("GET", "/audit", null, answers(LOGIN, 403, 403, 200, 200, 403, 200)),
                new Route("GET", "/audit?month=2026-04&service=default", null,
                        answers(LOGIN, 403, 403, 200, 200, 403, 200)),
                new Route("GET", "/audit/reports/2026-04.csv", null, answers(LOGIN, 403, 403, 200, 200, 403, 200)),
                new Route("GET", "/audit?month=2026-03&channel=direct", null,
                        answers(LOGIN, 403, 403, 200, 200, 403, 200)),
                new Route("GET", "/audit/reports/2026-03.json?channel=reply", null,
                        answers(LOGIN, 403, 403, 200, 200, 403, 200)),
                // The complete export holds every service's cases: auditors and administrators only;
                // addresses in clear for administrators only (403 problem for the auditor).
                new Route("GET", "/audit/export?from=2026-03-01&to=2026-03-31", null,
                        answers(LOGIN, 403, 403, 403, 200, 403, 200)),
                new Route("GET", "/audit/export?from=2026-03-01&to=2026-03-31&addresses=true", null,
                        answers(LOGIN, 403, 403, 403, 403, 403, 200)),
                new Route("GET", "/audit/reports/2026-04.json?service=default", null,
                        answers(LOGIN, 403, 403, 200, 200, 403, 200)),
                new Route("GET", "/admin/accounts", null, answers(LOGIN, 403, 403, 403, 403, 403, 200)),
                new Route("POST", "/admin/accounts", "username=", answers(LOGIN, 403, 403, 403, 403, 403, DONE)),
                new Route("POST", "/admin/accounts/agent/enabled", "enabled=true",
                        answers(LOGIN, 403, 403, 403, 403, 403, DONE)),
                new Route("POST", "/admin/accounts/agent/services", "services=default",
                        answers(LOGIN, 403, 403, 403, 403, 403, DONE)),
                new Route("GET", "/admin", null, answers(LOGIN, 403, 403, 403, 403, 403, 200)),
                new Route("GET", "/admin/services", null, answers(LOGIN, 403, 403, 403, 403, 403, 200)),
                new Route("GET", "/admin/services/prestations", null, answers(LOGIN, 403, 403, 403, 403, 403, 200)),
                new Route("GET", "/admin/services/nowhere", null, answers(LOGIN, 403, 403, 403, 403, 403, 404)),
                new Route("POST", "/admin/services/prestations", "name=",
                        answers(LOGIN, 403, 403, 403, 403, 403, DONE)),
                new Route("POST", "/admin/services/logement/enabled", "enabled=true",
                        answers(LOGIN, 403, 403, 403, 403, 403, DONE)),
                new Route("GET", "/admin/sla?service=prestations", null, answers(LOGIN, 403, 403, 403, 403, 403, 200)),
                new Route("POST", "/admin/sla/prestations", "effectiveFrom=",
                        answers(LOGIN, 403, 403, 403, 403, 403, DONE)),
                new Route("GET", "/admin/calendars?year=2027", null, answers(LOGIN, 403, 403, 403, 403, 403, 200)),
                new Route("GET", "/admin/templates", null, answers(LOGIN, 403, 403, 403, 403, 403, 200)),
                new Route("GET", "/operations", null, answers(LOGIN, 403, 403, 403, 403, 200, 200)),
                new Route("GET", "/operations/queue", null, answers(LOGIN, 403, 403, 403, 403, 200, 200)),
                new Route("GET", "/operations/queue?status=deferred", null,
                        answers(LOGIN, 403, 403, 403, 403, 200, 200)),
                new Route("GET", "/operations/queue/NOPE", null, answers(LOGIN, 403, 403, 403, 403, 404, 404)),
                new Route("POST", "/operations/queue/flush", "", answers(LOGIN, 403, 403, 403, 403, DONE, DONE)),
                new Route("POST", "/operations/queue/NOPE/retry", "", answers(LOGIN, 403, 403, 403, 403, DONE, DONE)),
                new Route("POST", "/operations/queue/NOPE/bounce", "",
                        answers(LOGIN, 403, 403, 403, 403, DONE, DONE)),
                new Route("POST", "/operations/queue/NOPE/delete", "confirm=true",
                        answers(LOGIN, 403, 403, 403, 403, DONE, DONE)),
                new Route("GET", "/operations/submitters", null, answers(LOGIN, 403, 403, 403, 403, 200, 200)),
                new Route("POST", "/operations/submitters", "username=",
                        answers(LOGIN, 403, 403, 403, 403, 200, 200)),
                new Route("POST", "/operations/submitters/nobody/enabled", "enabled=true",
                        answers(LOGIN, 403, 403, 403, 403, DONE, DONE)),
                new Route("POST", "/operations/submitters/nobody/networks", "networks=10.0.0.0/8",
                        answers(LOGIN, 403, 403, 403, 403, DONE, DONE)),
                new Route("POST", "/operations/submitters/nobody/delete", "confirm=true",
                        answers(LOGIN, 403, 403, 403, 403, DONE, DONE)),
                new Route("GET", "/operations/domains", null, answers(LOGIN, 403, 403, 403, 403, 200, 200)),
                // Another domain than this Guichet's is not asked of DNS: back to the page.
                new Route("POST", "/operations/domains/check", "domain=example.org",
                        answers(LOGIN, 403, 403, 403, 403, DONE, DONE)));
    }

    List<Route> api() {
        String c = "/api/cases/" + reference;
        return List.of(
                new Route("GET", "/api/cases", null, answers(401, 200, 200, 200, 403, 403, 200)),
                new Route("GET", c, null, answers(401, 200, 404, 200, 403, 403, 200)),
                new Route("GET", c + "/notes", null, answers(401, 200, 404, 200, 403, 403, 200)),
                new Route("POST", c + "/notes", "{\"text\":\" \"}", answers(401, 422, 404, 422, 403, 403, 422)),
                new Route("POST", c + "/status", "{\"status\":\"x\"}", answers(401, 422, 404, 422, 403, 403, 422)),
                new Route("POST", c + "/assignment", "{\"assignee\":\"nobody-here\"}",
                        answers(401, 404, 404, 404, 403, 403, 404)),
                new Route("POST", c + "/transfer", "{\"service\":\"nowhere\"}",
                        answers(401, 404, 404, 404, 403, 403, 404)),
                new Route("POST", c + "/answers", "{\"text\":\" \"}", answers(401, 422, 404, 422, 403, 403, 422)),
                new Route("GET", c + "/attachments", null, answers(401, 200, 404, 200, 403, 403, 200)),
                new Route("GET", "/api/attachments/1", null, answers(401, 404, 404, 404, 403, 403, 404)),
                new Route("GET", "/api/queue", null, answers(401, 403, 403, 403, 403, 200, 200)),
                new Route("GET", "/api/queue/depth", null, answers(401, 403, 403, 403, 403, 200, 200)),
                new Route("GET", "/api/reports/monthly?month=2026-03", null,
                        answers(401, 403, 403, 200, 200, 403, 200)),
                new Route("GET", "/actuator/health", null, answers(200, 200, 200, 200, 200, 200, 200)),
                new Route("GET", "/actuator/prometheus", null, answers(401, 403, 403, 403, 403, 200, 200)));
    }

    @Test
    void everyPageAnswersEachPersonAsWritten() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Person person : Person.values()) {
            Session session = person == Person.ANONYMOUS ? new Session(null, null) : signIn(person);
            for (Route route : pages()) {
                HttpResponse<String> response = session.send(route);
                int expected = route.expected().get(person);
                int got = response.statusCode();
                boolean toLogin = got == 302 && response.headers().firstValue("Location").orElse("").endsWith("/login");
                if (expected == LOGIN ? !toLogin : (got != expected || (expected == DONE && toLogin))) {
                    wrong.add(person + " " + route.method() + " " + route.path() + ": " + got + " "
                            + response.headers().firstValue("Location").orElse(""));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyApiRouteAnswersEachPersonAsWritten() throws Exception {
        List<String> wrong = new ArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        for (Person person : Person.values()) {
            for (Route route : api()) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + route.path()));
                if (person != Person.ANONYMOUS) {
                    request.header("Authorization", TestSmtp.basic(username(person), passwords.get(person)));
                }
                if (route.method().equals("POST")) {
                    request.header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(route.form()));
                }
                int got = http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
                if (got != route.expected().get(person)) {
                    wrong.add(person + " " + route.method() + " " + route.path() + ": " + got);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aDisabledAccountLosesItsSessionAtOnce(@Autowired AccountService accounts) throws Exception {
        String password = accounts.create("leaving", EnumSet.of(WebRole.AGENT), List.of("default"));
        Session session = new Session("leaving", password).signedIn();
        assertThat(session.send(new Route("GET", "/cases", null, Map.of())).statusCode()).isEqualTo(200);
        accounts.enable("leaving", false);
        HttpResponse<String> after = session.send(new Route("GET", "/cases", null, Map.of()));
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).contains("/login");
    }

    private Session signIn(Person person) throws Exception {
        return new Session(username(person), passwords.get(person)).signedIn();
    }

    private static String username(Person person) {
        return switch (person) {
            case AGENT -> "agent";
            case OTHER_AGENT -> "other";
            case SUPERVISOR -> "supervisor";
            case AUDITOR -> "auditor";
            case OPERATOR -> "operator";
            case ADMIN -> "administrator";
            case ANONYMOUS -> null;
        };
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** A browser's cookie jar and the CSRF token of its session. */
    final class Session {

        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        final String username;
        final String password;
        String token = "";

        Session(String username, String password) {
            this.username = username;
            this.password = password;
        }

        Session signedIn() throws Exception {
            token = csrf("/login");
            HttpResponse<String> done = post("/login", "username=" + enc(username) + "&password=" + enc(password));
            assertThat(done.headers().firstValue("Location").orElse("")).doesNotContain("error");
            token = csrf("/accessibilite");
            return this;
        }

        HttpResponse<String> send(Route route) throws Exception {
            if (route.method().equals("POST")) {
                if (token.isEmpty()) {
                    token = csrf("/login");
                }
                return post(route.path(), route.form());
            }
            return http.send(HttpRequest.newBuilder(uri(route.path())).build(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpResponse<String> post(String path, String form) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + enc(token))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private String csrf(String path) throws Exception {
            String page = http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher found = CSRF.matcher(page);
            return found.find() ? found.group(1) : "";
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
