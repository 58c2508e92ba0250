package org.guichet.gateway.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The results as a header (RFC 8601) and as stored JSON; what decides the flag. */
class AuthenticationResultsTest {

    private static final SpfResult SPF_FAIL = new SpfResult(SpfResult.Verdict.FAIL, "example.org",
            SpfResult.Identity.MAILFROM, "203.0.113.5");
    private static final DmarcResult NO_DMARC = DmarcResult.without(DmarcResult.Verdict.NONE, "example.org");

    @Test
    void valuesFromTheSenderCannotBreakTheHeader() {
        DkimResult hostile = new DkimResult("evil.example\r\nX-Injected: yes", "s\"1", DkimResult.Verdict.FAIL,
                "bad \"quote\"\r\nBcc: victim@example.org");
        AuthenticationResults results = new AuthenticationResults("mx.guichet.test", SPF_FAIL, List.of(hostile), NO_DMARC);

        String header = results.header();

        assertThat(header.replace(";\r\n\t", ";")).doesNotContain("\r").doesNotContain("\n");
        assertThat(header).contains("dkim=fail reason=\"bad \\\"quote\\\" Bcc: victim@example.org\"")
                .contains("header.d=\"evil.example  x-injected: yes\"")
                .contains("header.s=\"s\\\"1\"");
    }

    @Test
    void nullSenderIsReportedByItsHeloName() {
        SpfResult helo = new SpfResult(SpfResult.Verdict.PASS, "mail.example.org", SpfResult.Identity.HELO, "192.0.2.8");
        AuthenticationResults results = new AuthenticationResults("mx.guichet.test", helo, List.of(), NO_DMARC);
        assertThat(results.header()).isEqualTo("mx.guichet.test;\r\n"
                + "\tspf=pass (client 192.0.2.8) smtp.helo=mail.example.org;\r\n"
                + "\tdkim=none;\r\n"
                + "\tdmarc=none header.from=example.org");
    }

    @Test
    void authservIdIsReadPastCommentsAndFolding() {
        assertThat(AuthenticationResultsHeader.authservId(" mx.guichet.test; spf=pass")).isEqualTo("mx.guichet.test");
        assertThat(AuthenticationResultsHeader.authservId("\r\n\t(a (nested) comment) MX.Guichet.TEST 1; none"))
                .isEqualTo("mx.guichet.test");
        assertThat(AuthenticationResultsHeader.authservId("\"mx.guichet.test\"; none")).isEqualTo("mx.guichet.test");
        assertThat(AuthenticationResultsHeader.authservId("mx.guichet.test.evil.example; none"))
                .isEqualTo("mx.guichet.test.evil.example");
    }

    @Test
    void jsonKeepsEveryResult() {
        AuthenticationResults results = new AuthenticationResults("mx.guichet.test",
                new SpfResult(SpfResult.Verdict.SOFTFAIL, "example.org", SpfResult.Identity.MAILFROM, "192.0.2.1"),
                List.of(new DkimResult("example.org", "sel", DkimResult.Verdict.PASS, ""),
                        new DkimResult("esp.example", "s1", DkimResult.Verdict.TEMPERROR, "no DNS answer")),
                new DmarcResult(DmarcResult.Verdict.PASS, "example.org", DmarcResult.Policy.QUARANTINE,
                        DmarcResult.AlignedIdentifier.DKIM, DmarcResult.Alignment.STRICT, DmarcResult.Alignment.RELAXED));

        assertThat(AuthenticationResults.fromJson(results.toJson())).isEqualTo(results);
        assertThat(AuthenticationResults.fromJson(new AuthenticationResults("mx.guichet.test", SPF_FAIL, List.of(), NO_DMARC)
                .toJson()).dmarc().policy()).isNull();
    }

    @Test
    void flaggedOnDmarcFailureOrOnSpfFailureWithoutDmarcNorDkim() {
        DmarcResult fail = new DmarcResult(DmarcResult.Verdict.FAIL, "example.org", DmarcResult.Policy.NONE,
                DmarcResult.AlignedIdentifier.NONE, null, null);
        SpfResult pass = new SpfResult(SpfResult.Verdict.PASS, "example.org", SpfResult.Identity.MAILFROM, "192.0.2.1");
        DkimResult signed = new DkimResult("example.org", "sel", DkimResult.Verdict.PASS, "");

        assertThat(new AuthenticationResults("g", pass, List.of(), fail).flagged()).as("even under p=none").isTrue();
        assertThat(new AuthenticationResults("g", SPF_FAIL, List.of(), NO_DMARC).flagged()).isTrue();
        assertThat(new AuthenticationResults("g", SPF_FAIL, List.of(signed), NO_DMARC).flagged()).isFalse();
        assertThat(new AuthenticationResults("g", pass, List.of(), NO_DMARC).flagged()).isFalse();
        assertThat(new AuthenticationResults("g", SPF_FAIL, List.of(),
                DmarcResult.without(DmarcResult.Verdict.TEMPERROR, "example.org")).flagged())
                .as("a DNS outage says nothing about the sender").isFalse();
        assertThat(new AuthenticationResults("g", pass, List.of(),
                DmarcResult.without(DmarcResult.Verdict.PERMERROR, "")).flagged())
                .as("no single author address").isTrue();
    }

    @Test
    void organisationalDomainKnowsTwoLabelPublicSuffixes() {
        assertThat(OrganisationalDomain.of("notifications.caf.fr")).isEqualTo("caf.fr");
        assertThat(OrganisationalDomain.of("courrier.interieur.gouv.fr")).isEqualTo("interieur.gouv.fr");
        assertThat(OrganisationalDomain.of("mail.example.co.uk")).isEqualTo("example.co.uk");
        assertThat(OrganisationalDomain.of("Example.ORG.")).isEqualTo("example.org");
        assertThat(OrganisationalDomain.of("gouv.fr")).isEqualTo("gouv.fr");
        assertThat(DmarcCheck.aligned("interieur.gouv.fr", "justice.gouv.fr", DmarcResult.Alignment.RELAXED))
                .as("two ministries are two organisations").isFalse();
    }

    @Test
    void organisationalDomainFollowsThePublicSuffixListBeyondTwoLabels() {
        assertThat(OrganisationalDomain.of("www.lycee.pvt.k12.ma.us")).isEqualTo("lycee.pvt.k12.ma.us");
        assertThat(OrganisationalDomain.of("mx.guichet.test")).as("no listed suffix: the default rule").isEqualTo("guichet.test");
        assertThat(DmarcCheck.aligned("mairie-a.github.io", "mairie-b.github.io", DmarcResult.Alignment.RELAXED))
                .as("two sites of one hosting suffix are two organisations").isFalse();
        assertThat(DmarcCheck.aligned("notifications.caf.fr", "caf.fr", DmarcResult.Alignment.RELAXED)).isTrue();
    }
}
