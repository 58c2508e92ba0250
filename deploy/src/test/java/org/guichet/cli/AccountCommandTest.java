package org.guichet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.guichet.storage.TestPostgres;
import org.junit.jupiter.api.Test;

/**
 * {@code guichet account …} as an operator types it: an account is created in its services,
 * moved to others, disabled and enabled, on the database a node uses.
 */
class AccountCommandTest {

    static final String DATABASE = TestPostgres.newDatabaseUrl();
    static final String HOME = System.getProperty("java.io.tmpdir") + "/guichet-account-cli-"
            + ProcessHandle.current().pid();

    @Test
    void anAccountIsPlacedInServicesThenDisabledAndEnabled() {
        Run added = run("account", "add", "lucie.martin", "--role", "AGENT", "--service", "default");
        assertThat(added.status()).isZero();
        assertThat(added.out()).contains("account:  lucie.martin", "password: ", "(shown once)");

        Run shown = run("account", "services", "lucie.martin");
        assertThat(shown.out()).contains("services: default");

        Run disabled = run("account", "disable", "lucie.martin");
        assertThat(disabled.status()).isZero();
        assertThat(disabled.out()).contains("status:   disabled");
        assertThat(run("account", "enable", "lucie.martin").out()).contains("status:   enabled");
    }

    @Test
    void anUnknownServiceOrAccountIsAClearMessage() {
        Run unknownService = run("account", "add", "paul.durand", "--role", "AGENT", "--service", "nulle-part");
        assertThat(unknownService.status()).isNotZero();
        assertThat(unknownService.err()).contains("no service 'nulle-part'");
        Run unknownAccount = run("account", "disable", "personne");
        assertThat(unknownAccount.status()).isNotZero();
        assertThat(unknownAccount.err()).contains("no account 'personne'");
    }

    record Run(int status, String out, String err) {
    }

    private static Run run(String... words) {
        String[] args = new String[words.length + 2];
        System.arraycopy(words, 0, args, 0, words.length);
        args[words.length] = "--spring.datasource.url=" + DATABASE;
        args[words.length + 1] = "--guichet.node.home=" + HOME;
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
            int status = CommandLine.run(args);
            return new Run(status, capturedOut.toString(StandardCharsets.UTF_8),
                    capturedErr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
