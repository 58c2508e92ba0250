package org.guichet.node;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of this node.
 *
 * @param home  folder holding the embedded database, keys and runtime files
 * @param roles roles this node runs (submission, inbound, worker, web)
 * @param name  name of this node in leases and logs; defaults to host name and process id
 */
@ConfigurationProperties("guichet")
public record NodeProperties(
        @DefaultValue("${user.home}/.guichet") Path home,
        @DefaultValue({"submission", "inbound", "worker", "web"}) Set<Role> roles,
        String name) {

    public NodeProperties {
        roles = roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        if (name == null || name.isBlank()) {
            name = defaultName();
        }
    }

    public boolean runs(Role role) {
        return roles.contains(role);
    }

    private static String defaultName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "localhost";
        }
        return host + "/" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
