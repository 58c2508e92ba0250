package org.guichet.workplace;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.guichet.Guichet;
import org.guichet.TestNode;
import org.guichet.TestSmtp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The first administrator's password, written to a file at the first start, only lets its
 * owner choose one: signing in with it leads to the password page, the API refuses it, and the
 * choice removes the file.
 */
@SpringBootTest(classes = Guichet.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FirstAdminTest {

    static final TestNode NODE = TestNode.running("first-admin", "web");
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theFirstPasswordOnlyLetsAdminChooseItsOwnAndTheFileGoes() throws Exception {
        Path file = NODE.home.resolve("initial-admin-password");
        String first = Files.readString(file).strip();

        assertThat(api(first).statusCode()).as("the API refuses the given password").isEqualTo(401);
        HttpResponse<String> signIn = post("/login", "username=admin&password=" + enc(first), csrf("/login"));
        assertThat(location(signIn)).endsWith("/account/password?expired");
        assertThat(get("/admin").statusCode()).as("no session came of it").isEqualTo(302);
        assertThat(get("/account/password?expired").body()).contains("Choisir votre mot de passe", "Au moins 12 caract");

        String token = csrf("/account/password");
        HttpResponse<String> tooShort = post("/account/password",
                "username=admin&current=" + enc(first) + "&chosen=court&repeated=court", token);
        assertThat(tooShort.body()).contains("trop court");
        HttpResponse<String> same = post("/account/password",
                "username=admin&current=" + enc(first) + "&chosen=" + enc(first) + "&repeated=" + enc(first), token);
        assertThat(same.body()).contains("doit différer");
        HttpResponse<String> wrong = post("/account/password",
                "username=admin&current=pas-le-bon&chosen=un-mot-de-passe-long&repeated=un-mot-de-passe-long", token);
        assertThat(wrong.body()).contains("mot de passe actuel incorrect");
        assertThat(file).as("still there while nothing was chosen").exists();

        String chosen = "Un mot de passe bien à moi";
        HttpResponse<String> done = post("/account/password",
                "username=admin&current=" + enc(first) + "&chosen=" + enc(chosen) + "&repeated=" + enc(chosen), token);
        assertThat(location(done)).endsWith("/login?changed");
        assertThat(file).doesNotExist();

        assertThat(api(first).statusCode()).isEqualTo(401);
        assertThat(api(chosen).statusCode()).isEqualTo(200);
        HttpResponse<String> signedIn = post("/login", "username=admin&password=" + enc(chosen), csrf("/login"));
        assertThat(location(signedIn)).doesNotContain("error").doesNotContain("password");
        assertThat(get("/admin").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> api(String password) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/cases"))
                .header("Authorization", TestSmtp.basic("admin", password)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form, String token) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + enc(token))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String csrf(String path) throws Exception {
        Matcher found = CSRF.matcher(get(path).body());
        assertThat(found.find()).as("a CSRF token on " + path).isTrue();
        return found.group(1);
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
