package org.guichet.gateway.smtp;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.server.Session;
import org.subethamail.smtp.server.SessionHandler;

/**
 * Bounds what one client can hold of a listener: a number of concurrent sessions per address
 * (as Postfix's {@code smtpd_client_connection_count_limit}, addresses the listener trusts
 * excepted, as Postfix excepts {@code mynetworks}), and a total duration per session, so that
 * a client trickling a byte at a time cannot keep a session open forever within the idle
 * timeout. A session past its deadline is told {@code 421} and closed; nothing it had not
 * seen answered {@code 250} was accepted.
 */
final class SessionLimits implements SessionHandler {

    private static final Logger log = LoggerFactory.getLogger(SessionLimits.class);

    private final String listener;
    private final int perAddress;
    private final Duration deadline;
    private final Predicate<InetAddress> exempt;
    private final Map<InetAddress, AtomicInteger> open = new ConcurrentHashMap<>();
    private final Map<String, ScheduledFuture<?>> deadlines = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;

    SessionLimits(String listener, int perAddress, Duration deadline, Predicate<InetAddress> exempt) {
        this.listener = listener;
        this.perAddress = perAddress;
        this.deadline = deadline;
        this.exempt = exempt;
        this.timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name(listener + "-deadlines").daemon().factory());
    }

    @Override
    public SessionAcceptance accept(Session session) {
        InetAddress client = session.getRealRemoteAddress().getAddress();
        if (!exempt.test(client)) {
            int count = open.computeIfAbsent(client, c -> new AtomicInteger()).incrementAndGet();
            if (count > perAddress) {
                release(client);
                log.info("reject: CONNECT from {} on {}: 421 4.7.0 too many connections from this address ({})",
                        client.getHostAddress(), listener, perAddress);
                return SessionAcceptance.failure(421,
                        "4.7.0 Too many connections from your address, try again later");
            }
        }
        deadlines.put(session.getSessionId(),
                timer.schedule(() -> expire(session), deadline.toMillis(), TimeUnit.MILLISECONDS));
        return SessionAcceptance.success();
    }

    @Override
    public void onSessionEnd(Session session) {
        ScheduledFuture<?> pending = deadlines.remove(session.getSessionId());
        if (pending == null) {
            return; // refused at accept: nothing was counted for it
        }
        pending.cancel(false);
        InetAddress client = session.getRealRemoteAddress().getAddress();
        if (!exempt.test(client)) {
            release(client);
        }
    }

    private void release(InetAddress client) {
        open.computeIfPresent(client, (c, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    private void expire(Session session) {
        log.info("disconnect: {} on {}: 421 4.4.2 session lasted {}", session.getRealRemoteAddress(), listener,
                deadline);
        try {
            session.sendResponse("421 4.4.2 Session time limit exceeded, closing connection");
        } catch (IOException e) {
            // the client may already be gone; the socket is closed below all the same
        }
        try {
            session.closeSocket();
        } catch (IOException e) {
            log.debug("closing an expired session: {}", e.toString());
        }
    }

    /** Stops the deadline timer with the listener. */
    void stop() {
        timer.shutdownNow();
    }
}
