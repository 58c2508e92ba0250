package org.guichet.gateway.pipeline;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.Mailet;
import org.apache.mailet.Matcher;
import org.guichet.gateway.smtp.SmtpProperties;
import org.guichet.gateway.mailet.ContainerAttributes;
import org.guichet.gateway.spool.MailAttributes;
import org.guichet.gateway.spool.Envelope;
import org.guichet.gateway.mailet.ContainerAttributes;
import org.guichet.gateway.spool.MailAttributes;
import org.guichet.gateway.spool.SpooledMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertyResolver;

/**
 * Runs spooled messages through the processors of {@code pipeline.xml}, as Apache James does:
 * in a processor, each matcher picks recipients; when all match, the mailet gets the mail; when
 * some match, the mail is split, the matched part going into the mailet and the rest on to the
 * next pair. A mailet that changes the state sends the mail to that processor; {@code ghost}
 * ends it. {@link Relay} and {@link Hold} end a mail by handing it on.
 *
 * <p>Where Guichet differs from James, on purpose, because nothing may be lost: a mail that
 * reaches the end of a processor without a state change is not ghosted but sent to the
 * {@code error} processor; a mailet that throws in the {@code error} processor, or a mail going
 * round processors more than {@value #MAX_PROCESSOR_CHANGES} times, is held directly.
 */
public class MailetContainer implements MessageProcessor {

    static final String ROOT = Mail.DEFAULT;
    static final String ERROR = Mail.ERROR;
    static final int MAX_PROCESSOR_CHANGES = 32;
    private static final String IGNORE = "ignore";
    private static final String PROPAGATE = "propagate";

    private static final Logger LOG = LoggerFactory.getLogger(MailetContainer.class);

    private final GuichetMailetContext context;
    private final Map<String, List<Pair>> processors = new LinkedHashMap<>();

    /**
     * Builds every matcher and mailet once; stops at the first that cannot be loaded or
     * initialised, with a message naming the file, line, processor and class.
     *
     * @param placeholders resolves {@code ${…}} in conditions and init parameters
     */
    public MailetContainer(PipelineDefinition definition, GuichetMailetContext context, PropertyResolver placeholders) {
        this.context = context;
        MailetCatalogue catalogue = MailetCatalogue.load();
        try {
            for (PipelineDefinition.Processor processor : definition.processors()) {
                if (processors.containsKey(processor.state())) {
                    throw new PipelineConfigurationException(definition.source() + " line " + processor.line()
                            + ": processor '" + processor.state() + "' is defined twice");
                }
                if (Mail.GHOST.equals(processor.state())) {
                    throw new PipelineConfigurationException(definition.source() + " line " + processor.line()
                            + ": 'ghost' ends processing and cannot be a processor");
                }
                List<Pair> pairs = new ArrayList<>();
                processors.put(processor.state(), pairs);
                for (PipelineDefinition.Step step : processor.steps()) {
                    pairs.add(build(definition.source(), processor.state(), step, catalogue, placeholders));
                }
            }
            for (String required : List.of(ROOT, ERROR)) {
                if (!processors.containsKey(required)) {
                    throw new PipelineConfigurationException(definition.source() + " has no processor '" + required
                            + "'" + (required.equals(ERROR) ? ": mail whose mailet fails goes there (e.g. <mailet"
                            + " match=\"All\" class=\"Hold\"/>)" : ": every message starts there"));
                }
            }
            checkTargets();
        } catch (RuntimeException e) {
            destroy();
            throw e;
        }
        LOG.info("pipeline: {} loaded, processors {}", definition.source(), processors.keySet());
    }

    private Pair build(String source, String state, PipelineDefinition.Step step, MailetCatalogue catalogue,
            PropertyResolver placeholders) {
        String where = source + " line " + step.line() + ", processor '" + state + "', mailet " + step.mailetClass();
        String match = resolve(placeholders, step.match(), where + ": match");
        int equals = match.indexOf('=');
        String matcherName = (equals < 0 ? match : match.substring(0, equals)).strip();
        String condition = equals < 0 ? null : match.substring(equals + 1);
        Matcher matcher;
        try {
            matcher = catalogue.matcher(matcherName).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new PipelineConfigurationException(where + ": matcher " + matcherName + ": " + reason(e), unexpected(e));
        }
        try {
            matcher.init(new MatcherSettings(matcherName, condition, context));
        } catch (MessagingException | RuntimeException e) {
            throw new PipelineConfigurationException(where + ": matcher " + match + " failed to start: " + reason(e),
                    unexpected(e));
        }
        Mailet mailet;
        try {
            mailet = catalogue.mailet(step.mailetClass()).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            matcher.destroy();
            throw new PipelineConfigurationException(where + ": " + reason(e), unexpected(e));
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        step.parameters().forEach((name, value) ->
                parameters.put(name, resolve(placeholders, value, where + ": parameter <" + name + ">")));
        try {
            mailet.init(new MailetSettings(step.mailetClass(), parameters, context));
        } catch (MessagingException | RuntimeException e) {
            matcher.destroy();
            throw new PipelineConfigurationException(where + " failed to start: " + reason(e), unexpected(e));
        }
        return new Pair(where, matcher, mailet, target(step.onMatchException()), target(step.onMailetException()));
    }

    private static String target(String written) {
        return written == null || written.isBlank() ? ERROR : written.strip();
    }

    private void checkTargets() {
        processors.forEach((state, pairs) -> {
            for (Pair pair : pairs) {
                for (String target : List.of(pair.onMatchException(), pair.onMailetException())) {
                    if (!target.equals(IGNORE) && !target.equals(PROPAGATE) && !processors.containsKey(target)) {
                        throw new PipelineConfigurationException(pair.where() + ": on exception, no processor '" + target
                                + "' (use a processor state, ignore or propagate)");
                    }
                }
            }
        });
    }

    private static String resolve(PropertyResolver placeholders, String value, String where) {
        if (value == null) {
            return null;
        }
        try {
            return placeholders.resolveRequiredPlaceholders(value);
        } catch (IllegalArgumentException e) {
            throw new PipelineConfigurationException(where + ": " + e.getMessage()
                    + " (set it as a property, or give a default: ${name:default})");
        }
    }

    /**
     * The cause worth a stack trace: none for the expected refusals (unknown name, a mailet's
     * own MessagingException), whose message says it all, so the operator reads one line.
     */
    private static Throwable unexpected(Throwable e) {
        Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite && ite.getCause() != null
                ? ite.getCause() : e;
        return cause instanceof MessagingException || cause instanceof IllegalArgumentException
                || cause instanceof NoSuchMethodException ? null : cause;
    }

    private static String reason(Throwable e) {
        String message = e.getMessage();
        if (e instanceof java.lang.reflect.InvocationTargetException ite && ite.getCause() != null) {
            return reason(ite.getCause());
        }
        if (e instanceof NoSuchMethodException) {
            return "the class has no public constructor without arguments";
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }

    /**
     * The container the worker runs, from {@code guichet.pipeline.config}: also for a dry run
     * ({@code guichet inspect}) on a node that does not have the worker role.
     */
    public static MailetContainer configured(PipelineProperties properties, GuichetMailetContext context,
            ConfigurableEnvironment environment, SmtpProperties smtp) {
        return new MailetContainer(PipelineFile.read(PipelineConfiguration.resource(properties.config()),
                properties.config()), context, PipelineConfiguration.placeholders(environment, properties, smtp));
    }

    @Override
    public List<Outgoing> process(ClaimedMessage claimed) throws Exception {
        return process(claimed, (outcome, mail) -> { });
    }

    /**
     * As {@link #process(ClaimedMessage)}, showing {@code observer} each mail as it ends, while
     * its message and the attributes the mailets recorded are still there. Nothing is written:
     * this is how a dry run sees what the mailets did.
     */
    public List<Outgoing> process(ClaimedMessage claimed, Observer observer) throws Exception {
        PipelineRun run = new PipelineRun(claimed.message(), observer);
        Deque<Position> work = new ArrayDeque<>();
        work.add(new Position(run.track(mail(claimed)), 0, 0));
        try (GuichetMailetContext.Scope scope = context.enter(run)) {
            while (!work.isEmpty()) {
                run(work.removeFirst(), work, run);
            }
        } finally {
            run.dispose();
        }
        return run.outcomes();
    }

    private MailImpl mail(ClaimedMessage claimed) throws MessagingException {
        SpooledMessage message = claimed.message();
        Envelope envelope = message.envelope();
        MimeMessage mime = new MimeMessage(context.session(), new ByteArrayInputStream(message.raw()));
        List<MailAddress> recipients = new ArrayList<>();
        for (String recipient : envelope.recipients()) {
            recipients.add(new MailAddress(recipient));
        }
        MailImpl.Builder builder = MailImpl.builder().name(message.queueId())
                .sender(envelope.nullSender() ? MaybeSender.nullSender() : MaybeSender.of(new MailAddress(envelope.sender())))
                .addRecipients(recipients)
                .mimeMessage(mime)
                .remoteAddr(envelope.clientAddress())
                .remoteHost(envelope.helo() == null ? envelope.clientAddress() : envelope.helo())
                .state(claimed.processor() == null ? ROOT : claimed.processor())
                .addAttributes(MailAttributes.fromJson(claimed.attributes()));
        builder.addAttribute(new Attribute(ContainerAttributes.RECEIVED_AT, AttributeValue.of(message.receivedAt().toString())));
        if (envelope.submitter() != null) {
            builder.addAttribute(new Attribute(Mail.SMTP_AUTH_USER, AttributeValue.of(envelope.submitter())));
        }
        if (envelope.helo() != null) {
            builder.addAttribute(new Attribute(Mail.SMTP_HELO, AttributeValue.of(envelope.helo())));
        }
        return builder.build();
    }

    /** Runs one mail from a position until it is ghosted, relayed, held or split off. */
    private void run(Position position, Deque<Position> work, PipelineRun run) throws Exception {
        Mail mail = position.mail();
        int index = position.index();
        int changes = position.changes();
        processors:
        while (!Mail.GHOST.equals(mail.getState())) {
            String state = mail.getState();
            if (changes > MAX_PROCESSOR_CHANGES) {
                hold(mail, run, "went through more than " + MAX_PROCESSOR_CHANGES + " processors (a loop in pipeline.xml?)");
                return;
            }
            List<Pair> pairs = processors.get(state);
            if (pairs == null) {
                divert(mail, state, ERROR, "no processor '" + state + "' in pipeline.xml", run);
                changes++;
                index = 0;
                continue;
            }
            for (int i = index; i < pairs.size(); i++) {
                Pair pair = pairs.get(i);
                Collection<MailAddress> matched;
                try {
                    matched = pair.matcher().match(mail);
                } catch (Exception e) {
                    if (pair.onMatchException().equals(IGNORE)) {
                        continue;
                    }
                    if (pair.onMatchException().equals(PROPAGATE)) {
                        throw e;
                    }
                    divert(mail, state, pair.onMatchException(), pair.where() + ": matcher failed: " + describe(e), run);
                    changes++;
                    index = 0;
                    continue processors;
                }
                List<MailAddress> hits = matched == null ? List.of()
                        : mail.getRecipients().stream().filter(new HashSet<>(matched)::contains).toList();
                if (hits.isEmpty()) {
                    continue;
                }
                if (hits.size() < mail.getRecipients().size()) {
                    // James semantics: the matched recipients go into the mailet as a new mail,
                    // the others carry on with the next pair.
                    MailImpl part = run.track(MailImpl.duplicate(mail));
                    part.setRecipients(hits);
                    Set<MailAddress> taken = new HashSet<>(hits);
                    mail.setRecipients(mail.getRecipients().stream().filter(r -> !taken.contains(r)).toList());
                    work.addFirst(new Position(mail, i + 1, changes));
                    mail = part;
                }
                try {
                    pair.mailet().service(mail);
                } catch (Exception e) {
                    if (pair.onMailetException().equals(IGNORE)) {
                        continue;
                    }
                    if (pair.onMailetException().equals(PROPAGATE)) {
                        throw e;
                    }
                    divert(mail, state, pair.onMailetException(), pair.where() + ": " + describe(e), run);
                    changes++;
                    index = 0;
                    continue processors;
                }
                if (!state.equals(mail.getState())) {
                    changes++;
                    index = 0;
                    continue processors;
                }
                if (mail.getRecipients().isEmpty()) {
                    mail.setState(Mail.GHOST);
                    return;
                }
            }
            divert(mail, state, ERROR, "reached the end of processor '" + state
                    + "' without Relay, Hold or a state change", run);
            changes++;
            index = 0;
        }
    }

    /**
     * Sends a mail to the processor that handles its failure, recording why (James's
     * {@code mailet-error} attribute and error message). Failing where failures go holds it.
     */
    private void divert(Mail mail, String from, String target, String error, PipelineRun run) throws MessagingException {
        mail.setErrorMessage(error);
        mail.setAttribute(new Attribute(Mail.MAILET_ERROR, AttributeValue.of(error)));
        if (from.equals(target) || !processors.containsKey(target)) {
            hold(mail, run, error);
            return;
        }
        LOG.warn("queue {}: processor={} status=error ({}), to processor {}", mail.getName(), from, error, target);
        mail.setState(target);
    }

    private void hold(Mail mail, PipelineRun run, String error) throws MessagingException {
        LOG.warn("queue {}: status=held ({})", mail.getName(), error);
        run.hold(mail, error);
        mail.setState(Mail.GHOST);
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.toString());
        Throwable cause = e.getCause();
        for (int depth = 0; cause != null && depth < 3; depth++, cause = cause.getCause()) {
            text.append(" caused by ").append(cause);
        }
        return text.toString();
    }

    /** Calls {@code destroy()} on every matcher and mailet; their errors are logged only. */
    public void destroy() {
        processors.values().forEach(pairs -> pairs.forEach(pair -> {
            try {
                pair.mailet().destroy();
                pair.matcher().destroy();
            } catch (RuntimeException e) {
                LOG.warn("pipeline: {} did not stop cleanly: {}", pair.where(), e.toString());
            }
        }));
    }

    Set<String> processorStates() {
        return processors.keySet();
    }

    /** Sees each mail that leaves the processors: relayed, held, or sent on through the mailet context. */
    @FunctionalInterface
    public interface Observer {

        void ended(Outgoing outcome, Mail mail) throws MessagingException;
    }

    private record Pair(String where, Matcher matcher, Mailet mailet, String onMatchException,
            String onMailetException) {
    }

    private record Position(Mail mail, int index, int changes) {
    }
}
