package org.guichet.queue;

/** The queue could not take or change a message just now (its database failed); trying later may work. */
public class QueueUnavailableException extends Exception {

    public QueueUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
