package org.guichet.gateway.spool;

/** The database could not commit the message; the SMTP client is told to try later. */
public class SpoolUnavailableException extends Exception {

    public SpoolUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
