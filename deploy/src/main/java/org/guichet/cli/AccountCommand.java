package org.guichet.cli;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.guichet.web.account.AccountService;
import org.guichet.web.account.WebRole;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code guichet account …}: people who sign in to the web UI and REST API. */
@Command(name = "account", mixinStandardHelpOptions = true, description = "Manage web accounts.",
        subcommands = {AccountCommand.Add.class, AccountCommand.ResetPassword.class, AccountCommand.Services.class,
                AccountCommand.Disable.class, AccountCommand.Enable.class})
class AccountCommand extends CommandGroup {

    /** A subcommand on one account, named first on the command line. */
    abstract static class OnAccount extends Subcommand {

        final AccountService accounts;

        @Parameters(paramLabel = "USERNAME")
        String username;

        OnAccount(AccountService accounts) {
            this.accounts = accounts;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Create an account; its password is printed once.")
    static class Add extends OnAccount {

        @Option(names = "--role", required = true, split = ",",
                description = "One or more of: ${COMPLETION-CANDIDATES}.")
        Set<WebRole> roles = EnumSet.noneOf(WebRole.class);

        @Option(names = "--service", split = ",", paramLabel = "CODE",
                description = "The services whose cases the account works on (agents, supervisors).")
        List<String> services = List.of();

        Add(AccountService accounts) {
            super(accounts);
        }

        @Override
        public Integer call() {
            String password = accounts.create(username, roles, services);
            out().printf("account:  %s%npassword: %s%n(shown once)%n", username, password);
            return 0;
        }
    }

    @Command(name = "reset-password", mixinStandardHelpOptions = true, description = "Give an account a new password.")
    static class ResetPassword extends OnAccount {

        ResetPassword(AccountService accounts) {
            super(accounts);
        }

        @Override
        public Integer call() {
            out().printf("account:  %s%npassword: %s%n(shown once)%n", username,
                    accounts.resetPassword(username));
            return 0;
        }
    }

    @Command(name = "services", mixinStandardHelpOptions = true,
            description = "Show the account's services, or set them with --service.")
    static class Services extends OnAccount {

        @Option(names = "--service", split = ",", paramLabel = "CODE",
                description = "The services the account belongs to from now on (replaces the ones it had).")
        List<String> services;

        Services(AccountService accounts) {
            super(accounts);
        }

        @Override
        public Integer call() {
            if (services != null) {
                accounts.place(username, services);
            }
            out().printf("account:  %s%nservices: %s%n", username,
                    String.join(", ", accounts.services(username)));
            return 0;
        }
    }

    /** Disabling and enabling: one account name, one flag. */
    abstract static class Switch extends OnAccount {

        private final boolean enabled;

        Switch(AccountService accounts, boolean enabled) {
            super(accounts);
            this.enabled = enabled;
        }

        @Override
        public Integer call() {
            accounts.enable(username, enabled);
            out().printf("account:  %s%nstatus:   %s%n", username,
                    enabled ? "enabled" : "disabled");
            return 0;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Stop the account from signing in (it is kept: the evidence names it).")
    static class Disable extends Switch {

        Disable(AccountService accounts) {
            super(accounts, false);
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Let a disabled account sign in again.")
    static class Enable extends Switch {

        Enable(AccountService accounts) {
            super(accounts, true);
        }
    }
}
