package org.guichet.startup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.guichet.gateway.smtp.ReplyDomain;
import org.guichet.gateway.smtp.SmtpListener;
import org.guichet.node.HomeFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Once every role is up, the console says in French then English where the data is, which
 * ports listen, where the first admin's password is, and the setting still to choose, so
 * that a first start needs no reading of the documentation to go on.
 */
@Component
class StartupSummary {

    private static final Logger log = LoggerFactory.getLogger(StartupSummary.class);

    private final HomeFolder home;
    private final ObjectProvider<SmtpListener> listeners;
    private final ReplyDomain replyDomain;
    private final Environment environment;

    StartupSummary(HomeFolder home, ObjectProvider<SmtpListener> listeners, ReplyDomain replyDomain,
            Environment environment) {
        this.home = home;
        this.listeners = listeners;
        this.replyDomain = replyDomain;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        List<String> lines = new ArrayList<>();
        for (Locale locale : List.of(Locale.FRENCH, Locale.ENGLISH)) {
            lines.addAll(lines(ResourceBundle.getBundle("startup/summary", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))));
        }
        log.info("\n{}", String.join("\n", lines));
    }

    List<String> lines(ResourceBundle text) {
        List<String> lines = new ArrayList<>();
        lines.add(text.getString("title"));
        boolean embedded = !environment.containsProperty("spring.datasource.url");
        lines.add(format(text, "data", home + (embedded ? " " + text.getString("data.embedded") : "")));
        listeners.orderedStream().sorted(java.util.Comparator.comparingInt(SmtpListener::port)).forEach(listener ->
                lines.add(format(text, "listener." + listener.name(), String.valueOf(listener.port()))));
        String webPort = environment.getProperty("local.server.port");
        if (webPort != null) {
            lines.add(format(text, "web", "http://localhost:" + webPort + "/"));
        }
        Path password = home.resolve("initial-admin-password");
        if (Files.exists(password)) {
            lines.add(format(text, "password", password.toString()));
        }
        if (replyDomain.configured()) {
            return lines;
        }
        lines.add(format(text, "reply-domain", ""));
        lines.add("");
        return lines;
    }

    private static String format(ResourceBundle text, String key, String value) {
        return "  " + text.getString(key).formatted(value);
    }
}
