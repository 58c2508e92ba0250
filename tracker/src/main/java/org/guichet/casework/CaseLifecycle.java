package org.guichet.casework;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.guichet.administration.ServiceIdentity;
import org.guichet.casework.CaseChangeRefused.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What people do to a case besides answering it: change its status, assign it, transfer it
 * to another service, write internal notes, and open it. Each change locks the case row,
 * updates its current state and appends one event of the hash-chained log at the gateway's
 * clock, naming the acting account, in one transaction. The SLA clocks read those events:
 * {@code waiting_citizen} pauses them, {@code closed} stops them.
 *
 * <p>Who may act on which case is the caller's check ({@link Caseworkers}); this class checks
 * what the case itself allows.
 */
@Component
public class CaseLifecycle {

    /** Longest note accepted, in characters. */
    public static final int MAX_NOTE = 20_000;

    private static final Logger log = LoggerFactory.getLogger(CaseLifecycle.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final EventLog events;
    private final ObjectProvider<TransferNotice> notices;
    private final Clock clock;

    public CaseLifecycle(JdbcClient jdbc, PlatformTransactionManager transactions, EventLog events,
            ObjectProvider<TransferNotice> notices, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.events = events;
        this.notices = notices;
        this.clock = clock;
    }

    /**
     * Sets the status a person chose. {@code new} is no one's choice: it only ever is the
     * status of a case nobody took yet. Closing a closed case, or any same-status change,
     * changes nothing and writes no event. Reopening a closed case is a {@code REOPENED} event.
     */
    public Case changeStatus(long caseId, CaseStatus to, String actor) {
        if (to == null || to == CaseStatus.NEW) {
            throw new CaseChangeRefused(Reason.INVALID, "the status must be open, waiting_citizen, answered or closed");
        }
        return transactions.execute(tx -> {
            Case found = lock(caseId);
            if (found.status() == to) {
                return found;
            }
            Instant now = clock.instant();
            if (to == CaseStatus.CLOSED) {
                jdbc.sql("update citizen_case set status = 'closed', closed_at = :now where id = :id")
                        .param("now", Timestamp.from(now)).param("id", caseId).update();
                events.append(caseId, CaseEventType.CLOSED, now, Map.of("account", actor, "from",
                        found.status().column()));
            } else if (found.status() == CaseStatus.CLOSED) {
                jdbc.sql("update citizen_case set status = :status, closed_at = null where id = :id")
                        .param("status", to.column()).param("id", caseId).update();
                events.append(caseId, CaseEventType.REOPENED, now, Map.of("account", actor));
                if (to != CaseStatus.OPEN) {
                    events.append(caseId, CaseEventType.STATUS_CHANGED, now, Map.of("status", to.column(), "from",
                            CaseStatus.OPEN.column(), "account", actor));
                }
            } else {
                jdbc.sql("update citizen_case set status = :status where id = :id")
                        .param("status", to.column()).param("id", caseId).update();
                events.append(caseId, CaseEventType.STATUS_CHANGED, now, Map.of("status", to.column(), "from",
                        found.status().column(), "account", actor));
            }
            log.info("case {}: status={} by={}", found.reference(), to.column(), actor);
            return reread(caseId);
        });
    }

    /**
     * Assigns the case to an enabled account of its service, or unassigns it ({@code assignee}
     * null). A new case that someone takes becomes open.
     */
    public Case assign(long caseId, String assignee, String actor) {
        return transactions.execute(tx -> {
            Case found = lock(caseId);
            Long accountId = null;
            if (assignee != null && !assignee.isBlank()) {
                accountId = memberOf(found.serviceId(), assignee.strip());
            }
            String name = assignee == null || assignee.isBlank() ? null : assignee.strip();
            if (name == null ? found.assignee() == null : name.equals(found.assignee())) {
                return found;
            }
            Instant now = clock.instant();
            jdbc.sql("update citizen_case set assignee_id = :account where id = :id")
                    .param("account", accountId).param("id", caseId).update();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("assignee", name);
            payload.put("account", actor);
            events.append(caseId, CaseEventType.ASSIGNED, now, payload);
            if (name != null && found.status() == CaseStatus.NEW) {
                jdbc.sql("update citizen_case set status = 'open' where id = :id").param("id", caseId).update();
                events.append(caseId, CaseEventType.STATUS_CHANGED, now, Map.of("status", CaseStatus.OPEN.column(),
                        "from", CaseStatus.NEW.column(), "account", actor));
            }
            log.info("case {}: assignee={} by={}", found.reference(), name == null ? "none" : name, actor);
            return reread(caseId);
        });
    }

    /**
     * Transfers an open case to another service (CRPA L114-2). The letter telling the citizen
     * is queued first, then the transfer recorded: a crash in between tells the citizen of a
     * transfer that a retry then records, but never moves a case silently. The case keeps its
     * first receipt date, so the legal deadline keeps running; it is unassigned, since its
     * assignee belongs to the old service.
     */
    public Case transfer(long caseId, String serviceCode, String reason, String actor)
            throws TransferNotice.NoticeUnavailableException {
        Case found = transactions.execute(tx -> lock(caseId));
        if (!found.open()) {
            throw new CaseChangeRefused(Reason.CONFLICT, "case " + found.reference() + " is closed: reopen it first");
        }
        ServiceIdentity to = service(serviceCode).orElseThrow(() -> new CaseChangeRefused(Reason.NOT_FOUND,
                "no service '" + serviceCode + "'"));
        ServiceIdentity from = serviceById(found.serviceId());
        if (from.id() == to.id()) {
            throw new CaseChangeRefused(Reason.INVALID, "case " + found.reference() + " is already with " + to.code());
        }
        TransferNotice notice = notices.getIfAvailable();
        if (notice == null) {
            throw new CaseChangeRefused(Reason.CONFLICT, "this node cannot write to the citizen: no transfer");
        }
        TransferNotice.Sent sent = notice.send(found, from, to);
        return transactions.execute(tx -> {
            Case current = lock(caseId);
            if (current.serviceId() != from.id()) {
                // Someone transferred it meanwhile; the letter queued names the service it now reaches.
                log.warn("case {}: transferred meanwhile to service id {}", current.reference(), current.serviceId());
            }
            jdbc.sql("update citizen_case set service_id = :service, assignee_id = null where id = :id")
                    .param("service", to.id()).param("id", caseId).update();
            long message = jdbc.sql("""
                            insert into case_message (case_id, direction, author_kind, third_party, from_address,
                                                      subject, message_id, queue_id, received_at, visible_text)
                            values (:caseId, 'outbound', 'notice', false, :from, :subject, :messageId, :queueId,
                                    :at, :text)
                            returning id""")
                    .param("caseId", caseId).param("from", sent.from()).param("subject", sent.subject())
                    .param("messageId", sent.messageId()).param("queueId", sent.queueId())
                    .param("at", Timestamp.from(sent.acceptedAt())).param("text", sent.text())
                    .query(Long.class).single();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("service", to.id());
            payload.put("serviceCode", to.code());
            payload.put("fromService", from.code());
            payload.put("account", actor);
            payload.put("notice", sent.queueId());
            payload.put("message", message);
            if (reason != null && !reason.isBlank()) {
                payload.put("reason", reason.strip());
            }
            events.append(caseId, CaseEventType.TRANSFERRED, clock.instant(), payload);
            log.info("case {}: service={} from={} by={} notice={}", current.reference(), to.code(), from.code(), actor,
                    sent.queueId());
            return reread(caseId);
        });
    }

    /** Adds an internal note. The event carries the note's id and SHA-256, not its text. */
    public CaseNote note(long caseId, String text, String actor) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw new CaseChangeRefused(Reason.INVALID, "the note is empty");
        }
        if (body.length() > MAX_NOTE) {
            throw new CaseChangeRefused(Reason.INVALID, "a note has at most " + MAX_NOTE + " characters");
        }
        return transactions.execute(tx -> {
            lock(caseId);
            Instant now = clock.instant();
            long id = jdbc.sql("""
                            insert into case_note (case_id, author, body, written_at)
                            values (:caseId, :author, :body, :at) returning id""")
                    .param("caseId", caseId).param("author", actor).param("body", body)
                    .param("at", Timestamp.from(now)).query(Long.class).single();
            events.append(caseId, CaseEventType.NOTE_ADDED, now, Map.of("note", id, "sha256", sha256(body),
                    "account", actor));
            return new CaseNote(id, caseId, actor, body, now);
        });
    }

    /** A case's notes, oldest first. */
    public List<CaseNote> notes(long caseId) {
        return jdbc.sql("select id, case_id, author, body, written_at from case_note where case_id = :id"
                        + " order by written_at, id")
                .param("id", caseId)
                .query((rs, n) -> new CaseNote(rs.getLong("id"), rs.getLong("case_id"), rs.getString("author"),
                        rs.getString("body"), rs.getTimestamp("written_at").toInstant()))
                .list();
    }

    /** Records that a person opened the case: who saw a citizen's data is part of the evidence. */
    public void viewed(long caseId, String actor) {
        events.append(caseId, CaseEventType.VIEWED, clock.instant(), Map.of("account", actor));
    }

    private Case lock(long caseId) {
        return jdbc.sql("select " + CaseRows.CASE_COLUMNS + " from citizen_case where id = :id for update")
                .param("id", caseId).query(CaseRows::caseRow).optional()
                .orElseThrow(() -> new CaseChangeRefused(Reason.NOT_FOUND, "no case with id " + caseId));
    }

    /** The case as it is now. */
    public Case current(long caseId) {
        return reread(caseId);
    }

    /** The accounts that opened the case since {@code since}, by name. */
    public java.util.Set<String> viewersSince(long caseId, Instant since) {
        return new java.util.TreeSet<>(jdbc.sql("""
                        select distinct payload ->> 'account' from case_event
                        where case_id = :id and type = 'VIEWED' and occurred_at > :since""")
                .param("id", caseId).param("since", Timestamp.from(since)).query(String.class).list());
    }

    private Case reread(long caseId) {
        return jdbc.sql("select " + CaseRows.CASE_COLUMNS + " from citizen_case where id = :id")
                .param("id", caseId).query(CaseRows::caseRow).single();
    }

    /** The account's id, if it is enabled and belongs to the service. */
    private long memberOf(long serviceId, String username) {
        record Account(long id, boolean enabled, boolean member) {
        }
        Account account = jdbc.sql("""
                        select a.id, a.enabled, exists (select 1 from web_account_service m
                                                        where m.account_id = a.id and m.service_id = :service) as member
                        from web_account a where a.username = :username""")
                .param("service", serviceId).param("username", username)
                .query((rs, n) -> new Account(rs.getLong("id"), rs.getBoolean("enabled"), rs.getBoolean("member")))
                .optional()
                .orElseThrow(() -> new CaseChangeRefused(Reason.NOT_FOUND, "no account '" + username + "'"));
        if (!account.enabled()) {
            throw new CaseChangeRefused(Reason.CONFLICT, "account '" + username + "' is disabled");
        }
        if (!account.member()) {
            throw new CaseChangeRefused(Reason.CONFLICT, "account '" + username + "' does not belong to the case's service");
        }
        return account.id();
    }

    private Optional<ServiceIdentity> service(String code) {
        if (code == null || code.isBlank()) {
            throw new CaseChangeRefused(Reason.INVALID, "a transfer names the service it goes to");
        }
        return jdbc.sql("select id, code, name, commitment from service where code = :code")
                .param("code", code.strip()).query(CaseLifecycle::serviceRow).optional();
    }

    private ServiceIdentity serviceById(long id) {
        return jdbc.sql("select id, code, name, commitment from service where id = :id").param("id", id)
                .query(CaseLifecycle::serviceRow).single();
    }

    private static ServiceIdentity serviceRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ServiceIdentity(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                rs.getString("commitment"));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
