package org.guichet.cli;

import org.guichet.submitter.NewSubmitter;
import org.guichet.submitter.Submitter;
import org.guichet.submitter.Submitters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code guichet submitter …}: the applications allowed to submit mail with SMTP AUTH, changed
 * through the same port as the operations page ({@link Submitters}).
 */
@Command(name = "submitter", mixinStandardHelpOptions = true,
        description = "Manage the applications that submit mail with SMTP AUTH.",
        subcommands = {SubmitterCommand.Add.class, SubmitterCommand.List.class, SubmitterCommand.Disable.class,
                SubmitterCommand.Enable.class, SubmitterCommand.Networks.class, SubmitterCommand.Domains.class,
                SubmitterCommand.Delete.class})
class SubmitterCommand extends CommandGroup {

    /** A subcommand on the submitting applications' accounts. */
    abstract static class OnSubmitters extends Subcommand {

        final Submitters submitters;

        OnSubmitters(Submitters submitters) {
            this.submitters = submitters;
        }

        void print(Submitter submitter) {
            out().printf("application: %s%nstatus:      %s%nnetworks:    %s%ndomains:     %s%n", submitter.username(),
                    submitter.enabled() ? "enabled" : "disabled", networks(submitter),
                    submitter.domains().isEmpty() ? "any" : String.join(",", submitter.domains()));
        }

        static String networks(Submitter submitter) {
            return submitter.networks().isEmpty() ? "any" : String.join(",", submitter.networks());
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Create an application account; its password is printed once.")
    static class Add extends OnSubmitters {

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--description")
        String description;

        @Option(names = "--network", paramLabel = "CIDR", split = ",",
                description = "A network it may authenticate from (repeat, or separate with commas); default any.")
        java.util.List<String> networks = java.util.List.of();

        Add(Submitters submitters) {
            super(submitters);
        }

        @Override
        public Integer call() {
            NewSubmitter added = submitters.add(name, description, networks);
            out().printf("application: %s%npassword:    %s%nnetworks:    %s%n"
                    + "(shown once: store it in the application's SMTP settings; Guichet keeps only a hash)%n",
                    name, added.password(), networks(added.submitter()));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List application accounts.")
    static class List extends OnSubmitters {

        List(Submitters submitters) {
            super(submitters);
        }

        @Override
        public Integer call() {
            for (Submitter submitter : submitters.list()) {
                out().printf("%-32s %-8s %-24s %s%n", submitter.username(),
                        submitter.enabled() ? "enabled" : "disabled", networks(submitter),
                        submitter.description() == null ? "" : submitter.description());
            }
            return 0;
        }
    }

    /** Disabling and enabling: one application name, one flag. */
    abstract static class Switch extends OnSubmitters {

        private final boolean enabled;

        @Parameters(paramLabel = "NAME")
        String name;

        Switch(Submitters submitters, boolean enabled) {
            super(submitters);
            this.enabled = enabled;
        }

        @Override
        public Integer call() {
            submitters.enable(name, enabled);
            out().println(name + (enabled ? ": enabled" : ": disabled"));
            return 0;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Refuse AUTH for an application.")
    static class Disable extends Switch {

        Disable(Submitters submitters) {
            super(submitters, false);
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Accept AUTH again for an application.")
    static class Enable extends Switch {

        Enable(Submitters submitters) {
            super(submitters, true);
        }
    }

    /** Replaces one of an application's lists (networks, domains) with the one given; none given means any. */
    abstract static class Replace extends OnSubmitters {

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        Replace(Submitters submitters) {
            super(submitters);
        }

        abstract Submitter replace(String name);

        @Override
        public Integer call() {
            print(replace(name));
            return 0;
        }
    }

    @Command(name = "networks", mixinStandardHelpOptions = true,
            description = "Set the networks an application may authenticate from; none given means any.")
    static class Networks extends Replace {

        @Parameters(index = "1..*", paramLabel = "CIDR", split = ",")
        java.util.List<String> networks = java.util.List.of();

        Networks(Submitters submitters) {
            super(submitters);
        }

        @Override
        Submitter replace(String name) {
            return submitters.changeNetworks(name, networks);
        }
    }

    @Command(name = "domains", mixinStandardHelpOptions = true,
            description = "Set the domains an application may send as (envelope sender and From, so the only ones"
                    + " Guichet signs for it); none given means any.")
    static class Domains extends Replace {

        @Parameters(index = "1..*", paramLabel = "DOMAIN", split = ",")
        java.util.List<String> domains = java.util.List.of();

        Domains(Submitters submitters) {
            super(submitters);
        }

        @Override
        Submitter replace(String name) {
            return submitters.changeDomains(name, domains);
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Remove an application account (disable keeps it listed; the mail it sent keeps its name).")
    static class Delete extends OnSubmitters {

        @Parameters(paramLabel = "NAME")
        String name;

        Delete(Submitters submitters) {
            super(submitters);
        }

        @Override
        public Integer call() {
            submitters.delete(name);
            out().println(name + ": deleted");
            return 0;
        }
    }
}
