package org.guichet.workplace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.guichet.Guichet;
import org.guichet.TestNode;
import org.guichet.web.account.AccountService;
import org.guichet.web.account.WebRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Signing in through OpenID Connect, as with ProConnect: a provider of our own on loopback
 * (discovery, authorization, token, keys, user info; RS256-signed ID tokens) says who the
 * person is, and Guichet lets in only an enabled account of that name.
 */
@SpringBootTest(classes = Guichet.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OidcSignInTest {

    static final TestNode NODE = TestNode.running("oidc", "web")
            .set("spring.security.oauth2.client.registration.proconnect.client-name", "ProConnect")
            .set("spring.security.oauth2.client.registration.proconnect.client-id", "guichet")
            .set("spring.security.oauth2.client.registration.proconnect.client-secret", "s3cret")
            .set("spring.security.oauth2.client.registration.proconnect.scope", "openid,email");
    static final Provider provider = new Provider();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.client.provider.proconnect.issuer-uri", provider::issuer);
    }

    @BeforeAll
    static void accounts(@Autowired AccountService accounts) {
        accounts.create("marie.durand@caf.test", EnumSet.of(WebRole.AGENT), List.of("default"));
        accounts.create("parti@caf.test", EnumSet.of(WebRole.AGENT), List.of("default"));
        accounts.enable("parti@caf.test", false);
    }

    @AfterAll
    static void stop() {
        provider.stop();
    }

    @Test
    void theLoginPageOffersTheProvider() throws Exception {
        String page = browser().send(HttpRequest.newBuilder(guichet("/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("Se connecter avec ProConnect", "/oauth2/authorization/proconnect",
                "name=\"password\"");
    }

    @Test
    void anEnabledAccountSignsInThroughTheProvider() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> landed = signInAs(browser, "marie.durand@caf.test");
        assertThat(landed.headers().firstValue("Location").orElse("")).doesNotContain("error");
        HttpResponse<String> inbox = browser.send(HttpRequest.newBuilder(guichet("/cases")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(inbox.body()).contains("marie.durand@caf.test", "Mes services");
    }

    @Test
    void nobodyGetsInWithoutAnEnabledAccount() throws Exception {
        for (String person : List.of("inconnu@caf.test", "parti@caf.test")) {
            HttpClient browser = browser();
            HttpResponse<String> refused = signInAs(browser, person);
            assertThat(refused.headers().firstValue("Location").orElse("")).as(person).contains("/login?error");
            assertThat(browser.send(HttpRequest.newBuilder(guichet("/cases")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).as(person).isEqualTo(302);
        }
    }

    /** Follows the authorization code flow by hand; returns Guichet's answer to the provider's redirect. */
    private HttpResponse<String> signInAs(HttpClient browser, String email) throws Exception {
        HttpResponse<String> start = browser.send(HttpRequest.newBuilder(guichet("/oauth2/authorization/proconnect"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(start.statusCode()).isEqualTo(302);
        provider.nextPerson = email;
        HttpResponse<String> authorized = browser.send(HttpRequest.newBuilder(
                URI.create(start.headers().firstValue("Location").orElseThrow())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(authorized.statusCode()).isEqualTo(302);
        return browser.send(HttpRequest.newBuilder(URI.create(authorized.headers().firstValue("Location")
                .orElseThrow())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI guichet(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The smallest OpenID Connect provider the flow needs, on loopback. */
    static final class Provider {

        final HttpServer server;
        final RSAKey key;
        final Map<String, String[]> codes = new ConcurrentHashMap<>();
        volatile String nextPerson;

        Provider() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey(pair.getPrivate()).keyID("k1")
                        .build();
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/.well-known/openid-configuration", this::discovery);
            server.createContext("/authorize", this::authorize);
            server.createContext("/token", this::token);
            server.createContext("/jwks", exchange -> json(exchange, new JWKSet(key.toPublicJWK()).toString()));
            server.createContext("/userinfo", exchange -> json(exchange, "{\"sub\":\"" + subject(exchange) + "\"}"));
            server.start();
        }

        String issuer() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void stop() {
            server.stop(0);
        }

        private void discovery(HttpExchange exchange) throws IOException {
            String issuer = issuer();
            json(exchange, """
                    {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
                     "jwks_uri":"%1$s/jwks","userinfo_endpoint":"%1$s/userinfo","response_types_supported":["code"],
                     "subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"],
                     "token_endpoint_auth_methods_supported":["client_secret_basic"]}""".formatted(issuer));
        }

        /** Signs the person in at once and sends the browser back with a code. */
        private void authorize(HttpExchange exchange) throws IOException {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String code = "code-" + codes.size();
            codes.put(code, new String[] {nextPerson, query.get("nonce")});
            exchange.getResponseHeaders().add("Location", query.get("redirect_uri") + "?code=" + code + "&state="
                    + java.net.URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        }

        private void token(HttpExchange exchange) throws IOException {
            Map<String, String> form = query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String[] grant = codes.remove(form.get("code"));
            if (grant == null) {
                exchange.sendResponseHeaders(400, -1);
                exchange.close();
                return;
            }
            try {
                Instant now = Instant.now();
                SignedJWT idToken = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(),
                        new JWTClaimsSet.Builder().issuer(issuer()).audience("guichet").subject(grant[0])
                                .claim("email", grant[0]).claim("nonce", grant[1]).issueTime(Date.from(now))
                                .expirationTime(Date.from(now.plusSeconds(300))).build());
                idToken.sign(new RSASSASigner(key));
                json(exchange, "{\"access_token\":\"at-" + grant[0] + "\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                        + "\"id_token\":\"" + idToken.serialize() + "\"}");
            } catch (Exception e) {
                throw new IOException(e);
            }
        }

        private static String subject(HttpExchange exchange) {
            String bearer = exchange.getRequestHeaders().getFirst("Authorization");
            return bearer == null ? "" : bearer.substring("Bearer at-".length());
        }

        private static void json(HttpExchange exchange, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }

        private static Map<String, String> query(String raw) {
            Map<String, String> values = new HashMap<>();
            if (raw != null) {
                for (String pair : raw.split("&")) {
                    int equals = pair.indexOf('=');
                    if (equals > 0) {
                        values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                                URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                    }
                }
            }
            return values;
        }
    }
}
