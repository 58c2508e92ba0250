package org.guichet.gateway.pipeline;

import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.HostAddress;
import org.apache.mailet.LookupException;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetContext;
import org.apache.mailet.TemporaryLookupException;
import org.guichet.gateway.mailet.GuichetServices;
import org.guichet.gateway.message.Author;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * What mailets see of Guichet. {@code sendMail} does not deliver anything by itself: the mail
 * becomes a new spool message in stage {@code pipeline}, written in the same transaction that
 * completes the message being processed, so a crash either loses both or keeps both.
 * Guichet's services reach its mailets as one typed registry, {@link GuichetServices}, published
 * under {@value GuichetServices#CONTEXT_ATTRIBUTE}.
 */
public class GuichetMailetContext implements MailetContext {

    private static final Logger LOG = LoggerFactory.getLogger("org.guichet.gateway.pipeline.mailets");

    private final Set<Domain> localDomains;
    private final MailAddress postmaster;
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private final ThreadLocal<PipelineRun> current = new ThreadLocal<>();
    private final Session session = Session.getInstance(new Properties());

    /**
     * @param services     published to mailets; null publishes none
     * @param localDomains the reply domains: addresses there are Guichet's own
     * @param postmaster   sender of bounces and the mailets' postmaster
     */
    public GuichetMailetContext(GuichetServices services, Collection<Domain> localDomains, MailAddress postmaster) {
        this.localDomains = Set.copyOf(localDomains);
        this.postmaster = postmaster;
        attributes.put(GuichetServices.CONTEXT_ATTRIBUTE, services == null ? GuichetServices.none() : services);
    }

    /** Makes {@code run} the one this thread's mailets send mail into, until the scope is closed. */
    Scope enter(PipelineRun run) {
        PipelineRun previous = current.get();
        current.set(run);
        return () -> {
            if (previous == null) {
                current.remove();
            } else {
                current.set(previous);
            }
        };
    }

    /** Closing does not throw. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    PipelineRun currentRun() throws MessagingException {
        PipelineRun run = current.get();
        if (run == null) {
            throw new MessagingException("no mail is being processed on this thread: mail can only be sent from"
                    + " a mailet's service(), so that it is spooled with the mail that caused it");
        }
        return run;
    }

    Session session() {
        return session;
    }

    @Override
    public int getMajorVersion() {
        return 3;
    }

    @Override
    public int getMinorVersion() {
        return 9;
    }

    @Override
    public String getServerInfo() {
        return "Guichet";
    }

    @Override
    public Iterator<String> getAttributeNames() {
        return List.copyOf(attributes.keySet()).iterator();
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public void removeAttribute(String name) {
        attributes.remove(name);
    }

    @Override
    public void log(String message) {
        LOG.info(message);
    }

    @Override
    public void log(String message, Throwable t) {
        LOG.info(message, t);
    }

    @Override
    public void log(LogLevel level, String message) {
        log(level, message, null);
    }

    @Override
    public void log(LogLevel level, String message, Throwable t) {
        switch (level) {
            case DEBUG -> LOG.debug(message, t);
            case INFO -> LOG.info(message, t);
            case WARN -> LOG.warn(message, t);
            case ERROR -> LOG.error(message, t);
        }
    }

    @Override
    public Logger getLogger() {
        return LOG;
    }

    @Override
    public MailAddress getPostmaster() {
        return postmaster;
    }

    @Override
    public boolean isLocalServer(Domain domain) {
        return domain != null && localDomains.contains(domain);
    }

    @Override
    public boolean isLocalUser(String user) {
        int at = user == null ? -1 : user.lastIndexOf('@');
        return at > 0 && isLocalServer(Domain.of(user.substring(at + 1)));
    }

    @Override
    public boolean isLocalEmail(MailAddress address) {
        return address != null && isLocalServer(address.getDomain());
    }

    @Override
    public Collection<String> getMailServers(Domain domain) {
        try {
            Record[] records = new Lookup(domain.asString(), Type.MX).run();
            if (records == null) {
                return List.of();
            }
            List<MXRecord> mx = new ArrayList<>();
            for (Record r : records) {
                mx.add((MXRecord) r);
            }
            mx.sort(Comparator.comparingInt(MXRecord::getPriority));
            return mx.stream().map(r -> r.getTarget().toString(true)).toList();
        } catch (TextParseException e) {
            return List.of();
        }
    }

    /** Next hops are the relay's business ({@code org.guichet.gateway.relay}), not the mailets'. */
    @Override
    public Iterator<HostAddress> getSMTPHostAddresses(Domain domain) {
        throw new UnsupportedOperationException("Guichet's relay chooses next hops; mailets do not deliver");
    }

    @Override
    public List<String> dnsLookup(String name, RecordType type) throws TemporaryLookupException, LookupException {
        Lookup lookup;
        try {
            lookup = new Lookup(name, Type.value(type.name()));
        } catch (TextParseException e) {
            throw new LookupException("not a domain name: " + name);
        }
        Record[] records = lookup.run();
        return switch (lookup.getResult()) {
            case Lookup.SUCCESSFUL -> java.util.Arrays.stream(records).map(r -> r.rdataToString()).toList();
            case Lookup.HOST_NOT_FOUND, Lookup.TYPE_NOT_FOUND -> List.of();
            case Lookup.TRY_AGAIN -> throw new TemporaryLookupException(lookup.getErrorString());
            default -> throw new LookupException(lookup.getErrorString());
        };
    }

    /** Sender from the message's {@code From}, recipients from its {@code To}, {@code Cc} and {@code Bcc}. */
    @Override
    public void sendMail(MimeMessage message) throws MessagingException {
        Optional<String> from = Author.of(message).address();
        MailAddress sender = from.isEmpty() ? null : new MailAddress(from.get());
        Address[] to = message.getAllRecipients();
        List<MailAddress> recipients = new ArrayList<>();
        for (Address address : to == null ? new Address[0] : to) {
            recipients.add(new MailAddress(((InternetAddress) address).getAddress()));
        }
        sendMail(sender, recipients, message);
    }

    @Override
    public void sendMail(MailAddress sender, Collection<MailAddress> recipients, MimeMessage message)
            throws MessagingException {
        sendMail(sender, recipients, message, Mail.DEFAULT);
    }

    @Override
    public void sendMail(MailAddress sender, Collection<MailAddress> recipients, MimeMessage message, String state)
            throws MessagingException {
        MailImpl mail = MailImpl.builder().name(MailImpl.getId())
                .sender(sender == null ? MaybeSender.nullSender() : MaybeSender.of(sender))
                .addRecipients(List.copyOf(recipients))
                .mimeMessage(message)
                .build();
        sendMail(mail, state);
    }

    @Override
    public void sendMail(Mail mail) throws MessagingException {
        sendMail(mail, processorOf(mail));
    }

    @Override
    public void sendMail(Mail mail, long delay, TimeUnit unit) throws MessagingException {
        sendMail(mail, processorOf(mail), delay, unit);
    }

    @Override
    public void sendMail(Mail mail, String state) throws MessagingException {
        currentRun().requeue(mail, state, Duration.ZERO);
    }

    @Override
    public void sendMail(Mail mail, String state, long delay, TimeUnit unit) throws MessagingException {
        currentRun().requeue(mail, state, Duration.of(delay, unit.toChronoUnit()));
    }

    private static String processorOf(Mail mail) {
        String state = mail.getState();
        return state == null || state.isBlank() || Mail.GHOST.equals(state) ? Mail.DEFAULT : state;
    }

    @Override
    public void bounce(Mail mail, String message) throws MessagingException {
        bounce(mail, message, postmaster);
    }

    /**
     * A short non-delivery notice to the envelope sender, sent through the pipeline with the
     * null sender so that it can never bounce back (RFC 5321 §4.5.5); never to the null sender
     * (RFC 3464 §2). Delivery failures proper are the relay's DSNs.
     */
    @Override
    public void bounce(Mail mail, String message, MailAddress bouncer) throws MessagingException {
        if (mail.getMaybeSender().isNullSender()) {
            LOG.info("queue {}: not bounced, null sender ({})", mail.getName(), message);
            return;
        }
        MimeMessage original = mail.getMessage();
        MimeMessage notice = new MimeMessage(session);
        try {
            notice.setFrom(new InternetAddress((bouncer == null ? postmaster : bouncer).asString(), "Guichet", "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 is not supported", e);
        }
        notice.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.getMaybeSender().asString()));
        String subject = original.getSubject();
        notice.setSubject("Message non remis / Undelivered message" + (subject == null ? "" : ": " + subject), "UTF-8");
        notice.setHeader("Auto-Submitted", "auto-replied");
        String recipients = String.join(", ", mail.getRecipients().stream().map(MailAddress::asString).toList());
        notice.setText("""
                Votre message n'a pas pu être remis à : %s
                Motif : %s

                Your message could not be delivered to: %s
                Reason: %s
                """.formatted(recipients, message, recipients, message), "UTF-8");
        notice.saveChanges();
        sendMail(null, List.of(mail.getMaybeSender().get()), notice);
        LOG.info("queue {}: bounced to <{}> ({})", mail.getName(), mail.getMaybeSender().asString(), message);
    }
}
