package org.guichet.administration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.guichet.TestClock;
import org.guichet.administration.AdministrationProperties.ServiceDefinition;
import org.guichet.administration.ServiceChangeRefused.Reason;
import org.guichet.storage.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The administration page's changes to a service: contact details that acknowledgements read,
 * kept over a restart with another configuration; enabling refused while an R112-11-1 mention
 * is missing; a disabled service's mail going to the default service on every node.
 */
class ServiceSettingsTest {

    private final DataSource database = TestPostgres.newMigratedDatabase();
    private final JdbcClient jdbc = JdbcClient.create(database);
    private final TestClock clock = new TestClock(Instant.parse("2026-11-02T09:00:00Z"));
    private final ServiceSettings settings = new ServiceSettings(jdbc, clock);

    private ServiceDirectory start(ServiceDefinition prestations) {
        Map<String, ServiceDefinition> services = new LinkedHashMap<>();
        services.put("prestations", prestations);
        ServiceDirectory directory = new ServiceDirectory(new AdministrationProperties("caf-34", "CAF de l'Hérault",
                services), jdbc, clock);
        directory.afterPropertiesSet();
        return directory;
    }

    private static ServiceDefinition configured(String name, String phone) {
        return new ServiceDefinition(name, List.of(), List.of("@caf.fr"), "sous 5 jours ouvrés", null, phone, null,
                "default");
    }

    @Test
    void aServiceLackingAMentionCannotBeEnabledUntilItIsGiven() {
        start(configured("Prestations", null));
        settings.enable("prestations", false, "admin");

        assertThatThrownBy(() -> settings.enable("prestations", true, "admin"))
                .isInstanceOfSatisfying(ServiceChangeRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.MENTION_MISSING);
                    assertThat(e.missing()).containsExactlyInAnyOrder(Mention.PHONE, Mention.POSTAL_ADDRESS);
                });
        assertThat(settings.find("prestations").orElseThrow().enabled()).isFalse();

        settings.edit("prestations", new ContactDetails("Prestations familiales", " sous 5 jours ouvrés ", "",
                "04 67 00 00 00", "12 rue de la Paix\n34000 Montpellier"), "admin");
        ServiceSheet enabled = settings.enable("prestations", true, "admin");

        assertThat(enabled.enabled()).isTrue();
        assertThat(enabled.complete()).isTrue();
        assertThat(enabled.email()).isNull();
        assertThat(enabled.commitment()).isEqualTo("sous 5 jours ouvrés");
        assertThat(enabled.editedBy()).isEqualTo("admin");
    }

    @Test
    void anEnabledServiceCannotLoseAMentionButMayKeepOneMissingSinceBefore() {
        start(configured("Prestations", "04 67 00 00 00"));
        ContactDetails withoutPhone = new ContactDetails("Prestations", null, null, null, "1 place de la Mairie");

        assertThatThrownBy(() -> settings.edit("prestations", withoutPhone, "admin"))
                .isInstanceOfSatisfying(ServiceChangeRefused.class,
                        e -> assertThat(e.missing()).containsExactly(Mention.PHONE));
        // Enabled by the configuration without a postal address: editing other fields stays possible.
        settings.edit("prestations", new ContactDetails("Prestations familiales", null, null, "04 67 00 00 00", null),
                "admin");
        assertThat(settings.find("prestations").orElseThrow().name()).isEqualTo("Prestations familiales");
    }

    @Test
    void theDefaultServiceStaysEnabledAndBadValuesAreRefused() {
        start(configured("Prestations", null));

        assertThatThrownBy(() -> settings.enable(ServiceDirectory.DEFAULT, false, "admin"))
                .isInstanceOfSatisfying(ServiceChangeRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.DEFAULT_SERVICE));
        assertThatThrownBy(() -> settings.edit("prestations", new ContactDetails(" ", null, null, null, null), "admin"))
                .isInstanceOfSatisfying(ServiceChangeRefused.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID));
        assertThatThrownBy(() -> settings.edit("prestations",
                new ContactDetails("Prestations", null, "pas une adresse", null, null), "admin"))
                .isInstanceOfSatisfying(ServiceChangeRefused.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID));
        assertThatThrownBy(() -> settings.enable("inconnu", true, "admin"))
                .isInstanceOfSatisfying(ServiceChangeRefused.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
    }

    @Test
    void detailsEditedOnThePageOutliveARestartWithTheConfigurationsOwn() {
        start(configured("Prestations", "04 67 00 00 00"));
        settings.edit("prestations", new ContactDetails("Service des prestations familiales", null, "prestations@caf.fr",
                "04 67 11 11 11", "12 rue de la Paix"), "admin");

        ServiceDirectory restarted = start(configured("Prestations (configuration)", "04 67 00 00 00"));

        ServiceSheet sheet = settings.find("prestations").orElseThrow();
        assertThat(sheet.name()).isEqualTo("Service des prestations familiales");
        assertThat(sheet.phone()).isEqualTo("04 67 11 11 11");
        assertThat(sheet.postalAddress()).isEqualTo("12 rue de la Paix");
        assertThat(restarted.byCode("prestations").name()).isEqualTo("Service des prestations familiales");
    }

    @Test
    void aDisabledServicesMailGoesToTheDefaultServiceWithinTheRefreshOnEveryNode() {
        start(configured("Prestations", "04 67 00 00 00"));
        ServiceDirectory other = start(configured("Prestations", "04 67 00 00 00"));
        assertThat(other.resolve(null, "noreply@caf.fr").code()).isEqualTo("prestations");

        settings.edit("prestations", new ContactDetails("Prestations familiales", null, null, "04 67 00 00 00",
                "12 rue de la Paix"), "admin");
        settings.enable("prestations", false, "admin");
        assertThat(other.resolve(null, "noreply@caf.fr").code()).as("read at most every 10 s").isEqualTo("prestations");

        clock.advance(Duration.ofSeconds(11));
        assertThat(other.resolve(null, "noreply@caf.fr").code()).isEqualTo(ServiceDirectory.DEFAULT);

        settings.enable("prestations", true, "admin");
        clock.advance(Duration.ofSeconds(11));
        ServiceIdentity back = other.resolve(null, "noreply@caf.fr");
        assertThat(back.code()).isEqualTo("prestations");
        assertThat(back.name()).isEqualTo("Prestations familiales");
    }
}
