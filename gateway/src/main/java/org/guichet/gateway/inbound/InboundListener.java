package org.guichet.gateway.inbound;

import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.guichet.gateway.smtp.AuthPolicy;
import org.guichet.gateway.smtp.SmtpListener;
import org.guichet.gateway.smtp.SmtpProperties;
import org.guichet.gateway.smtp.DataLimits;
import org.guichet.gateway.smtp.SmtpServerFactory;
import org.guichet.gateway.spool.Spool;
import org.guichet.node.ConditionalOnRole;
import org.guichet.node.Role;
import org.subethamail.smtp.server.SMTPServer;
import org.springframework.stereotype.Component;

/**
 * The inbound listener: MX of the reply domains, where citizens' replies arrive. Same rules as
 * submission for line endings, size and STARTTLS, but no AUTH: nobody submits here, and
 * STARTTLS stays optional since a publicly referenced MX must not require it (RFC 3207 §4).
 * Accepted mail is spooled into the {@value #PROCESSOR} processor of {@code pipeline.xml}.
 */
@Component
@ConditionalOnRole(Role.INBOUND)
class InboundListener extends SmtpListener {

    /** The processor of {@code pipeline.xml} where inbound mail starts. */
    static final String PROCESSOR = "inbound";

    private final InboundAddresses addresses;

    InboundListener(SmtpServerFactory factory, SmtpProperties smtp, InboundProperties inbound,
            InboundAddresses addresses, Spool spool, MeterRegistry meters) {
        super("inbound", server(factory, smtp, inbound, addresses, spool, meters));
        this.addresses = addresses;
    }

    private static SMTPServer server(SmtpServerFactory factory, SmtpProperties smtp, InboundProperties inbound,
            InboundAddresses addresses, Spool spool, MeterRegistry meters) {
        Timer acceptance = acceptanceTimer(meters, "inbound");
        Counter refused = Counter.builder("guichet.inbound.refused-recipients")
                .description("RCPT refused by the inbound listener (unknown address or bad syntax)")
                .register(meters);
        RefusedRecipients refusals = new RefusedRecipients(inbound.invalidRecipients());
        DataLimits limits = factory.dataLimits();
        // No authentication factory: EHLO offers no AUTH and AUTH is answered 502, TLS or not.
        return factory.create("inbound", smtp.inboundPort(), smtp.inbound().bindAddress(),
                context -> new InboundSession(context, addresses, refusals, spool, limits, smtp.maxRecipients(),
                        acceptance, refused),
                Optional.empty(), new AuthPolicy(false), client -> false);
    }

    @Override
    protected String description() {
        return " for reply domains " + addresses.replyDomains();
    }
}
