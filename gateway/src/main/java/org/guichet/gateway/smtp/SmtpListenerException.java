package org.guichet.gateway.smtp;

/** An SMTP listener could not open its port (taken by another program, or a privileged port). */
public class SmtpListenerException extends RuntimeException {

    private final String listener;
    private final int port;

    SmtpListenerException(String listener, int port, Throwable cause) {
        super("the " + listener + " SMTP listener cannot listen on port " + port + ": " + reason(cause), cause);
        this.listener = listener;
        this.port = port;
    }

    private static String reason(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    public String listener() {
        return listener;
    }

    public int port() {
        return port;
    }

    /** The setting that chooses this listener's port. */
    public String property() {
        return "guichet.smtp." + listener + ".port";
    }
}
