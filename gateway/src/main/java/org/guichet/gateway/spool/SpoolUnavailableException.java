package org.guichet.gateway.spool;

import org.guichet.queue.QueueUnavailableException;

/** The database could not commit the message; the SMTP client is told to try later. */
public class SpoolUnavailableException extends QueueUnavailableException {

    public SpoolUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
