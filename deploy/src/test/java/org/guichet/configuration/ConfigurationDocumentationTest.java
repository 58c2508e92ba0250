package org.guichet.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every {@code guichet.*} key an IDE completes (the configuration metadata of every module on
 * the deployed class path) is documented in {@code docs/configuration.md}.
 */
class ConfigurationDocumentationTest {

    private static final Path GUIDE = Path.of("").toAbsolutePath().getParent().resolve("docs/configuration.md");
    private static final Pattern DOCUMENTED_KEY = Pattern.compile("`(guichet\\.[a-z0-9.<>\\[\\]_-]+)`");

    @Test
    void everyKeyOfTheMetadataIsInTheConfigurationGuide() throws IOException {
        Set<String> keys = metadataKeys();
        // Guards against a class path without the modules' metadata, which would make this test pass for nothing.
        assertThat(keys).contains("guichet.node.reply-domain", "guichet.node.roles", "guichet.administration.services", "guichet.relay.smarthost",
                "guichet.notice.commitment");

        Set<String> documented = documentedKeys();
        List<String> missing = keys.stream().filter(key -> !isDocumented(key, documented)).toList();
        assertThat(missing).as("keys of the configuration metadata missing from docs/configuration.md").isEmpty();
    }

    /** A map key ({@code guichet.administration.services}) is documented by its entries ({@code guichet.administration.services.<code>.name}). */
    private static boolean isDocumented(String key, Set<String> documented) {
        return documented.contains(key) || documented.stream().anyMatch(d -> d.startsWith(key + ".<"));
    }

    private static Set<String> metadataKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        JsonMapper json = JsonMapper.builder().build();
        for (URL resource : Collections.list(ConfigurationDocumentationTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = resource.openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    String name = property.path("name").asString();
                    if (name.startsWith("guichet.")) {
                        keys.add(name);
                    }
                }
            }
        }
        return keys;
    }

    /** Keys written in backquotes, as the guide's tables name them. */
    private static Set<String> documentedKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        Matcher key = DOCUMENTED_KEY.matcher(Files.readString(GUIDE));
        while (key.find()) {
            keys.add(key.group(1));
        }
        return keys;
    }
}
