package org.guichet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.guichet.TestNode;
import org.junit.jupiter.api.Test;

/**
 * {@code guichet submitter …} as an operator types it, through the same port as the operations
 * page: an application is added with its networks, restricted, disabled, enabled and deleted.
 */
class SubmitterCommandTest {

    static final TestNode NODE = TestNode.running("submitter-cli", "submission");

    @Test
    void anApplicationIsAddedWithItsNetworksThenChangedAndDeleted() {
        assertThat(run("submitter", "add", "crm", "--description", "CRM", "--network", "10.1.2.0/24,::1").succeeded())
                .contains("application: crm", "password:    ", "networks:    10.1.2.0/24,::1/128",
                        "(shown once");

        assertThat(run("submitter", "list").out()).containsPattern("crm +enabled +10\\.1\\.2\\.0/24,::1/128 +CRM");
        assertThat(run("submitter", "networks", "crm", "192.0.2.0/24").succeeded()).contains("networks:    192.0.2.0/24");
        assertThat(run("submitter", "domains", "crm", "caf.fr,CNAF.fr").succeeded())
                .contains("domains:     caf.fr,cnaf.fr");
        CommandRun notADomain = run("submitter", "domains", "crm", "caf_fr");
        assertThat(notADomain.status()).isNotZero();
        assertThat(notADomain.err()).contains("'caf_fr' is not a domain name");
        assertThat(run("submitter", "domains", "crm").succeeded()).as("none given: any").contains("domains:     any");
        assertThat(run("submitter", "disable", "crm").out()).contains("crm: disabled");
        assertThat(run("submitter", "list").out()).containsPattern("crm +disabled");
        assertThat(run("submitter", "enable", "crm").out()).contains("crm: enabled");
        assertThat(run("submitter", "delete", "crm").out()).contains("crm: deleted");
        assertThat(run("submitter", "list").out()).doesNotContain("crm");
    }

    @Test
    void aBadNetworkOrAnUnknownApplicationIsAClearMessage() {
        CommandRun bad = run("submitter", "add", "portail", "--network", "10.0.0/8");
        assertThat(bad.status()).isNotZero();
        assertThat(bad.err()).contains("not an IPv4 address: '10.0.0/8'", "write a CIDR range such as 10.1.2.0/24");
        assertThat(run("submitter", "list").out()).doesNotContain("portail");
        CommandRun unknown = run("submitter", "disable", "personne");
        assertThat(unknown.status()).isNotZero();
        assertThat(unknown.err()).contains("no application 'personne'");
    }

    private static CommandRun run(String... words) {
        return CommandRun.of(NODE.flags(words));
    }
}
