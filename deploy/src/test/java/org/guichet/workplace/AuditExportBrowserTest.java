package org.guichet.workplace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.casework.TestCases.answered;
import static org.guichet.casework.TestCases.reply;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.guichet.Guichet;
import org.guichet.TestNode;
import org.guichet.casework.Case;
import org.guichet.casework.Casework;
import org.guichet.casework.EventLog;
import org.guichet.cli.CommandRun;
import org.guichet.export.ExportVerification;
import org.guichet.web.account.AccountService;
import org.guichet.web.account.WebRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An auditor exports and the export verifies, in a real headless Chromium: signed in, the
 * auditor fills the « Export complet » form of {@code /audit} and downloads what it asks for
 * with the browser's own session; the file holds no citizen's address and verifies with
 * {@code guichet export verify}, and the report recomputed from it has the page's figures.
 * The page, with its channel filter and export form, passes axe-core's WCAG 2.1 AA rules.
 */
@SpringBootTest(classes = Guichet.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditExportBrowserTest {

    static final TestNode NODE = TestNode.running("audit-export", "web")
            .service("prestations", "name", "Prestations");

    static String auditorPassword;
    static String adminPassword;

    @LocalServerPort
    int port;

    @BeforeAll
    static void accountsAndApril(@Autowired AccountService accounts, @Autowired Casework casework,
            @Autowired EventLog events) {
        auditorPassword = accounts.create("auditrice", EnumSet.of(WebRole.AUDITOR));
        adminPassword = accounts.create("admin.export", EnumSet.of(WebRole.ADMIN));
        Case answered = casework.receive(reply("B1", "2026-04-02T08:00:00Z")).caseFile();
        casework.receive(reply("B2", "2026-04-02T09:00:00Z"));
        answered(events, answered.id(), "2026-04-03T08:00:00Z");
    }

    @Test
    void anAuditorExportsAndTheExportVerifies(@TempDir Path folder) throws Exception {
        try (Browser browser = new Browser(port, "fr")) {
            browser.signIn("auditrice", auditorPassword).open("/audit?month=2026-04&channel=direct");
            assertThat(browser.text()).contains("Export complet", "2 demandes d'usagers reçues en 2026-04");
            assertThat(browser.find("#channel option[selected]").getAttribute("value")).isEqualTo("direct");
            assertThat(browser.find("#channel option[selected]").getText()).isEqualTo("Écrit directement à un service");
            assertThat(browser.find("a[href*='2026-04.csv']").getAttribute("href")).contains("channel=direct");
            assertThat(browser.all("#export-addresses")).as("addresses in clear are for administrators").isEmpty();
            assertThat(browser.accessibilityViolations()).isEmpty();

            Map<String, Object> download = download(browser, "2026-04-01", "2026-04-30");
            assertThat(download.get("status")).isEqualTo(200L);
            assertThat((String) download.get("type")).startsWith("application/x-ndjson");
            assertThat((String) download.get("disposition"))
                    .contains("attachment").contains("guichet-export-2026-04-01-2026-04-30.jsonl");
            String body = (String) download.get("body");
            assertThat(body).doesNotContain("@example.org").contains("\"record\":\"trailer\"");
            Path file = folder.resolve("export.jsonl");
            Files.writeString(file, body, StandardCharsets.UTF_8);

            assertThat(ExportVerification.verify(file, List.of(), List.of()).problems()).isEmpty();
            CommandRun verified = CommandRun.of("export", "verify", file.toString());
            assertThat(verified.status()).as(verified.out()).isZero();
            assertThat(verified.out()).contains("export: verifies");
            CommandRun report = CommandRun.of("export", "report", file.toString(), "--month", "2026-04");
            assertThat(report.out()).contains("\r\nadministration,,month,2026-04,2,");
        }
    }

    @Test
    void anAdministratorMayAskForTheAddressesAnAuditorMayNot() throws Exception {
        try (Browser browser = new Browser(port, "fr")) {
            browser.signIn("auditrice", auditorPassword).open("/audit?month=2026-04");
            Map<String, Object> refused = fetch(browser, "/audit/export?from=2026-04-01&to=2026-04-30&addresses=true");
            assertThat(refused.get("status")).isEqualTo(403L);
            assertThat((String) refused.get("type")).startsWith("application/problem+json");
            assertThat((String) refused.get("body")).contains("for administrators only");
            browser.driver.manage().deleteAllCookies();
            browser.signIn("admin.export", adminPassword).open("/audit?month=2026-04");
            assertThat(browser.accessibilityViolations()).as("with the addresses checkbox").isEmpty();
            browser.find("#export-addresses").click();
            Map<String, Object> clear = download(browser, "2026-04-01", "2026-04-30");
            assertThat(clear.get("status")).isEqualTo(200L);
            assertThat((String) clear.get("body")).contains("\"citizen\":\"b1@example.org\"");
        }
    }

    /** Fills the export form's dates and fetches what it asks for, with the page's session. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> download(Browser browser, String from, String to) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver;
        js.executeScript("document.getElementById('export-from').value = arguments[0];"
                + "document.getElementById('export-to').value = arguments[1];", from, to);
        return (Map<String, Object>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const form = document.querySelector('form.export');
                const url = form.action + '?' + new URLSearchParams(new FormData(form));
                fetch(url, {credentials: 'same-origin'}).then(r => r.text().then(body => done({status: r.status,
                    type: r.headers.get('Content-Type'), disposition: r.headers.get('Content-Disposition'), body})))
                    .catch(e => done({status: -1, body: String(e)}));""");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fetch(Browser browser, String path) {
        return (Map<String, Object>) ((JavascriptExecutor) browser.driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text().then(body => done({
                    status: r.status, type: r.headers.get('Content-Type'), body})))
                    .catch(e => done({status: -1, body: String(e)}));""", path);
    }
}
