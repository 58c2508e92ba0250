package org.guichet.gateway.noreply;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMatcher;
import org.guichet.gateway.message.Author;
import org.guichet.gateway.message.Mailboxes;

/**
 * Matches a message sent from a noreply address that offers no working way to answer: the
 * envelope sender or a {@code From} address has a noreply local part ({@link NoreplyAddresses}),
 * and {@code Reply-To} is absent, unreadable, or itself only noreply addresses. A message with
 * a working {@code Reply-To} passes untouched, and so does a mail that {@link SetReplyAddress}
 * already handled. All recipients match, or none.
 *
 * <p>The condition is optional. Without it the default patterns apply; a comma list adds
 * patterns; a list after {@code only:} replaces the defaults (per administration):
 *
 * <pre>{@code
 * <mailet match="org.guichet.gateway.noreply.IsNoreply" class="org.guichet.gateway.noreply.SetReplyAddress">...</mailet>
 * <mailet match="org.guichet.gateway.noreply.IsNoreply=automate,robot" class="...">...</mailet>
 * <mailet match="org.guichet.gateway.noreply.IsNoreply=only:ne-pas-repondre,noreply" class="...">...</mailet>
 * }</pre>
 */
public class IsNoreply extends GenericMatcher {

    static final String REPLACE_PREFIX = "only:";

    private NoreplyAddresses noreply;

    @Override
    public void init() throws MessagingException {
        String condition = getCondition() == null ? "" : getCondition().strip();
        try {
            if (condition.isEmpty()) {
                noreply = NoreplyAddresses.defaults();
            } else if (condition.startsWith(REPLACE_PREFIX)) {
                noreply = NoreplyAddresses.of(split(condition.substring(REPLACE_PREFIX.length())));
            } else {
                noreply = NoreplyAddresses.defaults().plus(split(condition));
            }
        } catch (IllegalArgumentException e) {
            throw new MessagingException("IsNoreply condition '" + condition + "': " + e.getMessage());
        }
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).toList();
    }

    @Override
    public String getMatcherInfo() {
        return "Messages from a noreply address without a working Reply-To";
    }

    @Override
    public Collection<MailAddress> match(Mail mail) throws MessagingException {
        // Already given a reply address: with From rewritten and no Reply-To it would look
        // noreply again (envelope sender), and a second conversation would be opened.
        if (mail.getAttribute(SetReplyAddress.CONVERSATION).isPresent()) {
            return List.of();
        }
        MimeMessage message = mail.getMessage();
        boolean fromNoreply = mail.getMaybeSender().asOptional().map(noreply::matches).orElse(false)
                || Author.of(message).addresses().stream().anyMatch(noreply::matchesAddress);
        if (!fromNoreply) {
            return List.of();
        }
        List<InternetAddress> replyTo = Mailboxes.in(message.getHeader("Reply-To", ","));
        boolean workingReplyTo = replyTo.stream().anyMatch(a -> !noreply.matchesAddress(a.getAddress()));
        return workingReplyTo ? List.of() : mail.getRecipients();
    }
}
