package org.guichet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.guichet.TestNode;
import org.guichet.gateway.relay.LoopbackDns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@code guichet dns check} against a DNS server on loopback: the one of {@code guichet.dns.servers}
 * (the operations page's too), or the one given by {@code --dns-server}.
 */
class DnsCommandTest {

    static final LoopbackDns DNS = dns();
    static final TestNode NODE = TestNode.running("dns-cli", "submission")
            .set("guichet.smtp.hostname", "guichet.caf.test")
            .set("guichet.dns.servers", DNS.address())
            .set("guichet.dns.timeout", "2s");

    @AfterAll
    static void stop() {
        DNS.close();
    }

    @Test
    void theReplyDomainsRecordsAreMissingThenPublished() throws Exception {
        String reply = TestNode.REPLY_DOMAIN;
        CommandRun missing = CommandRun.of(NODE.flags("dns", "check", reply));
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.out()).contains("MX       MISSING    " + reply + ". IN MX 10 guichet.caf.test.",
                "needs records published");

        DNS.mx(reply, 10, "guichet.caf.test").txt(reply, "v=spf1 a:guichet.caf.test -all")
                .txt("_dmarc." + reply, "v=DMARC1; p=quarantine");
        CommandRun published = CommandRun.of(NODE.flags("dns", "check", reply));
        assertThat(published.status()).isZero();
        assertThat(published.out()).contains("MX       OK", "SPF      OK", "DMARC    OK", "MTA-STS  MISSING*",
                "every required record of " + reply + " is published");

        try (LoopbackDns empty = new LoopbackDns()) {
            CommandRun elsewhere = CommandRun.of(NODE.flags("dns", "check", reply, "--dns-server", empty.address()));
            assertThat(elsewhere.status()).as("--dns-server asks that server instead").isEqualTo(1);
            assertThat(elsewhere.out()).contains("MX       MISSING");
        }
    }

    private static LoopbackDns dns() {
        try {
            return new LoopbackDns();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
