package org.guichet.node;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Keeps installations written for the first key names running: each setting found under an old
 * name (flag, environment variable or properties file) is also given under its new name, below
 * every other source so that the new name wins when both are set, and a warning names the new
 * key. Like Spring Boot's properties migrator, but always on and for Guichet's own keys.
 */
public class RenamedSettings implements EnvironmentPostProcessor, Ordered {

    /** Old prefix, new prefix: everything under the old one moved as it was. */
    static final List<Map.Entry<String, String>> RENAMED = List.of(
            Map.entry("guichet.home", "guichet.node.home"),
            Map.entry("guichet.roles", "guichet.node.roles"),
            Map.entry("guichet.name", "guichet.node.name"),
            Map.entry("guichet.reply-domain", "guichet.node.reply-domain"),
            Map.entry("guichet.services", "guichet.administration.services"),
            Map.entry("guichet.calendars", "guichet.sla.calendars"));

    /** The old prefixes, parsed once. */
    private static final Map<String, ConfigurationPropertyName> OLD_NAMES = RENAMED.stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> ConfigurationPropertyName.of(e.getKey())));

    static final String SOURCE = "guichet-renamed-settings";

    private final Log log;

    public RenamedSettings(DeferredLogFactory logs) {
        this.log = logs.getLog(RenamedSettings.class);
    }

    @Override
    public int getOrder() {
        // After application.properties and config files are read, so that they are migrated too.
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> moved = new LinkedHashMap<>();
        Map<String, String> warned = new LinkedHashMap<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (!(source instanceof IterableConfigurationPropertySource names)) {
                continue;
            }
            names.stream().forEach(name -> {
                String renamed = renamed(name);
                if (renamed == null || moved.containsKey(renamed)) {
                    return;
                }
                ConfigurationProperty property = source.getConfigurationProperty(name);
                if (property != null) {
                    moved.put(renamed, property.getValue());
                    warned.putIfAbsent(name.toString(), renamed);
                }
            });
        }
        if (moved.isEmpty()) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, moved));
        warned.forEach((old, renamed) -> log.warn(old + " is an old name: write " + renamed
                + " instead (the old name still works, and will be removed in a later version)."));
    }

    /** The new name of {@code name}, or null when it was not renamed. */
    static String renamed(ConfigurationPropertyName name) {
        for (Map.Entry<String, String> rename : RENAMED) {
            ConfigurationPropertyName old = OLD_NAMES.get(rename.getKey());
            if (old.equals(name) || old.isAncestorOf(name)) {
                return rename.getValue() + name.toString().substring(rename.getKey().length());
            }
        }
        return null;
    }
}
