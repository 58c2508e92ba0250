package org.guichet.gateway.threading;

import java.time.Clock;

import jakarta.mail.MessagingException;

import org.apache.mailet.AttributeUtils;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.guichet.gateway.authentication.AuthenticationResults;
import org.guichet.gateway.authentication.EvaluateAuthentication;
import org.guichet.casework.CaseReceipt;
import org.guichet.casework.Casework;
import org.guichet.casework.InboundReply;
import org.guichet.gateway.content.ReplyContentReader;
import org.guichet.gateway.conversation.ConversationAttributes;
import org.guichet.gateway.mailet.ContainerAttributes;
import org.guichet.gateway.mailet.GuichetMailet;
import org.guichet.gateway.mailet.GuichetServices;
import org.guichet.gateway.message.InboundMessage;

/**
 * Threads a citizen's message into its case ({@link Casework#receive}): the reply address it
 * was sent to (its token verified at RCPT), its Message-ID, In-Reply-To and References, its subject,
 * the visible text and sanitised HTML of its body, and the automatic-mail classification made
 * before it. The case reference, threading method, third-party flag, author and what happened
 * to the case are set as mail attributes ({@link CaseAttributes}) for the acknowledgement.
 * The mail itself is left as it is: its spool row keeps the raw bytes as evidence, and the
 * case message names it by queue id. Safe to run twice on one spool message (nothing new is
 * recorded the second time). Guichet-only: it needs the casework and the clock of
 * {@link GuichetServices}.
 *
 * <pre>{@code
 * <processor state="inbound">
 *   <mailet match="All" class="ClassifyAutomatic"/>
 *   <mailet match="All" class="ThreadIntoCase"/>
 *   <mailet match="All" class="Archive"/>
 * </processor>
 * }</pre>
 */
public class ThreadIntoCase extends GuichetMailet {

    private Casework casework;
    private ReplyContentReader content;
    private Clock clock;

    public ThreadIntoCase() {
        super("Threads a citizen's message into its case");
    }

    @Override
    protected void configure() throws MessagingException {
        casework = require(Casework.class);
        clock = require(Clock.class);
        content = ReplyContentReader.standard();
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        InboundMessage message = InboundMessage.of(mail);
        InboundReply reply = InboundReplies.of(message, ContainerAttributes.receivedAt(mail, clock),
                content.read(message.raw()), CaseAttributes.automaticReason(mail).orElse(null),
                AttributeUtils.getValueAndCastFromMail(mail, ConversationAttributes.SERVICE_CODE, String.class)
                        .orElse(null),
                AttributeUtils.getValueAndCastFromMail(mail, EvaluateAuthentication.RESULTS, String.class)
                        .map(AuthenticationResults::fromJson).orElse(null));
        CaseReceipt receipt = casework.receive(reply);
        mail.setAttribute(CaseAttributes.REFERENCE.withValue(AttributeValue.of(receipt.caseFile().reference())));
        mail.setAttribute(CaseAttributes.THREADING.withValue(AttributeValue.of(receipt.threading().name())));
        mail.setAttribute(CaseAttributes.THIRD_PARTY.withValue(AttributeValue.of(receipt.thirdParty())));
        mail.setAttribute(CaseAttributes.CHANGE.withValue(AttributeValue.of(receipt.change().name())));
        mail.setAttribute(CaseAttributes.AUTHOR.withValue(AttributeValue.of(
                receipt.message().author().name().toLowerCase(java.util.Locale.ROOT))));
    }
}
