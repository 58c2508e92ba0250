package org.guichet.gateway.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.guichet.casework.Acknowledgements.ImplicitDecision;
import org.guichet.gateway.acknowledgement.AcknowledgementProperties.ServiceSettings;
import org.guichet.gateway.language.Language;
import org.guichet.gateway.mailet.GuichetServices;
import org.guichet.gateway.GatewayTestApplication;
import org.guichet.gateway.pipeline.GuichetMailetContext;
import org.guichet.gateway.pipeline.TestPipelines;
import org.guichet.storage.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * In the assembled gateway, the acknowledger reaches the Acknowledge mailet through the mailet
 * context (a pipeline with Acknowledge starts), services' implicit-decision settings are written
 * at start, and templates come from the home folder.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class AcknowledgementConfigurationTest {

    static final Path HOME = temporaryHome();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path pipeline = HOME.resolve("pipeline.xml");
        Files.writeString(pipeline, TestPipelines.pipeline("""
                <mailet match="All" class="Relay"/>""", """
                <processor state="inbound">
                  <mailet match="All" class="ThreadIntoCase"/>
                  <mailet match="All" class="Acknowledge"/>
                  <mailet match="All" class="Archive"/>
                </processor>"""));
        Files.createDirectories(HOME.resolve("templates/acknowledgement/aides"));
        Files.writeString(HOME.resolve("templates/acknowledgement/aides/fr.txt"), "Dossier ${reference}\n");
        registry.add("spring.datasource.url", TestPostgres::newDatabaseUrl);
        registry.add("guichet.node.home", HOME::toString);
        registry.add("guichet.node.roles", () -> "worker");
        registry.add("guichet.pipeline.config", pipeline::toString);
        registry.add("guichet.node.reply-domain", () -> "reponse.caf.fr");
        registry.add("guichet.administration.services.aides.name", () -> "Aides au logement");
        registry.add("guichet.acknowledgement.services.aides.implicit-decision", () -> "ACCEPTANCE");
        registry.add("guichet.acknowledgement.services.aides.recourse", () -> "Recours : commission de recours amiable.");
        registry.add("guichet.acknowledgement.period", () -> "3d");
        registry.add("guichet.acknowledgement.services.aides.languages", () -> "fr,nl,de");
        registry.add("guichet.acknowledgement.services.aides.default-language", () -> "nl");
    }

    private static Path temporaryHome() {
        try {
            return Files.createTempDirectory("guichet-acknowledgement-home");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    GuichetMailetContext mailetContext;

    @Autowired
    Acknowledger acknowledger;

    @Autowired
    AcknowledgementProperties properties;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theMailetContextPublishesTheAcknowledger() {
        assertThat(GuichetServices.of(mailetContext).find(Acknowledger.class)).containsSame(acknowledger);
        assertThat(properties.period()).isEqualTo(Duration.ofDays(3));
        assertThat(properties.perSender()).isEqualTo(5);
    }

    @Test
    void servicesImplicitDecisionSettingsAreWrittenAtStart() {
        assertThat(jdbc.sql("select implicit_decision || ' | ' || recourse from service where code = 'aides'")
                .query(String.class).single()).isEqualTo("ACCEPTANCE | Recours : commission de recours amiable.");
        assertThat(jdbc.sql("select implicit_decision from service where code = 'default'").query(String.class)
                .single()).isEqualTo("NONE");
    }

    @Test
    void templatesComeFromTheHomeFolder() {
        AcknowledgementTemplates templates = acknowledger.templates();

        assertThat(templates.template("aides", "fr.txt")).isEqualTo("Dossier ${reference}\n");
        assertThat(templates.template("default", "fr.txt")).startsWith("Bonjour,");
    }

    @Test
    void servicesLanguagesAreReadFromTheirSettingsAndTheOthersWriteFrenchThenEnglish() {
        assertThat(properties.languagesOf("aides")).isEqualTo(new ServiceLanguages(
                List.of(Language.FRENCH, Language.DUTCH, Language.GERMAN), Optional.of(Language.DUTCH)));
        assertThat(properties.languagesOf("default")).isEqualTo(ServiceLanguages.DEFAULT);
        assertThat(properties.languagesOf("aides").letterFor(Optional.of(Language.ENGLISH)))
                .containsExactly(Language.DUTCH);
        assertThat(ServiceLanguages.DEFAULT.letterFor(Optional.empty()))
                .containsExactly(Language.FRENCH, Language.ENGLISH);
    }

    @Test
    void anUnknownLanguageOrADefaultTheServiceDoesNotWriteIsRefusedWithTheSettingsName() {
        assertThatThrownBy(() -> properties(List.of("fr", "lb"), null, Map.of()))
                .hasMessageContaining("guichet.acknowledgement.languages").hasMessageContaining("'lb'");
        assertThatThrownBy(() -> properties(null, null, Map.of("aides",
                new ServiceSettings(ImplicitDecision.NONE, null, null, List.of("nl", "de"), "fr"))))
                .hasMessageContaining("guichet.acknowledgement.services.aides.default-language is fr");
        assertThat(properties(null, "fr", Map.of("aides",
                new ServiceSettings(ImplicitDecision.NONE, null, null, List.of("nl", "de"), null)))
                .languagesOf("aides").defaultLanguage())
                .as("a service naming its own languages does not inherit a default it does not write").isEmpty();
    }

    private static AcknowledgementProperties properties(List<String> languages, String defaultLanguage,
            Map<String, ServiceSettings> services) {
        return new AcknowledgementProperties(true, Duration.ofDays(7), 5, Duration.ofHours(24), null, null, languages,
                defaultLanguage, services);
    }

    @Test
    void aLimitOfZeroIsRefusedWithTheSettingsName() {
        assertThatThrownBy(() -> new AcknowledgementProperties(true, Duration.ofDays(7), 0, Duration.ofHours(24),
                null, null, null, null, Map.of())).hasMessageContaining("guichet.acknowledgement.per-sender");
    }
}
