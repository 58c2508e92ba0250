package org.guichet.gateway.escalation;

import java.time.Clock;

import org.guichet.escalation.EscalationNotice;
import org.guichet.escalation.EscalationNotifier;
import org.guichet.gateway.spool.Envelope;
import org.guichet.gateway.spool.Spool;
import org.guichet.gateway.spool.SpoolUnavailableException;

/**
 * Sends supervisors' notices through the spool, like any mail Guichet writes itself: the
 * pipeline signs it (DKIM, with the sender domain's key) and the relay delivers and retries it.
 */
record SpooledAlerts(Spool spool, SupervisorAlert alert, Clock clock) implements EscalationNotifier {

    @Override
    public String send(EscalationNotice notice) {
        byte[] raw = alert.write(notice, clock.instant());
        try {
            return spool.accept(Envelope.local(alert.senderAddress(), notice.supervisors()), raw);
        } catch (SpoolUnavailableException e) {
            // The flag's transaction rolls back with it: the next sweep raises and sends it again.
            throw new IllegalStateException("spool refused the notice of case " + notice.caseReference() + ": "
                    + e.getMessage(), e);
        }
    }
}
