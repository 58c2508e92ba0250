package org.guichet.gateway.acknowledgement;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * An acknowledgement as a MIME message whose {@code Message-ID} stays the one recorded on the
 * case, even if a later step calls {@code saveChanges()}: a citizen's reply threads back by it
 * (In-Reply-To), and a replay resends the very message recorded.
 */
final class AcknowledgementMessage extends MimeMessage {

    private final String messageId;

    AcknowledgementMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    /** The recorded bytes, parsed back; they are sent as they are. */
    AcknowledgementMessage(Session session, byte[] raw) throws MessagingException {
        super(session, new ByteArrayInputStream(raw));
        this.messageId = getHeader("Message-ID", null);
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }

    byte[] bytes() throws MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeTo(out);
        } catch (IOException e) {
            throw new MessagingException("cannot write the acknowledgement: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
