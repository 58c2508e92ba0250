package org.guichet.gateway.smtp;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.server.SMTPServer;
import org.springframework.context.SmartLifecycle;

/**
 * An SMTP listener started and stopped with the application: accepting stops before the
 * spool and the workers do, so nothing is acknowledged that cannot be committed.
 */
public abstract class SmtpListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SmtpListener.class);

    private final String name;
    private final SMTPServer server;

    protected SmtpListener(String name, SMTPServer server) {
        this.name = name;
        this.server = server;
    }

    /** Time from the end of DATA to the durable commit that precedes 250, per listener. */
    public static Timer acceptanceTimer(MeterRegistry meters, String listener) {
        return Timer.builder("guichet.smtp.acceptance")
                .description("Time from the end of DATA to the durable commit that precedes 250")
                .tag("listener", listener)
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    /** What the start log line adds after the port, e.g. the domains served. */
    protected String description() {
        return "";
    }

    @Override
    public void start() {
        try {
            server.start();
        } catch (RuntimeException e) {
            // SubEthaSMTP binds in start() and wraps the BindException.
            throw new SmtpListenerException(name, server.getPort(), e);
        }
        log.info("{} listener on port {}{}", name, server.getPortAllocated(), description());
    }

    @Override
    public void stop() {
        server.stop();
        if (server.getSessionHandler() instanceof SessionLimits limits) {
            limits.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return server.isRunning();
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    /** {@code submission} or {@code inbound}: the role, and the key under {@code guichet.smtp}. */
    public String name() {
        return name;
    }

    public int port() {
        return server.getPortAllocated();
    }
}
