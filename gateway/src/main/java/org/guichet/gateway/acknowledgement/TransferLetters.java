package org.guichet.gateway.acknowledgement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;

import org.guichet.administration.ServiceIdentity;
import org.guichet.casework.Case;
import org.guichet.casework.CaseMessage;
import org.guichet.casework.Casework;
import org.guichet.casework.TransferNotice;
import org.guichet.conversation.Conversation;
import org.guichet.gateway.answer.AnswerComposer;
import org.guichet.gateway.answer.AnswerDraft;
import org.guichet.gateway.answer.CaseReplyPath;
import org.guichet.gateway.answer.ComposedAnswer;
import org.guichet.gateway.answer.ServiceMailbox;
import org.guichet.gateway.answer.ServiceMailboxes;
import org.guichet.gateway.spool.Envelope;
import org.guichet.gateway.spool.Spool;
import org.guichet.gateway.spool.SpoolUnavailableException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The letter that tells a citizen which service now holds their request (CRPA L114-2), in
 * French then English, from the new service and in the case's thread: its Reply-To is the
 * case's signed reply address, so the citizen's answer joins the case.
 */
public class TransferLetters implements TransferNotice {

    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    private static final SecureRandom random = new SecureRandom();

    private final Casework casework;
    private final ServiceMailboxes services;
    private final CaseReplyPath replyPath;
    private final AnswerComposer composer;
    private final Spool spool;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final String french = shipped("fr");
    private final String english = shipped("en");

    public TransferLetters(Casework casework, ServiceMailboxes services, CaseReplyPath replyPath,
            AnswerComposer composer, Spool spool, JdbcClient jdbc, Clock clock) {
        this.casework = casework;
        this.services = services;
        this.replyPath = replyPath;
        this.composer = composer;
        this.spool = spool;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Sent send(Case caseFile, ServiceIdentity from, ServiceIdentity to) throws NoticeUnavailableException {
        List<CaseMessage> messages = casework.messages(caseFile.id());
        String subject = messages.isEmpty() ? null : messages.getFirst().subject();
        String messageId = "<transfer." + HexFormat.of().formatHex(randomBytes()) + "@" + replyPath.replyDomain() + ">";
        ServiceMailbox service = services.of(to.id()).orElseThrow();
        Conversation conversation = replyPath.of(caseFile, messageId,
                messages.isEmpty() ? "" : messages.getFirst().queueId(), service.email(), subject);
        String sender = service.email() != null ? service.email() : conversation.replyAddress();
        List<String> references = new ArrayList<>();
        references.add(conversation.finalMessageId());
        messages.stream().map(CaseMessage::messageId).filter(id -> id != null).forEach(references::add);
        String inReplyTo = messages.stream().map(CaseMessage::messageId).filter(id -> id != null)
                .reduce((a, b) -> b).orElse(null);
        String text = text(caseFile, from, to);
        ComposedAnswer letter;
        try {
            letter = composer.compose(new AnswerDraft(to.name(), sender, conversation.replyAddress(),
                    caseFile.citizenAddress(), subject, caseFile.reference(), messageId, inReplyTo,
                    references, clock.instant(), text));
        } catch (MessagingException e) {
            throw new IllegalStateException("the transfer letter of " + caseFile.reference() + " cannot be written", e);
        }
        String queueId;
        try {
            queueId = spool.accept(Envelope.local(sender, List.of(caseFile.citizenAddress())), letter.raw());
        } catch (SpoolUnavailableException e) {
            throw new NoticeUnavailableException("the transfer letter could not be queued: " + e.getMessage(), e);
        }
        var acceptedAt = jdbc.sql("select received_at from spool_message where queue_id = :q").param("q", queueId)
                .query(Timestamp.class).optional().map(Timestamp::toInstant).orElseGet(clock::instant);
        return new Sent(queueId, messageId, sender, caseFile.citizenAddress(), letter.subject(), text, acceptedAt);
    }

    String text(Case caseFile, ServiceIdentity from, ServiceIdentity to) {
        ZonedDateTime received = caseFile.openedAt().atZone(ZONE);
        return AcknowledgementTemplates.render(french, values(caseFile, from, to, received, Language.FRENCH))
                + "\n--\n\n"
                + AcknowledgementTemplates.render(english, values(caseFile, from, to, received, Language.ENGLISH));
    }

    private static Map<String, String> values(Case caseFile, ServiceIdentity from, ServiceIdentity to,
            ZonedDateTime received, Language language) {
        return Map.of("reference", caseFile.reference(), "receivedAt", ReceiptWording.moment(received, language),
                "fromService", from.name(), "toService", to.name());
    }

    private static String shipped(String language) {
        try (InputStream in = TransferLetters.class.getResourceAsStream("/transfer/" + language + ".txt")) {
            if (in == null) {
                throw new IllegalStateException("the shipped transfer letter " + language + ".txt is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return bytes;
    }
}
