package org.guichet.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.guichet.FreePort;
import org.guichet.GuichetProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each way a start can fail ends with one message a person can act on: what failed, the
 * setting or file concerned, what to do; no stack trace on the console.
 */
class StartupFailureTest {

    @TempDir
    Path temp;

    @Test
    void takenSubmissionPortNamesThePortAndItsSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String console = failedStart("--guichet.node.home=" + temp.resolve("home"), "--server.port=0",
                    "--guichet.smtp.inbound.port=0", "--guichet.smtp.submission.port=" + taken.getLocalPort());
            assertThat(console).contains("cannot listen on port " + taken.getLocalPort(),
                    "--guichet.smtp.submission.port=PORT");
        }
    }

    @Test
    void unreachableDatabaseNamesTheUrl() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + FreePort.next() + "/guichet";
        String console = failedStart("--guichet.node.home=" + temp.resolve("home"), "--spring.datasource.url=" + url,
                "--spring.datasource.username=guichet", "--server.port=0");
        assertThat(console).contains("Guichet cannot reach the PostgreSQL at " + url + " (spring.datasource.url)",
                "Start that PostgreSQL or correct spring.datasource.url");
    }

    @Test
    void unusableHomeNamesTheFolderAndTheSetting() throws Exception {
        Path file = Files.writeString(temp.resolve("not-a-folder"), "x");
        String console = failedStart("--guichet.node.home=" + file.resolve("home"), "--server.port=0");
        assertThat(console).contains("Guichet cannot use " + file.resolve("home") + " as its home folder",
                file + " is a file, not a folder", "--guichet.node.home=DIR");
    }

    @Test
    void postgresRefusingItsDataFolderPointsToItsLog() throws Exception {
        Path home = temp.resolve("home");
        Files.createDirectories(home.resolve("postgres"));
        Files.writeString(home.resolve("postgres/PG_VERSION"), "9.6\n");
        String console = failedStart("--guichet.node.home=" + home, "--server.port=0",
                "--guichet.database.embedded.startup-wait=20s");
        assertThat(console).contains("The embedded PostgreSQL could not be used",
                "Read PostgreSQL's log, " + home.resolve("logs/postgres.log"));
    }

    @Test
    void badSettingNamesTheKey() throws Exception {
        String console = failedStart("--guichet.node.home=" + temp.resolve("home"), "--server.port=0",
                "--guichet.relay.claim-batch=0");
        assertThat(console).contains("guichet.relay.claim-batch must be at least 1");
    }

    @Test
    void unknownRoleNamesTheKey() throws Exception {
        String console = failedStart("--guichet.node.home=" + temp.resolve("home"), "--guichet.node.roles=worker,postman");
        assertThat(console).contains("guichet.node.roles", "postman");
    }

    @Test
    void inboundWithoutReplyDomainNamesTheSetting() throws Exception {
        String console = failedStart("--guichet.node.home=" + temp.resolve("home"), "--server.port=0",
                "--guichet.node.roles=inbound,worker");
        assertThat(console).contains("The inbound role needs guichet.node.reply-domain",
                "Set guichet.node.reply-domain (e.g. --guichet.node.reply-domain=", "leave inbound out of guichet.node.roles");
    }

    @Test
    void commandOnAnUnreachableDatabaseSaysSoInOneMessage() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + FreePort.next() + "/guichet";
        Path log = temp.resolve("console.log");
        GuichetProcess command = GuichetProcess.start(log, "queue", "list", "--spring.datasource.url=" + url);
        assertThat(command.exitCode(Duration.ofMinutes(2))).isEqualTo(1);
        String console = Files.readString(log);
        assertThat(console).contains("Guichet cannot reach the PostgreSQL at " + url,
                "guichet: queue could not start: Connection refused");
        assertThat(console).doesNotContain("Exception encountered");
        assertThat(console).doesNotContain("\tat ");
    }

    private String failedStart(String... settings) throws Exception {
        Path log = temp.resolve("console.log");
        GuichetProcess guichet = GuichetProcess.start(log, settings);
        int exit = guichet.exitCode(Duration.ofMinutes(2));
        String console = Files.readString(log);
        assertThat(exit).as(console).isNotZero();
        assertThat(console).as("one message, no stack trace").contains("APPLICATION FAILED TO START")
                .doesNotContain("\tat ", "Exception encountered");
        return console;
    }
}
