package org.guichet.gateway.inbound;

import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.guichet.gateway.smtp.AuthPolicy;
import org.guichet.gateway.smtp.SmtpProperties;
import org.guichet.gateway.smtp.SmtpServerFactory;
import org.guichet.gateway.spool.Spool;
import org.guichet.node.ConditionalOnRole;
import org.guichet.node.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.server.SMTPServer;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The inbound listener: MX of the reply domains, where citizens' replies arrive. Same rules as
 * submission for line endings, size and STARTTLS, but no AUTH: nobody submits here, and
 * STARTTLS stays optional since a publicly referenced MX must not require it (RFC 3207 §4).
 * Accepted mail is spooled into the {@value #PROCESSOR} processor of {@code pipeline.xml}.
 */
@Component
@ConditionalOnRole(Role.INBOUND)
class InboundListener implements SmartLifecycle {

    /** The processor of {@code pipeline.xml} where inbound mail starts. */
    static final String PROCESSOR = "inbound";

    private static final Logger log = LoggerFactory.getLogger(InboundListener.class);

    private final SMTPServer server;
    private final InboundAddresses addresses;

    InboundListener(SmtpServerFactory factory, SmtpProperties smtp, InboundProperties inbound,
            InboundAddresses addresses, Spool spool, MeterRegistry meters) {
        Timer acceptance = Timer.builder("guichet.smtp.acceptance")
                .description("Time from the end of DATA to the durable commit that precedes 250")
                .tag("listener", "inbound")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        Counter refused = Counter.builder("guichet.inbound.refused-recipients")
                .description("RCPT refused by the inbound listener (unknown address or bad syntax)")
                .register(meters);
        RefusedRecipients refusals = new RefusedRecipients(inbound.invalidRecipients());
        long maxSize = smtp.maxMessageSize().toBytes();
        this.addresses = addresses;
        // No authentication factory: EHLO offers no AUTH and AUTH is answered 502, TLS or not.
        this.server = factory.create("inbound", smtp.inboundPort(), smtp.inbound().bindAddress(),
                context -> new InboundSession(context, addresses, refusals, spool, maxSize, smtp.maxRecipients(),
                        acceptance, refused),
                Optional.empty(), new AuthPolicy(false));
    }

    @Override
    public void start() {
        server.start();
        log.info("inbound listener on port {} for reply domains {}", server.getPortAllocated(),
                addresses.replyDomains());
    }

    @Override
    public void stop() {
        server.stop();
    }

    @Override
    public boolean isRunning() {
        return server.isRunning();
    }

    /** Stops accepting before the spool and workers stop. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    int port() {
        return server.getPortAllocated();
    }
}
