package org.guichet.gateway.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;

import org.guichet.casework.AgentAnswer;
import org.guichet.casework.AgentAnswers;
import org.guichet.casework.AnswerAttachment;
import org.guichet.casework.AnswerReceipt;
import org.guichet.casework.AnswerRefusedException;
import org.guichet.casework.AnswerRequest;
import org.guichet.casework.Answering;
import org.guichet.casework.AuthorKind;
import org.guichet.casework.Case;
import org.guichet.casework.CaseMessage;
import org.guichet.casework.Casework;
import org.guichet.casework.Direction;
import org.guichet.casework.RecordedAnswer;
import org.guichet.gateway.spool.Spool;
import org.guichet.gateway.spool.SpoolUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts an agent's answer to a case: composes it ({@link AnswerComposer}), commits it to the
 * spool (the pipeline then DKIM-signs and relays it like any mail), then records it on the case
 * ({@link AgentAnswers}) with the spool's acceptance time. Spool first, record second: a crash
 * in between can send an answer that is not yet recorded (a retry with the same answer id then
 * sends it again), but never records an answer that was not sent, and the time recorded is
 * the moment the gateway took charge of the answer (RFC 5321 §6.1).
 */
public record AnswerService(Casework casework, AgentAnswers answers, ServiceMailboxes services, CaseLetters letters) implements Answering {

    /** Longest answer accepted, in characters. */
    public static final int MAX_TEXT = 100_000;

    private static final Logger log = LoggerFactory.getLogger(AnswerService.class);
    private static final Pattern ANSWER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    @Override
    public AnswerReceipt answer(AnswerRequest request) throws AnswerRefusedException, SpoolUnavailableException {
        String answerId = answerId(request.answerId());
        String text = text(request.text());
        AnswerAttachment.check(request.attachments());
        Optional<RecordedAnswer> earlier = answers.find(answerId);
        if (earlier.isPresent()) {
            return replay(earlier.get(), request, text);
        }
        Case found = casework.find(request.caseReference().strip().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new AnswerRefusedException(AnswerRefusedException.Reason.UNKNOWN_CASE,
                        "no case " + request.caseReference()));
        List<CaseMessage> messages = casework.messages(found.id());
        String to = correspondent(found, messages, request.to());
        ServiceMailbox service = services.of(found.serviceId()).orElseThrow();
        CaseLetters.Placement placement = letters.place("answer", found, messages, service,
                answeredMessage(messages, to));
        CaseLetters.Posted posted;
        try {
            posted = letters.post(placement, service, found, to, text, request.attachments());
        } catch (MessagingException e) {
            throw new AnswerRefusedException(AnswerRefusedException.Reason.INVALID,
                    "the answer cannot be written as a message: " + e.getMessage());
        }
        RecordedAnswer recorded = answers.record(new AgentAnswer(answerId, found.id(), request.agent(),
                posted.queueId(), posted.acceptedAt(), placement.from(), to, posted.subject(), placement.messageId(),
                placement.inReplyTo(), text));
        log.info("queue {}: case={} answer={} to=<{}> status=spooled", posted.queueId(), found.reference(), answerId,
                to);
        return receipt(recorded, recorded.duplicate());
    }

    private static AnswerReceipt replay(RecordedAnswer earlier, AnswerRequest request, String text)
            throws AnswerRefusedException {
        if (!earlier.caseReference().equalsIgnoreCase(request.caseReference().strip())
                || !earlier.text().equals(text)) {
            throw new AnswerRefusedException(AnswerRefusedException.Reason.CONFLICT, "answer id " + earlier.answerId()
                    + " was already used for another answer (case " + earlier.caseReference() + ")");
        }
        return receipt(earlier, true);
    }

    private static AnswerReceipt receipt(RecordedAnswer recorded, boolean duplicate) {
        return new AnswerReceipt(recorded.answerId(), recorded.caseReference(), recorded.queueId(),
                recorded.messageId(), recorded.to(), recorded.answeredAt(), duplicate);
    }

    /**
     * Whom the answer goes to: the one asked for, when the citizen or a person who wrote to the
     * case; otherwise the last person who wrote (a third party answering for the citizen gets the
     * answer, as a counter clerk answers who stands at the counter), else the case's citizen.
     */
    private static String correspondent(Case found, List<CaseMessage> messages, String asked)
            throws AnswerRefusedException {
        List<String> known = new ArrayList<>();
        if (!found.citizenAddress().isBlank()) {
            known.add(found.citizenAddress());
        }
        people(messages).forEach(m -> known.add(m.fromAddress()));
        if (asked != null && !asked.isBlank()) {
            return known.stream().filter(a -> a.equalsIgnoreCase(asked.strip())).findFirst()
                    .orElseThrow(() -> new AnswerRefusedException(AnswerRefusedException.Reason.INVALID,
                            "'" + asked.strip() + "' has not written to case " + found.reference()));
        }
        List<CaseMessage> people = people(messages);
        String to = people.isEmpty() ? found.citizenAddress() : people.getLast().fromAddress();
        if (to == null || to.isBlank()) {
            throw new AnswerRefusedException(AnswerRefusedException.Reason.CONFLICT,
                    "case " + found.reference() + " has no address to answer");
        }
        return to;
    }

    /** Inbound messages a person wrote (not automatic mail). */
    private static List<CaseMessage> people(List<CaseMessage> messages) {
        return messages.stream().filter(m -> m.direction() == Direction.INBOUND
                && (m.author() == AuthorKind.CITIZEN || m.author() == AuthorKind.THIRD_PARTY)
                && !m.fromAddress().isBlank()).toList();
    }

    /** The message answered: the correspondent's latest, else the latest a person wrote. */
    private static Optional<CaseMessage> answeredMessage(List<CaseMessage> messages, String to) {
        List<CaseMessage> people = people(messages).stream().filter(m -> m.messageId() != null).toList();
        return people.stream().filter(m -> m.fromAddress().equalsIgnoreCase(to)).reduce((a, b) -> b)
                .or(() -> people.isEmpty() ? Optional.empty() : Optional.of(people.getLast()));
    }

    private static String answerId(String asked) throws AnswerRefusedException {
        if (asked == null || asked.isBlank()) {
            return UUID.randomUUID().toString();
        }
        if (!ANSWER_ID.matcher(asked.strip()).matches()) {
            throw new AnswerRefusedException(AnswerRefusedException.Reason.INVALID, "answer id must be 1 to 64"
                    + " letters, digits or . _ : - (starting with a letter or digit)");
        }
        return asked.strip();
    }

    private static String text(String asked) throws AnswerRefusedException {
        String text = asked == null ? "" : AnswerComposer.text(asked).strip();
        if (text.isEmpty()) {
            throw new AnswerRefusedException(AnswerRefusedException.Reason.INVALID, "the answer has no text");
        }
        if (text.length() > MAX_TEXT) {
            throw new AnswerRefusedException(AnswerRefusedException.Reason.INVALID,
                    "the answer is longer than " + MAX_TEXT + " characters");
        }
        return text;
    }

}
