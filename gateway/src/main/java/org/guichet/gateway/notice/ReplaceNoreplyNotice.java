package org.guichet.gateway.notice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;

import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.guichet.gateway.language.Language;
import org.guichet.gateway.mailet.GuichetServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces the "do not reply" notices of an outgoing message by the service's sentence, now that
 * replies reach a person.
 *
 * <p>Every {@code text/plain} and {@code text/html} part that is not an attachment is searched,
 * however deeply nested (alternative, related, mixed); a notice ("Merci de ne pas répondre à ce
 * message", "Please do not reply to this email", "This mailbox is not monitored"…, see
 * {@link NoticeRecogniser}) is replaced as a whole sentence. The part keeps its charset, transfer
 * encoding and {@code format=flowed}; HTML is edited in its text only and stays valid; every other
 * part stays byte for byte. A message without a recognisable notice is left exactly as it came.
 * A signed or encrypted message (S/MIME, PGP) is left whole, and the log says why.
 *
 * <p>What was done is recorded on the mail: {@code org.guichet.notice.outcome} ({@code replaced},
 * {@code absent}, {@code signed}, {@code encrypted}, {@code unreadable}),
 * {@code org.guichet.notice.count}, {@code org.guichet.notice.entries} (one line per notice: part,
 * type, language, catalogue entries) and {@code org.guichet.notice.skipped}.
 *
 * <pre>{@code
 * <mailet match="All" class="org.guichet.gateway.notice.ReplaceNoreplyNotice">
 *     <replacement>Vous pouvez répondre directement à ce message : un agent vous répondra {commitment}.</replacement>
 *     <commitment>sous 5 jours ouvrés</commitment>
 *     <replacementEnglish>You can reply to this message: an agent will answer you {commitment}.</replacementEnglish>
 *     <commitmentEnglish>within 5 working days</commitmentEnglish>
 * </mailet>
 * }</pre>
 *
 * <p>Parameters: {@code replacement} (French sentence, optional, {@code {commitment}} placeholder),
 * {@code commitment} (optional, empty by default), {@code replacementEnglish} (optional; without
 * it English notices get the French sentence) and {@code commitmentEnglish} (required when the
 * English sentence uses {@code {commitment}} and a commitment is set).
 */
public class ReplaceNoreplyNotice extends GenericMailet {

    public static final AttributeName OUTCOME = AttributeName.of("org.guichet.notice.outcome");
    public static final AttributeName COUNT = AttributeName.of("org.guichet.notice.count");
    public static final AttributeName ENTRIES = AttributeName.of("org.guichet.notice.entries");
    public static final AttributeName SKIPPED = AttributeName.of("org.guichet.notice.skipped");

    static final String REPLACEMENT = "replacement";
    static final String COMMITMENT = "commitment";
    static final String REPLACEMENT_ENGLISH = "replacementEnglish";
    static final String COMMITMENT_ENGLISH = "commitmentEnglish";

    /** Parameter suffix of each language: {@code replacement}, {@code replacementDutch}… */
    private static final Map<Language, String> SUFFIXES = Map.of(Language.FRENCH, "", Language.ENGLISH, "English",
            Language.DUTCH, "Dutch", Language.GERMAN, "German");

    /** James itself reads these from every mailet element (error handling of the processor). */
    private static final Set<String> CONTAINER_PARAMETERS = Set.of("onMailetException", "onMatchException", "onMatcherException");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]*}");

    private static final Logger LOG = LoggerFactory.getLogger(ReplaceNoreplyNotice.class);

    private NoticeRewriter rewriter;

    @Override
    public void init() throws MessagingException {
        List<String> known = new ArrayList<>();
        for (Language language : Language.values()) {
            known.add(REPLACEMENT + SUFFIXES.get(language));
            known.add(COMMITMENT + SUFFIXES.get(language));
        }
        List<String> names = new ArrayList<>();
        getInitParameterNames().forEachRemaining(names::add);
        for (String name : names) {
            if (!known.contains(name) && !CONTAINER_PARAMETERS.contains(name)) {
                throw new MessagingException(getMailetName() + ": unknown parameter '" + name + "'; expected one of "
                        + String.join(", ", known));
            }
        }
        // Guichet's typed settings when the mailet runs in Guichet; the mailet's own parameters win over them.
        NoticeProperties settings = GuichetServices.of(getMailetContext()).find(NoticeProperties.class)
                .orElse(new NoticeProperties(null, null, Map.of()));
        Map<Language, String> sentences = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            String suffix = SUFFIXES.get(language);
            Optional<NoticeProperties.Wording> wording = Optional.ofNullable(settings.languages().get(language.code()));
            Optional<String> configured = template(REPLACEMENT + suffix)
                    .or(() -> wording.map(NoticeProperties.Wording::replacement).filter(r -> !r.isBlank()));
            String commitment = parameter(COMMITMENT + suffix).filter(c -> !c.isBlank())
                    .or(() -> wording.map(NoticeProperties.Wording::commitment).filter(c -> !c.isBlank()))
                    .or(() -> Optional.ofNullable(language == Language.FRENCH ? settings.commitment()
                            : language == Language.ENGLISH ? settings.commitmentEnglish() : null).filter(c -> !c.isBlank()))
                    .orElse("");
            String frenchCommitment = parameter(COMMITMENT).filter(c -> !c.isBlank())
                    .or(() -> Optional.ofNullable(settings.commitment()).filter(c -> !c.isBlank())).orElse("");
            if (language != Language.FRENCH && configured.isPresent() && configured.get().contains(NoticeReplacement.COMMITMENT)
                    && commitment.isBlank() && !frenchCommitment.isBlank()) {
                throw new MessagingException(getMailetName() + ": parameter '" + REPLACEMENT + suffix + "' uses {commitment} but '"
                        + COMMITMENT + suffix + "' is not set (the French commitment would appear in a sentence of another language)");
            }
            sentences.put(language, NoticeReplacement.fill(configured.orElse(NoticeReplacement.DEFAULTS.get(language)), commitment));
        }
        this.rewriter = new NoticeRewriter(new NoticeRecogniser(), new NoticeReplacement(sentences));
    }

    @Override
    public String getMailetInfo() {
        return "Replaces \"do not reply\" notices by the service's reply sentence";
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        byte[] raw;
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            mail.getMessage().writeTo(out);
            raw = out.toByteArray();
        } catch (IOException e) {
            throw new MessagingException("queue " + mail.getName() + ": cannot read the message", e);
        }
        NoticeRewrite rewrite = rewriter.rewrite(raw);
        if (rewrite.message().isPresent()) {
            mail.setMessage(new RewrittenMessage(rewrite.message().get()));
        }
        record(mail, rewrite);
        log(mail, rewrite);
    }

    private static void record(Mail mail, NoticeRewrite rewrite) {
        mail.setAttribute(new Attribute(OUTCOME, AttributeValue.of(rewrite.outcome().code())));
        mail.setAttribute(new Attribute(COUNT, AttributeValue.of(rewrite.count())));
        Collection<AttributeValue<?>> entries = new ArrayList<>();
        rewrite.notices().forEach(n -> entries.add(AttributeValue.of(n.describe())));
        mail.setAttribute(new Attribute(ENTRIES, AttributeValue.of(entries)));
        Collection<AttributeValue<?>> skipped = new ArrayList<>();
        rewrite.skipped().forEach(s -> skipped.add(AttributeValue.of(s)));
        mail.setAttribute(new Attribute(SKIPPED, AttributeValue.of(skipped)));
    }

    private static void log(Mail mail, NoticeRewrite rewrite) {
        switch (rewrite.outcome()) {
            case REPLACED -> LOG.info("queue {}: notice=replaced count={} entries=[{}]", mail.getName(), rewrite.count(),
                    String.join("; ", rewrite.notices().stream().map(NoticeRewrite.PartNotice::describe).toList()));
            case SIGNED, ENCRYPTED -> LOG.info("queue {}: notice={} body=untouched ({})", mail.getName(), rewrite.outcome().code(),
                    rewrite.reason());
            case UNREADABLE -> LOG.warn("queue {}: notice=unreadable body=untouched ({})", mail.getName(), rewrite.reason());
            case ABSENT -> LOG.debug("queue {}: notice=absent", mail.getName());
        }
        for (String skipped : rewrite.skipped()) {
            LOG.info("queue {}: notice part skipped ({})", mail.getName(), skipped);
        }
    }

    private Optional<String> parameter(String name) {
        return Optional.ofNullable(getInitParameter(name));
    }

    private Optional<String> template(String name) throws MessagingException {
        Optional<String> value = parameter(name);
        if (value.isEmpty()) {
            return value;
        }
        if (value.get().isBlank()) {
            throw new MessagingException(getMailetName() + ": parameter '" + name + "' is empty; remove it to use the default");
        }
        Matcher placeholder = PLACEHOLDER.matcher(value.get());
        while (placeholder.find()) {
            if (!placeholder.group().equals(NoticeReplacement.COMMITMENT)) {
                throw new MessagingException(getMailetName() + ": parameter '" + name + "' has unknown placeholder "
                        + placeholder.group() + "; only {commitment} is known");
            }
        }
        return value;
    }
}
