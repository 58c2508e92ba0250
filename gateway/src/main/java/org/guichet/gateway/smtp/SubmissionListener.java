package org.guichet.gateway.smtp;

import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.guichet.gateway.spool.Spool;
import org.guichet.gateway.submission.SubmissionPolicy;
import org.guichet.gateway.submission.SubmissionProperties;
import org.guichet.node.ConditionalOnRole;
import org.guichet.node.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** The submission listener: the administration's applications hand their mail to Guichet here. */
@Component
@ConditionalOnRole(Role.SUBMISSION)
class SubmissionListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SubmissionListener.class);

    private final SMTPServer server;
    private final int port;

    SubmissionListener(SmtpServerFactory factory, SmtpProperties smtp, SubmissionProperties submission,
            SubmissionPolicy policy, Spool spool, MeterRegistry meters) {
        Timer acceptance = Timer.builder("guichet.smtp.acceptance")
                .description("Time from the end of DATA to the durable commit that precedes 250")
                .tag("listener", "submission")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        long maxSize = smtp.maxMessageSize().toBytes();
        EasyAuthenticationHandlerFactory authentication = new EasyAuthenticationHandlerFactory(
                (username, password, context) -> {
                    if (!policy.authenticate(username, password)) {
                        log.info("reject: AUTH from {}: 535 5.7.8 authentication failed for '{}'",
                                context.getRemoteAddress(), username);
                        throw new LoginFailedException("5.7.8 Authentication credentials invalid");
                    }
                });
        this.port = smtp.submissionPort();
        this.server = factory.create("submission", port, smtp.submission().bindAddress(),
                context -> new SubmissionSession(context, policy, spool, maxSize, smtp.maxRecipients(), acceptance),
                Optional.of(authentication), new AuthPolicy(submission.allowPlaintextAuthOnLoopback()));
    }

    @Override
    public void start() {
        server.start();
        log.info("submission listener on port {}", server.getPortAllocated());
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
