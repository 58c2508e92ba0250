package org.guichet.workplace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.guichet.Guichet;
import org.guichet.TestNode;
import org.guichet.administration.ServiceDirectory;
import org.guichet.administration.ServiceSettings;
import org.guichet.casework.Acknowledgements;
import org.guichet.sla.SlaMetric;
import org.guichet.sla.SlaPolicyStore;
import org.guichet.web.account.AccountService;
import org.guichet.web.account.WebRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The administrator's pages in a real headless Chromium: a service without phone nor postal
 * address cannot be put back in service until both are given on its page, and the details given
 * there are those acknowledgements read; an SLA policy version is added from the form, a wrong
 * target is refused with what is expected; the calendars show the year's holidays. Every page
 * passes axe-core's WCAG 2.1 AA rules in French and English.
 */
@SpringBootTest(classes = Guichet.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdministrationBrowserTest {

    static final TestNode NODE = TestNode.running("administration", "web")
            .service("prestations", Map.of("name", "Service des prestations", "senders", "@caf.test"));

    static String adminPassword;

    @LocalServerPort
    int port;

    @BeforeAll
    static void anAdministrator(@Autowired AccountService accounts) {
        adminPassword = accounts.create("admin.caf", EnumSet.of(WebRole.ADMIN));
    }

    @Test
    void aServiceIsPutBackInServiceOnlyWithEveryMentionItsAcknowledgementNeeds(@Autowired ServiceSettings settings,
            @Autowired ServiceDirectory directory, @Autowired Acknowledgements acknowledgements) {
        try (Browser browser = new Browser(port, "fr")) {
            browser.signIn("admin.caf", adminPassword).open("/admin");
            assertThat(browser.find(".alert-error").getText()).contains("accusés de réception incomplets")
                    .contains("Service des prestations");

            browser.open("/admin/services/prestations");
            assertThat(browser.find("#mentions-missing").getText()).contains("Adresse postale", "Téléphone");
            browser.find("#toggle-enabled").click();
            assertThat(browser.find("[role=status]").getText()).contains("mis hors service");
            assertThat(settings.find("prestations").orElseThrow().enabled()).isFalse();

            browser.find("#toggle-enabled").click();
            assertThat(browser.find("[role=alert]").getText()).contains("Refusé", "Adresse postale", "Téléphone",
                    "R112-11-1");
            assertThat(settings.find("prestations").orElseThrow().enabled()).isFalse();

            browser.find("#phone").sendKeys("04 67 00 00 00");
            browser.find("#postalAddress").sendKeys("12 rue de la Paix\n34000 Montpellier");
            browser.find("#email").sendKeys("prestations@caf.test");
            browser.find("#save-service").click();
            assertThat(browser.find("[role=status]").getText()).contains("Coordonnées du service prestations enregistrées");
            browser.find("#toggle-enabled").click();
            assertThat(browser.find("[role=status]").getText()).contains("Service prestations mis en service");
            assertThat(browser.find("#service-state").getText()).startsWith("En service");
            assertThat(browser.text()).contains("Modifié sur cette page par admin.caf");
        }
        Acknowledgements.ServiceContact contact = acknowledgements.service(directory.byCode("prestations").id());
        assertThat(contact.phone()).isEqualTo("04 67 00 00 00");
        assertThat(contact.postalAddress()).isEqualTo("12 rue de la Paix\n34000 Montpellier");
        assertThat(contact.email()).isEqualTo("prestations@caf.test");
        assertThat(settings.find("prestations").orElseThrow().enabled()).isTrue();
    }

    @Test
    void anSlaPolicyVersionIsAddedFromTheFormAndAWrongTargetIsRefused(@Autowired SlaPolicyStore store) {
        try (Browser browser = new Browser(port, "fr")) {
            browser.signIn("admin.caf", adminPassword).open("/admin/sla?service=default");
            assertThat(browser.find("#versions").getText()).contains("configuration", "en vigueur");

            browser.find("#target-FIRST_ANSWER").clear();
            browser.find("#target-FIRST_ANSWER").sendKeys("bientôt");
            browser.find("#add-version").click();
            assertThat(browser.find("[role=alert]").getText()).contains("Refusé", "'bientôt' is not an SLA target");
            assertThat(store.versions("default")).isEmpty();

            browser.find("#target-FIRST_ANSWER").clear();
            browser.find("#target-FIRST_ANSWER").sendKeys("3 working days");
            browser.find("#add-version").click();
            LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(1);
            assertThat(browser.find("[role=status]").getText())
                    .contains("Version 1 de la politique de délais du service default enregistrée, en vigueur le "
                            + tomorrow);
            assertThat(browser.find("#versions").getText()).contains("3 working days", tomorrow + " 00:00");
        }
        assertThat(store.versions("default")).singleElement()
                .satisfies(v -> assertThat(v.target(SlaMetric.FIRST_ANSWER).text()).isEqualTo("3 working days"));
    }

    @Test
    void everyAdministrationPagePassesTheAccessibilityRulesInBothLanguages() {
        for (String language : List.of("fr", "en")) {
            try (Browser browser = new Browser(port, language)) {
                browser.signIn("admin.caf", adminPassword);
                List<String> problems = new ArrayList<>();
                for (String path : List.of("/admin", "/admin/services", "/admin/services/prestations",
                        "/admin/sla?service=prestations", "/admin/calendars?year=2027", "/admin/templates",
                        "/account/password?expired")) {
                    browser.open(path);
                    assertThat(browser.driver.findElements(By.cssSelector("h1"))).as(path).isNotEmpty();
                    problems.addAll(browser.accessibilityViolations().stream().map(v -> path + " " + v).toList());
                    if (language.equals("fr") && path.startsWith("/admin/services/")) {
                        browser.screenshot("admin-service");
                    }
                }
                browser.open("/admin/calendars?year=2027");
                assertThat(browser.text()).contains("Noël", "2027-12-25");
                browser.open("/admin/templates");
                browser.find("details.template summary").click();
                assertThat(browser.find("details.template pre").getText()).as("the shipped French body")
                        .contains("${reference}");
                assertThat(problems).as(language).isEmpty();
            }
        }
    }
}
