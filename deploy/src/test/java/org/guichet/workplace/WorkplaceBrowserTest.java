package org.guichet.workplace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Map;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.guichet.Guichet;
import org.guichet.TestNode;
import org.guichet.RawSmtp;
import org.guichet.RecordingSmarthost;
import org.guichet.TestSmtp;
import org.guichet.web.account.AccountService;
import org.guichet.web.account.WebRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.NoAlertPresentException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The agents' workplace in a real headless Chromium, on a node that runs every role: a
 * notice leaves, the citizen replies by SMTP (with a hostile HTML part), an agent signs in,
 * finds the case, answers it, and the answer reaches the citizen's mailbox in the thread.
 * Every page passes axe-core's WCAG 2.1 AA rules.
 */
@SpringBootTest(classes = Guichet.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkplaceBrowserTest {

    static final TestNode NODE = TestNode.running("workplace", "submission,inbound,worker,web")
            .service("prestations", Map.of("name", "Service des prestations", "senders", "@caf.test",
                    "email", "prestations@caf.test"))
            .service("logement", Map.of("name", "Aides au logement", "email", "logement@caf.test"))
            .set("guichet.acknowledgement.services.prestations.implicit-decision", "ACCEPTANCE")
            .set("guichet.sla.implicit-decision", "ACCEPTANCE");
    static final String CITIZEN = "camille@example.org";
    static final Pattern REFERENCE = Pattern.compile("GCH-\\d{4}-\\d{6}");

    static RecordingSmarthost smarthost;
    static String reference;
    static String agentPassword;
    static String colleaguePassword;
    static String outsiderPassword;
    static String supervisorPassword;
    static String adminPassword;

    @LocalServerPort
    int port;

    @BeforeAll
    static void aCitizenReplies(@Autowired AccountService accounts) throws Exception {
        smarthost = new RecordingSmarthost(NODE.smarthost);
        java.nio.file.Path canned = NODE.home.resolve("answers").resolve("prestations");
        java.nio.file.Files.createDirectories(canned);
        java.nio.file.Files.writeString(canned.resolve("Pièce manquante.txt"),
                "Bonjour,\nIl manque une pièce à votre dossier : merci de nous l'envoyer en réponse à ce message.\n");
        agentPassword = accounts.create("camille.agent", EnumSet.of(WebRole.AGENT), List.of("prestations"));
        colleaguePassword = accounts.create("paul.agent", EnumSet.of(WebRole.AGENT), List.of("prestations"));
        outsiderPassword = accounts.create("lea.logement", EnumSet.of(WebRole.AGENT), List.of("logement"));
        supervisorPassword = accounts.create("chef", EnumSet.of(WebRole.SUPERVISOR), List.of("prestations"));
        adminPassword = accounts.create("admin.caf", EnumSet.of(WebRole.ADMIN), List.of());
        TestSmtp.send(NODE.submission, "ne-pas-repondre@caf.test", List.of(CITIZEN), "Votre demande d'aide",
                "Bonjour,\nvotre demande est à l'étude.\nMerci de ne pas répondre à ce message.\n");
        await().atMost(Duration.ofSeconds(60)).until(() -> received(CITIZEN).size() == 1);
        String replyAddress = ((InternetAddress) received(CITIZEN).getFirst().getReplyTo()[0]).getAddress();
        String reply = """
                From: Camille Martin <camille@example.org>
                To: <%s>
                Subject: Re: Votre demande d'aide
                Message-ID: <reponse-1@example.org>
                Date: Mon, 3 Mar 2025 10:02:00 +0100
                MIME-Version: 1.0
                Content-Type: multipart/alternative; boundary="b1"

                --b1
                Content-Type: text/plain; charset=UTF-8

                Bonjour, voici mon avis d'imposition.
                --b1
                Content-Type: text/html; charset=UTF-8

                <html><head><style>body { background: url(https://tracker.example/pixel) }</style></head><body>
                <p>Bonjour, voici mon avis d'imposition.</p>
                <script>window.top.document.title = 'pwned-script'; alert(1)</script>
                <img src="x" onerror="window.top.document.title = 'pwned-img'; alert(2)">
                <a href="javascript:window.top.document.title = 'pwned-link'">mon dossier</a>
                <svg onload="alert(3)"><script>alert(4)</script></svg>
                <div style="background-image: url(javascript:alert(5))">texte</div>
                <iframe src="javascript:alert(6)"></iframe>
                </body></html>
                --b1--
                """.formatted(replyAddress);
        assertThat(RawSmtp.send(NODE.inbound, CITIZEN, List.of(replyAddress), reply)).startsWith("250");
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledgement().isPresent());
        Matcher found = REFERENCE.matcher(acknowledgement().get().getSubject() + " "
                + acknowledgement().get().getContent());
        assertThat(found.find()).isTrue();
        reference = found.group();
    }

    @AfterAll
    static void stop() {
        smarthost.close();
    }

    @Test
    @Order(1)
    void theCitizensHostileHtmlRunsNothing() throws Exception {
        try (Browser browser = new Browser(port, "fr")) {
            browser.signIn("camille.agent", agentPassword).open("/cases/" + reference);
            String title = browser.driver.getTitle();
            browser.find("details summary").click();
            Thread.sleep(1500); // let the frame load and anything that could run, run
            assertThat(browser.driver.getTitle()).as("nothing reached the page").isEqualTo(title);
            assertThatThrownBy(() -> browser.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
            assertThat(browser.find("iframe").getAttribute("sandbox")).isEmpty();
            browser.driver.switchTo().frame(browser.find("iframe"));
            assertThat(browser.text()).as("the frame shows the citizen's HTML").contains("voici mon avis d'imposition");
            browser.driver.switchTo().defaultContent();

            String frame = browser.find("iframe").getAttribute("src");
            browser.driver.get(frame);
            String served = browser.driver.getPageSource();
            assertThat(served).contains("voici mon avis d'imposition").doesNotContain("<script", "onerror", "onload",
                    "javascript:", "tracker.example");
            assertThatThrownBy(() -> browser.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        }
    }

    @Test
    @Order(2)
    void anAgentFindsTheCaseAndAnswersItIntoTheCitizensThread() throws Exception {
        try (Browser browser = new Browser(port, "fr")) {
            browser.signIn("camille.agent", agentPassword);
            assertThat(browser.path()).isEqualTo("/cases");
            assertThat(browser.text()).contains(reference, "Nouveau", "Re: Votre demande d'aide");
            browser.screenshot("inbox");

            browser.find("#q").sendKeys(CITIZEN);
            browser.find("form[role=search] button").click();
            assertThat(browser.text()).contains("1 dossier(s) pour « " + CITIZEN + " »");
            browser.driver.findElement(org.openqa.selenium.By.linkText(reference)).click();

            assertThat(browser.text()).contains("Bonjour, voici mon avis d'imposition.", "Accusé de réception",
                    "Première réponse");
            assertThat(browser.text()).containsPattern("réputée acceptée le \\d{2}/\\d{2}/\\d{4} \\(CRPA L231-1\\)")
                    .contains("Sans réponse d'ici là");
            browser.driver.findElement(org.openqa.selenium.By.linkText("Pièce manquante")).click();
            assertThat(browser.find("#body").getAttribute("value")).as("a ready-made answer to start from")
                    .startsWith("Bonjour,\nIl manque une pièce");
            browser.find("#body").clear();
            browser.screenshot("case");
            assertThat(browser.find(".checks").getText()).as("the sender checks beside the message")
                    .contains("SPF", "DKIM", "DMARC");
            String caseUrl = browser.path();
            browser.driver.findElement(org.openqa.selenium.By.partialLinkText("message d'origine")).click();
            assertThat(browser.driver.getPageSource()).contains("Message-ID: &lt;reponse-1@example.org&gt;");
            browser.open(caseUrl);
            browser.find("#body").sendKeys("Bonjour Madame,\nVotre dossier est complet.\nLe service des prestations");
            java.nio.file.Path attestation = NODE.home.resolve("attestation.pdf");
            java.nio.file.Files.write(attestation, "%PDF-1.4\n1 0 obj <<>> endobj\n".getBytes(
                    java.nio.charset.StandardCharsets.US_ASCII));
            browser.find("#files").sendKeys(attestation.toString());
            browser.find("#close").click();
            browser.find("form[action*='/answers'] button[type=submit]").click();

            assertThat(browser.find("[role=status]").getText()).contains("Réponse envoyée à " + CITIZEN,
                    "le dossier est clos");
            assertThat(browser.text()).contains("Clos", "Votre dossier est complet.");
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> answer().isPresent());
        MimeMessage answer = answer().get();
        assertThat(answer.getSubject()).contains(reference);
        assertThat(answer.getHeader("In-Reply-To", null)).isEqualTo("<reponse-1@example.org>");
        assertThat(answer.getHeader("References", null)).contains("<reponse-1@example.org>");
        assertThat(answer.getFrom()[0].toString()).contains("prestations@caf.test").doesNotContain("camille.agent");
        jakarta.mail.internet.MimeMultipart parts = (jakarta.mail.internet.MimeMultipart) answer.getContent();
        assertThat(parts.getBodyPart(1).getFileName()).as("the file the agent joined").isEqualTo("attestation.pdf");
    }

    @Test
    @Order(3)
    void twoAgentsOnOneCaseNeverAnswerTwice() throws Exception {
        try (Browser camille = new Browser(port, "fr"); Browser paul = new Browser(port, "fr")) {
            camille.signIn("camille.agent", agentPassword).open("/cases/" + reference);
            paul.signIn("paul.agent", colleaguePassword).open("/cases/" + reference);
            assertThat(paul.find("#presence").getText()).contains("Également sur ce dossier : camille.agent");

            paul.find("#body").sendKeys("Complément : votre versement arrive lundi.");
            paul.find("form[action*='/answers'] button[type=submit]").click();
            assertThat(paul.find("[role=status]").getText()).contains("Réponse envoyée");
            int sent = answers().size();

            camille.find("#body").sendKeys("Bonjour, votre dossier est complet.");
            camille.find("form[action*='/answers'] button[type=submit]").click();
            assertThat(camille.find("[role=alert]").getText()).contains("paul.agent a répondu entre-temps");
            assertThat(camille.find("#body").getAttribute("value")).as("the draft is kept")
                    .isEqualTo("Bonjour, votre dossier est complet.");
            Thread.sleep(1000);
            assertThat(answers()).as("nothing more was sent").hasSize(sent);
        }
    }

    @Test
    @Order(4)
    void anotherServicesAgentCannotOpenTheCase() {
        try (Browser lea = new Browser(port, "fr")) {
            lea.signIn("lea.logement", outsiderPassword).open("/cases/" + reference);
            assertThat(lea.text()).doesNotContain("voici mon avis d'imposition");
            lea.open("/cases");
            assertThat(lea.text()).doesNotContain(reference).contains("Aucun dossier dans cette file.");
        }
    }

    @Test
    @Order(5)
    void everyPagePassesTheAccessibilityRulesInBothLanguages() {
        for (String language : List.of("fr", "en")) {
            try (Browser browser = new Browser(port, language)) {
                List<String> problems = new ArrayList<>();
                browser.open("/login");
                problems.addAll(page(browser));
                browser.signIn("camille.agent", agentPassword);
                for (String path : List.of("/cases", "/cases?queue=mine", "/cases?queue=unassigned",
                        "/cases?queue=due-soon", "/cases?queue=breached", "/cases?q=" + CITIZEN, "/cases/" + reference,
                        "/accessibilite")) {
                    browser.open(path);
                    problems.addAll(page(browser));
                }
                browser.driver.manage().deleteAllCookies();
                browser.signIn("chef", supervisorPassword).open("/supervision");
                problems.addAll(page(browser));
                browser.open("/audit?month=" + java.time.YearMonth.now(java.time.ZoneId.of("Europe/Paris")));
                problems.addAll(page(browser));
                assertThat(browser.text()).contains(language.equals("fr") ? "demandes d'usagers reçues"
                        : "requests from citizens received");
                if (language.equals("fr")) {
                    browser.screenshot("audit");
                }
                browser.driver.manage().deleteAllCookies();
                browser.signIn("admin.caf", adminPassword).open("/admin/accounts");
                problems.addAll(page(browser));
                if (language.equals("fr")) {
                    browser.screenshot("accounts");
                }
                assertThat(problems).as(language).isEmpty();
                browser.open("/cases");
                assertThat(browser.text()).contains(language.equals("fr") ? "Mes services" : "My services");
            }
        }
    }

    @Test
    @Order(6)
    void aSupervisorSeesTheFiguresAndReassignsInBulk() {
        try (Browser chef = new Browser(port, "fr")) {
            chef.signIn("chef", supervisorPassword).open("/cases/" + reference);
            new org.openqa.selenium.support.ui.Select(chef.find("#status")).selectByValue("open");
            chef.find("form[action$='/status'] button[type=submit]").click();
            assertThat(chef.find("[role=status]").getText()).contains("Statut modifié");
            chef.open("/supervision");
            assertThat(chef.all("svg.chart")).as("charts drawn on the server").hasSize(2);
            assertThat(chef.all("svg.chart rect.bar")).hasSize(16);
            chef.screenshot("supervision");
            assertThat(chef.text()).contains("Chiffres par semaine", "Réattribuer des dossiers");
            chef.find("input[name=cases][value='" + reference + "']").click();
            new org.openqa.selenium.support.ui.Select(chef.find("#assignee")).selectByValue("paul.agent");
            chef.find("form[action$='/reassign'] button[type=submit]").click();
            assertThat(chef.find("[role=status]").getText()).contains("1 dossier(s) réattribué(s)");
            assertThat(chef.text()).contains("paul.agent");
        }
        try (Browser camille = new Browser(port, "fr")) {
            camille.signIn("camille.agent", agentPassword).open("/supervision");
            assertThat(camille.text()).as("an agent is no supervisor").doesNotContain("Réattribuer des dossiers");
        }
    }

    private static List<String> page(Browser browser) {
        return browser.accessibilityViolations().stream().map(v -> browser.path() + " " + v).toList();
    }

    private static List<MimeMessage> received(String recipient) {
        List<MimeMessage> messages = new ArrayList<>();
        for (RecordingSmarthost.Received mail : smarthost.received()) {
            if (mail.recipients().contains(recipient)) {
                try {
                    messages.add(mail.message());
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
        }
        return messages;
    }

    private static Optional<MimeMessage> acknowledgement() {
        return received(CITIZEN).stream().filter(m -> subject(m).startsWith("Accusé de réception")).findFirst();
    }

    private static List<MimeMessage> answers() {
        return received(CITIZEN).stream().filter(m -> subject(m).startsWith("Re:") && subject(m).contains("GCH-"))
                .toList();
    }

    private static Optional<MimeMessage> answer() {
        return answers().stream().findFirst();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject() == null ? "" : message.getSubject();
        } catch (Exception e) {
            return "";
        }
    }
}
