package org.guichet.cli;


import org.guichet.gateway.submission.SubmissionAccount;
import org.guichet.gateway.submission.SubmissionPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code guichet submitter …}: the applications allowed to submit mail with SMTP AUTH. */
@Command(name = "submitter", mixinStandardHelpOptions = true,
        description = "Manage the applications that submit mail with SMTP AUTH.",
        subcommands = {SubmitterCommand.Add.class, SubmitterCommand.List.class, SubmitterCommand.Disable.class})
class SubmitterCommand extends CommandGroup {

    /** A subcommand on the submitting applications' accounts. */
    abstract static class OnSubmitters extends Subcommand {

        final SubmissionPolicy policy;

        OnSubmitters(SubmissionPolicy policy) {
            this.policy = policy;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Create an application account; its password is printed once.")
    static class Add extends OnSubmitters {

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--description")
        String description;

        Add(SubmissionPolicy policy) {
            super(policy);
        }

        @Override
        public Integer call() {
            String password = policy.createAccount(name, description);
            out().printf("application: %s%npassword:    %s%n"
                    + "(shown once: store it in the application's SMTP settings; Guichet keeps only a hash)%n",
                    name, password);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List application accounts.")
    static class List extends OnSubmitters {

        List(SubmissionPolicy policy) {
            super(policy);
        }

        @Override
        public Integer call() {
            for (SubmissionAccount account : policy.accounts()) {
                out().printf("%-32s %-8s %s%n", account.username(),
                        account.enabled() ? "enabled" : "disabled",
                        account.description() == null ? "" : account.description());
            }
            return 0;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Refuse AUTH for an application.")
    static class Disable extends OnSubmitters {

        @Parameters(paramLabel = "NAME")
        String name;

        Disable(SubmissionPolicy policy) {
            super(policy);
        }

        @Override
        public Integer call() {
            policy.disableAccount(name);
            out().println(name + ": disabled");
            return 0;
        }
    }
}
