package org.guichet.node;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of this node.
 *
 * @param home  folder holding the embedded database, keys and runtime files; defaults to
 *              {@code .guichet} in the home folder of the user running Guichet
 * @param roles roles this node runs (submission, inbound, worker, web)
 * @param name  name of this node in leases and logs, unique among running nodes and the same
 *              across restarts (a restarted node takes back at once what it held when it died);
 *              defaults to the host name and the home folder
 */
@ConfigurationProperties("guichet")
public record NodeProperties(
        Path home,
        @DefaultValue({"submission", "inbound", "worker", "web"}) Set<Role> roles,
        String name) {

    public NodeProperties {
        // A placeholder in @DefaultValue is never resolved: the user's home is read here.
        home = home == null ? defaultHome() : home;
        roles = roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        if (name == null || name.isBlank()) {
            name = defaultName(home);
        }
    }

    public boolean runs(Role role) {
        return roles.contains(role);
    }

    /** {@code ~/.guichet} of the user running the JVM. */
    public static Path defaultHome() {
        return Path.of(System.getProperty("user.home"), ".guichet");
    }

    private static String defaultName(Path home) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "localhost";
        }
        return home == null ? host : host + ":" + home.toAbsolutePath().normalize();
    }
}
