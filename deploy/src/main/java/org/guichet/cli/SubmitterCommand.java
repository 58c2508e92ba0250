package org.guichet.cli;

import java.util.concurrent.Callable;

import org.guichet.gateway.submission.SubmissionAccount;
import org.guichet.gateway.submission.SubmissionPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code guichet submitter …}: the applications allowed to submit mail with SMTP AUTH. */
@Command(name = "submitter", mixinStandardHelpOptions = true,
        description = "Manage the applications that submit mail with SMTP AUTH.",
        subcommands = {SubmitterCommand.Add.class, SubmitterCommand.List.class, SubmitterCommand.Disable.class})
class SubmitterCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Create an application account; its password is printed once.")
    static class Add implements Callable<Integer> {

        private final SubmissionPolicy policy;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--description")
        String description;

        Add(SubmissionPolicy policy) {
            this.policy = policy;
        }

        @Override
        public Integer call() {
            String password = policy.createAccount(name, description);
            spec.commandLine().getOut().printf("application: %s%npassword:    %s%n"
                    + "(shown once: store it in the application's SMTP settings; Guichet keeps only a hash)%n",
                    name, password);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List application accounts.")
    static class List implements Callable<Integer> {

        private final SubmissionPolicy policy;

        @Spec
        CommandSpec spec;

        List(SubmissionPolicy policy) {
            this.policy = policy;
        }

        @Override
        public Integer call() {
            for (SubmissionAccount account : policy.accounts()) {
                spec.commandLine().getOut().printf("%-32s %-8s %s%n", account.username(),
                        account.enabled() ? "enabled" : "disabled",
                        account.description() == null ? "" : account.description());
            }
            return 0;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Refuse AUTH for an application.")
    static class Disable implements Callable<Integer> {

        private final SubmissionPolicy policy;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME")
        String name;

        Disable(SubmissionPolicy policy) {
            this.policy = policy;
        }

        @Override
        public Integer call() {
            policy.disableAccount(name);
            spec.commandLine().getOut().println(name + ": disabled");
            return 0;
        }
    }
}
