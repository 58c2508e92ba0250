package org.guichet.crash;

import org.guichet.GuichetProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import org.guichet.FreePort;
import org.guichet.TestSmtp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RFC 5321 §6.1 under the worst crash a JVM can have: messages acknowledged with 250 by a
 * Guichet on its embedded PostgreSQL, then SIGKILL (PostgreSQL is left running, holding its
 * data directory), then a restart on the same home delivers every one of them.
 */
class CrashRecoveryTest {

    static final int MESSAGES = 40;

    @TempDir
    Path home;

    @Test
    void acceptedMailSurvivesSigkill() throws Exception {
        int submission = FreePort.next();
        int smarthostPort = FreePort.next();
        Path log = home.resolve("guichet-test.log");
        String[] settings = {"--guichet.node.home=" + home, "--server.port=0", "--guichet.node.name=crash-test-node",
                "--guichet.node.roles=submission,worker",
                "--guichet.smtp.submission.port=" + submission,
                "--guichet.relay.smarthost=127.0.0.1:" + smarthostPort,
                "--guichet.relay.retry-schedule=1s", "--guichet.relay.poll-interval=200ms"};

        // The smarthost is down: everything accepted stays in the spool.
        GuichetProcess first = GuichetProcess.start(log, settings);
        awaitListening(submission, first);
        for (int i = 0; i < MESSAGES; i++) {
            TestSmtp.send(submission, "noreply@caf.test", List.of("citoyen" + i + "@example.org"), "Avis " + i,
                    "Bonjour " + i + "\n");
        }
        first.kill();

        GreenMail smarthost = new GreenMail(new ServerSetup(smarthostPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smarthost.start();
        GuichetProcess second = GuichetProcess.start(log, settings);
        try {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .until(() -> smarthost.getReceivedMessages().length >= MESSAGES);
            Set<String> subjects = Arrays.stream(smarthost.getReceivedMessages()).map(m -> {
                try {
                    return m.getSubject();
                } catch (MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }).collect(Collectors.toSet());
            assertThat(subjects).hasSize(MESSAGES).contains("Avis 0", "Avis " + (MESSAGES - 1));
            assertThat(Files.readString(log)).contains("stopping the PostgreSQL");
        } finally {
            second.stop();
            smarthost.stop();
        }
    }

    private static void awaitListening(int port, GuichetProcess process) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.alive()) {
                throw new IllegalStateException("Guichet exited during start");
            }
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return true;
            } catch (Exception e) {
                return false;
            }
        });
    }
}
