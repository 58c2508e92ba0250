package org.guichet.administration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.guichet.administration.AdministrationProperties.ServiceDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** One record holds every setting of a service: routing, contacts, supervisors and mailbox mode. */
class AdministrationPropertiesTest {

    private static AdministrationProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("guichet.administration",
                AdministrationProperties.class);
    }

    @Test
    void everySettingOfAServiceIsReadIntoOneDefinition() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("guichet.administration.services.prestations.name", "Prestations");
        settings.put("guichet.administration.services.prestations.senders", "@caf.fr");
        settings.put("guichet.administration.services.prestations.supervisors", "chef.prestations@caf.fr, adjoint@caf.fr");
        settings.put("guichet.administration.services.prestations.mailbox", "prestations@caf.fr");
        settings.put("guichet.administration.services.prestations.agent-addresses", "agent.un@caf.fr,agent.deux@caf.fr");
        settings.put("guichet.administration.services.prestations.mailbox-mode", "true");
        settings.put("guichet.administration.services.accueil.name", "Accueil");
        AdministrationProperties properties = bind(settings);

        ServiceDefinition prestations = properties.services().get("prestations");
        assertThat(prestations.name()).isEqualTo("Prestations");
        assertThat(prestations.senders()).containsExactly("@caf.fr");
        assertThat(prestations.mailbox()).isEqualTo("prestations@caf.fr");
        assertThat(prestations.agentAddresses()).containsExactly("agent.un@caf.fr", "agent.deux@caf.fr");
        assertThat(prestations.mailboxMode()).isTrue();
        assertThat(prestations.calendar()).isEqualTo("default");
        assertThat(properties.supervisors("prestations")).containsExactly("chef.prestations@caf.fr", "adjoint@caf.fr");

        ServiceDefinition accueil = properties.services().get("accueil");
        assertThat(accueil.mailboxMode()).isFalse();
        assertThat(accueil.agentAddresses()).isEmpty();
        assertThat(properties.supervisors("accueil")).isEmpty();
        assertThat(properties.supervisors("unknown")).isEmpty();
        assertThat(bind(Map.of()).supervisors("default")).isEmpty();
    }

    @Test
    void servicesKeepTheOrderTheyAreWrittenIn() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("guichet.administration.services.zeta.name", "Zeta");
        settings.put("guichet.administration.services.alpha.name", "Alpha");
        settings.put("guichet.administration.services.mu.name", "Mu");
        assertThat(bind(settings).services().keySet()).containsExactly("zeta", "alpha", "mu");
    }

    @Test
    void anAddressThatCouldReachAHeaderIsRefusedNamingItsProperty() {
        assertThatThrownBy(() -> bind(Map.of("guichet.administration.services.prestations.supervisors",
                "Chef <chef@caf.fr>")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("guichet.administration.services.prestations.supervisors");
    }
}
