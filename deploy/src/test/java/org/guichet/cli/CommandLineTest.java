package org.guichet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What {@code java -jar guichet.jar <first argument>} takes for a command rather than a server start. */
class CommandLineTest {

    @Test
    void everySubcommandIsACommandAndNothingElseIs() {
        for (String command : new String[] {"queue", "submitter", "account", "inspect", "report", "audit", "export",
                "dns", "help", "--help"}) {
            assertThat(CommandLine.isCommand(command)).as(command).isTrue();
        }
        assertThat(CommandLine.isCommand("--guichet.node.home=/srv/guichet")).isFalse();
        assertThat(CommandLine.isCommand("serve")).isFalse();
    }
}
