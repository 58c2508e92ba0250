package org.guichet.gateway.noreply;

import java.io.UnsupportedEncodingException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.apache.mailet.AttributeUtils;
import org.guichet.gateway.mailet.GuichetServices;
import org.guichet.gateway.message.Author;
import org.guichet.gateway.token.ReplyToken;
import org.guichet.gateway.token.ReplyTokenKeyFolder;
import org.guichet.gateway.token.ReplyTokenKeyRing;
import org.guichet.gateway.token.ReplyTokenSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a conversation for a mail to one recipient and gives it a monitored reply address:
 * {@code Reply-To: "<serviceName>" <reply+TOKEN@<replyDomain>>}, where TOKEN is signed
 * ({@link ReplyTokenSigner}). For sender domains listed in {@code fromDomains} (or all, with
 * {@code mode=from}) the {@code From} is rewritten to that address instead and any
 * {@code Reply-To} removed. The conversation is stored in the mail attributes
 * {@link #CONVERSATION}, {@link #TOKEN} and {@link #REPLY_ADDRESS} for the step that records it.
 *
 * <p>Headers are written by Jakarta Mail, which RFC 2047-encodes a non-ASCII service name and
 * folds the line; the service name and domain are checked at {@code init()} so that no CR or LF
 * can reach a header (CVE-2024-21742). A mail with several recipients is refused: put
 * {@link SplitPerRecipient} before this mailet.
 *
 * <p>Parameters: {@code replyDomain} (required), {@code serviceName} (required),
 * {@code mode} ({@code reply-to}, the default, or {@code from}), {@code fromDomains} (comma list
 * of sender domains whose From is rewritten). Keys: the {@link ReplyTokenSigner} the container
 * publishes in its {@link GuichetServices} (Guichet does), otherwise the
 * key files of the {@code keyFolder} parameter (generated there on first use) with the optional
 * {@code activeKey}.
 *
 * <pre>{@code
 * <mailet match="org.guichet.gateway.noreply.IsNoreply" class="org.guichet.gateway.noreply.SetReplyAddress">
 *   <replyDomain>reponse.caf.fr</replyDomain>
 *   <serviceName>Caisse d'allocations familiales de l'Hérault</serviceName>
 *   <fromDomains>notifications.caf.fr</fromDomains>
 *   <keyFolder>/var/lib/james/guichet-keys</keyFolder>
 * </mailet>
 * }</pre>
 */
public class SetReplyAddress extends GenericMailet {

    /** Random conversation id ({@link ReplyToken#conversationId()}), a String. */
    public static final AttributeName CONVERSATION = AttributeName.of("org.guichet.reply.conversation");
    /** Signed token of the reply address, a String; the capability to post into the conversation. */
    public static final AttributeName TOKEN = AttributeName.of("org.guichet.reply.token");
    /**
     * Name of the service answering replies, a String, set by an earlier step that knows the
     * sender's service; when present it is shown instead of the {@code serviceName} parameter.
     */
    public static final AttributeName SERVICE_NAME = AttributeName.of("org.guichet.service.name");
    /** Reply address written into the message, a String {@code reply+TOKEN@domain}. */
    public static final AttributeName REPLY_ADDRESS = AttributeName.of("org.guichet.reply.address");

    private static final Logger LOG = LoggerFactory.getLogger(SetReplyAddress.class);
    private static final Set<String> PARAMETERS = Set.of("replyDomain", "serviceName", "mode", "fromDomains", "keyFolder", "activeKey");

    private ReplyTokenSigner signer;
    private String replyDomain;
    private String serviceName;
    private boolean fromByDefault;
    private Set<String> fromDomains;

    /** For a container that instantiates mailets by class name (Apache James, Guichet). */
    public SetReplyAddress() {
    }

    /** With a signer given directly, ignoring the context attribute and {@code keyFolder}. */
    public SetReplyAddress(ReplyTokenSigner signer) {
        this.signer = signer;
    }

    @Override
    public void init() throws MessagingException {
        checkInitParameters(PARAMETERS);
        replyDomain = replyDomain(getInitParameter("replyDomain"));
        serviceName = serviceName(getInitParameter("serviceName"));
        String mode = getInitParameter("mode", "reply-to").strip().toLowerCase(Locale.ROOT);
        fromByDefault = switch (mode) {
            case "reply-to" -> false;
            case "from" -> true;
            default -> throw new MessagingException("SetReplyAddress parameter 'mode' is '" + mode + "': use reply-to or from");
        };
        fromDomains = Arrays.stream(getInitParameter("fromDomains", "").split(","))
                .map(d -> d.strip().toLowerCase(Locale.ROOT)).filter(d -> !d.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        if (signer == null) {
            signer = signerFromContextOrFolder();
        }
    }

    private static String replyDomain(String value) throws MessagingException {
        if (value == null || value.isBlank()) {
            throw new MessagingException("SetReplyAddress parameter 'replyDomain' is missing: the domain whose MX is the Guichet inbound listener");
        }
        String domain = value.strip();
        try {
            if (domain.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
                throw new IllegalArgumentException("it contains a space or control character");
            }
            new MailAddress("reply@" + Domain.of(domain).asString());
            return Domain.of(domain).asString();
        } catch (IllegalArgumentException | AddressException e) {
            throw new MessagingException("SetReplyAddress parameter 'replyDomain' is not a domain name: " + e.getMessage());
        }
    }

    private static String serviceName(String value) throws MessagingException {
        if (value == null || value.isBlank()) {
            throw new MessagingException("SetReplyAddress parameter 'serviceName' is missing: the name citizens see on the reply address");
        }
        // A CR or LF here would start a new header line (CVE-2024-21742): refuse, do not repair.
        if (value.chars().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
            throw new MessagingException("SetReplyAddress parameter 'serviceName' contains a control character (CR, LF, tab...)");
        }
        return value.strip();
    }

    private ReplyTokenSigner signerFromContextOrFolder() throws MessagingException {
        Optional<ReplyTokenSigner> published = GuichetServices.of(getMailetContext()).find(ReplyTokenSigner.class);
        if (published.isPresent()) {
            return published.get();
        }
        Optional<String> folder = getInitParameterAsOptional("keyFolder").map(String::strip).filter(f -> !f.isEmpty());
        if (folder.isEmpty()) {
            throw new MessagingException("SetReplyAddress parameter 'keyFolder' is missing: no reply-token keys are published by the"
                    + " container, so give a folder for reply-token-<id>.key files (one is generated there if empty)");
        }
        try {
            ReplyTokenKeyRing keys = ReplyTokenKeyRing.load(Map.of(), getInitParameter("activeKey"),
                    new ReplyTokenKeyFolder(Path.of(folder.get())), new SecureRandom());
            return new ReplyTokenSigner(keys, new SecureRandom());
        } catch (RuntimeException e) {
            throw new MessagingException("SetReplyAddress parameter 'keyFolder' (" + folder.get() + "): "
                    + e.getMessage().replace("guichet.tokens.active-key", "parameter 'activeKey'"), e);
        }
    }

    @Override
    public String getMailetInfo() {
        return "Reply-To (or From) set to a signed reply address";
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        if (mail.getRecipients().size() != 1) {
            throw new MessagingException("SetReplyAddress needs a mail with exactly one recipient, mail " + mail.getName()
                    + " has " + mail.getRecipients().size() + ": put SplitPerRecipient before it");
        }
        MimeMessage message = mail.getMessage();
        boolean rewriteFrom = fromByDefault || senderDomain(mail, message).map(fromDomains::contains).orElse(false);

        ReplyToken conversation = signer.newConversation();
        String token = signer.sign(conversation);
        String replyAddress = ReplyToken.LOCAL_PART_PREFIX + token + "@" + replyDomain;
        String shownName = AttributeUtils.getValueAndCastFromMail(mail, SERVICE_NAME, String.class)
                .filter(name -> !name.isBlank() && name.chars().noneMatch(Character::isISOControl))
                .orElse(serviceName);
        InternetAddress address = displayed(replyAddress, shownName);
        // Header-only changes: no saveChanges(), which would also replace the sender's Message-ID.
        if (rewriteFrom) {
            message.setFrom(address);
            message.removeHeader("Reply-To");
        } else {
            message.setReplyTo(new InternetAddress[] {address});
        }
        mail.setAttribute(CONVERSATION.withValue(AttributeValue.of(conversation.conversationId())));
        mail.setAttribute(TOKEN.withValue(AttributeValue.of(token)));
        mail.setAttribute(REPLY_ADDRESS.withValue(AttributeValue.of(replyAddress)));
        LOG.info("queue {}: conversation={} key={} header={} domain={}", mail.getName(), conversation.conversationId(),
                conversation.keyId(), rewriteFrom ? "From" : "Reply-To", replyDomain);
    }

    private static InternetAddress displayed(String replyAddress, String name) throws MessagingException {
        try {
            InternetAddress address = new InternetAddress(replyAddress, true);
            address.setPersonal(name, "UTF-8");
            return address;
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 is not supported", e);
        }
    }

    /** Domain of the first From address, or of the envelope sender when From cannot be read. */
    private static Optional<String> senderDomain(Mail mail, MimeMessage message) {
        Optional<String> from = Author.of(message).domains().stream().findFirst();
        if (from.isPresent()) {
            return from;
        }
        return mail.getMaybeSender().asOptional().map(sender -> sender.getDomain().asString().toLowerCase(Locale.ROOT));
    }
}
