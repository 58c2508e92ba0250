package org.guichet.gateway.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.guichet.dns.DnsRecordCheck;
import org.guichet.gateway.authentication.ResolverDns;
import org.guichet.gateway.dkim.DkimKey;
import org.guichet.gateway.dkim.DkimKeys;
import org.guichet.gateway.relay.LoopbackDns;
import org.junit.jupiter.api.Test;

/** The records to publish for a sender domain and the reply domain, compared with a real DNS server on loopback. */
class DnsCheckTest {

    static final DkimKey CAF = new DkimKey("caf.example", "guichet2026", rsaKey());
    static final DkimKey REPLY = new DkimKey("reponse.caf.example", "guichet2026", rsaKey());

    @Test
    void theReplyDomainPublishedAsNeededHoldsAndMtaStsIsOnlyRecommended() throws Exception {
        try (LoopbackDns dns = new LoopbackDns()) {
            dns.mx("reponse.caf.example", 10, "guichet.caf.example")
                    .txt("reponse.caf.example", "v=spf1 ip4:203.0.113.25 -all")
                    .txt(REPLY.recordName(), REPLY.txtValue())
                    .txt("_dmarc.reponse.caf.example", "v=DMARC1; p=quarantine; adkim=r; aspf=r");

            List<DnsRecordCheck> checks = check(dns).check("reponse.caf.example.");

            assertThat(statuses(checks)).containsExactly(Map.entry("MX", DnsRecordCheck.Status.OK),
                    Map.entry("SPF", DnsRecordCheck.Status.OK), Map.entry("DKIM", DnsRecordCheck.Status.OK),
                    Map.entry("DMARC", DnsRecordCheck.Status.OK), Map.entry("MTA-STS", DnsRecordCheck.Status.MISSING));
            assertThat(checks.getFirst().record()).isEqualTo("reponse.caf.example. IN MX 10 guichet.caf.example.");
            assertThat(DnsCheck.allRequiredHold(checks)).as("MTA-STS is recommended, not required").isTrue();
        }
    }

    @Test
    void aSenderDomainWithAnOldKeyTwoSpfRecordsAndNoDmarcPolicy() throws Exception {
        try (LoopbackDns dns = new LoopbackDns()) {
            dns.txt("caf.example", "v=spf1 ip4:203.0.113.25 -all").txt("caf.example", "v=spf1 include:_spf.other -all")
                    .txt(CAF.recordName(), new DkimKey("caf.example", "guichet2026", rsaKey()).txtValue())
                    .txt("_dmarc.caf.example", "v=DMARC1; p=none; rua=mailto:dmarc@caf.example");

            List<DnsRecordCheck> checks = check(dns).check("caf.example");

            assertThat(statuses(checks)).as("no MX asked of a sender domain").containsExactly(
                    Map.entry("SPF", DnsRecordCheck.Status.DIFFERS), Map.entry("DKIM", DnsRecordCheck.Status.DIFFERS),
                    Map.entry("DMARC", DnsRecordCheck.Status.WEAK));
            assertThat(checks.get(1).record()).startsWith("guichet2026._domainkey.caf.example. IN TXT");
            assertThat(checks.get(1).found()).hasSize(1);
            assertThat(checks.get(0).advice()).contains("two SPF records are an error");
            assertThat(DnsCheck.allRequiredHold(checks)).isFalse();
        }
    }

    @Test
    void nothingPublishedIsMissing() throws Exception {
        try (LoopbackDns dns = new LoopbackDns()) {
            List<DnsRecordCheck> checks = check(dns).check("reponse.caf.example");

            assertThat(checks).allSatisfy(c -> assertThat(c.status()).isEqualTo(DnsRecordCheck.Status.MISSING));
            assertThat(checks.getFirst().advice()).contains("point the MX of reponse.caf.example at the inbound listener");
        }
    }

    private static DnsCheck check(LoopbackDns dns) {
        return new DnsCheck(new ResolverDns(List.of(dns.address()), Duration.ofSeconds(2)),
                new DkimKeys(List.of(CAF, REPLY)), "reponse.caf.example", "guichet.caf.example");
    }

    private static List<Map.Entry<String, DnsRecordCheck.Status>> statuses(List<DnsRecordCheck> checks) {
        return checks.stream().map(c -> Map.entry(c.purpose(), c.status())).collect(Collectors.toList());
    }

    private static RSAPrivateCrtKey rsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(1024);
            return (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
