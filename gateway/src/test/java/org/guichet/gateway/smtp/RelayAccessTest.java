package org.guichet.gateway.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.guichet.TestNode;
import org.guichet.account.LoginThrottle;
import org.guichet.gateway.GatewayTestApplication;
import org.guichet.submitter.Submitters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * No open relay: loopback is not on the allow-list here, so only an application that
 * authenticated (after STARTTLS) may relay.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class RelayAccessTest {

    static final Path KEY_STORE = TestKeyStore.create();
    static final TestNode NODE = TestNode.running("relay-access", "submission")
            .set("guichet.submission.allowed-networks", "192.0.2.0/24")
            .set("guichet.smtp.tls.key-store", KEY_STORE)
            .set("guichet.smtp.tls.key-store-password", TestKeyStore.PASSWORD);

    static String password;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptySpool() {
        jdbc.sql("delete from spool_message").update();
    }

    @BeforeAll
    static void application(@Autowired Submitters submitters) {
        password = submitters.add("caf-notifications", "CAF notices", List.of()).password();
    }

    @Test
    void unauthenticatedClientOutsideAllowedNetworksIsRefusedAtRcpt() throws Exception {
        try (SmtpDialog smtp = SmtpDialog.greeted(NODE.submission, "somewhere.example")) {
            assertThat(smtp.command("MAIL FROM:<noreply@caf.fr>")).startsWith("250");
            assertThat(smtp.command("RCPT TO:<citoyen@example.org>")).startsWith("550 5.7.1");
            assertThat(smtp.command("DATA")).startsWith("503");
        }
        assertThat(jdbc.sql("select count(*) from spool_message").query(Long.class).single()).isZero();
    }

    @Test
    void authenticatedApplicationRelaysAfterStartTls() throws Exception {
        try (SmtpDialog smtp = new SmtpDialog(NODE.submission)) {
            smtp.reply();
            String ehlo = smtp.command("EHLO app.caf.fr");
            assertThat(ehlo).contains("250-STARTTLS").doesNotContain("AUTH");
            assertThat(smtp.command("STARTTLS")).startsWith("220");
            smtp.startTls();
            assertThat(smtp.command("EHLO app.caf.fr")).contains("AUTH").contains("PLAIN").doesNotContain("STARTTLS");
            assertThat(smtp.command("AUTH PLAIN " + plain("caf-notifications", "wrong"))).startsWith("535");
            assertThat(smtp.command("AUTH PLAIN " + plain("caf-notifications", password))).startsWith("235");
            smtp.command("MAIL FROM:<noreply@caf.fr>");
            assertThat(smtp.command("RCPT TO:<citoyen@example.org>")).startsWith("250");
            smtp.command("DATA");
            assertThat(smtp.command("Subject: ok\r\n\r\nbody\r\n.")).startsWith("250 2.0.0");
        }
        assertThat(jdbc.sql("select submitter from spool_message").query(String.class).list())
                .contains("caf-notifications");
    }

    @Test
    void disabledApplicationCannotAuthenticate(@Autowired Submitters submitters) throws Exception {
        String secret = submitters.add("old-app", null, List.of()).password();
        submitters.enable("old-app", false);
        try (SmtpDialog smtp = SmtpDialog.greeted(NODE.submission, "app.caf.fr")) {
            smtp.command("STARTTLS");
            smtp.startTls();
            smtp.command("EHLO app.caf.fr");
            assertThat(smtp.command("AUTH PLAIN " + plain("old-app", secret))).startsWith("535");
        }
    }

    @Test
    void anApplicationAuthenticatesOnlyFromItsOwnNetworks(@Autowired Submitters submitters) throws Exception {
        String secret = submitters.add("elsewhere-app", null, List.of("192.0.2.0/24")).password();
        try (SmtpDialog smtp = SmtpDialog.greeted(NODE.submission, "app.caf.fr")) {
            smtp.command("STARTTLS");
            smtp.startTls();
            smtp.command("EHLO app.caf.fr");
            assertThat(smtp.command("AUTH PLAIN " + plain("elsewhere-app", secret))).as("loopback is not its network")
                    .startsWith("535");
        }
        submitters.changeNetworks("elsewhere-app", List.of("192.0.2.0/24", "127.0.0.0/8"));
        try (SmtpDialog smtp = SmtpDialog.greeted(NODE.submission, "app.caf.fr")) {
            smtp.command("STARTTLS");
            smtp.startTls();
            smtp.command("EHLO app.caf.fr");
            assertThat(smtp.command("AUTH PLAIN " + plain("elsewhere-app", secret))).startsWith("235");
        }
    }

    private static SmtpDialog overTls() throws Exception {
        SmtpDialog smtp = SmtpDialog.greeted(NODE.submission, "app.caf.fr");
        smtp.command("STARTTLS");
        smtp.startTls();
        smtp.command("EHLO app.caf.fr");
        return smtp;
    }

    @Test
    void anApplicationLimitedToItsDomainsSendsAsThemOnly(@Autowired Submitters submitters) throws Exception {
        String secret = submitters.add("caf-crm", null, List.of()).password();
        assertThat(submitters.changeDomains("caf-crm", List.of("CAF.fr", "caf.fr")).domains()).containsExactly("caf.fr");
        try (SmtpDialog smtp = overTls()) {
            assertThat(smtp.command("AUTH PLAIN " + plain("caf-crm", secret))).startsWith("235");
            assertThat(smtp.command("MAIL FROM:<noreply@cnaf.fr>"))
                    .isEqualTo("550 5.7.1 <noreply@cnaf.fr>: not a sender domain of application caf-crm");
            assertThat(smtp.command("MAIL FROM:<noreply@caf.fr>")).startsWith("250");
            assertThat(smtp.command("RCPT TO:<citoyen@example.org>")).startsWith("250");
            assertThat(smtp.command("DATA")).startsWith("354");
            assertThat(smtp.command("From: CNAF <noreply@cnaf.fr>\r\nSubject: x\r\n\r\nbody\r\n."))
                    .as("the From domain is the one DKIM would sign for")
                    .isEqualTo("550 5.7.1 From cnaf.fr: not a sender domain of application caf-crm");
            assertThat(smtp.command("MAIL FROM:<>")).as("a bounce has no domain to check").startsWith("250");
            assertThat(smtp.command("RCPT TO:<citoyen@example.org>")).startsWith("250");
            assertThat(smtp.command("DATA")).startsWith("354");
            assertThat(smtp.command("From: CAF <noreply@caf.fr>\r\nSubject: x\r\n\r\nbody\r\n.")).startsWith("250 2.0.0");
        }
        assertThat(jdbc.sql("select count(*) from spool_message where submitter = 'caf-crm'").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void guessingAnApplicationsPasswordSlowsThenLocksIt(@Autowired Submitters submitters) throws Exception {
        String secret = submitters.add("guessed-app", null, List.of()).password();
        try (SmtpDialog smtp = overTls()) {
            for (int i = 1; i <= LoginThrottle.SLOW_AFTER; i++) {
                assertThat(smtp.command("AUTH PLAIN " + plain("guessed-app", "guess" + i))).startsWith("535");
            }
            long start = System.nanoTime();
            assertThat(smtp.command("AUTH PLAIN " + plain("guessed-app", "guess-slow"))).startsWith("535");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("each further guess waits")
                    .isGreaterThanOrEqualTo(LoginThrottle.SLOWDOWN.minusMillis(50));
            for (int i = LoginThrottle.SLOW_AFTER + 2; i <= LoginThrottle.LOCK_AFTER; i++) {
                assertThat(smtp.command("AUTH PLAIN " + plain("guessed-app", "guess" + i))).startsWith("535");
            }
            assertThat(smtp.command("AUTH PLAIN " + plain("guessed-app", secret))).as("locked: even the right one")
                    .startsWith("535");
        }
    }

    @Test
    void anUnknownNameCostsThePasswordCheckAWrongPasswordCosts(@Autowired Submitters submitters) throws Exception {
        long wrong = Long.MAX_VALUE;
        long unknown = Long.MAX_VALUE;
        try (SmtpDialog smtp = overTls()) {
            for (int i = 0; i < 3; i++) {
                submitters.add("timed-app-" + i, null, List.of());
                long start = System.nanoTime();
                assertThat(smtp.command("AUTH PLAIN " + plain("timed-app-" + i, "wrong"))).startsWith("535");
                wrong = Math.min(wrong, System.nanoTime() - start);
                start = System.nanoTime();
                assertThat(smtp.command("AUTH PLAIN " + plain("no-such-app-" + i, "wrong"))).startsWith("535");
                unknown = Math.min(unknown, System.nanoTime() - start);
            }
        }
        // A bcrypt check either way: without it an unknown name answers in a millisecond.
        assertThat(unknown).as("fastest unknown name vs fastest wrong password, ns").isGreaterThan(wrong / 3);
    }

    private static String plain(String user, String secret) {
        return Base64.getEncoder().encodeToString(("\0" + user + "\0" + secret).getBytes(StandardCharsets.UTF_8));
    }
}
