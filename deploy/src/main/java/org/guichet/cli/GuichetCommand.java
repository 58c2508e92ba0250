package org.guichet.cli;

import picocli.CommandLine.Command;

@Command(name = "guichet", mixinStandardHelpOptions = true,
        description = {"Guichet: the anti-noreply gateway.",
                "Run without a command to start the server. Settings as for the server: --guichet.node.home=DIR,",
                "or spring.datasource.* for an external PostgreSQL."},
        subcommands = {QueueCommand.class, SubmitterCommand.class, AccountCommand.class, InspectCommand.class,
                ReportCommand.class, AuditCommand.class, ExportCommand.class, DnsCommand.class})
class GuichetCommand extends CommandGroup {
}
