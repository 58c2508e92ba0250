package org.guichet.gateway.smtp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
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
import org.springframework.stereotype.Component;

/** The submission listener: the administration's applications hand their mail to Guichet here. */
@Component
@ConditionalOnRole(Role.SUBMISSION)
class SubmissionListener extends SmtpListener {

    private static final Logger log = LoggerFactory.getLogger(SubmissionListener.class);

    SubmissionListener(SmtpServerFactory factory, SmtpProperties smtp, SubmissionProperties submission,
            SubmissionPolicy policy, Spool spool, MeterRegistry meters) {
        super("submission", server(factory, smtp, submission, policy, spool, acceptanceTimer(meters, "submission")));
    }

    private static SMTPServer server(SmtpServerFactory factory, SmtpProperties smtp, SubmissionProperties submission,
            SubmissionPolicy policy, Spool spool, Timer acceptance) {
        DataLimits limits = factory.dataLimits();
        EasyAuthenticationHandlerFactory authentication = new EasyAuthenticationHandlerFactory(
                (username, password, context) -> {
                    InetAddress client = ((InetSocketAddress) context.getRemoteAddress()).getAddress();
                    if (!policy.authenticate(username, password, client)) {
                        log.info("reject: AUTH from {}: 535 5.7.8 authentication failed for '{}'",
                                context.getRemoteAddress(), username);
                        throw new LoginFailedException("5.7.8 Authentication credentials invalid");
                    }
                });
        return factory.create("submission", smtp.submissionPort(), smtp.submission().bindAddress(),
                context -> new SubmissionSession(context, policy, spool, limits, smtp.maxRecipients(), acceptance),
                Optional.of(authentication), new AuthPolicy(submission.allowPlaintextAuthOnLoopback()),
                policy::allowListed);
    }
}
