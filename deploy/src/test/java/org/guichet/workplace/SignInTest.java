package org.guichet.workplace;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.guichet.Guichet;
import org.guichet.TestNode;
import org.guichet.web.account.AccountService;
import org.guichet.web.account.WebRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Signing in to the pages as a person does: a form with a CSRF token, a session cookie,
 * French unless the browser prefers English, and a throttle for whoever keeps guessing.
 */
@SpringBootTest(classes = Guichet.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInTest {

    static final TestNode NODE = TestNode.running("signin", "web");

    static String agentPassword;

    @LocalServerPort
    int port;

    @BeforeAll
    static void accounts(@Autowired AccountService accounts) {
        agentPassword = accounts.create("camille", EnumSet.of(WebRole.AGENT));
        accounts.create("dominique", EnumSet.of(WebRole.AGENT));
    }

    @Test
    void loginPageIsFrenchByDefaultAndEnglishOnRequest() throws Exception {
        HttpResponse<String> french = get(client(), "/login", null);
        assertThat(french.statusCode()).isEqualTo(200);
        assertThat(french.body()).contains("<html lang=\"fr\"", "Connexion", "name=\"username\"", "name=\"password\"",
                "name=\"_csrf\"", "Aller au contenu");
        HttpResponse<String> english = get(client(), "/login", "en-GB,en;q=0.8");
        assertThat(english.body()).contains("<html lang=\"en\"", "Sign in", "Skip to content");
        assertThat(get(client(), "/login", "de-DE").body()).as("an unsupported language gets French").contains("Connexion");
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<String> page = get(client(), "/login", null);
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.body()).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>")
                .as("no inline script");
        assertThat(get(client(), "/webjars/htmx.org/2.0.4/dist/htmx.min.js", null).statusCode())
                .as("htmx is served by Guichet, not a CDN").isEqualTo(200);
    }

    @Test
    void theSessionCookieIsSecureBehindAnHttpsProxyAndNeverReadableByScripts() throws Exception {
        HttpResponse<String> plain = get(client(), "/login", null);
        String cookie = plain.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
        HttpResponse<String> proxied = client().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/login"))
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(proxied.headers().firstValue("Set-Cookie").orElseThrow()).contains("Secure", "HttpOnly");
    }

    @Test
    void anonymousVisitorIsSentToTheLoginPage() throws Exception {
        HttpResponse<String> inbox = get(client(), "/cases", null);
        assertThat(inbox.statusCode()).isEqualTo(302);
        assertThat(inbox.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void formLoginNeedsTheCsrfTokenAndOpensASession() throws Exception {
        HttpClient browser = client();
        assertThat(post(browser, "/login", "username=camille&password=" + enc(agentPassword)).statusCode())
                .as("without the form's token").isEqualTo(403);

        HttpResponse<String> signedIn = signIn(browser, "camille", agentPassword);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        HttpResponse<String> home = get(browser, "/", null);
        assertThat(home.statusCode()).as("agents land on their inbox").isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/cases"));
    }

    @Test
    void repeatedFailuresSlowDownThenLockTheName() throws Exception {
        HttpClient browser = client();
        long[] took = new long[10];
        for (int i = 0; i < 10; i++) {
            long start = System.nanoTime();
            HttpResponse<String> failed = signIn(browser, "dominique", "wrong-" + i);
            took[i] = (System.nanoTime() - start) / 1_000_000;
            assertThat(failed.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("error"));
        }
        assertThat(took[1]).as("the first failures are answered at once").isLessThan(900);
        assertThat(took[5]).as("after three, each attempt waits").isGreaterThanOrEqualTo(1000);
        // Locked now: even the right password is refused for the next minutes.
        String dominique = "dominique";
        HttpResponse<String> locked = signIn(browser, dominique, "the-right-one-would-not-help");
        assertThat(locked.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("error"));
        // Another name is not affected.
        assertThat(signIn(client(), "camille", agentPassword).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
    }

    private HttpResponse<String> signIn(HttpClient browser, String username, String password) throws Exception {
        String form = get(browser, "/login", null).body();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(token.find()).isTrue();
        return post(browser, "/login", "username=" + enc(username) + "&password=" + enc(password) + "&_csrf="
                + enc(token.group(1)));
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private HttpResponse<String> get(HttpClient browser, String path, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(HttpClient browser, String path, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
