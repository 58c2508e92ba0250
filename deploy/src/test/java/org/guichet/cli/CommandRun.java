package org.guichet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One {@code guichet} command run in this JVM as a user types it, with what it printed.
 *
 * @param status the exit status
 * @param out    standard output
 * @param err    standard error
 */
public record CommandRun(int status, String out, String err) {

    public static CommandRun of(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
            int status = CommandLine.run(args);
            return new CommandRun(status, capturedOut.toString(StandardCharsets.UTF_8),
                    capturedErr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** Standard output of a command that exited with status 0; otherwise the test fails, showing standard error. */
    public String succeeded() {
        assertThat(status).as("exit status; standard error: %s", err).isZero();
        return out;
    }
}
