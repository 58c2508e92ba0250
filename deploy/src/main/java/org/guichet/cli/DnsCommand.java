package org.guichet.cli;

import java.io.PrintWriter;
import java.util.List;

import org.guichet.dns.DnsRecordCheck;
import org.guichet.gateway.dns.DnsCheck;
import org.guichet.gateway.dns.DnsMailDomains;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code guichet dns …}: the DNS records Guichet needs, and whether DNS has them. */
@Command(name = "dns", mixinStandardHelpOptions = true, description = "DNS records to publish, checked against DNS.",
        subcommands = {DnsCommand.Check.class})
class DnsCommand extends CommandGroup {

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Print the MX, SPF, DKIM, DMARC and MTA-STS records DOMAIN needs and compare them with",
                    "what DNS answers. Exit 0 when every required record is published as needed, 1 otherwise."})
    static class Check extends Subcommand {

        private final DnsMailDomains domains;

        @Parameters(paramLabel = "DOMAIN", description = "A domain Guichet sends from, or the reply domain.")
        String domain;

        @Option(names = "--dns-server", paramLabel = "HOST[:PORT]", split = ",",
                description = "DNS resolvers to ask; default guichet.dns.servers, else the system's.")
        List<String> servers = List.of();

        Check(DnsMailDomains domains) {
            this.domains = domains;
        }

        @Override
        public Integer call() {
            List<DnsRecordCheck> checks = domains.against(servers).check(domain);
            PrintWriter out = out();
            for (DnsRecordCheck c : checks) {
                out.printf("%-8s %-10s %s%n", c.purpose(), c.status() + (c.required() ? "" : "*"), c.record());
                if (!c.found().isEmpty() && c.status() != DnsRecordCheck.Status.OK) {
                    c.found().forEach(found -> out.printf("%-19s DNS has: %s%n", "", found));
                }
                if (c.advice() != null) {
                    out.printf("%-19s %s%n", "", c.advice());
                }
            }
            boolean holds = DnsCheck.allRequiredHold(checks);
            out.println(holds ? "dns: every required record of " + domain + " is published"
                    : "dns: " + domain + " needs records published (* = recommended only)");
            out.flush();
            return holds ? 0 : 1;
        }
    }
}
