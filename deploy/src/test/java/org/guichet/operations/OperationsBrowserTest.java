package org.guichet.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;

import org.guichet.TestNode;
import org.guichet.Guichet;
import org.guichet.gateway.dkim.DkimKeys;
import org.guichet.gateway.relay.LoopbackDns;
import org.guichet.gateway.smtp.SmtpDialog;
import org.guichet.queue.QueueOperations;
import org.guichet.web.account.AccountService;
import org.guichet.web.account.WebRole;
import org.guichet.workplace.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The operators' pages in a real headless Chromium: an operator adds a submitting application
 * and its password, read once from the page, opens a real SMTP session on the submission port
 * (loopback is not allow-listed here, so only AUTH lets the message through); the queue page
 * retries, flushes and deletes; the domains page checks a DNS server on loopback before and
 * after the records are published. Every page passes axe-core's WCAG 2.1 AA rules.
 */
@SpringBootTest(classes = Guichet.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsBrowserTest {

    static final LoopbackDns DNS = dns();
    static final String HOSTNAME = "guichet.caf.test";
    static final TestNode NODE = TestNode.running("operations", "submission,web")
            .set("guichet.smtp.hostname", HOSTNAME)
            .set("guichet.submission.allowed-networks", "192.0.2.0/24")
            .set("guichet.submission.allow-plaintext-auth-on-loopback", true)
            .set("guichet.dkim.domains." + TestNode.REPLY_DOMAIN + ".selector", "guichet2026")
            .set("guichet.dns.servers", DNS.address())
            .set("guichet.dns.timeout", "2s");

    static String operatorPassword;
    static String applicationPassword;

    @LocalServerPort
    int port;

    @BeforeAll
    static void anOperator(@Autowired AccountService accounts) {
        operatorPassword = accounts.create("exploitation", EnumSet.of(WebRole.OPERATOR));
    }

    @AfterAll
    static void stopDns() {
        DNS.close();
    }

    @Test
    @Order(1)
    void anOperatorAddsAnApplicationWhosePasswordThenPassesSmtpAuth() throws Exception {
        try (Browser browser = new Browser(port, "fr")) {
            browser.signIn("exploitation", operatorPassword).open("/operations");
            assertThat(browser.find("h1").getText()).isEqualTo("Exploitation");
            assertThat(browser.text()).contains("Destinataires différés", TestNode.REPLY_DOMAIN);
            assertThat(violations(browser)).isEmpty();

            browser.clickThrough(browser.link("Applications d'envoi"));
            assertThat(browser.find("h1").getText()).isEqualTo("Applications d'envoi");
            browser.find("#username").sendKeys("crm-caf");
            browser.find("#description").sendKeys("Notifications du CRM");
            browser.find("#networks").sendKeys("127.0.0.0/8");
            browser.clickThrough("#add");

            assertThat(browser.find("h1").getText()).isEqualTo("Application ajoutée");
            applicationPassword = browser.find("#password").getText();
            assertThat(applicationPassword).hasSizeGreaterThanOrEqualTo(32);
            assertThat(browser.find("#networks").getText()).isEqualTo("127.0.0.0/8");
            assertThat(violations(browser)).isEmpty();
            browser.screenshot("operations-submitter-added");

            browser.open("/operations/submitters");
            WebElement row = browser.find("tr[data-username='crm-caf']");
            assertThat(row.getText()).contains("Notifications du CRM", "Active").doesNotContain(applicationPassword);
            assertThat(row.findElement(By.cssSelector("input[name=networks]")).getAttribute("value"))
                    .isEqualTo("127.0.0.0/8");
            assertThat(browser.source()).doesNotContain(applicationPassword);
            assertThat(violations(browser)).isEmpty();
        }

        try (SmtpDialog smtp = SmtpDialog.greeted(NODE.submission, "crm.caf.test")) {
            assertThat(smtp.command("MAIL FROM:<ne-pas-repondre@caf.test>")).startsWith("250");
            assertThat(smtp.command("RCPT TO:<citoyen@example.org>")).as("loopback is not allow-listed here")
                    .startsWith("550 5.7.1");
            smtp.command("RSET");
            assertThat(smtp.command("AUTH PLAIN " + plain("crm-caf", "not-the-password"))).startsWith("535");
            assertThat(smtp.command("AUTH PLAIN " + plain("crm-caf", applicationPassword))).startsWith("235");
            assertThat(smtp.command("MAIL FROM:<ne-pas-repondre@caf.test>")).startsWith("250");
            assertThat(smtp.command("RCPT TO:<citoyen@example.org>")).startsWith("250");
            assertThat(smtp.command("DATA")).startsWith("354");
            assertThat(smtp.command("From: <ne-pas-repondre@caf.test>\r\nTo: <citoyen@example.org>\r\n"
                    + "Subject: Votre attestation\r\n\r\nBonjour.\r\n.")).startsWith("250 2.0.0");
        }
    }

    @Test
    @Order(2)
    void aBadNetworkIsRefusedOnTheFormAndAnApplicationIsDisabledRestrictedAndDeleted() throws Exception {
        try (Browser browser = new Browser(port, "fr")) {
            browser.signIn("exploitation", operatorPassword).open("/operations/submitters");
            browser.find("#username").sendKeys("portail");
            browser.find("#networks").sendKeys("10.0.0.0/8, 10.300.0.0/16");
            browser.clickThrough("#add");
            WebElement error = browser.find("#networks-error");
            assertThat(error.getText()).isEqualTo("« 10.300.0.0/16 » n'est pas un réseau IP : écrivez une plage CIDR"
                    + " comme 10.1.2.0/24 ou 2001:db8::/32, ou une seule adresse.");
            assertThat(browser.find("#networks").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.find("#username").getAttribute("value")).as("the form keeps what was typed")
                    .isEqualTo("portail");
            assertThat(browser.all("tr[data-username='portail']")).isEmpty();
            assertThat(violations(browser)).isEmpty();
            browser.screenshot("operations-submitters");

            browser.clickThrough("tr[data-username='crm-caf'] button.toggle");
            assertThat(browser.find("[role=status]").getText()).contains("Application crm-caf désactivée");
            assertThat(browser.find("tr[data-username='crm-caf'] .state").getText()).isEqualTo("Désactivée");
        }
        assertThat(auth("crm-caf", applicationPassword)).as("disabled").startsWith("535");

        try (Browser browser = new Browser(port, "en")) {
            browser.signIn("exploitation", operatorPassword).open("/operations/submitters");
            browser.clickThrough("tr[data-username='crm-caf'] button.toggle");
            assertThat(browser.find("[role=status]").getText()).isEqualTo("Application crm-caf enabled.");
            assertThat(auth("crm-caf", applicationPassword)).startsWith("235");

            WebElement networks = browser.find("tr[data-username='crm-caf'] input[name=networks]");
            networks.clear();
            networks.sendKeys("192.0.2.0/24 not-a-network");
            browser.clickThrough("tr[data-username='crm-caf'] form[action$='/networks'] button");
            assertThat(browser.find("[role=alert]").getText()).isEqualTo("'not-a-network' is not an IP network:"
                    + " write a CIDR range such as 10.1.2.0/24 or 2001:db8::/32, or one address.");
            networks = browser.find("tr[data-username='crm-caf'] input[name=networks]");
            networks.clear();
            networks.sendKeys("192.0.2.0/24");
            browser.clickThrough("tr[data-username='crm-caf'] form[action$='/networks'] button");
            assertThat(browser.find("[role=status]").getText()).isEqualTo("Networks of crm-caf saved.");
            assertThat(auth("crm-caf", applicationPassword)).as("loopback is no longer its network").startsWith("535");

            browser.find("tr[data-username='crm-caf'] input[name=confirm]").click();
            browser.clickThrough("tr[data-username='crm-caf'] button.delete");
            assertThat(browser.find("[role=status]").getText()).isEqualTo("Application crm-caf deleted.");
            assertThat(browser.all("tr[data-username='crm-caf']")).isEmpty();
            assertThat(violations(browser)).isEmpty();
        }
    }

    @Test
    @Order(3)
    void theQueuePageRetriesFlushesAndDeletesAMessage(@Autowired QueueOperations queue, @Autowired JdbcClient jdbc)
            throws Exception {
        String queueId = queue.list(null, 100).stream().filter(e -> e.sender().equals("ne-pas-repondre@caf.test"))
                .findFirst().orElseThrow().queueId();
        // No worker runs here: the message is left as the relay leaves a recipient whose MX said 451.
        jdbc.sql("update spool_message set stage = 'delivery' where queue_id = :id").param("id", queueId).update();
        jdbc.sql("""
                        insert into spool_recipient (message_id, recipient, status, attempts, next_attempt_at,
                                                     last_reply, updated_at)
                        select id, 'citoyen@example.org', 'deferred', 1, now() + interval '1 hour',
                               '451 4.7.1 Try again later', now()
                        from spool_message where queue_id = :id""").param("id", queueId).update();
        try (Browser browser = new Browser(port, "fr")) {
            browser.signIn("exploitation", operatorPassword).open("/operations/queue?status=deferred");
            assertThat(browser.find("tr[data-queue-id='" + queueId + "']").getText())
                    .contains("ne-pas-repondre@caf.test", "remise", "citoyen@example.org (différé)");
            assertThat(violations(browser)).isEmpty();
            browser.screenshot("operations-queue");

            browser.clickThrough("#flush");
            assertThat(browser.find("[role=status]").getText())
                    .isEqualTo("Nouvel essai immédiat pour 1 destinataire(s) différé(s).");

            browser.clickThrough(browser.link(queueId));
            assertThat(browser.find("h1").getText()).isEqualTo("Message " + queueId);
            assertThat(browser.find("pre.headers").getText()).contains("Subject: Votre attestation");
            assertThat(browser.find("dl.facts").getText()).contains("crm-caf", "127.0.0.1");
            assertThat(browser.find("#recipients tr[data-status=deferred]").getText())
                    .contains("citoyen@example.org", "différé", "451 4.7.1 Try again later");
            assertThat(violations(browser)).isEmpty();
            browser.screenshot("operations-message");

            browser.clickThrough("#retry");
            assertThat(browser.find("[role=status]").getText())
                    .isEqualTo("Message " + queueId + " : 1 destinataire(s) à réessayer maintenant.");

            browser.find("#delete").click();
            assertThat(browser.path()).as("the unticked box keeps the form from being sent")
                    .isEqualTo("/operations/queue/" + queueId);
            assertThat(queue.show(queueId)).isPresent();
            browser.find("#confirm-delete").click();
            browser.clickThrough("#delete");
            assertThat(browser.find("[role=status]").getText()).isEqualTo("Message " + queueId + " supprimé.");
            assertThat(browser.path()).startsWith("/operations/queue");
            assertThat(browser.all("tr[data-queue-id='" + queueId + "']")).isEmpty();
        }
        assertThat(queue.show(queueId)).isEmpty();
    }

    @Test
    @Order(4)
    void theDomainsPageShowsTheRecordsMissingThenPublished(@Autowired DkimKeys keys) throws Exception {
        String reply = TestNode.REPLY_DOMAIN;
        try (Browser browser = new Browser(port, "fr")) {
            browser.signIn("exploitation", operatorPassword).open("/operations/domains");
            WebElement domain = browser.find("article[data-domain='" + reply + "']");
            assertThat(domain.getText()).contains(reply + ". IN MX 10 " + HOSTNAME + ".",
                    "_dmarc." + reply + ". IN TXT", "guichet2026._domainkey." + reply + ". IN TXT",
                    "sélecteur guichet2026");
            assertThat(violations(browser)).isEmpty();

            browser.clickThrough("article[data-domain='" + reply + "'] button.check-dns");
            assertThat(statuses(browser, reply)).containsExactly("MX=MISSING", "SPF=MISSING", "DKIM=MISSING",
                    "DMARC=MISSING", "MTA-STS=MISSING");
            assertThat(browser.find("article[data-domain='" + reply + "'] table.checked").getText())
                    .contains("rien n'est publié", "point the MX of " + reply);
            assertThat(violations(browser)).isEmpty();

            String key = keys.forDomain(reply).orElseThrow().txtValue();
            DNS.mx(reply, 10, HOSTNAME).txt(reply, "v=spf1 a:" + HOSTNAME + " -all")
                    .txt("guichet2026._domainkey." + reply, key)
                    .txt("_dmarc." + reply, "v=DMARC1; p=quarantine; rua=mailto:dmarc@caf.test");
            browser.clickThrough("article[data-domain='" + reply + "'] button.check-dns");
            assertThat(statuses(browser, reply)).containsExactly("MX=OK", "SPF=OK", "DKIM=OK", "DMARC=OK",
                    "MTA-STS=MISSING");
            assertThat(browser.find("article[data-domain='" + reply + "'] [role=status]").getText())
                    .as("MTA-STS is recommended only").isEqualTo("Tous les enregistrements requis de " + reply
                            + " sont publiés.");
            assertThat(violations(browser)).isEmpty();
            browser.screenshot("operations-domains");
        }
    }

    private static List<String> statuses(Browser browser, String domain) {
        browser.find("article[data-domain='" + domain + "'] table.checked");
        return browser.all("article[data-domain='" + domain + "'] table.checked tbody tr").stream()
                .map(row -> row.getAttribute("data-purpose") + "=" + row.getAttribute("data-status")).toList();
    }

    /** AUTH PLAIN on a fresh submission session; its reply. */
    private static String auth(String user, String password) throws IOException {
        try (SmtpDialog smtp = SmtpDialog.greeted(NODE.submission, "crm.caf.test")) {
            return smtp.command("AUTH PLAIN " + plain(user, password));
        }
    }

    private static String plain(String user, String secret) {
        return Base64.getEncoder().encodeToString(("\0" + user + "\0" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> violations(Browser browser) {
        return browser.accessibilityViolations().stream().map(v -> browser.path() + " " + v).toList();
    }

    private static LoopbackDns dns() {
        try {
            return new LoopbackDns();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
