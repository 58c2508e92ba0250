package org.guichet.gateway.dkim;

import java.io.ByteArrayInputStream;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePartDataSource;

/**
 * A DKIM-signed message, parsed from the signed bytes and written back as exactly those bytes:
 * headers as their original lines, body as its raw octets.
 *
 * <p>{@link #saveChanges()} keeps them. Jakarta Mail's would give the message a new Message-ID
 * and re-serialise a multipart body (its epilogue, for one, is dropped), and the signature would
 * fail at the receiver; a step after signing that calls it out of habit (a relay mailet, James's
 * spooling) must not cost the signature. Only when the content itself was replaced after signing
 * does it run, so that the change is not lost (the signature is then invalid: sign last).
 */
final class SignedMessage extends MimeMessage {

    SignedMessage(Session session, byte[] signed) throws MessagingException {
        super(session, new ByteArrayInputStream(signed));
    }

    @Override
    public void saveChanges() throws MessagingException {
        if (contentReplaced()) {
            super.saveChanges();
        }
    }

    /** setContent() and setDataHandler() put their own data handler in place of the parsed one. */
    private boolean contentReplaced() throws MessagingException {
        return dh != null && !(dh.getDataSource() instanceof MimePartDataSource);
    }
}
