package org.guichet.gateway.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.apache.mailet.AttributeUtils;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.guichet.casework.AgentAnswers;
import org.guichet.casework.AnswerReceipt;
import org.guichet.casework.AnswerRefusedException;
import org.guichet.casework.AnswerRequest;
import org.guichet.casework.AnsweringAgent;
import org.guichet.casework.Case;
import org.guichet.gateway.authentication.AuthenticationResults;
import org.guichet.gateway.authentication.DmarcResult;
import org.guichet.gateway.authentication.EvaluateAuthentication;
import org.guichet.gateway.content.ReplyContentReader;
import org.guichet.gateway.mailet.GuichetMailet;
import org.guichet.gateway.message.InboundMessage;
import org.guichet.gateway.spool.SpoolUnavailableException;
import org.guichet.gateway.threading.CaseAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mailbox mode: a message to a case's reply address from one of its service's agent addresses
 * (or from the service mailbox) is an agent's answer. Its visible text (quotes and signature
 * removed, any agent address replaced by the service's) is answered through
 * {@link AnswerService} as the service: the citizen receives it from the service's name and
 * address, the agent's address is kept only internally. The agent's message is then ghosted:
 * its spool row keeps it as evidence, and it is not threaded as a citizen's message. Idempotent
 * on the spool queue id (answer id {@code mail-<queue id>}).
 *
 * <p>Anything else goes on as usual, to be threaded as a citizen's or a third party's message:
 * an unknown sender, a service without mailbox mode, automatic mail (an agent's out-of-office,
 * RFC 3834), and, unless {@code authentication} is {@code none}, a From address whose domain did
 * not pass DMARC (RFC 7489): the From header alone can be forged by anyone who knows the
 * reply address, the citizen included, and a forged answer would count as the service's.
 *
 * <p>Put it in the inbound processor after {@code EvaluateAuthentication} and automatic-mail
 * classification, before {@code ThreadIntoCase}. Parameter {@code authentication}:
 * {@code dmarc} (default) or {@code none} (only where Guichet receives agents' mail from a
 * trusted relay that already checked it).
 *
 * <pre>{@code
 * <mailet match="All" class="AgentReplyFromMailbox"/>
 * }</pre>
 */
public class AgentReplyFromMailbox extends GuichetMailet {

    /** Answer ids of mailbox answers: this prefix and the agent's message's queue id. */
    public static final String ANSWER_ID_PREFIX = "mail-";

    private static final Logger log = LoggerFactory.getLogger(AgentReplyFromMailbox.class);
    private static final Pattern AUTOMATIC_PRECEDENCE = Pattern.compile("\\s*(bulk|junk|list)\\s*",
            Pattern.CASE_INSENSITIVE);

    private AgentAnswers answers;
    private ServiceMailboxes mailboxes;
    private AnswerService answerService;
    private boolean requireDmarc;
    private final ReplyContentReader content = ReplyContentReader.standard();

    public AgentReplyFromMailbox() {
        super("Mailbox mode: relays an agent's reply to a case address as the service's answer", "authentication");
    }

    @Override
    protected void configure() throws MessagingException {
        answers = require(AgentAnswers.class);
        mailboxes = require(ServiceMailboxes.class);
        answerService = require(AnswerService.class);
        String authentication = getInitParameter("authentication", "dmarc").strip().toLowerCase(Locale.ROOT);
        requireDmarc = switch (authentication) {
            case "dmarc" -> true;
            case "none" -> false;
            default -> throw new MessagingException("AgentReplyFromMailbox parameter 'authentication' is '"
                    + authentication + "': use dmarc or none");
        };
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        InboundMessage message = InboundMessage.of(mail);
        Optional<Case> found = message.conversationId().flatMap(answers::caseOfConversation);
        if (found.isEmpty()) {
            return;
        }
        Optional<ServiceMailbox> service = mailboxes.of(found.get().serviceId()).filter(ServiceMailbox::mailboxMode);
        // Only a message with one author can be an agent's: the address DMARC then vouches for.
        String from = message.author().soleAddress().orElse("");
        if (service.isEmpty() || !service.get().isAgent(from)) {
            return;
        }
        String reference = found.get().reference();
        if (automatic(mail, message.message())) {
            log.info("queue {}: case={} automatic mail from agent address <{}>: threaded as usual", mail.getName(),
                    reference, from);
            return;
        }
        if (requireDmarc && !dmarcPassed(mail, from)) {
            log.warn("queue {}: case={} from=<{}> is an agent address but did not pass DMARC: threaded as usual,"
                    + " not relayed", mail.getName(), reference, from);
            return;
        }
        String text = withoutAgentAddresses(content.read(message.raw()).visibleText(), service.get(), from);
        if (text.isBlank()) {
            throw new MessagingException("agent reply " + mail.getName() + " to case " + reference
                    + " has no text to relay");
        }
        AnswerReceipt receipt;
        try {
            receipt = answerService.answer(new AnswerRequest(reference, AnsweringAgent.mailbox(from), text,
                    ANSWER_ID_PREFIX + mail.getName(), null));
        } catch (AnswerRefusedException | SpoolUnavailableException e) {
            throw new MessagingException("agent reply " + mail.getName() + " to case " + reference
                    + " cannot be relayed: " + e.getMessage(), e);
        }
        log.info("queue {}: case={} agent reply relayed as queue {} to=<{}>{} status=answered", mail.getName(),
                reference, receipt.queueId(), receipt.to(), receipt.duplicate() ? " (already relayed)" : "");
        mail.setState(Mail.GHOST);
    }

    /** RFC 3834 §5: auto-submitted mail, list and bulk mail, the null sender, or the classifier said so. */
    private static boolean automatic(Mail mail, MimeMessage message) throws MessagingException {
        if (mail.getMaybeSender().isNullSender()) {
            return true;
        }
        Optional<Object> classified = mail.getAttribute(CaseAttributes.AUTOMATIC).map(a -> a.getValue().value());
        if (classified.isPresent()) {
            Object value = classified.get();
            boolean notAutomatic = value instanceof String s && s.isBlank()
                    || value instanceof Map<?, ?> map && Boolean.FALSE.equals(unwrap(map.get("automatic")));
            if (!notAutomatic) {
                return true;
            }
        }
        String autoSubmitted = message.getHeader("Auto-Submitted", null);
        if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return true;
        }
        String precedence = message.getHeader("Precedence", null);
        return precedence != null && AUTOMATIC_PRECEDENCE.matcher(precedence).matches();
    }

    private static Object unwrap(Object value) {
        return value instanceof AttributeValue<?> attribute ? attribute.value() : value;
    }

    /** DMARC passed for the From address's domain, as EvaluateAuthentication found (RFC 7489 §3.1 alignment). */
    private static boolean dmarcPassed(Mail mail, String from) {
        String domain = from.substring(from.lastIndexOf('@') + 1);
        return AttributeUtils.getValueAndCastFromMail(mail, EvaluateAuthentication.RESULTS, String.class)
                .map(json -> {
                    try {
                        return AuthenticationResults.fromJson(json).dmarc();
                    } catch (RuntimeException unreadable) {
                        return null;
                    }
                })
                .filter(dmarc -> dmarc.result() == DmarcResult.Verdict.PASS && dmarc.domain() != null
                        && dmarc.domain().equalsIgnoreCase(domain))
                .isPresent();
    }

    /** The agent's own addresses, should a signature or a quote keep one, become the service's. */
    private static String withoutAgentAddresses(String text, ServiceMailbox service, String from) {
        List<String> hidden = new ArrayList<>(service.agentAddresses());
        hidden.add(from);
        if (service.mailbox() != null) {
            hidden.add(service.mailbox());
        }
        String shown = service.email() != null ? service.email() : service.name();
        String result = text;
        for (String address : hidden) {
            if (!address.equalsIgnoreCase(shown)) {
                result = Pattern.compile(Pattern.quote(address), Pattern.CASE_INSENSITIVE).matcher(result)
                        .replaceAll(java.util.regex.Matcher.quoteReplacement(shown));
            }
        }
        return result.strip();
    }
}
