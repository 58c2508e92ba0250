package org.guichet.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

import org.guichet.gateway.authentication.ResolverDns;
import org.guichet.gateway.dkim.DkimKeys;
import org.guichet.gateway.dns.DnsCheck;
import org.guichet.gateway.dns.DnsRecordCheck;
import org.guichet.gateway.smtp.ReplyDomain;
import org.guichet.gateway.smtp.SmtpProperties;
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

        private final DkimKeys keys;
        private final ReplyDomain replyDomain;
        private final SmtpProperties smtp;

        @Parameters(paramLabel = "DOMAIN", description = "A domain Guichet sends from, or the reply domain.")
        String domain;

        @Option(names = "--dns-server", paramLabel = "HOST[:PORT]", split = ",",
                description = "DNS resolvers to ask; default the system's.")
        List<String> servers = List.of();

        Check(DkimKeys keys, ReplyDomain replyDomain, SmtpProperties smtp) {
            this.keys = keys;
            this.replyDomain = replyDomain;
            this.smtp = smtp;
        }

        @Override
        public Integer call() {
            DnsCheck check = new DnsCheck(new ResolverDns(servers, Duration.ofSeconds(5)), keys, replyDomain.name(),
                    smtp.hostname());
            List<DnsRecordCheck> checks = check.check(domain);
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
