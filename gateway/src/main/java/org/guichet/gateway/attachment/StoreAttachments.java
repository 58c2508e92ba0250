package org.guichet.gateway.attachment;

import jakarta.mail.MessagingException;

import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeUtils;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.guichet.casework.Attachments;
import org.guichet.casework.CaseAttachment;
import org.guichet.gateway.mailet.GuichetMailet;
import org.guichet.gateway.mailet.GuichetServices;
import org.guichet.gateway.message.InboundMessage;
import org.guichet.gateway.threading.CaseAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the files of a citizen's message that {@code ThreadIntoCase} put into a case, for
 * agents to download: within {@code guichet.attachments.*} limits and types, executables and
 * scripts always refused, a refused file recorded without its bytes, with the reason. The mail
 * itself is left as it is: its raw bytes stay in the spool as evidence. Safe to run twice on
 * one spool message (the second run finds the first's records). Guichet-only: it needs the
 * {@link AttachmentIntake} of {@link GuichetServices}.
 *
 * <pre>{@code
 * <processor state="inbound">
 *   <mailet match="All" class="ThreadIntoCase"/>
 *   <mailet match="All" class="StoreAttachments"/>
 *   <mailet match="All" class="Archive"/>
 * </processor>
 * }</pre>
 */
public class StoreAttachments extends GuichetMailet {

    /** Integer: files stored for agents. */
    public static final AttributeName STORED = AttributeName.of("org.guichet.attachments.stored");

    /** Integer: files refused (recorded without their bytes). */
    public static final AttributeName REFUSED = AttributeName.of("org.guichet.attachments.refused");

    private static final Logger log = LoggerFactory.getLogger(StoreAttachments.class);

    private AttachmentIntake intake;

    public StoreAttachments() {
        super("Stores the attachments of a citizen's message on its case");
    }

    @Override
    protected void configure() throws MessagingException {
        intake = require(AttachmentIntake.class);
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        String reference = AttributeUtils.getValueAndCastFromMail(mail, CaseAttributes.REFERENCE, String.class)
                .orElseThrow(() -> new MessagingException("mail " + mail.getName() + " is in no case: put"
                        + " ThreadIntoCase before StoreAttachments"));
        Attachments.Recorded recorded = intake.store(mail.getName(), InboundMessage.of(mail).raw());
        int stored = 0;
        int refused = 0;
        for (CaseAttachment attachment : recorded.attachments()) {
            if (attachment.stored()) {
                stored++;
            } else {
                refused++;
            }
            if (!recorded.earlier()) {
                log.info("queue {}: case={} attachment={} type={} size={} sha256={} status={}", mail.getName(),
                        reference, attachment.position(), attachment.detectedType(), attachment.size(),
                        attachment.sha256Hex(), attachment.stored() ? "stored"
                                : "refused (" + attachment.refusedReason() + ")");
            }
        }
        if (recorded.earlier()) {
            log.info("queue {}: case={} attachments={} status=duplicate (already stored)", mail.getName(), reference,
                    recorded.attachments().size());
        }
        mail.setAttribute(STORED.withValue(AttributeValue.of(stored)));
        mail.setAttribute(REFUSED.withValue(AttributeValue.of(refused)));
    }
}
