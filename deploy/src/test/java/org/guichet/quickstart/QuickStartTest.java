package org.guichet.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.guichet.FreePort;
import org.guichet.TestSmtp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A newcomer's first minutes, as the README tells them: a fresh clone, a fresh home folder,
 * the Quick start's run command typed with no argument. Only the smarthost is given, by an
 * environment variable as an operator would, so that every other default is the one users get.
 */
class QuickStartTest {

    private static final Path CHECKOUT = Path.of("").toAbsolutePath().getParent();

    @RegisterExtension
    static GreenMailExtension smarthost = new GreenMailExtension(
            new ServerSetup(FreePort.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @TempDir
    Path temp;

    @Test
    void readmeHoldsTheTwoCommandsThatCiRuns() throws IOException {
        ReadmeCommands commands = ReadmeCommands.of(CHECKOUT.resolve("README.md"));
        assertThat(commands.run()).isEqualTo("bin/guichet");
        // CI runs the README's test command, so a green CI is that command passing on a fresh machine.
        assertThat(Files.readAllLines(CHECKOUT.resolve(".ci/run"))).contains(commands.test());
    }

    @Test
    void runCommandStartsOnAFreshMachineAndRewritesANoreplyMessage() throws Exception {
        Path clone = temp.resolve("guichet");
        Path userHome = temp.resolve("home");
        Files.createDirectories(userHome);
        run(CHECKOUT, "git", "clone", "--quiet", "--no-hardlinks", CHECKOUT.toString(), clone.toString());
        ReadmeCommands commands = ReadmeCommands.of(clone.resolve("README.md"));

        Path output = temp.resolve("console.log");
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", "exec " + commands.run()).directory(clone.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("HOME", userHome.toString());
        environment.put("GUICHET_RELAY_SMARTHOST", "127.0.0.1:" + smarthost.getSmtp().getPort());
        // The build inside the clone uses the dependencies already downloaded, not the network.
        environment.put("MAVEN_OPTS", "-Dmaven.repo.local=" + System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
        Process guichet = builder.start();
        try {
            Awaitility.await("220 on port 2525").atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        assertThat(guichet.isAlive()).as("Guichet exited early:%n%s", console(output)).isTrue();
                        return greeting(2525).startsWith("220 ");
                    });
            Awaitility.await("health UP").atMost(Duration.ofMinutes(1)).until(() -> health().contains("\"UP\""));

            TestSmtp.send(2525, "noreply@caf.fr", List.of("usager@example.org"), "Votre attestation",
                    "Bonjour,\r\n\r\nVotre attestation est disponible.\r\n\r\nMerci de ne pas répondre à ce message.\r\n");
            Awaitility.await("message at the smarthost").atMost(Duration.ofMinutes(1))
                    .until(() -> smarthost.getReceivedMessages().length == 1);
            MimeMessage delivered = smarthost.getReceivedMessages()[0];
            assertThat(delivered.getHeader("Reply-To", null)).contains("reply+");
            String body = new String(delivered.getRawInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(body).as("the notice is replaced").doesNotContain("Merci de ne pas r");

            Path home = userHome.resolve(".guichet");
            assertThat(Files.getPosixFilePermissions(home)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            assertThat(home.resolve("postgres/PG_VERSION")).exists();
            assertThat(home.resolve("initial-admin-password")).exists();
            assertThat(console(output)).contains("Guichet est démarré.", "Guichet is running.",
                    "Données : " + home, "Data: " + home, home.resolve("initial-admin-password").toString(),
                    "guichet.node.reply-domain");
            // Without a reply domain the fresh machine runs no inbound listener, and says why once.
            assertThat(console(output)).containsOnlyOnce("guichet.node.reply-domain is not set: reply addresses end in @");
            assertThat(greeting(2526)).as("no inbound listener without a reply domain").isEmpty();
        } finally {
            guichet.destroy();
        }
        assertThat(guichet.waitFor(60, TimeUnit.SECONDS)).as("stops within 60 s of SIGTERM").isTrue();
        assertThat(userHome.resolve(".guichet/postgres/postmaster.pid")).as("PostgreSQL stopped with it").doesNotExist();
        assertThat(console(output)).doesNotContain("\tat org.", "\tat java.");
        // Nothing outside the build's own target folders was written into the checkout.
        String untracked = run(clone, "git", "status", "--porcelain", "--ignored", "--untracked-files=all");
        assertThat(Arrays.stream(untracked.split("\n")).filter(line -> !line.isBlank())
                .filter(line -> !line.matches("!! [a-z-]+/target/.*"))).isEmpty();
    }

    private static String greeting(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        } catch (IOException e) {
            return "";
        }
    }

    private static String health() {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8080/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static String console(Path output) throws IOException {
        return Files.exists(output) ? Files.readString(output) : "";
    }

    private static String run(Path directory, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("%s: %s", String.join(" ", command), out).isZero();
        return out;
    }
}
