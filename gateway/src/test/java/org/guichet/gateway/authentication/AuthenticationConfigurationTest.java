package org.guichet.gateway.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;

import org.guichet.gateway.relay.LoopbackDns;
import org.guichet.gateway.smtp.SmtpProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

/** The node's authenticator from its settings. */
class AuthenticationConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withBean(SmtpProperties.class, () -> new SmtpProperties("mx.guichet.test", null, null,
                    DataSize.ofMegabytes(25), 1000, 500, Duration.ofMinutes(5), null, null))
            .withBean(Clock.class, Clock::systemUTC)
            .withUserConfiguration(AuthenticationConfiguration.class);

    @Test
    void asksTheConfiguredDnsServersAndSignsWithTheSmtpHostName() throws Exception {
        try (LoopbackDns dns = new LoopbackDns().txt("example.org", "v=spf1 ip4:192.0.2.0/24 -all")) {
            runner.withPropertyValues("guichet.authentication.dns-servers=" + dns.address())
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        Authenticator authenticator = context.getBean(Authenticator.class);
                        assertThat(authenticator.authservId()).isEqualTo("mx.guichet.test");
                        AuthenticationResults results = authenticator.authenticate("192.0.2.1", "client.example",
                                "camille@example.org", Letters.reply("camille@example.org"));
                        assertThat(results.spf().result()).isEqualTo(SpfResult.Verdict.PASS);
                        assertThat(results.header()).startsWith("mx.guichet.test;");
                    });
        }
    }

    @Test
    void authservIdAndTimeoutCanBeSet() {
        runner.withPropertyValues("guichet.authentication.authserv-id=guichet.caf.fr", "guichet.authentication.timeout=2s")
                .run(context -> {
                    assertThat(context.getBean(Authenticator.class).authservId()).isEqualTo("guichet.caf.fr");
                    assertThat(context.getBean(AuthenticationProperties.class).timeout()).isEqualTo(Duration.ofSeconds(2));
                });
        runner.withPropertyValues("guichet.authentication.timeout=0s")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("guichet.authentication.timeout"));
    }
}
