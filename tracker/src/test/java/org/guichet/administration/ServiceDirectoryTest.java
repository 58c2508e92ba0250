package org.guichet.administration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.guichet.administration.AdministrationProperties.ServiceDefinition;
import org.guichet.storage.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Which service a message belongs to, and how the configuration reaches the database. */
class ServiceDirectoryTest {

    private final DataSource database = TestPostgres.newMigratedDatabase();
    private final JdbcClient jdbc = JdbcClient.create(database);

    private ServiceDirectory directory(Map<String, ServiceDefinition> services) {
        ServiceDirectory directory = new ServiceDirectory(new AdministrationProperties("caf-34", "CAF de l'Hérault", services), jdbc, Clock.systemUTC());
        directory.afterPropertiesSet();
        return directory;
    }

    private static ServiceDefinition service(String name, List<String> submitters, List<String> senders) {
        return new ServiceDefinition(name, submitters, senders, "sous 5 jours ouvrés", null, null, null, "default");
    }

    @Test
    void withNothingConfiguredEverythingGoesToTheDefaultService() {
        ServiceIdentity service = directory(Map.of()).resolve(null, "noreply@caf.fr");
        assertThat(service.code()).isEqualTo(ServiceDirectory.DEFAULT);
        assertThat(service.name()).isEqualTo("CAF de l'Hérault");
    }

    @Test
    void submitterWinsOverSenderThenAddressOverDomain() {
        Map<String, ServiceDefinition> services = new LinkedHashMap<>();
        services.put("prestations", service("Service des prestations", List.of(), List.of("@caf.fr")));
        services.put("recouvrement", service("Recouvrement", List.of("crm-recouvrement"), List.of("relances@caf.fr")));
        ServiceDirectory directory = directory(services);

        assertThat(directory.resolve("crm-recouvrement", "noreply@caf.fr").code()).isEqualTo("recouvrement");
        assertThat(directory.resolve(null, "Relances@CAF.fr").code()).isEqualTo("recouvrement");
        assertThat(directory.resolve(null, "noreply@caf.fr").code()).isEqualTo("prestations");
        assertThat(directory.resolve(null, "noreply@impots.gouv.fr").code()).isEqualTo(ServiceDirectory.DEFAULT);
    }

    @Test
    void restartWithChangedConfigurationUpdatesRowsInPlace() {
        directory(Map.of("prestations", service("Prestations", List.of(), List.of())));
        long id = jdbc.sql("select id from service where code = 'prestations'").query(Long.class).single();

        ServiceDirectory again = directory(Map.of("prestations", service("Service des prestations familiales",
                List.of(), List.of())));

        assertThat(again.byCode("prestations").id()).isEqualTo(id);
        assertThat(jdbc.sql("select name from service where id = ?").param(id).query(String.class).single())
                .isEqualTo("Service des prestations familiales");
        assertThat(jdbc.sql("select count(*) from administration").query(Long.class).single()).isEqualTo(1);
    }
}
