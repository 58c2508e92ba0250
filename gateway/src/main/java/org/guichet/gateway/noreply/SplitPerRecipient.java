package org.guichet.gateway.noreply;

import java.util.ArrayList;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each envelope recipient a personal copy, so that each gets its own reply address and a
 * reply can be told apart from its neighbours' (one conversation = one message to one
 * recipient). Copies keep every header except {@code Bcc}, which is removed so that no copy
 * discloses blind recipients (RFC 5322 §3.6.3). Copies are sent through the mailet context to
 * {@code processor} and the original is ghosted; a mail with a single recipient passes on
 * untouched, so copies may safely come back through this mailet.
 *
 * <p>Parameter {@code processor}: the processor the copies start in; by default the one the
 * original is in, so that the copies run the same steps. Put this mailet first in that processor.
 *
 * <pre>{@code
 * <processor state="noreply" enableJmx="false">
 *   <mailet match="org.guichet.gateway.noreply.IsNoreply" class="org.guichet.gateway.noreply.SplitPerRecipient"/>
 *   <mailet match="org.guichet.gateway.noreply.IsNoreply" class="org.guichet.gateway.noreply.SetReplyAddress">
 *     ...
 *   </mailet>
 * </processor>
 * }</pre>
 */
public class SplitPerRecipient extends GenericMailet {

    /** How many personal copies the original became, an Integer set on each copy (Bcc copies show no other address). */
    public static final AttributeName COPIES = AttributeName.of("org.guichet.split.copies");

    private static final Logger LOG = LoggerFactory.getLogger(SplitPerRecipient.class);

    private String processor;

    @Override
    public void init() throws MessagingException {
        processor = getInitParameterAsOptional("processor").map(String::strip).filter(p -> !p.isEmpty()).orElse(null);
    }

    @Override
    public String getMailetInfo() {
        return "One personal copy per recipient, without Bcc";
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        List<MailAddress> recipients = new ArrayList<>(mail.getRecipients());
        if (recipients.size() <= 1) {
            return;
        }
        String target = processor != null ? processor : mail.getState();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i++) {
            Mail copy = mail.duplicate();
            copy.setName(mail.getName() + "-" + (i + 1));
            copy.setRecipients(List.of(recipients.get(i)));
            copy.setAttribute(COPIES.withValue(AttributeValue.of(recipients.size())));
            copy.setMessage(personalMessage(mail.getMessage()));
            getMailetContext().sendMail(copy, target);
            names.add(copy.getName());
        }
        mail.setState(Mail.GHOST);
        LOG.info("queue {}: split into {} personal copies {} processor={}", mail.getName(), names.size(), names, target);
    }

    /**
     * A copy of its own, so that later steps on one copy never touch another. Only a header is
     * removed, so {@code saveChanges()} is not called: it would replace the sender's Message-ID.
     */
    private static MimeMessage personalMessage(MimeMessage original) throws MessagingException {
        MimeMessage copy = new MimeMessage(original);
        copy.removeHeader("Bcc");
        return copy;
    }
}
