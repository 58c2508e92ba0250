package org.guichet.escalation;

/**
 * Sends a notice to a service's supervisors; the mail plane implements it (through the spool).
 * Called inside the transaction that raises the flag: when it throws, the flag is not
 * recorded and the next sweep tries again.
 */
@FunctionalInterface
public interface EscalationNotifier {

    /**
     * Sends the notice durably (a spooled message survives a crash).
     *
     * @return an identifier of what was sent (the spool's queue id), kept in the case event
     */
    String send(EscalationNotice notice);
}
