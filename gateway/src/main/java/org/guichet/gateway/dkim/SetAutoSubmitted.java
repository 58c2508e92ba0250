package org.guichet.gateway.dkim;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.apache.mailet.Mail;
import org.guichet.gateway.mailet.GuichetMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks a notice as sent by a program: adds {@code Auto-Submitted: auto-generated} (RFC 3834 §5)
 * when the message has no {@code Auto-Submitted} field, so that out-of-office responders and
 * other automatic replies stay silent (RFC 3834 §2) while a citizen's own answer still comes.
 *
 * <p>An existing value is kept, whatever it is. {@code auto-replied} or {@code auto-notified}
 * are more precise than {@code auto-generated}; {@code no} is the application saying a person
 * wrote this message (an agent's letter sent through it), and replies to it are wanted: that
 * decision is the sender's, and it is logged.
 *
 * <p>Only a header is added: no {@code saveChanges()}, which would replace the sender's
 * Message-ID and re-encode the body. No parameters.
 *
 * <pre>{@code
 * <mailet match="All" class="org.guichet.gateway.dkim.SetAutoSubmitted"/>
 * }</pre>
 */
public class SetAutoSubmitted extends GuichetMailet {

    static final String HEADER = "Auto-Submitted";
    static final String AUTO_GENERATED = "auto-generated";

    private static final Pattern KEYWORD = Pattern.compile("\\s*(?:\\([^)]*\\)\\s*)*([A-Za-z0-9-]+)");
    private static final Logger LOG = LoggerFactory.getLogger(SetAutoSubmitted.class);

    public SetAutoSubmitted() {
        super("Auto-Submitted: auto-generated added when absent (RFC 3834)");
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        MimeMessage message = mail.getMessage();
        String existing = message.getHeader(HEADER, null);
        if (existing == null) {
            message.setHeader(HEADER, AUTO_GENERATED);
            LOG.debug("queue {}: auto-submitted={} (added)", mail.getName(), AUTO_GENERATED);
            return;
        }
        String keyword = keyword(existing);
        if (keyword.equals("no")) {
            LOG.info("queue {}: auto-submitted=no kept (the sender says a person wrote this message)", mail.getName());
        } else {
            LOG.debug("queue {}: auto-submitted={} kept", mail.getName(), keyword);
        }
    }

    /** The keyword of the field, without comments or parameters (RFC 3834 §5 grammar). */
    static String keyword(String value) {
        Matcher keyword = KEYWORD.matcher(value);
        return keyword.lookingAt() ? keyword.group(1).toLowerCase(Locale.ROOT) : value.strip();
    }
}
