package org.guichet.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.MessagingException;
import org.guichet.FreePort;
import org.guichet.Guichet;
import org.guichet.TestSmtp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With the database gone, nothing may be acknowledged: the client gets 451 4.3.0 and keeps
 * its message; when the database returns, mail is accepted again without a restart.
 */
@SpringBootTest(classes = Guichet.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class DatabaseOutageTest {

    static final int SUBMISSION = FreePort.next();
    static final int DB_PORT = FreePort.next();
    static final Path DATA = tempDir();
    static EmbeddedPostgres postgres = startPostgres();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + DB_PORT + "/postgres");
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.hikari.connection-timeout", () -> "2000");
        registry.add("guichet.node.home", () -> DATA.resolveSibling(DATA.getFileName() + "-home").toString());
        registry.add("guichet.node.roles", () -> "submission");
        registry.add("guichet.smtp.submission.port", () -> SUBMISSION);
        registry.add("guichet.spool.accept-timeout", () -> "10s");
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void databaseDownGives451ThenMailIsAcceptedAgain() throws Exception {
        TestSmtp.send(SUBMISSION, "noreply@caf.test", List.of("a@example.org"), "avant", "x\n");

        postgres.close();
        assertThatThrownBy(() -> TestSmtp.send(SUBMISSION, "noreply@caf.test", List.of("b@example.org"), "pendant", "x\n"))
                .isInstanceOf(MessagingException.class)
                .hasMessageContaining("451 4.3.0");

        postgres = startPostgres();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            TestSmtp.send(SUBMISSION, "noreply@caf.test", List.of("c@example.org"), "après", "x\n");
            return true;
        });
        List<String> accepted = jdbc.sql("select recipients[1] from spool_message order by id").query(String.class).list();
        assertThat(accepted).containsExactly("a@example.org", "c@example.org");
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    private static EmbeddedPostgres startPostgres() {
        try {
            return EmbeddedPostgres.builder().setPort(DB_PORT).setDataDirectory(DATA).setCleanDataDirectory(false)
                    .start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path tempDir() {
        try {
            return java.nio.file.Files.createTempDirectory("guichet-outage");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
