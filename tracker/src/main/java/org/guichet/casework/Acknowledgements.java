package org.guichet.casework;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.guichet.storage.AdvisoryLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Acknowledgements of receipt (accusé de réception, CRPA L112-11): which message of a case
 * was acknowledged, to whom, when, with which bytes. Each is recorded once per acknowledged
 * message (its spool queue id), as an {@code acknowledgement} row, an outbound case message of
 * author {@link AuthorKind#ACKNOWLEDGEMENT} and an {@link CaseEventType#ACKNOWLEDGED} event at
 * the gateway's clock, in one transaction that also decides whether one is due:
 * at most one per case and recipient within the case period, and at most so many per
 * recipient within the sender window (L112-11 exempts abusive, repetitive messages; RFC 3834
 * §2 asks responders to limit responses per sender).
 */
@Component
public class Acknowledgements {


    /** Case messages of acknowledgements name no spool row: 'K' is no hexadecimal digit. */
    private static final String QUEUE_PREFIX = "ACK";
    private static final int QUEUE_ID_LENGTH = 24;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final EventLog events;

    public Acknowledgements(JdbcClient jdbc, PlatformTransactionManager transactions, EventLog events) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.events = events;
    }

    /** What two months of silence mean for a service's requests (CRPA L231-1, L231-4). */
    public enum ImplicitDecision {
        /** The service's messages are not requests subject to an implicit decision. */
        NONE,
        /** Silence means acceptance (L231-1); the person may ask for a certificate (L232-3). */
        ACCEPTANCE,
        /** Silence means rejection (L231-4), open to recourse. */
        REJECTION
    }

    /**
     * What an acknowledgement says of the service handling the request (CRPA R112-11-1).
     *
     * @param recourse        recourse wording in French for implicit rejections, or null for the standard one
     * @param recourseEnglish the same in English, or null
     */
    public record ServiceContact(long id, String code, String name, String commitment, String email, String phone,
            String postalAddress, String calendar, ImplicitDecision implicitDecision, String recourse,
            String recourseEnglish) {
    }

    /**
     * A message threading put into a case, with what its acknowledgement needs.
     *
     * @param conversationReplyAddress the reply address of the case's conversation, or null when it has none
     */
    public record Received(Case caseFile, CaseMessage message, ServiceContact service,
            String conversationReplyAddress) {
    }

    /**
     * An acknowledgement about to be spooled.
     *
     * @param inboundQueueId spool message of the message acknowledged
     * @param recipient      its envelope sender
     * @param receivedAt     the gateway's reception of the message acknowledged
     * @param sentAt         the gateway's clock now
     * @param text           what the person reads (plain text), shown in the case view
     * @param decisionDate   the day silence decides, or null
     * @param raw            the message as it is spooled
     */
    public record Acknowledgement(String inboundQueueId, long caseId, String recipient, Instant receivedAt,
            Instant sentAt, String fromAddress, String subject, String messageId, String inReplyTo, String text,
            ImplicitDecision implicitDecision, LocalDate decisionDate, byte[] raw) {

        public Acknowledgement {
            Objects.requireNonNull(inboundQueueId, "inboundQueueId");
            Objects.requireNonNull(recipient, "recipient");
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(raw, "raw");
            implicitDecision = implicitDecision == null ? ImplicitDecision.NONE : implicitDecision;
        }
    }

    /**
     * How often acknowledgements may go out.
     *
     * @param casePeriod   at most one per case and recipient within this period
     * @param perSender    at most this many per recipient within {@code senderWindow}, across cases
     * @param senderWindow the window of {@code perSender}
     */
    public record Limits(Duration casePeriod, int perSender, Duration senderWindow) {
    }

    /** An acknowledgement on record: its row, its case message, the bytes spooled. */
    public record Sent(long id, long caseId, long caseMessageId, String messageId, Instant sentAt, byte[] raw) {
    }

    /** What {@link #record} did. */
    public sealed interface Outcome {
    }

    /** Recorded now: spool it. */
    public record Recorded(Sent sent) implements Outcome {
    }

    /** This message had already been acknowledged (a replay): nothing new was written. */
    public record Earlier(Sent sent) implements Outcome {
    }

    /**
     * None is due.
     *
     * @param reason {@code period} (the case and recipient were acknowledged within the case
     *               period) or {@code sender-limit} (the recipient had its share)
     */
    public record Skipped(String reason) implements Outcome {
    }

    /** The case message recorded for a spool message, its case and its service. */
    public Optional<Received> received(String queueId) {
        return jdbc.sql("""
                        select m.case_id, c.service_id, v.reply_address
                        from case_message m join citizen_case c on c.id = m.case_id
                             left join conversation v on v.id = c.conversation_id
                        where m.queue_id = :q and m.direction = 'inbound'""")
                .param("q", queueId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3)})
                .optional()
                .map(row -> {
                    long caseId = (Long) row[0];
                    Case found = caseRow(caseId);
                    CaseMessage message = messageRow(caseId, queueId);
                    return new Received(found, message, service((Long) row[1]), (String) row[2]);
                });
    }

    /** The service's contact and implicit-decision settings. */
    public ServiceContact service(long serviceId) {
        return jdbc.sql("""
                        select id, code, name, commitment, email, phone, postal_address, calendar,
                               implicit_decision, recourse, recourse_english
                        from service where id = :id""")
                .param("id", serviceId)
                .query((rs, n) -> new ServiceContact(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        ImplicitDecision.valueOf(rs.getString(9)), rs.getString(10), rs.getString(11)))
                .single();
    }

    /** The acknowledgement of a spool message, if one was recorded. */
    public Optional<Sent> sentFor(String inboundQueueId) {
        return jdbc.sql("""
                        select id, case_id, case_message_id, message_id, sent_at, raw
                        from acknowledgement where inbound_queue_id = :q""")
                .param("q", inboundQueueId).query(Acknowledgements::sentRow).optional();
    }

    /**
     * Records an acknowledgement if one is due, once per acknowledged message: concurrent runs
     * for one message, one case or one recipient wait for each other, then see each other's work.
     */
    public Outcome record(Acknowledgement acknowledgement, Limits limits) {
        String recipient = acknowledgement.recipient().strip().toLowerCase(Locale.ROOT);
        return transactions.execute(status -> {
            AdvisoryLock.ACKNOWLEDGED_MESSAGE.hold(jdbc, acknowledgement.inboundQueueId());
            Optional<Sent> earlier = sentFor(acknowledgement.inboundQueueId());
            if (earlier.isPresent()) {
                return new Earlier(earlier.get());
            }
            jdbc.sql("select id from citizen_case where id = :id for update").param("id", acknowledgement.caseId())
                    .query(Long.class).single();
            AdvisoryLock.ACKNOWLEDGED_RECIPIENT.hold(jdbc, recipient);
            Instant received = acknowledgement.receivedAt();
            long ofCase = jdbc.sql("""
                            select count(*) from acknowledgement
                            where case_id = :caseId and recipient = :recipient and received_at > :since""")
                    .param("caseId", acknowledgement.caseId()).param("recipient", recipient)
                    .param("since", Timestamp.from(received.minus(limits.casePeriod())))
                    .query(Long.class).single();
            if (ofCase > 0) {
                return new Skipped("period");
            }
            long ofRecipient = jdbc.sql("""
                            select count(*) from acknowledgement
                            where recipient = :recipient and received_at > :since""")
                    .param("recipient", recipient)
                    .param("since", Timestamp.from(received.minus(limits.senderWindow())))
                    .query(Long.class).single();
            if (ofRecipient >= limits.perSender()) {
                return new Skipped("sender-limit");
            }
            return new Recorded(insert(acknowledgement, recipient));
        });
    }

    private Sent insert(Acknowledgement a, String recipient) {
        long messageId = jdbc.sql("""
                        insert into case_message (case_id, direction, author_kind, third_party, threaded_by,
                                                  from_address, subject, message_id, in_reply_to, queue_id,
                                                  received_at, visible_text)
                        values (:caseId, 'outbound', 'acknowledgement', false, null, :from, :subject, :messageId,
                                :inReplyTo, :queueId, :sentAt, :text)
                        returning id""")
                .param("caseId", a.caseId()).param("from", a.fromAddress()).param("subject", a.subject())
                .param("messageId", a.messageId()).param("inReplyTo", a.inReplyTo())
                .param("queueId", caseMessageQueueId(a.inboundQueueId()))
                .param("sentAt", Timestamp.from(a.sentAt())).param("text", a.text() == null ? "" : a.text())
                .query(Long.class).single();
        long id = jdbc.sql("""
                        insert into acknowledgement (case_id, case_message_id, inbound_queue_id, recipient, received_at,
                                                     sent_at, message_id, implicit_decision, decision_date, raw)
                        values (:caseId, :message, :queueId, :recipient, :receivedAt, :sentAt, :messageId, :decision,
                                :decisionDate, :raw)
                        returning id""")
                .param("caseId", a.caseId()).param("message", messageId).param("queueId", a.inboundQueueId())
                .param("recipient", recipient).param("receivedAt", Timestamp.from(a.receivedAt()))
                .param("sentAt", Timestamp.from(a.sentAt())).param("messageId", a.messageId())
                .param("decision", a.implicitDecision().name())
                .param("decisionDate", a.decisionDate() == null ? null : Date.valueOf(a.decisionDate()))
                .param("raw", a.raw())
                .query(Long.class).single();
        // Codes and dates only: the log cannot be edited, so addresses stay in case_message.
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("queueId", a.inboundQueueId());
        payload.put("message", messageId);
        payload.put("implicitDecision", a.implicitDecision().name());
        payload.put("decisionDate", a.decisionDate() == null ? null : a.decisionDate().toString());
        events.append(a.caseId(), CaseEventType.ACKNOWLEDGED, a.sentAt(), payload);
        return new Sent(id, a.caseId(), messageId, a.messageId(), a.sentAt(), a.raw());
    }

    /**
     * Writes a service's implicit-decision settings (from the configuration, at start).
     *
     * @return whether the service exists
     */
    public boolean configure(String serviceCode, ImplicitDecision decision, String recourse, String recourseEnglish) {
        return jdbc.sql("""
                        update service set implicit_decision = :decision, recourse = :recourse,
                               recourse_english = :english
                        where code = :code""")
                .param("decision", (decision == null ? ImplicitDecision.NONE : decision).name())
                .param("recourse", blankToNull(recourse)).param("english", blankToNull(recourseEnglish))
                .param("code", serviceCode).update() > 0;
    }

    /**
     * The {@code case_message.queue_id} of an acknowledgement: {@code ACK} and the acknowledged
     * message's queue id. It names no spool row (the spool gives the acknowledgement its own id
     * when the batch commits); the bytes sent are in {@code acknowledgement.raw}.
     */
    static String caseMessageQueueId(String inboundQueueId) {
        String id = QUEUE_PREFIX + inboundQueueId;
        if (id.length() <= QUEUE_ID_LENGTH) {
            return id;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(inboundQueueId.getBytes(StandardCharsets.UTF_8));
            return (QUEUE_PREFIX + HexFormat.of().withUpperCase().formatHex(digest)).substring(0, QUEUE_ID_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private Case caseRow(long caseId) {
        return jdbc.sql("select " + CaseRows.CASE_COLUMNS + " from citizen_case where id = :id")
                .param("id", caseId).query(CaseRows::caseRow).single();
    }

    private CaseMessage messageRow(long caseId, String queueId) {
        return jdbc.sql("select " + CaseRows.MESSAGE_COLUMNS + " from case_message where case_id = :caseId"
                        + " and queue_id = :q")
                .param("caseId", caseId).param("q", queueId).query(CaseRows::messageRow).single();
    }

    private static Sent sentRow(ResultSet rs, int n) throws SQLException {
        return new Sent(rs.getLong("id"), rs.getLong("case_id"), rs.getLong("case_message_id"),
                rs.getString("message_id"), rs.getTimestamp("sent_at").toInstant(), rs.getBytes("raw"));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
