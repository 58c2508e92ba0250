package org.guichet.gateway.relay;

import java.io.IOException;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open SMTP sessions kept per next hop address, so that a thousand messages to one
 * smarthost travel over a few connections rather than a thousand (Postfix's connection
 * cache does the same). An idle session is closed after {@code idle-timeout}; a session
 * is retired after {@code max-messages-per-connection} transactions.
 */
final class SessionPool implements AutoCloseable {

    private final RelayProperties settings;
    private final String ehloName;
    private final Map<RemoteHost, Deque<SmtpSession>> idle = new ConcurrentHashMap<>();
    private final AtomicLong opened = new AtomicLong();
    private volatile boolean closed;

    SessionPool(RelayProperties settings, String ehloName) {
        this.settings = settings;
        this.ehloName = ehloName;
    }

    /** An idle session to this host, or a new one. */
    SmtpSession borrow(RemoteHost host, boolean credentials) throws IOException, SessionRefused {
        Deque<SmtpSession> sessions = idle.get(host);
        if (sessions != null) {
            SmtpSession session;
            while ((session = sessions.pollFirst()) != null) {
                if (session.usable() && session.idleNanos() < settings.idleTimeout().toNanos()) {
                    return session;
                }
                session.close();
            }
        }
        SmtpSession session = SmtpSession.open(host, settings, ehloName, credentials);
        opened.incrementAndGet();
        return session;
    }

    /** Closes the idle sessions to a host, after one of them was found dead: the others likely are too. */
    void discardIdle(RemoteHost host) {
        Deque<SmtpSession> sessions = idle.get(host);
        if (sessions == null) {
            return;
        }
        SmtpSession session;
        while ((session = sessions.pollFirst()) != null) {
            session.close();
        }
    }

    /**
     * Takes a session back after a transaction: RSET readies it for the next message
     * (RFC 5321 §4.1.1.5); a session that fails RSET or has served enough is closed.
     */
    void release(SmtpSession session) {
        if (closed || !session.usable() || session.transactions() >= settings.maxMessagesPerConnection()) {
            session.close();
            return;
        }
        try {
            if (session.reset().code() != 250) {
                session.close();
                return;
            }
        } catch (IOException e) {
            session.abandon();
            return;
        }
        session.markIdle();
        idle.computeIfAbsent(session.host(), h -> new ConcurrentLinkedDeque<>()).offerFirst(session);
    }

    /** Closes sessions idle for longer than the idle timeout. */
    void evictIdle() {
        long limit = settings.idleTimeout().toNanos();
        for (Deque<SmtpSession> sessions : idle.values()) {
            for (Iterator<SmtpSession> it = sessions.iterator(); it.hasNext(); ) {
                SmtpSession session = it.next();
                if (!session.usable() || session.idleNanos() >= limit) {
                    if (sessions.removeFirstOccurrence(session)) {
                        session.close();
                    }
                }
            }
        }
    }

    /** Connections opened since start; for metrics and tests. */
    long opened() {
        return opened.get();
    }

    int idleCount() {
        return idle.values().stream().mapToInt(Deque::size).sum();
    }

    @Override
    public void close() {
        closed = true;
        for (Deque<SmtpSession> sessions : idle.values()) {
            SmtpSession session;
            while ((session = sessions.pollFirst()) != null) {
                session.close();
            }
        }
    }
}
