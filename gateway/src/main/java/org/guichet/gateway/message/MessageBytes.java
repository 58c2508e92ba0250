package org.guichet.gateway.message;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** The bytes of a message as it would go on the wire, headers and body. */
public final class MessageBytes {

    private MessageBytes() {
    }

    public static byte[] of(MimeMessage message) throws MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            message.writeTo(out);
        } catch (IOException e) {
            throw new MessagingException("cannot write the message: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
