package org.guichet.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.guichet.administration.ServiceDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides which case a citizen's message belongs to, reading only. In this order: the signed
 * token of the reply address (its conversation, then that conversation's case, opened on the
 * first reply); In-Reply-To/References naming a Message-ID Guichet sent or received; a case
 * reference in the subject, only when the sender is the case's citizen (references are not
 * secret); otherwise a new case flagged unthreaded in the service's queue. The last two only
 * when the author passed DMARC (or SPF where the domain has no DMARC policy): Message-IDs and
 * references are not secret, a forged From would otherwise slip a message into someone's case. A reply from another
 * address than the citizen's is a third party's. {@link Casework} records what it decides.
 */
@Component
public class CaseThreading {

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;
    private final CaseReferences references;

    public CaseThreading(JdbcClient jdbc, PlatformTransactionManager transactions, CaseReferences references) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.references = references;
    }

    /**
     * Where {@link Casework#receive} would thread this message, read from the database as it
     * stands: nothing is written or locked (a read-only transaction). For {@code guichet inspect}.
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

    /**
     * The decision, in the caller's transaction. With {@code lock}, the conversation and case rows
     * read are locked for the transaction that then writes.
     */
    Decision decide(InboundReply reply, boolean lock) {
        return byToken(reply, lock)
                .or(() -> byHeaders(reply, lock))
                .or(() -> bySubject(reply, lock))
                .orElseGet(() -> unthreaded(reply));
    }

    /** What the message does to its case: a case found closed is reopened or linked, unless the mail is automatic. */
    CaseReceipt.Change change(Decision decision, InboundReply reply) {
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

    static AuthorKind author(InboundReply reply, boolean thirdParty) {
        return reply.automatic() ? AuthorKind.AUTOMATIC : thirdParty ? AuthorKind.THIRD_PARTY : AuthorKind.CITIZEN;
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
        if (!reply.authorVouchedFor()) {
            return Optional.empty(); // anyone can write a Message-ID they saw into References
        }
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
        if (!reply.authorVouchedFor()) {
            return Optional.empty(); // the citizen's address is the only proof here, and From is easy to forge
        }
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
        return jdbc.sql("select " + CaseRows.CASE_COLUMNS + " from citizen_case where id = :id"
                        + (lock ? " for update" : ""))
                .param("id", id).query(CaseRows::caseRow).single();
    }

    private Optional<Long> successor(long caseId) {
        return jdbc.sql("select id from citizen_case where linked_case_id = :id order by id desc limit 1")
                .param("id", caseId).query(Long.class).optional();
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

    /**
     * Where a message goes. {@code existing} is the case it joins (its latest linked successor),
     * or null when a case is to be opened for {@code serviceId}, {@code conversationId} and
     * {@code citizen}.
     *
     * @param matched the conversation id, Message-ID or case reference that threaded it; null when unthreaded
     */
    record Decision(Threading threading, String matched, Case existing, long serviceId, Long conversationId,
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
