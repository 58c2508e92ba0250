package org.guichet.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.guichet.administration.AdministrationProperties;
import org.guichet.calendar.CalendarProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Settings written under the first key names keep working, and the new names win. */
class RenamedSettingsTest {

    private static StandardEnvironment migrated(Map<String, Object> flags, Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("flags", flags));
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        new RenamedSettings(new DeferredLogs()).postProcessEnvironment(environment, null);
        return environment;
    }

    @Test
    void oldNamesFromFlagsAndEnvironmentVariablesBindUnderTheNewOnes() {
        StandardEnvironment environment = migrated(Map.of(
                "guichet.reply-domain", "reponse.caf.fr",
                "guichet.roles", "inbound,worker",
                "guichet.services.prestations.name", "Prestations",
                "guichet.calendars.prefecture-67.holidays", "FR-ALSACE-MOSELLE"),
                Map.of("GUICHET_HOME", "/srv/guichet"));

        Binder binder = Binder.get(environment);
        NodeProperties node = binder.bindOrCreate("guichet.node", NodeProperties.class);
        assertThat(node.home()).isEqualTo(Path.of("/srv/guichet"));
        assertThat(node.replyDomain()).isEqualTo("reponse.caf.fr");
        assertThat(node.roles()).containsExactlyInAnyOrder(Role.INBOUND, Role.WORKER);
        assertThat(binder.bindOrCreate("guichet.administration", AdministrationProperties.class).services()
                .get("prestations").name()).isEqualTo("Prestations");
        assertThat(binder.bindOrCreate("guichet.sla", CalendarProperties.class).calendars().get("prefecture-67")
                .holidays()).containsExactly("FR-ALSACE-MOSELLE");
    }

    @Test
    void theNewNameWinsWhenBothAreSet() {
        StandardEnvironment environment = migrated(Map.of("guichet.node.home", "/srv/new"),
                Map.of("GUICHET_HOME", "/srv/old"));

        assertThat(Binder.get(environment).bindOrCreate("guichet.node", NodeProperties.class).home())
                .isEqualTo(Path.of("/srv/new"));
    }

    @Test
    void springBootRunsItAtEveryStart() {
        var processors = SpringFactoriesLoader.forDefaultResourceLocation().load(EnvironmentPostProcessor.class,
                ArgumentResolver.of(DeferredLogFactory.class, new DeferredLogs()));

        assertThat(processors).hasAtLeastOneElementOfType(RenamedSettings.class);
    }

    @Test
    void nothingIsAddedWhenNoOldNameIsUsed() {
        StandardEnvironment environment = migrated(Map.of("guichet.node.home", "/srv/guichet",
                "guichet.homepage", "x"), Map.of());

        assertThat(environment.getPropertySources().contains(RenamedSettings.SOURCE)).isFalse();
    }
}
