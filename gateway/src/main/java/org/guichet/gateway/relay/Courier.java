package org.guichet.gateway.relay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Carries one message to a group of its recipients that share a next hop, in one SMTP
 * transaction: tries the next hop's addresses in order until one takes the transaction,
 * and reports each recipient's own reply.
 */
class Courier {

    private final NextHops nextHops;
    private final SessionPool sessions;
    private final boolean credentials;

    Courier(NextHops nextHops, SessionPool sessions, RelayProperties settings) {
        this.nextHops = nextHops;
        this.sessions = sessions;
        this.credentials = settings.usesSmarthost() && settings.authenticates();
    }

    /** One result per recipient, in the order given. */
    List<RecipientResult> deliver(String sender, List<String> recipients, byte[] raw) {
        List<RemoteHost> hosts;
        try {
            hosts = nextHops.resolve(NextHops.domainOf(recipients.get(0)));
        } catch (RouteFailure e) {
            return all(recipients, e.reply(), null);
        }
        SmtpReply lastFailure = SmtpReply.local(451, "4.4.1", "no next hop reached");
        RemoteHost lastHost = null;
        for (RemoteHost host : hosts) {
            // a reused connection may have been closed by the peer meanwhile: one fresh retry
            for (int round = 0; round < 2; round++) {
                SmtpSession session;
                try {
                    session = sessions.borrow(host, credentials);
                } catch (IOException e) {
                    lastFailure = SmtpReply.local(451, "4.4.1", "connect to " + host + " failed: " + e.getMessage());
                    lastHost = host;
                    break;
                } catch (SessionRefused e) {
                    // RFC 5321 §5.1: a host that refuses the session sends us to the next one;
                    // a session failure (even 5xx greeting or AUTH) is the route's fault, not the recipient's
                    lastFailure = e.reply().transientFailure() ? e.reply()
                            : SmtpReply.local(451, "4.4.0", "session refused by " + host + ": " + e.reply().oneLine());
                    lastHost = host;
                    break;
                }
                boolean reused = session.transactions() > 0;
                try {
                    List<RecipientResult> results = transaction(session, sender, recipients, raw);
                    sessions.release(session);
                    return results;
                } catch (IOException e) {
                    session.abandon();
                    lastFailure = SmtpReply.local(451, "4.4.2", "lost connection with " + host + ": " + e.getMessage());
                    lastHost = host;
                    if (!reused) {
                        break;
                    }
                    // the peer closed pooled connections (restart, idle timeout): start afresh
                    sessions.discardIdle(host);
                }
            }
        }
        return all(recipients, lastFailure, lastHost);
    }

    private static List<RecipientResult> transaction(SmtpSession session, String sender, List<String> recipients, byte[] raw)
            throws IOException {
        RemoteHost host = session.host();
        boolean utf8 = !ascii(sender) || recipients.stream().anyMatch(r -> !ascii(r));
        SmtpReply mail = session.mail(sender, raw.length, eightBit(raw), utf8);
        if (!mail.positive()) {
            return all(recipients, mail, host);
        }
        RecipientResult[] results = new RecipientResult[recipients.size()];
        List<Integer> accepted = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i++) {
            SmtpReply rcpt = session.rcpt(recipients.get(i));
            if (rcpt.positive()) {
                accepted.add(i);
            } else {
                results[i] = RecipientResult.of(recipients.get(i), rcpt, host);
            }
        }
        if (!accepted.isEmpty()) {
            SmtpReply data = session.data(raw);
            for (int i : accepted) {
                results[i] = RecipientResult.of(recipients.get(i), data, host);
            }
        }
        return List.of(results);
    }

    private static List<RecipientResult> all(List<String> recipients, SmtpReply reply, RemoteHost host) {
        return recipients.stream().map(r -> RecipientResult.of(r, reply, host)).toList();
    }

    private static boolean ascii(String text) {
        return StandardCharsets.US_ASCII.newEncoder().canEncode(text);
    }

    private static boolean eightBit(byte[] raw) {
        for (byte b : raw) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }
}
