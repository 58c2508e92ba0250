package org.guichet.gateway.inspect;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.guichet.casework.CaseThreading;
import org.guichet.casework.InboundReply;
import org.guichet.casework.ThreadingPreview;
import org.guichet.gateway.authentication.AuthenticationResults;
import org.guichet.gateway.authentication.Authenticator;
import org.guichet.gateway.content.ReplyContent;
import org.guichet.gateway.content.ReplyContentReader;
import org.guichet.gateway.inbound.AutomaticMail;
import org.guichet.gateway.inbound.Classification;
import org.guichet.gateway.message.InboundMessage;
import org.guichet.gateway.threading.InboundReplies;
import org.guichet.gateway.token.ReplyToken;
import org.guichet.gateway.token.ReplyTokenVerifier;

/**
 * The inbound processor's steps on a message file, read once as the pipeline reads a mail
 * ({@link InboundMessage}), each asked what it would do rather than run:
 * SPF, DKIM and DMARC ({@link Authenticator}, whose DNS time budget turns a silent resolver into
 * {@code temperror}), automatic-mail classification ({@link AutomaticMail}), threading
 * ({@link CaseThreading#preview}, read-only), and the visible reply text. Nothing is written: the
 * case, its message and its events exist only once the inbound listener has taken the mail.
 */
public record InboundDryRun(CaseThreading threading, ReplyTokenVerifier tokens, Authenticator authenticator,
        ReplyContentReader content, Clock clock) {

    /** Stands for the spool queue id a message file does not have. */
    private static final String NO_QUEUE = "inspect";
    private static final Session SESSION = Session.getInstance(new Properties());

    /** Reads a message's headers, for {@link InboundEnvelope#of}. */
    public static MimeMessage parse(byte[] raw) {
        try {
            return new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        } catch (MessagingException e) {
            throw new IllegalArgumentException("not a readable message: " + e.getMessage(), e);
        }
    }

    /**
     * @param raw      the message as it would arrive (CRLF line ends)
     * @param envelope the session it would arrive in
     */
    public InboundReport inspect(byte[] raw, InboundEnvelope envelope) {
        // RCPT, as the listener judges it: the first recipient with a valid token is the reply address.
        Optional<InboundMessage.ReplyAddress> replyAddress = Optional.empty();
        boolean replyLike = false;
        for (String recipient : envelope.recipients()) {
            String localPart = recipient.substring(0, Math.max(0, recipient.lastIndexOf('@')));
            Optional<ReplyToken> token = tokens.verifyLocalPart(localPart);
            if (token.isPresent()) {
                replyAddress = Optional.of(new InboundMessage.ReplyAddress(recipient, token.get().conversationId()));
                break;
            }
            replyLike |= localPart.regionMatches(true, 0, ReplyToken.LOCAL_PART_PREFIX, 0,
                    ReplyToken.LOCAL_PART_PREFIX.length());
        }
        // Then the inbound processor's steps, on the message read once as the pipeline reads it.
        InboundMessage message = InboundMessage.read(NO_QUEUE, raw, parse(raw), envelope.mailFrom(), replyAddress);
        Classification automatic = AutomaticMail.classify(message.message(), message.sender());
        AuthenticationResults results = authenticator.authenticate(message, envelope.clientIp(), envelope.helo());
        AuthenticationReport authentication = AuthenticationReport.of(results);
        ReplyContent text = content.read(message.raw());
        InboundReply reply = InboundReplies.of(message, clock.instant(), text,
                automatic.automatic() ? automatic.reason().name() : null, null, results);
        ThreadingPreview preview = threading.preview(reply);
        String tokenState = replyAddress.isPresent() ? "valid" : replyLike ? "invalid" : "none";
        return new InboundReport(text.visibleText(), automatic,
                ThreadingReport.of(replyAddress.map(InboundMessage.ReplyAddress::address).orElse(null), tokenState,
                        preview), authentication, envelope);
    }
}
