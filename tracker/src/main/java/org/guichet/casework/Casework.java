package org.guichet.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.guichet.administration.ServiceDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns citizens' messages into cases. Threading, in this order: the signed token of the
 * reply address (its conversation, then that conversation's case, opened on the first reply);
 * In-Reply-To/References naming a Message-ID Guichet sent or received; a case reference in the
 * subject, only when the sender is the case's citizen (references are not secret); otherwise a
 * new case flagged unthreaded in the service's queue. A reply from another address than the
 * citizen's is kept and flagged as a third party's.
 *
 * <p>Each inbound message is one transaction (case, message, events) and is idempotent on its
 * spool queue id: the pipeline runs at least once, and a replay writes nothing new.
 */
@Component
@EnableConfigurationProperties(CaseworkProperties.class)
public class Casework {

    private static final Logger log = LoggerFactory.getLogger(Casework.class);

    /** Namespace of the advisory locks taken per queue id (pg_advisory_xact_lock(int, int)). */
    private static final int QUEUE_LOCK = 0x47434831;

    private static final String CASE_COLUMNS = """
            id, reference, service_id, conversation_id, citizen_address, status, unthreaded, priority, opened_at,
            closed_at, linked_case_id""";

    private static final String MESSAGE_COLUMNS = """
            id, case_id, direction, author_kind, third_party, threaded_by, from_address, subject, message_id,
            in_reply_to, queue_id, received_at, visible_text, sanitised_html, automatic_reason""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TransactionTemplate readOnly;
    private final EventLog events;
    private final CaseReferences references;
    private final Clock clock;

    public Casework(JdbcClient jdbc, PlatformTransactionManager transactions, EventLog events,
            CaseReferences references, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.events = events;
        this.references = references;
        this.clock = clock;
    }

    /** Threads an inbound message into its case, in one transaction, once per queue id. */
    public CaseReceipt receive(InboundReply reply) {
        CaseReceipt receipt = transactions.execute(status -> {
            // Two nodes replaying one spool message wait for each other here, then the second sees the first's work.
            jdbc.sql("select pg_advisory_xact_lock(:namespace, hashtext(:queueId))")
                    .param("namespace", QUEUE_LOCK).param("queueId", reply.queueId()).query().listOfRows();
            Optional<CaseReceipt> earlier = earlierReceipt(reply.queueId());
            return earlier.isPresent() ? earlier.get() : thread(reply);
        });
        if (!receipt.duplicate()) {
            log.info("queue {}: case={} threading={} third-party={} author={} change={}", reply.queueId(),
                    receipt.caseFile().reference(), receipt.threading(), receipt.thirdParty(),
                    receipt.message().author().column(), receipt.change().name().toLowerCase(Locale.ROOT));
        } else {
            log.info("queue {}: case={} status=duplicate (already received)", reply.queueId(),
                    receipt.caseFile().reference());
        }
        return receipt;
    }

    /**
     * Where {@link #receive} would thread this message, read from the database as it stands:
     * nothing is written or locked (a read-only transaction). For {@code guichet inspect}.
     */
    public ThreadingPreview preview(InboundReply reply) {
        return readOnly.execute(status -> {
            Decision decision = decide(reply, false);
            boolean thirdParty = decision.thirdParty(reply);
            String conversation = decision.conversationId() == null ? null
                    : jdbc.sql("select public_id from conversation where id = :id")
                            .param("id", decision.conversationId()).query(String.class).optional().orElse(null);
            String service = jdbc.sql("select code from service where id = :id")
                    .param("id", decision.serviceId()).query(String.class).single();
            return new ThreadingPreview(decision.threading(), decision.matched(),
                    decision.opens() ? null : decision.existing().reference(), conversation, service,
                    decision.citizen(), thirdParty, author(reply, thirdParty), change(decision, reply));
        });
    }

    private CaseReceipt thread(InboundReply reply) {
        Decision decision = decide(reply, true);
        CaseReceipt.Change change = change(decision, reply);
        Case found = decision.opens()
                ? open(decision.serviceId(), decision.conversationId(), decision.citizen(),
                        decision.threading() == Threading.UNTHREADED, null, reply.receivedAt())
                : decision.existing();
        switch (change) {
            case OPENED -> events.append(found.id(), CaseEventType.CASE_OPENED, reply.receivedAt(),
                    opening(found, decision.threading(), null));
            case LINKED -> {
                Case linked = open(found.serviceId(), found.conversationId(), found.citizenAddress(), false,
                        found.id(), reply.receivedAt());
                events.append(found.id(), CaseEventType.LINKED, reply.receivedAt(),
                        Map.of("linkedCase", linked.reference(), "queueId", reply.queueId()));
                events.append(linked.id(), CaseEventType.CASE_OPENED, reply.receivedAt(),
                        opening(linked, decision.threading(), found));
                found = linked;
            }
            case REOPENED -> {
                jdbc.sql("update citizen_case set status = 'open', closed_at = null where id = :id")
                        .param("id", found.id()).update();
                found = caseById(found.id()).orElseThrow();
            }
            case JOINED -> {
                // the case is taken as it is
            }
        }
        boolean thirdParty = decision.thirdParty(reply);
        AuthorKind author = author(reply, thirdParty);
        CaseMessage message = insertMessage(found.id(), reply, author, thirdParty, decision.threading());

        Map<String, Object> received = new LinkedHashMap<>();
        received.put("queueId", reply.queueId());
        received.put("message", message.id());
        received.put("threading", decision.threading().name());
        received.put("thirdParty", thirdParty);
        received.put("author", author.column());
        received.put("change", change.name());
        events.append(found.id(), CaseEventType.RECEIVED, reply.receivedAt(), received);
        if (reply.automatic()) {
            events.append(found.id(), CaseEventType.CLASSIFIED_AUTOMATIC, reply.receivedAt(),
                    Map.of("queueId", reply.queueId(), "reason", reply.automaticReason()));
        }
        if (change == CaseReceipt.Change.REOPENED) {
            events.append(found.id(), CaseEventType.REOPENED, reply.receivedAt(), Map.of("queueId", reply.queueId()));
        }
        return new CaseReceipt(found, message, decision.threading(), thirdParty, change, false);
    }

    /**
     * The threading decision, shared by {@link #receive} and {@link #preview}: only reads. With
     * {@code lock}, the conversation and case rows read are locked for the transaction that
     * then writes.
     */
    private Decision decide(InboundReply reply, boolean lock) {
        return byToken(reply, lock)
                .or(() -> byHeaders(reply, lock))
                .or(() -> bySubject(reply, lock))
                .orElseGet(() -> unthreaded(reply));
    }

    /** What the message does to its case: a case found closed is reopened or linked, unless the mail is automatic. */
    private CaseReceipt.Change change(Decision decision, InboundReply reply) {
        if (decision.opens()) {
            return CaseReceipt.Change.OPENED;
        }
        if (decision.existing().open() || reply.automatic()) {
            // Automatic mail (an out-of-office to an agent's answer) is kept on the closed case but reopens nothing.
            return CaseReceipt.Change.JOINED;
        }
        return closedCaseReply(decision.serviceId()) == ClosedCaseReply.LINK
                ? CaseReceipt.Change.LINKED : CaseReceipt.Change.REOPENED;
    }

    private static AuthorKind author(InboundReply reply, boolean thirdParty) {
        return reply.automatic() ? AuthorKind.AUTOMATIC : thirdParty ? AuthorKind.THIRD_PARTY : AuthorKind.CITIZEN;
    }

    private static Map<String, Object> opening(Case opened, Threading threading, Case linkedFrom) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("reference", opened.reference());
        payload.put("service", opened.serviceId());
        payload.put("threading", threading.name());
        payload.put("unthreaded", opened.unthreaded());
        if (linkedFrom != null) {
            payload.put("linkedTo", linkedFrom.reference());
        }
        return payload;
    }

    /** 1. The signed reply address names a conversation: its current case, or a new one. */
    private Optional<Decision> byToken(InboundReply reply, boolean lock) {
        if (reply.conversationId() == null) {
            return Optional.empty();
        }
        return byConversation("public_id", reply.conversationId(), Threading.TOKEN, lock);
    }

    /** 2. In-Reply-To, then References from the most recent, naming a Message-ID Guichet sent or received. */
    private Optional<Decision> byHeaders(InboundReply reply, boolean lock) {
        List<String> ids = new ArrayList<>();
        if (reply.inReplyTo() != null) {
            ids.add(reply.inReplyTo());
        }
        for (int i = reply.references().size() - 1; i >= 0; i--) {
            ids.add(reply.references().get(i));
        }
        for (String id : ids.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList()) {
            Optional<Long> caseId = jdbc.sql("select case_id from case_message where message_id = :id"
                            + " order by id desc limit 1")
                    .param("id", id).query(Long.class).optional();
            if (caseId.isPresent()) {
                return Optional.of(Decision.into(current(caseId.get(), lock), Threading.HEADER, id));
            }
            Optional<Decision> conversation = byConversation("final_message_id", id, Threading.HEADER, lock);
            if (conversation.isPresent()) {
                return conversation;
            }
        }
        return Optional.empty();
    }

    /** 3. A case reference in the subject, only from the case's own citizen. */
    private Optional<Decision> bySubject(InboundReply reply, boolean lock) {
        return references.findIn(reply.subject())
                .flatMap(reference -> jdbc.sql("select id, citizen_address from citizen_case where reference = :r")
                        .param("r", reference)
                        .query((rs, n) -> sameAddress(reply.from(), rs.getString(2)) ? rs.getLong(1) : null)
                        .optional()
                        .map(id -> Decision.into(current(id, lock), Threading.SUBJECT_REFERENCE, reference)));
    }

    /** 4. Nothing ties it to Guichet's mail: a new case in the service's (or the default) queue. */
    private Decision unthreaded(InboundReply reply) {
        Long serviceId = reply.serviceCode() == null ? null : serviceId(reply.serviceCode()).orElse(null);
        if (serviceId == null) {
            serviceId = serviceId(ServiceDirectory.DEFAULT).orElseThrow(() -> new IllegalStateException(
                    "no '" + ServiceDirectory.DEFAULT + "' service: the service directory writes it at start"));
        }
        return new Decision(Threading.UNTHREADED, null, null, serviceId, null, reply.from());
    }

    private Optional<Decision> byConversation(String column, String value, Threading threading, boolean lock) {
        // The conversation row is locked so that two first replies on two nodes open one case, not two.
        Optional<ConversationRow> conversation = jdbc.sql("select id, service_id, recipient from conversation where "
                        + column + " = :value order by id limit 1" + (lock ? " for update" : ""))
                .param("value", value)
                .query((rs, n) -> new ConversationRow(rs.getLong(1), rs.getLong(2), rs.getString(3)))
                .optional();
        if (conversation.isEmpty()) {
            return Optional.empty();
        }
        ConversationRow row = conversation.get();
        Optional<Long> latest = jdbc.sql("select id from citizen_case where conversation_id = :id"
                        + " order by id desc limit 1")
                .param("id", row.id()).query(Long.class).optional();
        if (latest.isPresent()) {
            return Optional.of(Decision.into(current(latest.get(), lock), threading, value));
        }
        return Optional.of(new Decision(threading, value, null, row.serviceId(), row.id(), row.recipient()));
    }

    /** The case a message for {@code caseId} goes to: the last case linked after it, locked. */
    private Case current(long caseId, boolean lock) {
        long id = caseId;
        for (Optional<Long> next = successor(id); next.isPresent(); next = successor(id)) {
            id = next.get();
        }
        return jdbc.sql("select " + CASE_COLUMNS + " from citizen_case where id = :id" + (lock ? " for update" : ""))
                .param("id", id).query(Casework::caseRow).single();
    }

    private Optional<Long> successor(long caseId) {
        return jdbc.sql("select id from citizen_case where linked_case_id = :id order by id desc limit 1")
                .param("id", caseId).query(Long.class).optional();
    }

    private Case open(long serviceId, Long conversationId, String citizen, boolean unthreaded, Long linkedCaseId,
            Instant openedAt) {
        String reference = references.next(openedAt);
        long id = jdbc.sql("""
                        insert into citizen_case (reference, service_id, conversation_id, citizen_address, status,
                                                  unthreaded, opened_at, linked_case_id)
                        values (:reference, :service, :conversation, :citizen, 'open', :unthreaded, :openedAt, :linked)
                        returning id""")
                .param("reference", reference).param("service", serviceId).param("conversation", conversationId)
                .param("citizen", citizen).param("unthreaded", unthreaded)
                .param("openedAt", Timestamp.from(openedAt)).param("linked", linkedCaseId)
                .query(Long.class).single();
        return caseById(id).orElseThrow();
    }

    private CaseMessage insertMessage(long caseId, InboundReply reply, AuthorKind author, boolean thirdParty,
            Threading threading) {
        long id = jdbc.sql("""
                        insert into case_message (case_id, direction, author_kind, third_party, threaded_by,
                                                  from_address, subject, message_id, in_reply_to, queue_id,
                                                  received_at, visible_text, sanitised_html, automatic_reason)
                        values (:caseId, 'inbound', :author, :thirdParty, :threading, :from, :subject, :messageId,
                                :inReplyTo, :queueId, :receivedAt, :text, :html, :reason)
                        returning id""")
                .param("caseId", caseId).param("author", author.column()).param("thirdParty", thirdParty)
                .param("threading", threading.name()).param("from", reply.from()).param("subject", reply.subject())
                .param("messageId", reply.messageId()).param("inReplyTo", reply.inReplyTo())
                .param("queueId", reply.queueId()).param("receivedAt", Timestamp.from(reply.receivedAt()))
                .param("text", reply.visibleText()).param("html", reply.sanitisedHtml())
                .param("reason", reply.automaticReason())
                .query(Long.class).single();
        return messages(caseId).stream().filter(m -> m.id() == id).findFirst().orElseThrow();
    }

    private Optional<CaseReceipt> earlierReceipt(String queueId) {
        return jdbc.sql("select " + MESSAGE_COLUMNS + " from case_message where queue_id = :q")
                .param("q", queueId).query(Casework::messageRow).optional()
                .map(message -> {
                    Case found = caseById(message.caseId()).orElseThrow();
                    String change = jdbc.sql("""
                                    select payload ->> 'change' from case_event
                                    where case_id = :caseId and type = 'RECEIVED' and payload ->> 'queueId' = :q""")
                            .param("caseId", found.id()).param("q", queueId).query(String.class).optional()
                            .orElse(CaseReceipt.Change.JOINED.name());
                    return new CaseReceipt(found, message, message.threading(), message.thirdParty(),
                            CaseReceipt.Change.valueOf(change), true);
                });
    }

    /**
     * Closes a case: its answer is given. Event CLOSED at the gateway's clock.
     *
     * @return the case as it is now (unchanged when it was already closed)
     */
    public Case close(long caseId) {
        return transactions.execute(status -> {
            Case found = jdbc.sql("select " + CASE_COLUMNS + " from citizen_case where id = :id for update")
                    .param("id", caseId).query(Casework::caseRow).optional()
                    .orElseThrow(() -> new IllegalArgumentException("no case with id " + caseId));
            if (!found.open()) {
                return found;
            }
            Instant now = clock.instant();
            jdbc.sql("update citizen_case set status = 'closed', closed_at = :now where id = :id")
                    .param("now", Timestamp.from(now)).param("id", caseId).update();
            events.append(caseId, CaseEventType.CLOSED, now, Map.of());
            log.info("case {}: status=closed", found.reference());
            return caseById(caseId).orElseThrow();
        });
    }

    public Optional<Case> caseById(long id) {
        return jdbc.sql("select " + CASE_COLUMNS + " from citizen_case where id = :id")
                .param("id", id).query(Casework::caseRow).optional();
    }

    public Optional<Case> find(String reference) {
        return jdbc.sql("select " + CASE_COLUMNS + " from citizen_case where reference = :r")
                .param("r", reference).query(Casework::caseRow).optional();
    }

    /** A case's messages, in the order the gateway received them. */
    public List<CaseMessage> messages(long caseId) {
        return jdbc.sql("select " + MESSAGE_COLUMNS + " from case_message where case_id = :id"
                        + " order by received_at, id")
                .param("id", caseId).query(Casework::messageRow).list();
    }

    private ClosedCaseReply closedCaseReply(long serviceId) {
        return ClosedCaseReply.of(jdbc.sql("select closed_case_reply from service where id = :id")
                .param("id", serviceId).query(String.class).single());
    }

    private Optional<Long> serviceId(String code) {
        return jdbc.sql("select id from service where code = :code").param("code", code).query(Long.class).optional();
    }

    /** Addresses compared without case: mailbox providers ignore it, and a citizen may type either. */
    private static boolean sameAddress(String a, String b) {
        return a != null && b != null && a.strip().equalsIgnoreCase(b.strip());
    }

    private static Case caseRow(ResultSet rs, int n) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Case(rs.getLong("id"), rs.getString("reference"), rs.getLong("service_id"),
                rs.getObject("conversation_id", Long.class), rs.getString("citizen_address"),
                CaseStatus.of(rs.getString("status")), rs.getBoolean("unthreaded"), rs.getString("priority"),
                rs.getTimestamp("opened_at").toInstant(), closed == null ? null : closed.toInstant(),
                rs.getObject("linked_case_id", Long.class));
    }

    private static CaseMessage messageRow(ResultSet rs, int n) throws SQLException {
        String threading = rs.getString("threaded_by");
        return new CaseMessage(rs.getLong("id"), rs.getLong("case_id"), Direction.of(rs.getString("direction")),
                AuthorKind.of(rs.getString("author_kind")), rs.getBoolean("third_party"),
                threading == null ? null : Threading.valueOf(threading), rs.getString("from_address"),
                rs.getString("subject"), rs.getString("message_id"), rs.getString("in_reply_to"),
                rs.getString("queue_id"), rs.getTimestamp("received_at").toInstant(), rs.getString("visible_text"),
                rs.getString("sanitised_html"), rs.getString("automatic_reason"));
    }

    /**
     * Where a message goes. {@code existing} is the case it joins (its latest linked successor),
     * or null when a case is to be opened for {@code serviceId}, {@code conversationId} and
     * {@code citizen}.
     *
     * @param matched the conversation id, Message-ID or case reference that threaded it; null when unthreaded
     */
    private record Decision(Threading threading, String matched, Case existing, long serviceId, Long conversationId,
            String citizen) {

        static Decision into(Case existing, Threading threading, String matched) {
            return new Decision(threading, matched, existing, existing.serviceId(), existing.conversationId(),
                    existing.citizenAddress());
        }

        boolean opens() {
            return existing == null;
        }

        /** Written from another address than the citizen's; an unthreaded case is the sender's own. */
        boolean thirdParty(InboundReply reply) {
            return threading != Threading.UNTHREADED && !sameAddress(reply.from(), citizen);
        }
    }

    private record ConversationRow(long id, long serviceId, String recipient) {
    }
}
