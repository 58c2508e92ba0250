package org.guichet.storage;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL used when no {@code spring.datasource.url} is set.
 *
 * @param port        TCP port on loopback; 0 picks a free one at each start
 * @param startupWait how long to wait for PostgreSQL to accept connections
 * @param attach      join the PostgreSQL of a Guichet already running on the same home
 *                    instead of refusing to start (the CLI does this)
 * @param throwaway   when no Guichet runs on the home, start a temporary PostgreSQL in a
 *                    temporary folder, deleted when the process ends, instead of the home's
 *                    own database (dry runs such as {@code guichet inspect} do this)
 */
@ConfigurationProperties("guichet.database.embedded")
public record EmbeddedDatabaseProperties(
        @DefaultValue("0") int port,
        @DefaultValue("60s") Duration startupWait,
        @DefaultValue("false") boolean attach,
        @DefaultValue("false") boolean throwaway) {
}
