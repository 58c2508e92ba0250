package org.guichet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.guichet.TestNode;
import org.junit.jupiter.api.Test;

/**
 * {@code guichet account …} as an operator types it: an account is created in its services,
 * moved to others, disabled and enabled, on the database a node uses.
 */
class AccountCommandTest {

    static final TestNode NODE = TestNode.running("account-cli", "web");

    @Test
    void anAccountIsPlacedInServicesThenDisabledAndEnabled() {
        assertThat(run("account", "add", "lucie.martin", "--role", "AGENT", "--service", "default").succeeded())
                .contains("account:  lucie.martin", "password: ", "(shown once)");

        CommandRun shown = run("account", "services", "lucie.martin");
        assertThat(shown.out()).contains("services: default");

        assertThat(run("account", "disable", "lucie.martin").succeeded()).contains("status:   disabled");
        assertThat(run("account", "enable", "lucie.martin").out()).contains("status:   enabled");
    }

    @Test
    void anUnknownServiceOrAccountIsAClearMessage() {
        CommandRun unknownService = run("account", "add", "paul.durand", "--role", "AGENT", "--service", "nulle-part");
        assertThat(unknownService.status()).isNotZero();
        assertThat(unknownService.err()).contains("no service 'nulle-part'");
        CommandRun unknownAccount = run("account", "disable", "personne");
        assertThat(unknownAccount.status()).isNotZero();
        assertThat(unknownAccount.err()).contains("no account 'personne'");
    }

    private static CommandRun run(String... words) {
        return CommandRun.of(NODE.flags(words));
    }
}
