package org.guichet.gateway.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.guichet.gateway.relay.LoopbackDns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SPF, DKIM and DMARC as a citizen's reply meets them, against a real DNS responder on
 * loopback and messages signed with a key made here.
 */
class AuthenticatorTest {

    private static final String GUICHET = "mx.guichet.test";

    private static LoopbackDns dns;
    private static DkimKey author;
    private static DkimKey mailingService;
    private static Authenticator authenticator;

    @BeforeAll
    static void zone() throws Exception {
        author = DkimKey.generate("example.org", "sel2025");
        mailingService = DkimKey.generate("esp.example", "s1");
        dns = new LoopbackDns()
                .txt("example.org", "v=spf1 ip4:192.0.2.0/24 include:_spf.partner.example -all")
                .txt("_spf.partner.example", "v=spf1 ip4:198.51.100.7 -all")
                .txt("mail.example.org", "v=spf1 ip4:192.0.2.0/24 -all")
                .txt("soft.example", "v=spf1 ip4:192.0.2.10 ~all")
                .txt("other.example", "v=spf1 ip4:203.0.113.0/24 -all")
                .exists("nopolicy.example")
                .txt("_dmarc.example.org", "v=DMARC1; p=reject; sp=quarantine; rua=mailto:dmarc@example.org")
                .txt("_dmarc.strict.example", "v=DMARC1; p=quarantine; aspf=s")
                .txt("mail.strict.example", "v=spf1 ip4:192.0.2.0/24 -all")
                .txt(author.recordName(), author.record())
                .txt(mailingService.recordName(), mailingService.record());
        authenticator = new Authenticator(new ResolverDns(List.of(dns.address()), Duration.ofSeconds(5)), GUICHET,
                Duration.ofSeconds(5), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        dns.close();
    }

    /** The results for a message from a client that says HELO client.example. */
    private static AuthenticationResults fromClient(String ip, String mailFrom, byte[] message) {
        return authenticator.authenticate(ip, "client.example", mailFrom, message);
    }

    private static void assertDmarc(AuthenticationResults results, DmarcResult.Verdict verdict, DmarcResult.Policy policy) {
        assertThat(results.dmarc().result()).isEqualTo(verdict);
        assertThat(results.dmarc().policy()).isEqualTo(policy);
    }

    private static SpfResult spf(String ip, String mailFrom) {
        return fromClient(ip, mailFrom, Letters.reply("camille@nopolicy.example")).spf();
    }

    @Test
    void spfPassesForAnAddressOfTheDomainsIp4Range() {
        SpfResult spf = spf("192.0.2.25", "camille@example.org");
        assertThat(spf.result()).isEqualTo(SpfResult.Verdict.PASS);
        assertThat(spf.domain()).isEqualTo("example.org");
        assertThat(spf.identity()).isEqualTo(SpfResult.Identity.MAILFROM);
    }

    /** Each row: the client's address | the MAIL FROM | the SPF verdict. */
    @ParameterizedTest(name = "{1} from {0}: {2}")
    @CsvSource(textBlock = """
            # an address allowed through an include
            198.51.100.7, camille@example.org,      PASS
            # an address outside a hard-fail policy
            203.0.113.5,  camille@example.org,      FAIL
            # under a tilde-all, outside and inside the range
            203.0.113.5,  camille@soft.example,     SOFTFAIL
            192.0.2.10,   camille@soft.example,     PASS
            # a domain without policy
            203.0.113.5,  camille@nopolicy.example, NONE
            """)
    void spfVerdictOfTheMailFromDomainsPolicy(String ip, String mailFrom, SpfResult.Verdict verdict) {
        assertThat(spf(ip, mailFrom).result()).isEqualTo(verdict);
    }

    @Test
    void nullSenderIsCheckedByItsHeloName() {
        SpfResult spf = authenticator.authenticate("192.0.2.8", "mail.example.org", "",
                Letters.reply("mailer-daemon@mail.example.org")).spf();
        assertThat(spf.result()).isEqualTo(SpfResult.Verdict.PASS);
        assertThat(spf.identity()).isEqualTo(SpfResult.Identity.HELO);
        assertThat(spf.domain()).isEqualTo("mail.example.org");
    }

    @Test
    void dkimPassesOnACorrectlySignedMessage() throws Exception {
        AuthenticationResults results = fromClient("203.0.113.5", "camille@example.org",
                author.sign(Letters.reply("camille@example.org")));
        assertThat(results.dkim()).singleElement().satisfies(signature -> {
            assertThat(signature.result()).isEqualTo(DkimResult.Verdict.PASS);
            assertThat(signature.domain()).isEqualTo("example.org");
            assertThat(signature.selector()).isEqualTo("sel2025");
        });
    }

    @Test
    void dkimFailsOnceTheBodyIsChanged() throws Exception {
        byte[] tampered = Letters.tampered(author.sign(Letters.reply("camille@example.org")));
        AuthenticationResults results = fromClient("192.0.2.25", "camille@example.org", tampered);
        assertThat(results.dkim()).singleElement().satisfies(signature -> {
            assertThat(signature.result()).isEqualTo(DkimResult.Verdict.FAIL);
            assertThat(signature.domain()).isEqualTo("example.org");
            assertThat(signature.reason()).containsIgnoringCase("body");
        });
    }

    @Test
    void dkimIsNoneWithoutSignature() {
        AuthenticationResults results = fromClient("192.0.2.25", "camille@example.org",
                Letters.reply("camille@example.org"));
        assertThat(results.dkim()).isEmpty();
        assertThat(results.header()).contains("dkim=none");
    }

    @Test
    void dkimWithoutPublishedKeyIsAPermanentError() throws Exception {
        DkimKey unpublished = DkimKey.generate("example.org", "gone");
        AuthenticationResults results = fromClient("192.0.2.25", "camille@example.org",
                unpublished.sign(Letters.reply("camille@example.org")));
        assertThat(results.dkim()).singleElement()
                .satisfies(signature -> assertThat(signature.result()).isEqualTo(DkimResult.Verdict.PERMERROR));
    }

    @Test
    void dmarcPassesThroughAnAlignedDkimSignatureEvenWhenSpfFails() throws Exception {
        AuthenticationResults results = fromClient("203.0.113.5", "camille@example.org",
                author.sign(Letters.reply("camille@example.org")));
        assertThat(results.spf().result()).isEqualTo(SpfResult.Verdict.FAIL);
        assertDmarc(results, DmarcResult.Verdict.PASS, DmarcResult.Policy.REJECT);
        assertThat(results.dmarc().alignedBy()).isEqualTo(DmarcResult.AlignedIdentifier.DKIM);
        assertThat(results.flagged()).isFalse();
    }

    @Test
    void dmarcPassesThroughSpfOfASubDomainUnderRelaxedAlignment() {
        AuthenticationResults results = fromClient("192.0.2.25", "bounces@mail.example.org",
                Letters.reply("camille@example.org"));
        assertThat(results.spf().result()).isEqualTo(SpfResult.Verdict.PASS);
        assertThat(results.spf().domain()).isEqualTo("mail.example.org");
        assertThat(results.dkim()).isEmpty();
        assertThat(results.dmarc().result()).isEqualTo(DmarcResult.Verdict.PASS);
        assertThat(results.dmarc().alignedBy()).isEqualTo(DmarcResult.AlignedIdentifier.SPF);
        assertThat(results.dmarc().spfAlignment()).isEqualTo(DmarcResult.Alignment.RELAXED);
        assertThat(results.flagged()).isFalse();
    }

    @Test
    void dmarcFailsUnderRejectWhenNeitherIdentifierAlignsAndTheMessageIsOnlyFlagged() throws Exception {
        // SPF passes for the mailing service's own domain, DKIM passes for its own key: both
        // authenticate someone, neither is the author's domain
        AuthenticationResults results = authenticator.authenticate("203.0.113.9", "out.other.example",
                "bounce@other.example", mailingService.sign(Letters.reply("camille@example.org")));
        assertThat(results.spf().result()).isEqualTo(SpfResult.Verdict.PASS);
        assertThat(results.dkim()).singleElement()
                .satisfies(signature -> assertThat(signature.result()).isEqualTo(DkimResult.Verdict.PASS));
        assertDmarc(results, DmarcResult.Verdict.FAIL, DmarcResult.Policy.REJECT);
        assertThat(results.dmarc().alignedBy()).isEqualTo(DmarcResult.AlignedIdentifier.NONE);
        assertThat(results.flagged()).isTrue();
    }

    @Test
    void strictSpfAlignmentRefusesASubDomain() {
        AuthenticationResults results = fromClient("192.0.2.25", "bounces@mail.strict.example",
                Letters.reply("camille@strict.example"));
        assertThat(results.spf().result()).isEqualTo(SpfResult.Verdict.PASS);
        assertDmarc(results, DmarcResult.Verdict.FAIL, DmarcResult.Policy.QUARANTINE);
        assertThat(results.dmarc().spfAlignment()).isEqualTo(DmarcResult.Alignment.STRICT);
    }

    @Test
    void aSubDomainWithoutRecordTakesTheSubDomainPolicyOfItsOrganisation() {
        AuthenticationResults results = fromClient("203.0.113.5", "camille@news.example.org",
                Letters.reply("camille@news.example.org"));
        assertDmarc(results, DmarcResult.Verdict.FAIL, DmarcResult.Policy.QUARANTINE);
    }

    @Test
    void dmarcIsNoneWithoutRecordAndSuchAMessageIsFlaggedOnlyWhenSpfFailsWithoutDkim() {
        AuthenticationResults unknown = fromClient("203.0.113.5", "camille@nopolicy.example",
                Letters.reply("camille@nopolicy.example"));
        assertDmarc(unknown, DmarcResult.Verdict.NONE, null);
        assertThat(unknown.flagged()).as("SPF none: nothing says the sender is false").isFalse();

        AuthenticationResults spfFailed = fromClient("203.0.113.5", "camille@example.org",
                Letters.reply("camille@nopolicy.example"));
        assertThat(spfFailed.spf().result()).isEqualTo(SpfResult.Verdict.FAIL);
        assertThat(spfFailed.dmarc().result()).isEqualTo(DmarcResult.Verdict.NONE);
        assertThat(spfFailed.flagged()).isTrue();
    }

    @Test
    void aSilentDnsServerGivesTemporaryErrorsWithinTheTimeBudget() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            Duration budget = Duration.ofMillis(400);
            Authenticator slow = new Authenticator(
                    new ResolverDns(List.of("127.0.0.1:" + silent.getLocalPort()), Duration.ofSeconds(30)), GUICHET,
                    budget, Clock.systemUTC());
            long start = System.nanoTime();
            AuthenticationResults results = slow.authenticate("192.0.2.25", "client.example", "camille@example.org",
                    author.sign(Letters.reply("camille@example.org")));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(results.spf().result()).isEqualTo(SpfResult.Verdict.TEMPERROR);
            assertThat(results.dkim()).singleElement()
                    .satisfies(signature -> assertThat(signature.result()).isEqualTo(DkimResult.Verdict.TEMPERROR));
            assertThat(results.dmarc().result()).isEqualTo(DmarcResult.Verdict.TEMPERROR);
            assertThat(results.flagged()).isFalse();
            assertThat(took).as("all queries of the message share one budget").isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void theHeaderNamesGuichetAndEveryResult() throws Exception {
        AuthenticationResults results = fromClient("203.0.113.5", "camille@example.org",
                author.sign(Letters.reply("camille@example.org")));
        assertThat(results.header()).isEqualTo(GUICHET + ";\r\n"
                + "\tspf=fail (client 203.0.113.5) smtp.mailfrom=example.org;\r\n"
                + "\tdkim=pass header.d=example.org header.s=sel2025;\r\n"
                + "\tdmarc=pass (p=reject adkim=r aspf=r aligned=dkim) header.from=example.org");
    }
}
