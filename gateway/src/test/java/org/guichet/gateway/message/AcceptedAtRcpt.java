package org.guichet.gateway.message;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.guichet.gateway.token.ReplyTokenVerifier;

/** What the inbound listener puts on a mail it took: the first recipient whose token it verified. */
public final class AcceptedAtRcpt {

    private AcceptedAtRcpt() {
    }

    /** Marks the mail as the listener and the spool would hand it to the pipeline; returns it. */
    public static <M extends Mail> M by(ReplyTokenVerifier verifier, M mail) {
        for (MailAddress recipient : mail.getRecipients()) {
            var token = verifier.verifyLocalPart(recipient.getLocalPart());
            if (token.isPresent()) {
                InboundMessage.attributes(new InboundMessage.ReplyAddress(recipient.asString(),
                        token.get().conversationId())).forEach(mail::setAttribute);
                return mail;
            }
        }
        return mail;
    }
}
