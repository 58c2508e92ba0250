package org.guichet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.guichet.storage.TestPostgres;

/**
 * The settings of one Guichet node under test, as an operator would write them for one
 * machine: its own database and home folder, free loopback ports for both SMTP listeners and
 * the smarthost it relays to, the reply domain {@value #REPLY_DOMAIN}, and no DNS (sender
 * checks fail fast, as on a machine without network). Tests add what they are about.
 *
 * <p>A Spring test holds its node in a static field; {@link TestNodeSettings} hands the node's
 * settings to the test's context.
 */
public final class TestNode {

    public static final String REPLY_DOMAIN = "reponse.caf.test";

    public final int submission = FreePort.next();
    public final int inbound = FreePort.next();
    public final int smarthost = FreePort.next();
    public final String database = TestPostgres.newDatabaseUrl();
    public final Path home;
    private final Map<String, String> settings = new LinkedHashMap<>();

    private TestNode(String name, String roles) {
        home = Path.of(System.getProperty("java.io.tmpdir"), "guichet-" + name + "-" + submission);
        set("spring.datasource.url", database);
        set("guichet.node.home", home);
        set("guichet.node.roles", roles);
        set("guichet.node.reply-domain", REPLY_DOMAIN);
        set("guichet.smtp.submission.port", submission);
        set("guichet.smtp.inbound.port", inbound);
        set("guichet.relay.smarthost", "127.0.0.1:" + smarthost);
        set("guichet.authentication.dns-servers", "127.0.0.1:9");
        set("guichet.authentication.timeout", "300ms");
    }

    /**
     * @param name  names the home folder, to tell test runs apart in {@code java.io.tmpdir}
     * @param roles the node's {@code guichet.node.roles}, e.g. {@code submission,worker}
     */
    public static TestNode running(String name, String roles) {
        return new TestNode(name, roles);
    }

    /** One more setting, or another value for one of the defaults above. */
    public TestNode set(String key, Object value) {
        settings.put(key, String.valueOf(value));
        return this;
    }

    /** A setting of service {@code code}: {@code service("prestations", "senders", "@caf.test")}. */
    public TestNode service(String code, String key, Object value) {
        return set("guichet.administration.services." + code + "." + key, value);
    }

    /** Several settings of service {@code code}: {@code service("prestations", Map.of("name", "Prestations", ...))}. */
    public TestNode service(String code, Map<String, ?> settings) {
        new TreeMap<>(settings).forEach((key, value) -> service(code, key, value));
        return this;
    }

    /** Runs the node on {@code xml} as its {@code pipeline.xml}, written into its home folder. */
    public TestNode pipeline(String xml) {
        Path pipeline = home.resolve("pipeline.xml");
        try {
            Files.createDirectories(home);
            Files.writeString(pipeline, xml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return set("guichet.pipeline.config", pipeline);
    }

    /**
     * {@code command} followed by this node's settings as flags, as an operator runs a
     * {@code guichet} command with the server's settings; the roles are left out, so that the
     * command starts no listener or worker.
     */
    public String[] flags(String... command) {
        List<String> flags = new ArrayList<>(List.of(command));
        settings.forEach((key, value) -> {
            if (!key.equals("guichet.node.roles")) {
                flags.add("--" + key + "=" + value);
            }
        });
        return flags.toArray(String[]::new);
    }

    /** The settings, as a Spring property source takes them ({@link TestNodeSettings}). */
    Map<String, Object> settings() {
        return new LinkedHashMap<>(settings);
    }
}
