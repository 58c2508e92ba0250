package org.guichet.gateway.message;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A message whose Message-ID was chosen beforehand (a case or a conversation records it):
 * {@code saveChanges()} keeps it instead of drawing one of its own.
 */
public final class ChosenIdMessage extends MimeMessage {

    private final String messageId;

    public ChosenIdMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }
}
