package org.guichet.casework;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.guichet.storage.AdvisoryLock;
import org.guichet.storage.StoredText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The files citizens' messages carried ({@code case_attachment}). Each message's files are
 * recorded once, in one transaction, keyed by the spool queue id of the message: the pipeline
 * runs at least once, and a replay finds what the first run recorded, whatever the settings
 * say now. The SHA-256 of every file, stored or refused, goes into the case's event log
 * ({@link CaseEventType#ATTACHMENTS_STORED}), so a changed file shows against the chain.
 */
@Component
public class Attachments {


    private static final String COLUMNS = """
            a.id, a.case_message_id, a.position, a.file_name, a.declared_type, a.detected_type, a.inline,
            a.content_id, a.size, a.sha256, a.stored_at, a.refused_reason""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final EventLog events;
    private final Clock clock;

    public Attachments(JdbcClient jdbc, PlatformTransactionManager transactions, EventLog events, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.events = events;
        this.clock = clock;
    }

    /**
     * A file as extraction found it, with the decision taken on it.
     *
     * @param fileName      sanitised name
     * @param declaredType  the sender's Content-Type (base type)
     * @param detectedType  the type its bytes show
     * @param inline        an image shown by the message's HTML through {@code cid:}
     * @param contentId     its Content-ID without angle brackets, or null
     * @param bytes         the decoded bytes (hashed and measured always, kept only when not refused)
     * @param refusedReason why it is not stored, or null to store it
     */
    public record Incoming(String fileName, String declaredType, String detectedType, boolean inline,
            String contentId, byte[] bytes, String refusedReason) {

        public Incoming {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(declaredType, "declaredType");
            Objects.requireNonNull(detectedType, "detectedType");
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /**
     * What {@link #record} found or wrote.
     *
     * @param earlier true when an earlier run had recorded them (a replay): nothing was written
     */
    public record Recorded(String caseReference, long caseMessageId, List<CaseAttachment> attachments,
            boolean earlier) {
    }

    /** A stored file and its bytes. */
    public record Download(CaseAttachment attachment, byte[] content) {
    }

    /**
     * Records the files of the inbound message spooled as {@code queueId}, once.
     *
     * @throws IllegalStateException when no case message has that queue id (threading comes first)
     */
    public Recorded record(String queueId, List<Incoming> files) {
        return transactions.execute(status -> {
            AdvisoryLock.INBOUND_MESSAGE.hold(jdbc, queueId);
            Object[] message = jdbc.sql("""
                            select m.id, m.case_id, c.reference from case_message m
                            join citizen_case c on c.id = m.case_id
                            where m.queue_id = :q and m.direction = 'inbound'""")
                    .param("q", queueId)
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3)})
                    .optional()
                    .orElseThrow(() -> new IllegalStateException("no case message for queue id " + queueId
                            + ": the message must be threaded into a case before its attachments are stored"));
            long messageId = (Long) message[0];
            long caseId = (Long) message[1];
            String reference = (String) message[2];
            List<CaseAttachment> earlier = ofMessage(messageId);
            if (!earlier.isEmpty() || files.isEmpty()) {
                return new Recorded(reference, messageId, earlier, !earlier.isEmpty());
            }
            Instant now = clock.instant();
            List<Map<String, Object>> logged = new ArrayList<>();
            int position = 0;
            for (Incoming file : files) {
                position++;
                byte[] sha256 = sha256(file.bytes());
                jdbc.sql("""
                                insert into case_attachment (case_message_id, position, file_name, declared_type,
                                                             detected_type, inline, content_id, size, sha256, content,
                                                             stored_at, refused_reason)
                                values (:message, :position, :name, :declared, :detected, :inline, :contentId, :size,
                                        :sha256, :content, :storedAt, :reason)""")
                        .param("message", messageId).param("position", position).param("name", StoredText.of(file.fileName()))
                        .param("declared", StoredText.of(file.declaredType())).param("detected", file.detectedType())
                        .param("inline", file.inline()).param("contentId", StoredText.of(file.contentId()))
                        .param("size", (long) file.bytes().length).param("sha256", sha256)
                        .param("content", file.refusedReason() == null ? file.bytes() : null)
                        .param("storedAt", Timestamp.from(now)).param("reason", file.refusedReason())
                        .update();
                // Hashes, sizes and types only: the log cannot be edited, and a file name may name a person.
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("position", position);
                entry.put("sha256", HexFormat.of().formatHex(sha256));
                entry.put("size", (long) file.bytes().length);
                entry.put("detectedType", file.detectedType());
                entry.put("refused", file.refusedReason());
                logged.add(entry);
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("queueId", queueId);
            payload.put("message", messageId);
            payload.put("attachments", logged);
            events.append(caseId, CaseEventType.ATTACHMENTS_STORED, now, payload);
            return new Recorded(reference, messageId, ofMessage(messageId), false);
        });
    }

    /** The files of one message, in MIME order. */
    public List<CaseAttachment> ofMessage(long caseMessageId) {
        return jdbc.sql("select " + COLUMNS + " from case_attachment a where a.case_message_id = :m"
                        + " order by a.position")
                .param("m", caseMessageId).query(Attachments::row).list();
    }

    /** The files of a case's messages, in the order the gateway received them; empty when no such case. */
    public Optional<List<CaseAttachment>> ofCase(String reference) {
        Optional<Long> caseId = jdbc.sql("select id from citizen_case where reference = :r")
                .param("r", reference).query(Long.class).optional();
        return caseId.map(id -> jdbc.sql("select " + COLUMNS + """
                         from case_attachment a join case_message m on m.id = a.case_message_id
                        where m.case_id = :id
                        order by m.received_at, m.id, a.position""")
                .param("id", id).query(Attachments::row).list());
    }

    /** The reference of the case whose message carried the file, if there is such a file. */
    public Optional<String> caseReference(long id) {
        return jdbc.sql("""
                        select c.reference from case_attachment a join case_message m on m.id = a.case_message_id
                        join citizen_case c on c.id = m.case_id where a.id = :id""")
                .param("id", id).query(String.class).optional();
    }

    public Optional<CaseAttachment> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from case_attachment a where a.id = :id")
                .param("id", id).query(Attachments::row).optional();
    }

    /** A file and its bytes; empty when there is no such file or it was refused (no bytes kept). */
    public Optional<Download> download(long id) {
        return jdbc.sql("select " + COLUMNS + ", a.content from case_attachment a where a.id = :id"
                        + " and a.content is not null")
                .param("id", id)
                .query((rs, n) -> new Download(row(rs, n), rs.getBytes("content")))
                .optional();
    }

    private static CaseAttachment row(ResultSet rs, int n) throws SQLException {
        return new CaseAttachment(rs.getLong("id"), rs.getLong("case_message_id"), rs.getInt("position"),
                rs.getString("file_name"), rs.getString("declared_type"), rs.getString("detected_type"),
                rs.getBoolean("inline"), rs.getString("content_id"), rs.getLong("size"), rs.getBytes("sha256"),
                rs.getTimestamp("stored_at").toInstant(), rs.getString("refused_reason"));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
