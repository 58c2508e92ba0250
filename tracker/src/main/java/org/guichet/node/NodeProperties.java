package org.guichet.node;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of this node.
 *
 * @param home        folder holding the embedded database, keys and runtime files; defaults to
 *                    {@code .guichet} in the home folder of the user running Guichet
 * @param roles       roles this node runs (submission, inbound, worker, web); by default
 *                    submission, worker and web, and inbound too once a reply domain is set
 * @param name        name of this node in leases and logs, unique among running nodes and the
 *                    same across restarts (a restarted node takes back at once what it held when
 *                    it died); defaults to the host name and the home folder
 * @param replyDomain domain of the reply addresses ({@code reply+<token>@<domain>}), whose MX
 *                    points to the inbound listeners; without it reply addresses end in the SMTP
 *                    host name, which citizens' mail cannot reach, and the inbound role is refused
 */
@ConfigurationProperties("guichet.node")
public record NodeProperties(Path home, Set<Role> roles, String name, String replyDomain) {

    /** Labels of 1 to 63 letters, digits or inner hyphens, joined by dots ({@code localhost} is one label). */
    private static final Pattern DOMAIN = Pattern.compile(
            "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*",
            Pattern.CASE_INSENSITIVE);

    public NodeProperties {
        // A placeholder in @DefaultValue is never resolved: the user's home is read here.
        home = home == null ? defaultHome() : home;
        replyDomain = replyDomain(replyDomain);
        // Unset roles run what a fresh machine can run: inbound needs a reply domain to be reachable.
        if (roles == null) {
            roles = byDefault(replyDomain != null);
        } else {
            roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        }
        if (roles.contains(Role.INBOUND) && replyDomain == null) {
            throw new ReplyDomainRequiredException();
        }
        if (name == null || name.isBlank()) {
            name = defaultName(home);
        }
    }

    public boolean runs(Role role) {
        return roles.contains(role);
    }

    /** Whether {@code guichet.node.reply-domain} is set; without it reply addresses cannot be answered. */
    public boolean hasReplyDomain() {
        return replyDomain != null;
    }

    /** {@code ~/.guichet} of the user running the JVM. */
    public static Path defaultHome() {
        return Path.of(System.getProperty("user.home"), ".guichet");
    }

    /** The roles of a node whose {@code guichet.node.roles} is not set. */
    static Set<Role> byDefault(boolean replyDomain) {
        Set<Role> roles = EnumSet.of(Role.SUBMISSION, Role.WORKER, Role.WEB);
        if (replyDomain) {
            roles.add(Role.INBOUND);
        }
        return roles;
    }

    private static String replyDomain(String configured) {
        if (configured == null || configured.isBlank()) {
            return null;
        }
        String domain = configured.strip();
        if (domain.length() > 253 || !DOMAIN.matcher(domain).matches()) {
            throw new IllegalArgumentException("guichet.node.reply-domain: '" + domain
                    + "' is not a domain name like reponse.caf.fr (letters, digits, hyphens and dots)");
        }
        return domain;
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
