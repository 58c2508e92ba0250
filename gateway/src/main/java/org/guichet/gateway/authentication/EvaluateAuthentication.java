package org.guichet.gateway.authentication;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeUtils;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.guichet.gateway.mailet.GuichetMailet;
import org.guichet.gateway.mailet.GuichetServices;
import org.guichet.gateway.message.InboundMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates SPF, DKIM and DMARC for an inbound mail and keeps the results: as the mail
 * attribute {@link #RESULTS} (JSON, see {@link AuthenticationResults#toJson()}), as
 * {@link #FLAGGED} when the origin is doubtful, and as an {@code Authentication-Results}
 * header put on top of the message (RFC 8601). Any {@code Authentication-Results} header that
 * arrived claiming this service's name is removed first (RFC 8601 §5), so a sender cannot
 * vouch for itself. The mail goes on in every case: a failure flags it, nothing more.
 *
 * <p>Inputs are the SMTP client's address ({@link Mail#getRemoteAddr()}), its HELO name
 * (attribute {@link Mail#SMTP_HELO}), the envelope sender and the message bytes. Runs first
 * in the inbound processor, before any step changes the message, so that DKIM signatures
 * are checked on what was received. Needs the {@link Authenticator} of {@link GuichetServices}
 * (Guichet's pipeline publishes it).
 *
 * <pre>{@code
 * <mailet match="All" class="EvaluateAuthentication"/>
 * }</pre>
 */
public class EvaluateAuthentication extends GuichetMailet {

    /** The results as JSON, a String. */
    public static final AttributeName RESULTS = AttributeName.of("org.guichet.authentication.results");
    /** Present, as Boolean true, on a mail of doubtful origin ({@link AuthenticationResults#flagged()}). */
    public static final AttributeName FLAGGED = AttributeName.of("org.guichet.authentication.flagged");

    private static final Logger LOG = LoggerFactory.getLogger(EvaluateAuthentication.class);

    private Authenticator authenticator;

    public EvaluateAuthentication() {
        super("EvaluateAuthentication: SPF, DKIM and DMARC results kept with the mail and in Authentication-Results");
    }

    @Override
    protected void configure() throws MessagingException {
        authenticator = require(Authenticator.class);
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        InboundMessage read = InboundMessage.of(mail);
        String helo = AttributeUtils.getValueAndCastFromMail(mail, Mail.SMTP_HELO, String.class).orElse(null);
        String sender = read.sender();
        AuthenticationResults results = authenticator.authenticate(read, mail.getRemoteAddr(), helo);
        prependHeader(mail.getName(), read.message(), results);
        mail.setAttribute(new Attribute(RESULTS, AttributeValue.of(results.toJson())));
        if (results.flagged()) {
            mail.setAttribute(new Attribute(FLAGGED, AttributeValue.of(true)));
        } else {
            mail.removeAttribute(FLAGGED);
        }
        LOG.info("queue {}: client={} spf={} dkim={} dmarc={} from=<{}> status={}", mail.getName(), mail.getRemoteAddr(),
                results.spf().result().token(), dkimSummary(results), results.dmarc().result().token(),
                sender, results.flagged() ? "flagged" : "authenticated");
    }

    /**
     * Puts the header on top, where RFC 8601 §5 wants it, dropping any that claims our
     * authserv-id. Header lines only: the body and the other lines stay byte for byte, and no
     * {@code saveChanges()}, which would replace the sender's Message-ID.
     */
    private void prependHeader(String queueId, MimeMessage message, AuthenticationResults results) throws MessagingException {
        List<String> lines = Collections.list(message.getAllHeaderLines());
        Set<String> names = new LinkedHashSet<>();
        for (Header header : Collections.list(message.getAllHeaders())) {
            names.add(header.getName());
        }
        for (String name : names) {
            message.removeHeader(name);
        }
        message.addHeaderLine(AuthenticationResultsHeader.NAME + ": " + results.header());
        String ours = results.authservId().toLowerCase(Locale.ROOT);
        for (String line : lines) {
            if (forged(line, ours)) {
                LOG.info("queue {}: removed an Authentication-Results header claiming {} that came from outside (RFC 8601 §5)",
                        queueId, ours);
                continue;
            }
            message.addHeaderLine(line);
        }
    }

    private static boolean forged(String line, String authservId) {
        int colon = line.indexOf(':');
        return colon > 0
                && line.substring(0, colon).strip().equalsIgnoreCase(AuthenticationResultsHeader.NAME)
                && AuthenticationResultsHeader.authservId(line.substring(colon + 1)).equals(authservId);
    }

    private static String dkimSummary(AuthenticationResults results) {
        if (results.dkim().isEmpty()) {
            return "none";
        }
        return String.join(",", results.dkim().stream()
                .map(signature -> signature.result().token() + (signature.domain().isEmpty() ? "" : "/" + signature.domain()))
                .toList());
    }
}
