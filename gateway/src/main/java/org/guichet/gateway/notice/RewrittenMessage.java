package org.guichet.gateway.notice;

import java.io.ByteArrayInputStream;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A message read from rewritten bytes. It keeps its Message-ID if a later mail step calls
 * {@code saveChanges()}: plain {@code MimeMessage} would mint a new one, and replies thread on it
 * (RFC 5322 §3.6.4).
 */
final class RewrittenMessage extends MimeMessage {

    /** Creating a session reads the provider files each time; the message needs no settings from it. */
    private static final Session SESSION = Session.getInstance(new Properties());

    RewrittenMessage(byte[] raw) throws MessagingException {
        super(SESSION, new ByteArrayInputStream(raw));
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        if (getHeader("Message-ID") == null) {
            super.updateMessageID();
        }
    }
}
