package org.guichet.gateway.inspect;

import java.io.ByteArrayInputStream;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.guichet.casework.CaseThreading;
import org.guichet.casework.InboundReply;
import org.guichet.casework.ThreadingPreview;
import org.guichet.gateway.authentication.Authenticator;
import org.guichet.gateway.content.ReplyContent;
import org.guichet.gateway.content.ReplyContentReader;
import org.guichet.gateway.inbound.AutomaticMail;
import org.guichet.gateway.inbound.Classification;
import org.guichet.gateway.token.ReplyToken;
import org.guichet.gateway.token.ReplyTokenVerifier;

/**
 * The inbound processor's steps on a message file, each asked what it would do rather than run:
 * SPF, DKIM and DMARC ({@link Authenticator}, whose DNS time budget turns a silent resolver into
 * {@code temperror}), automatic-mail classification ({@link AutomaticMail}), threading
 * ({@link CaseThreading#preview}, read-only), and the visible reply text. Nothing is written: the
 * case, its message and its events exist only once the inbound listener has taken the mail.
 */
public final class InboundDryRun {

    /** Stands for the spool queue id a message file does not have. */
    private static final String NO_QUEUE = "inspect";
    private static final Pattern MSG_ID = Pattern.compile("<([^<>\\s]+@[^<>\\s]+)>");
    private static final Session SESSION = Session.getInstance(new Properties());

    private final CaseThreading threading;
    private final ReplyTokenVerifier tokens;
    private final Authenticator authenticator;
    private final ReplyContentReader content;
    private final Clock clock;

    public InboundDryRun(CaseThreading threading, ReplyTokenVerifier tokens, Authenticator authenticator,
            ReplyContentReader content, Clock clock) {
        this.threading = threading;
        this.tokens = tokens;
        this.authenticator = authenticator;
        this.content = content;
        this.clock = clock;
    }

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
        MimeMessage message = parse(raw);
        Classification automatic = AutomaticMail.classify(message, envelope.mailFrom());
        AuthenticationReport authentication = AuthenticationReport.of(
                authenticator.authenticate(envelope.clientIp(), envelope.helo(), envelope.mailFrom(), raw));
        ReplyContent text = content.read(raw);

        Optional<String> replyAddress = Optional.empty();
        Optional<ReplyToken> token = Optional.empty();
        boolean replyLike = false;
        for (String recipient : envelope.recipients()) {
            String localPart = recipient.substring(0, Math.max(0, recipient.lastIndexOf('@')));
            token = tokens.verifyLocalPart(localPart);
            if (token.isPresent()) {
                replyAddress = Optional.of(recipient);
                break;
            }
            replyLike |= localPart.regionMatches(true, 0, ReplyToken.LOCAL_PART_PREFIX, 0,
                    ReplyToken.LOCAL_PART_PREFIX.length());
        }
        InboundReply reply = new InboundReply(NO_QUEUE, clock.instant(), author(message, envelope.mailFrom()),
                token.map(ReplyToken::conversationId).orElse(null),
                first(header(message, "Message-ID")), first(header(message, "In-Reply-To")),
                messageIds(header(message, "References")), subject(message), text.visibleText(), null,
                automatic.automatic() ? automatic.reason().name() : null, null);
        ThreadingPreview preview = threading.preview(reply);
        String tokenState = token.isPresent() ? "valid" : replyLike ? "invalid" : "none";
        return new InboundReport(text.visibleText(), automatic,
                ThreadingReport.of(replyAddress.orElse(null), tokenState, preview), authentication, envelope);
    }

    /** The From address when readable, else the envelope sender, as threading records the author. */
    private static String author(MimeMessage message, String mailFrom) {
        List<String> from = InboundEnvelope.addresses(header(message, "From"));
        return from.isEmpty() ? mailFrom : from.get(0);
    }

    private static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, " ");
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String subject(MimeMessage message) {
        String raw = header(message, "Subject");
        if (raw == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(raw));
        } catch (UnsupportedEncodingException e) {
            return raw;
        }
    }

    /** The msg-ids of a field (RFC 5322 §3.6.4), in order; text around them is ignored. */
    private static List<String> messageIds(String field) {
        List<String> ids = new ArrayList<>();
        if (field == null) {
            return ids;
        }
        Matcher matcher = MSG_ID.matcher(field.replaceAll("\\r?\\n[ \\t]", " "));
        while (matcher.find()) {
            String id = "<" + matcher.group(1) + ">";
            // Stored ids are bounded by the 998-character line limit (RFC 5322 §2.1.1).
            if (id.length() <= 998) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static String first(String field) {
        List<String> ids = messageIds(field);
        return ids.isEmpty() ? null : ids.get(0);
    }
}
