package org.guichet.casework;

import java.time.Instant;

import org.guichet.administration.ServiceIdentity;

/**
 * Tells a citizen that another service now holds their request (CRPA L114-2: an
 * administration that receives a request it is not competent for passes it on and informs
 * the person). A port: the mail plane writes and queues the letter.
 */
public interface TransferNotice {

    /**
     * Queues the letter for the case's citizen, from the service that now holds the case.
     *
     * @throws NoticeUnavailableException when the letter cannot be queued now
     */
    Sent send(Case caseFile, ServiceIdentity from, ServiceIdentity to) throws NoticeUnavailableException;

    /**
     * A letter the spool accepted.
     *
     * @param queueId    spool queue id holding its bytes
     * @param messageId  its Message-ID
     * @param from       its From address
     * @param to         the citizen
     * @param subject    its Subject
     * @param text       its text, as kept on the case
     * @param acceptedAt the spool's acceptance time
     */
    record Sent(String queueId, String messageId, String from, String to, String subject, String text,
            Instant acceptedAt) {
    }

    /** The letter could not be queued (the spool's database is unreachable): nothing was changed. */
    class NoticeUnavailableException extends Exception {

        public NoticeUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
