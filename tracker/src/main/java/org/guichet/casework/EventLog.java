package org.guichet.casework;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The case event log: append-only (a trigger refuses UPDATE and DELETE on {@code case_event})
 * and hash-chained, so that an auditor can check that nobody edited, removed or reordered an
 * event since it was written.
 *
 * <p>One chain over all events, in id order: simplest to verify and to anchor (one head hash
 * says everything up to it). Each event stores {@code prev_hash}, the hash of the event before
 * it (32 zero bytes for the first), and
 * {@code hash = SHA-256(prev_hash || canonical bytes)}, where the canonical bytes are the UTF-8
 * of the canonical JSON ({@link CanonicalJson}) of
 * {@code {"case":<reference>,"occurredAt":<ISO-8601 instant>,"payload":<payload>,"seq":<n>,"type":<type>}}:
 * no database id is hashed, so a dump restored elsewhere still verifies. Appends lock the
 * one-row chain head ({@code case_event_chain}, {@code select … for update}) until their
 * transaction ends, so the chain stays a line across nodes and ids follow chain order.
 *
 * <p>Payloads hold codes and references, no personal data: the log cannot be edited, so what
 * the GDPR may ask to erase (addresses, texts) stays in {@code case_message}.
 */
@Component
public class EventLog {

    static final byte[] GENESIS = new byte[32];

    private static final int PAGE = 5_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public EventLog(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
    }

    /**
     * Appends an event to a case, in the caller's transaction if there is one.
     *
     * @param occurredAt the gateway's clock; kept to the microsecond, as PostgreSQL stores it
     * @param payload    strings, booleans, integers, null, nested maps and lists
     */
    public CaseEvent append(long caseId, CaseEventType type, Instant occurredAt, Map<String, ?> payload) {
        String json = CanonicalJson.of(payload);
        Instant at = occurredAt.truncatedTo(ChronoUnit.MICROS);
        return transactions.execute(status -> {
            Head head = jdbc.sql("select last_hash, event_count from case_event_chain where id = 1 for update")
                    .query((rs, n) -> new Head(null, rs.getBytes(1), rs.getLong(2))).single();
            String reference = jdbc.sql("select reference from citizen_case where id = :id").param("id", caseId)
                    .query(String.class).optional()
                    .orElseThrow(() -> new IllegalArgumentException("no case with id " + caseId));
            int seq = jdbc.sql("select coalesce(max(seq), 0) + 1 from case_event where case_id = :id")
                    .param("id", caseId).query(Integer.class).single();
            byte[] hash = hash(head.hash(), reference, seq, type.name(), at, json);
            long id = jdbc.sql("""
                            insert into case_event (case_id, seq, type, occurred_at, payload, prev_hash, hash)
                            values (:caseId, :seq, :type, :at, cast(:payload as jsonb), :prev, :hash) returning id""")
                    .param("caseId", caseId).param("seq", seq).param("type", type.name())
                    .param("at", Timestamp.from(at)).param("payload", json)
                    .param("prev", head.hash()).param("hash", hash)
                    .query(Long.class).single();
            jdbc.sql("""
                            update case_event_chain set last_event_id = :id, last_hash = :hash,
                                   event_count = event_count + 1 where id = 1""")
                    .param("id", id).param("hash", hash).update();
            return new CaseEvent(id, caseId, reference, seq, type.name(), at, json, head.hash(), hash);
        });
    }

    /** The events of a case, in order. */
    public List<CaseEvent> events(long caseId) {
        return jdbc.sql("""
                        select e.id, e.case_id, c.reference, e.seq, e.type, e.occurred_at, e.payload::text,
                               e.prev_hash, e.hash
                        from case_event e join citizen_case c on c.id = e.case_id
                        where e.case_id = :id order by e.seq""")
                .param("id", caseId)
                .query((rs, n) -> new CaseEvent(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant(), CanonicalJson.parse(rs.getString(7)),
                        rs.getBytes(8), rs.getBytes(9)))
                .list();
    }

    /**
     * Reads the whole chain, in id order up to the head recorded when it starts (events
     * appended meanwhile are left for the next run), and reports the first event where it
     * does not hold. Recomputes every hash; reads by pages, so memory does not grow with the
     * number of events (except one seq per case).
     */
    public VerificationReport verify() {
        return verify((checked, total) -> {
        });
    }

    /** As {@link #verify()}, telling {@code progress} after each page how many events are checked. */
    public VerificationReport verify(Progress progress) {
        Head head = jdbc.sql("select last_event_id, last_hash, event_count from case_event_chain where id = 1")
                .query((rs, n) -> new Head(rs.getObject(1, Long.class), rs.getBytes(2), rs.getLong(3))).single();
        String headHex = HexFormat.of().formatHex(head.hash());
        long limit = head.lastEventId() == null ? 0 : head.lastEventId();
        byte[] previous = GENESIS;
        Map<Long, Integer> lastSeq = new HashMap<>();
        long checked = 0;
        long after = 0;
        Stored last = null;
        while (true) {
            List<Stored> page = jdbc.sql("""
                            select e.id, e.case_id, c.reference, e.seq, e.type, e.occurred_at, e.payload::text,
                                   e.prev_hash, e.hash
                            from case_event e left join citizen_case c on c.id = e.case_id
                            where e.id > :after and e.id <= :limit order by e.id limit :page""")
                    .param("after", after).param("limit", limit).param("page", PAGE)
                    .query((rs, n) -> new Stored(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                            rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getBytes(8),
                            rs.getBytes(9)))
                    .list();
            for (Stored event : page) {
                Optional<VerificationReport.Break> broken = check(event, previous, lastSeq);
                if (broken.isPresent()) {
                    return new VerificationReport(checked, headHex, broken);
                }
                checked++;
                previous = event.hash();
                lastSeq.put(event.caseId(), event.seq());
                last = event;
            }
            progress.checked(checked, head.count());
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).id();
        }
        if (!Arrays.equals(previous, head.hash()) || checked != head.count()) {
            return new VerificationReport(checked, headHex, Optional.of(new VerificationReport.Break(
                    last == null ? 0 : last.id(), last == null ? null : last.reference(), last == null ? 0 : last.seq(),
                    VerificationReport.Reason.MISSING, "the chain ends before its recorded head (" + head.count()
                            + " events, last id " + head.lastEventId() + "): events at the end were removed")));
        }
        return new VerificationReport(checked, headHex, Optional.empty());
    }

    private Optional<VerificationReport.Break> check(Stored event, byte[] previous, Map<Long, Integer> lastSeq) {
        if (event.reference() == null) {
            return broken(event, VerificationReport.Reason.EDITED, "its case " + event.caseId() + " does not exist");
        }
        String payload;
        try {
            payload = CanonicalJson.parse(event.payload());
        } catch (IllegalArgumentException e) {
            return broken(event, VerificationReport.Reason.EDITED, "payload is not a canonical event payload");
        }
        byte[] recomputed = hash(event.prevHash(), event.reference(), event.seq(), event.type(), event.occurredAt(),
                payload);
        if (!Arrays.equals(recomputed, event.hash())) {
            return broken(event, VerificationReport.Reason.EDITED,
                    "its content no longer gives its hash: case, seq, type, time or payload was changed");
        }
        if (!Arrays.equals(event.prevHash(), previous)) {
            Optional<Long> predecessor = jdbc.sql("select id from case_event where hash = :hash")
                    .param("hash", event.prevHash()).query(Long.class).optional();
            if (predecessor.isPresent() && predecessor.get() > event.id()) {
                return broken(event, VerificationReport.Reason.REORDERED,
                        "its predecessor is event " + predecessor.get() + ", which comes after it");
            }
            return broken(event, VerificationReport.Reason.MISSING, predecessor.isPresent()
                    ? "its predecessor is event " + predecessor.get() + ", not the one before it: events in between"
                            + " were inserted or removed"
                    : "its predecessor is no longer in the log: it was removed");
        }
        int expected = lastSeq.getOrDefault(event.caseId(), 0) + 1;
        if (event.seq() > expected) {
            return broken(event, VerificationReport.Reason.MISSING, "seq " + expected + " of its case is missing");
        }
        if (event.seq() < expected) {
            return broken(event, VerificationReport.Reason.REORDERED,
                    "seq " + event.seq() + " comes after seq " + (expected - 1) + " of its case");
        }
        return Optional.empty();
    }

    private static Optional<VerificationReport.Break> broken(Stored event, VerificationReport.Reason reason,
            String detail) {
        return Optional.of(new VerificationReport.Break(event.id(), event.reference(), event.seq(), reason,
                "event " + event.id() + " (" + event.reference() + " #" + event.seq() + " " + event.type() + "): "
                        + detail));
    }

    /** SHA-256 of the previous hash and the canonical bytes of the event's id-independent fields. */
    static byte[] hash(byte[] previous, String reference, int seq, String type, Instant occurredAt, String payload) {
        return chainHash(previous, reference, seq, type, occurredAt.toString(), payload);
    }

    /**
     * The hash of an event as the chain computes it, from its fields as text (an export's line):
     * {@code SHA-256(previous || canonical JSON of {case, occurredAt, payload, seq, type})}.
     *
     * @param occurredAt the ISO-8601 instant exactly as hashed (e.g. {@code 2026-04-02T08:00:00Z})
     * @param payload    the payload as JSON text, in any key order and spacing
     * @throws IllegalArgumentException if {@code payload} is not JSON an event payload can hold
     */
    public static byte[] chainHash(byte[] previous, String reference, int seq, String type, String occurredAt,
            String payload) {
        String bytes = CanonicalJson.event(reference, seq, type, occurredAt, CanonicalJson.parse(payload));
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(previous);
            digest.update(bytes.getBytes(StandardCharsets.UTF_8));
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** {@code json} (a stored payload) in the canonical form its hash covers. */
    public static String canonicalPayload(String json) {
        return CanonicalJson.parse(json);
    }

    /** The hash before the first event: 32 zero bytes. */
    public static byte[] genesis() {
        return GENESIS.clone();
    }

    /** The chain's head now: how many events it holds, and its hash after the last one. */
    public ChainHead head() {
        return jdbc.sql("select event_count, last_hash from case_event_chain where id = 1")
                .query((rs, n) -> new ChainHead(rs.getLong(1), rs.getBytes(2))).single();
    }

    /**
     * The stored hash of the chain after its first {@code count} events, in chain order, for each
     * count asked that the chain reaches; read in one pass over the chain whatever the number of
     * counts. Meaningful once {@link #verify()} found the chain intact.
     */
    public Map<Long, byte[]> hashesAfter(Collection<Long> counts) {
        Map<Long, byte[]> hashes = new HashMap<>();
        List<Long> positive = counts.stream().filter(c -> c > 0).distinct().toList();
        if (counts.contains(0L)) {
            hashes.put(0L, GENESIS.clone());
        }
        if (!positive.isEmpty()) {
            jdbc.sql("""
                            select n, hash from (select row_number() over (order by id) as n, hash from case_event) e
                            where n in (:counts)""")
                    .param("counts", positive)
                    .query((rs, row) -> hashes.put(rs.getLong(1), rs.getBytes(2))).list();
        }
        return hashes;
    }

    /**
     * @param count events in the chain
     * @param hash  hash after the last one (32 zero bytes for an empty chain)
     */
    public record ChainHead(long count, byte[] hash) {
    }

    /** Told how far a verification went, so that a long run over millions of events can show it. */
    @FunctionalInterface
    public interface Progress {

        /**
         * @param checked events checked so far
         * @param total   events in the chain up to the head the verification reads to
         */
        void checked(long checked, long total);
    }

    private record Head(Long lastEventId, byte[] hash, long count) {
    }

    private record Stored(long id, long caseId, String reference, int seq, String type, Instant occurredAt,
            String payload, byte[] prevHash, byte[] hash) {
    }
}
