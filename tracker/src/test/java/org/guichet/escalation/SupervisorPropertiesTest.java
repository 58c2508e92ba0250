package org.guichet.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SupervisorPropertiesTest {

    private static SupervisorProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("guichet",
                SupervisorProperties.class);
    }

    @Test
    void supervisorsAreReadBesideTheServicesOtherSettings() {
        SupervisorProperties properties = bind(Map.of(
                "guichet.services.prestations.name", "Prestations",
                "guichet.services.prestations.senders", "@caf.fr",
                "guichet.services.prestations.supervisors", "chef.prestations@caf.fr, adjoint@caf.fr",
                "guichet.services.accueil.name", "Accueil"));
        assertThat(properties.supervisors("prestations")).containsExactly("chef.prestations@caf.fr", "adjoint@caf.fr");
        assertThat(properties.supervisors("accueil")).isEmpty();
        assertThat(properties.supervisors("unknown")).isEmpty();
        assertThat(bind(Map.of()).supervisors("default")).isEmpty();
    }

    @Test
    void anAddressThatCouldReachAHeaderIsRefusedNamingItsProperty() {
        assertThatThrownBy(() -> bind(Map.of("guichet.services.prestations.supervisors",
                "Chef <chef@caf.fr>")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("guichet.services.prestations.supervisors");
    }
}
