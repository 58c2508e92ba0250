package org.guichet.gateway.acknowledgement;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.mailet.AttributeUtils;
import org.apache.mailet.Mail;
import org.guichet.gateway.threading.CaseAttributes;

/**
 * When an automatic response must not be sent (RFC 3834 §2), whatever the case: to the null
 * sender, to a message that says it is automatic ({@code Auto-Submitted} other than {@code no}),
 * to bulk, list or junk mail ({@code Precedence}, {@code List-Id}, RFC 2919), to mail the
 * classifier found automatic (out-of-office, delivery reports), to Guichet's own addresses
 * (a loop), and to mail for {@code postmaster} alone.
 */
final class AutoReplyRules {

    private static final Set<String> MASS_PRECEDENCE = Set.of("bulk", "list", "junk");

    private AutoReplyRules() {
    }

    /** The reason not to respond, or empty when a response may go to the envelope sender. */
    static Optional<String> reasonNotToRespond(Mail mail, Predicate<MailAddress> local) throws MessagingException {
        if (!mail.getMaybeSender().asOptional().isPresent()) {
            // RFC 3834 §2 and RFC 5321 §4.5.5: nothing is ever sent to the null reverse-path.
            return Optional.of("null-sender");
        }
        Optional<String> author = AttributeUtils.getValueAndCastFromMail(mail, CaseAttributes.AUTHOR, String.class);
        if (author.isPresent() && author.get().equalsIgnoreCase("automatic")) {
            return Optional.of("automatic");
        }
        MimeMessage message = mail.getMessage();
        String autoSubmitted = keyword(message.getHeader("Auto-Submitted", ","));
        if (autoSubmitted != null && !autoSubmitted.equals("no")) {
            return Optional.of("auto-submitted=" + autoSubmitted);
        }
        String precedence = keyword(message.getHeader("Precedence", ","));
        if (precedence != null && MASS_PRECEDENCE.contains(precedence)) {
            return Optional.of("precedence=" + precedence);
        }
        if (message.getHeader("List-Id") != null) {
            return Optional.of("list-id");
        }
        if (local.test(mail.getMaybeSender().get())) {
            return Optional.of("local-sender");
        }
        if (!mail.getRecipients().isEmpty() && mail.getRecipients().stream()
                .allMatch(recipient -> recipient.getLocalPart().equalsIgnoreCase("postmaster"))) {
            // RFC 5321 §4.5.1: postmaster is where mail systems report their troubles, not where a
            // person asks for something; an answer to it would be backscatter at best.
            return Optional.of("postmaster");
        }
        return Optional.empty();
    }

    /** The keyword of a field such as {@code auto-replied; by=…} or {@code bulk (comment)}, lower case. */
    private static String keyword(String field) {
        if (field == null) {
            return null;
        }
        String value = field.replaceAll("\\([^)]*\\)", " ");
        int semicolon = value.indexOf(';');
        value = (semicolon < 0 ? value : value.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        int comma = value.indexOf(',');
        return comma < 0 ? value : value.substring(0, comma).strip();
    }
}
