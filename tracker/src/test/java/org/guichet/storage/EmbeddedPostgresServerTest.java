package org.guichet.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default database: durable settings, data kept across restarts, one owner per home. */
class EmbeddedPostgresServerTest {

    @TempDir
    Path home;

    @Test
    void runsWithDurableCommitsAndKeepsDataAcrossRestarts() throws Exception {
        EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(0, Duration.ofSeconds(60), false, false);
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(home, properties);
             Connection connection = server.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            // RFC 5321 §6.1 rests on these: a commit must be on disk before 250.
            assertThat(show(statement, "fsync")).isEqualTo("on");
            assertThat(show(statement, "synchronous_commit")).isEqualTo("on");
            statement.execute("create table kept (value text)");
            statement.execute("insert into kept values ('avant redémarrage')");
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(home, properties);
             Connection connection = server.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select value from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("avant redémarrage");
        }
    }

    @Test
    void secondProcessOnTheSameHomeIsRefusedUnlessItAttaches() throws Exception {
        EmbeddedDatabaseProperties owner = new EmbeddedDatabaseProperties(0, Duration.ofSeconds(60), false, false);
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(home, owner)) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(home, owner))
                    .isInstanceOf(EmbeddedDatabaseException.class)
                    .hasMessageContaining("another Guichet process is using");

            EmbeddedDatabaseProperties cli = new EmbeddedDatabaseProperties(0, Duration.ofSeconds(60), true, false);
            try (EmbeddedPostgresServer attached = EmbeddedPostgresServer.start(home, cli)) {
                assertThat(attached.port()).isEqualTo(server.port());
                try (Connection connection = attached.dataSource().getConnection()) {
                    assertThat(connection.isValid(2)).isTrue();
                }
            }
            // closing the attached one must not stop the owner's PostgreSQL
            try (Connection connection = server.dataSource().getConnection()) {
                assertThat(connection.isValid(2)).isTrue();
            }
        }
    }

    @Test
    void dryRunDatabaseLivesInATemporaryFolderRemovedAtClose() throws Exception {
        EmbeddedDatabaseProperties dryRun = new EmbeddedDatabaseProperties(0, Duration.ofSeconds(60), true, true);
        Path data;
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(home, dryRun);
             Connection connection = server.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            data = Path.of(show(statement, "data_directory"));
            assertThat(data.startsWith(home)).isFalse();
            assertThat(data).exists();
        }
        assertThat(data).doesNotExist();
        assertThat(home.resolve("postgres")).doesNotExist();
    }

    @Test
    void dataFolderPostgresRefusesIsReportedWithItsLog() throws Exception {
        java.nio.file.Files.createDirectories(home.resolve("postgres"));
        java.nio.file.Files.writeString(home.resolve("postgres/PG_VERSION"), "9.6\n");
        EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(0, Duration.ofSeconds(20), false, false);
        assertThatThrownBy(() -> EmbeddedPostgresServer.start(home, properties))
                .isInstanceOfSatisfying(EmbeddedDatabaseException.class, e -> {
                    assertThat(e.logFile()).isEqualTo(home.resolve("logs/postgres.log"));
                    assertThat(e.getMessage()).contains("PostgreSQL did not start with data in " + home.resolve("postgres"));
                });
    }

    private static String show(Statement statement, String setting) throws Exception {
        try (ResultSet rs = statement.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
