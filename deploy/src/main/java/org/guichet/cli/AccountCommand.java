package org.guichet.cli;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;

import org.guichet.web.account.AccountService;
import org.guichet.web.account.WebRole;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code guichet account …}: people who sign in to the web UI and REST API. */
@Command(name = "account", mixinStandardHelpOptions = true, description = "Manage web accounts.",
        subcommands = {AccountCommand.Add.class, AccountCommand.ResetPassword.class})
class AccountCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Create an account; its password is printed once.")
    static class Add implements Callable<Integer> {

        private final AccountService accounts;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "USERNAME")
        String username;

        @Option(names = "--role", required = true, split = ",",
                description = "One or more of: ${COMPLETION-CANDIDATES}.")
        Set<WebRole> roles = EnumSet.noneOf(WebRole.class);

        Add(AccountService accounts) {
            this.accounts = accounts;
        }

        @Override
        public Integer call() {
            String password = accounts.create(username, roles);
            spec.commandLine().getOut().printf("account:  %s%npassword: %s%n(shown once)%n", username, password);
            return 0;
        }
    }

    @Command(name = "reset-password", mixinStandardHelpOptions = true, description = "Give an account a new password.")
    static class ResetPassword implements Callable<Integer> {

        private final AccountService accounts;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "USERNAME")
        String username;

        ResetPassword(AccountService accounts) {
            this.accounts = accounts;
        }

        @Override
        public Integer call() {
            spec.commandLine().getOut().printf("account:  %s%npassword: %s%n(shown once)%n", username,
                    accounts.resetPassword(username));
            return 0;
        }
    }
}
