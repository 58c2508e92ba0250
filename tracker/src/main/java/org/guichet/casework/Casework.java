package org.guichet.casework;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.guichet.storage.AdvisoryLock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The store of cases: a citizen's message recorded into the case {@link CaseThreading} decides
 * (opening, reopening or linking it), cases closed, cases and their messages read.
 *
 * <p>Each inbound message is one transaction (case, message, events) and is idempotent on its
 * spool queue id: the pipeline runs at least once, and a replay writes nothing new.
 */
@Component
@EnableConfigurationProperties(CaseworkProperties.class)
public class Casework {

    private static final Logger log = LoggerFactory.getLogger(Casework.class);


    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final EventLog events;
    private final CaseThreading threading;
    private final CaseReferences references;
    private final Clock clock;

    public Casework(JdbcClient jdbc, PlatformTransactionManager transactions, EventLog events,
            CaseThreading threading, CaseReferences references, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.events = events;
        this.threading = threading;
        this.references = references;
        this.clock = clock;
    }

    /** Threads an inbound message into its case, in one transaction, once per queue id. */
    public CaseReceipt receive(InboundReply reply) {
        CaseReceipt receipt = transactions.execute(status -> {
            // Two nodes replaying one spool message wait for each other here, then the second sees the first's work.
            AdvisoryLock.INBOUND_MESSAGE.hold(jdbc, reply.queueId());
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

    private CaseReceipt thread(InboundReply reply) {
        CaseThreading.Decision decision = threading.decide(reply, true);
        CaseReceipt.Change change = threading.change(decision, reply);
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
        AuthorKind author = CaseThreading.author(reply, thirdParty);
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
        if (change == CaseReceipt.Change.JOINED && !reply.automatic()
                && (found.status() == CaseStatus.WAITING_CITIZEN || found.status() == CaseStatus.ANSWERED)) {
            // The citizen wrote again: the service has something to do, and paused clocks run again.
            jdbc.sql("update citizen_case set status = 'open' where id = :id").param("id", found.id()).update();
            events.append(found.id(), CaseEventType.STATUS_CHANGED, reply.receivedAt(), Map.of("status",
                    CaseStatus.OPEN.column(), "from", found.status().column(), "queueId", reply.queueId()));
            found = caseById(found.id()).orElseThrow();
        }
        return new CaseReceipt(found, message, decision.threading(), thirdParty, change, false);
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

    private Case open(long serviceId, Long conversationId, String citizen, boolean unthreaded, Long linkedCaseId,
            Instant openedAt) {
        String reference = references.next(openedAt);
        long id = jdbc.sql("""
                        insert into citizen_case (reference, service_id, conversation_id, citizen_address, status,
                                                  unthreaded, opened_at, linked_case_id)
                        values (:reference, :service, :conversation, :citizen, 'new', :unthreaded, :openedAt, :linked)
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
                                                  received_at, visible_text, sanitised_html, automatic_reason,
                                                  authentication)
                        values (:caseId, 'inbound', :author, :thirdParty, :threading, :from, :subject, :messageId,
                                :inReplyTo, :queueId, :receivedAt, :text, :html, :reason, :authentication)
                        returning id""")
                .param("caseId", caseId).param("author", author.column()).param("thirdParty", thirdParty)
                .param("authentication", reply.authentication())
                .param("threading", threading.name()).param("from", reply.from()).param("subject", reply.subject())
                .param("messageId", reply.messageId()).param("inReplyTo", reply.inReplyTo())
                .param("queueId", reply.queueId()).param("receivedAt", Timestamp.from(reply.receivedAt()))
                .param("text", reply.visibleText()).param("html", reply.sanitisedHtml())
                .param("reason", reply.automaticReason())
                .query(Long.class).single();
        return messages(caseId).stream().filter(m -> m.id() == id).findFirst().orElseThrow();
    }

    private Optional<CaseReceipt> earlierReceipt(String queueId) {
        return jdbc.sql("select " + CaseRows.MESSAGE_COLUMNS + " from case_message where queue_id = :q")
                .param("q", queueId).query(CaseRows::messageRow).optional()
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
            Case found = jdbc.sql("select " + CaseRows.CASE_COLUMNS + " from citizen_case where id = :id for update")
                    .param("id", caseId).query(CaseRows::caseRow).optional()
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

    /** The bytes of a case message as the gateway received or sent them (its spool row), if still kept. */
    public Optional<byte[]> original(long caseId, long messageId) {
        return jdbc.sql("""
                        select s.raw from case_message m join spool_message s on s.queue_id = m.queue_id
                        where m.id = :message and m.case_id = :caseId""")
                .param("message", messageId).param("caseId", caseId).query(byte[].class).optional();
    }

    public Optional<Case> caseById(long id) {
        return jdbc.sql("select " + CaseRows.CASE_COLUMNS + " from citizen_case where id = :id")
                .param("id", id).query(CaseRows::caseRow).optional();
    }

    public Optional<Case> find(String reference) {
        return jdbc.sql("select " + CaseRows.CASE_COLUMNS + " from citizen_case where reference = :r")
                .param("r", reference).query(CaseRows::caseRow).optional();
    }

    /** A case's messages, in the order the gateway received them. */
    public List<CaseMessage> messages(long caseId) {
        return jdbc.sql("select " + CaseRows.MESSAGE_COLUMNS + " from case_message where case_id = :id"
                        + " order by received_at, id")
                .param("id", caseId).query(CaseRows::messageRow).list();
    }
}
