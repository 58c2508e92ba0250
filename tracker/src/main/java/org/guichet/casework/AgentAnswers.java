package org.guichet.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.guichet.conversation.Conversation;
import org.guichet.conversation.ConversationLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.guichet.storage.AdvisoryLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Agents' answers to cases. An answer is recorded after the gateway committed it to the spool:
 * an outbound case message (author agent, from the service's address), the agent who wrote it
 * (kept in {@code agent_answer}, never sent to the citizen) and the event ANSWERED at the spool's
 * acceptance time, all in one transaction, once per answer id. Also gives a case the reply path
 * its answers need when nothing tied it to a conversation yet.
 */
@Component
public class AgentAnswers {

    private static final Logger log = LoggerFactory.getLogger(AgentAnswers.class);


    private static final String ANSWER_COLUMNS = """
            a.answer_id, a.case_id, c.reference, a.case_message_id, m.queue_id, m.received_at, a.recipient,
            m.message_id, m.visible_text, a.agent, a.channel""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final EventLog events;
    private final ConversationLog conversations;
    private final Casework casework;
    private final Clock clock;

    public AgentAnswers(JdbcClient jdbc, PlatformTransactionManager transactions, EventLog events,
            ConversationLog conversations, Casework casework, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.events = events;
        this.conversations = conversations;
        this.casework = casework;
        this.clock = clock;
    }

    /**
     * Records an answer the spool accepted, in one transaction. Idempotent on the answer id:
     * a second call returns the first record, marked duplicate, and writes nothing.
     */
    public RecordedAnswer record(AgentAnswer answer) {
        RecordedAnswer recorded = transactions.execute(status -> {
            // Two nodes recording one answer id wait for each other here; the second sees the first's row.
            AdvisoryLock.ANSWER.hold(jdbc, answer.answerId());
            Optional<RecordedAnswer> earlier = find(answer.answerId());
            return earlier.map(RecordedAnswer::asDuplicate).orElseGet(() -> insert(answer));
        });
        if (recorded.duplicate()) {
            log.info("queue {}: case={} answer={} status=duplicate (already recorded)", answer.queueId(),
                    recorded.caseReference(), answer.answerId());
        } else {
            log.info("queue {}: case={} answer={} channel={} status=answered", answer.queueId(),
                    recorded.caseReference(), answer.answerId(), answer.agent().channel().column());
        }
        return recorded;
    }

    private RecordedAnswer insert(AgentAnswer answer) {
        Case answered = jdbc.sql("select id from citizen_case where id = :id for update").param("id", answer.caseId())
                .query(Long.class).optional().flatMap(casework::caseById)
                .orElseThrow(() -> new IllegalArgumentException("no case with id " + answer.caseId()));
        long messageId = jdbc.sql("""
                        insert into case_message (case_id, direction, author_kind, third_party, from_address, subject,
                                                  message_id, in_reply_to, queue_id, received_at, visible_text)
                        values (:caseId, 'outbound', 'agent', false, :from, :subject, :messageId, :inReplyTo, :queueId,
                                :at, :text)
                        returning id""")
                .param("caseId", answered.id()).param("from", answer.from()).param("subject", answer.subject())
                .param("messageId", answer.messageId()).param("inReplyTo", answer.inReplyTo())
                .param("queueId", answer.queueId()).param("at", Timestamp.from(answer.acceptedAt()))
                .param("text", answer.text())
                .query(Long.class).single();
        jdbc.sql("""
                        insert into agent_answer (answer_id, case_id, case_message_id, agent, channel, recipient,
                                                  recorded_at)
                        values (:answerId, :caseId, :messageId, :agent, :channel, :recipient, :now)""")
                .param("answerId", answer.answerId()).param("caseId", answered.id()).param("messageId", messageId)
                .param("agent", answer.agent().identity()).param("channel", answer.agent().channel().column())
                .param("recipient", answer.to()).param("now", Timestamp.from(clock.instant()))
                .update();
        // Codes and references only: the agent and the addresses stay in agent_answer and case_message (GDPR).
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("answerId", answer.answerId());
        payload.put("queueId", answer.queueId());
        payload.put("message", messageId);
        payload.put("channel", answer.agent().channel().column());
        events.append(answered.id(), CaseEventType.ANSWERED, answer.acceptedAt(), payload);
        // The ANSWERED event is the change; the column follows. An answer on a closed case leaves it closed.
        jdbc.sql("update citizen_case set status = 'answered' where id = :id and status <> 'closed'")
                .param("id", answered.id()).update();
        return find(answer.answerId()).orElseThrow();
    }

    /** The answer recorded under this id, if any. */
    public Optional<RecordedAnswer> find(String answerId) {
        return jdbc.sql("select " + ANSWER_COLUMNS + """
                         from agent_answer a join citizen_case c on c.id = a.case_id
                        join case_message m on m.id = a.case_message_id where a.answer_id = :id""")
                .param("id", answerId).query(AgentAnswers::answerRow).optional();
    }

    /** The answers of a case, oldest first, with their (internal) authors. */
    public List<RecordedAnswer> answers(long caseId) {
        return jdbc.sql("select " + ANSWER_COLUMNS + """
                         from agent_answer a join citizen_case c on c.id = a.case_id
                        join case_message m on m.id = a.case_message_id where a.case_id = :id
                        order by m.received_at, m.id""")
                .param("id", caseId).query(AgentAnswers::answerRow).list();
    }

    /** The conversation a case belongs to (its reply address), if it has one. */
    public Optional<Conversation> conversationOf(long caseId) {
        return jdbc.sql("""
                        select v.public_id from citizen_case c join conversation v on v.id = c.conversation_id
                        where c.id = :id""")
                .param("id", caseId).query(String.class).optional().flatMap(conversations::find);
    }

    /**
     * Ties a case that has no conversation (an unthreaded case) to a new one, recorded in the
     * conversation log, so that its answers carry a signed reply address and the citizen's
     * replies to them come back to this case by token. When the case already has a
     * conversation (another node was faster), that one is returned and nothing is written.
     */
    public Conversation openConversation(long caseId, Conversation opened) {
        return transactions.execute(status -> {
            boolean tied = jdbc.sql("select conversation_id is not null from citizen_case where id = :id for update")
                    .param("id", caseId).query(Boolean.class).optional()
                    .orElseThrow(() -> new IllegalArgumentException("no case with id " + caseId));
            if (tied) {
                return conversationOf(caseId).orElseThrow();
            }
            conversations.record(opened);
            jdbc.sql("update citizen_case set conversation_id = (select id from conversation where public_id = :p)"
                            + " where id = :id")
                    .param("p", opened.publicId()).param("id", caseId).update();
            log.info("case {}: conversation={} opened for answers", caseReference(caseId), opened.publicId());
            return conversations.find(opened.publicId()).orElseThrow();
        });
    }

    /**
     * The case a reply to this conversation reaches: its latest case, or the case linked after
     * it when that one was closed and a reply opened another. Empty while no case exists.
     */
    public Optional<Case> caseOfConversation(String publicId) {
        Optional<Long> latest = jdbc.sql("""
                        select c.id from citizen_case c join conversation v on v.id = c.conversation_id
                        where v.public_id = :p order by c.id desc limit 1""")
                .param("p", publicId).query(Long.class).optional();
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        long id = latest.get();
        for (Optional<Long> next = successor(id); next.isPresent(); next = successor(id)) {
            id = next.get();
        }
        return casework.caseById(id);
    }

    private Optional<Long> successor(long caseId) {
        return jdbc.sql("select id from citizen_case where linked_case_id = :id order by id desc limit 1")
                .param("id", caseId).query(Long.class).optional();
    }

    private String caseReference(long caseId) {
        return jdbc.sql("select reference from citizen_case where id = :id").param("id", caseId)
                .query(String.class).single();
    }

    private static RecordedAnswer answerRow(ResultSet rs, int n) throws SQLException {
        return new RecordedAnswer(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8), rs.getString(9),
                new AnsweringAgent(rs.getString(10), AnsweringAgent.Channel.of(rs.getString(11))), false);
    }
}
