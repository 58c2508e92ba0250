package org.guichet.web.cases;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.guichet.casework.AgentAnswers;
import org.guichet.casework.Case;
import org.guichet.casework.Casework;
import org.guichet.casework.EventLog;
import org.guichet.casework.RecordedAnswer;
import org.guichet.conversation.Conversation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Puts a case together as agents see it, for the REST API and the pages alike. */
@Component
record CaseViews(Casework casework, EventLog events, AgentAnswers answers, JdbcClient jdbc) {

    CaseView of(Case found) {
        Map<Long, RecordedAnswer> byMessage = answers.answers(found.id()).stream()
                .collect(Collectors.toMap(RecordedAnswer::caseMessageId, Function.identity()));
        List<CaseView.Message> messages = casework.messages(found.id()).stream().map(m -> {
            RecordedAnswer answer = byMessage.get(m.id());
            return new CaseView.Message(m.id(), lower(m.direction()), lower(m.author()), m.thirdParty(),
                    m.threading() == null ? null : m.threading().name(), m.fromAddress(),
                    answer == null ? null : answer.to(), answer == null ? null : answer.agent().identity(),
                    m.subject(), m.messageId(), m.inReplyTo(), m.queueId(), m.receivedAt(), m.visibleText(),
                    m.sanitisedHtml(), m.automaticReason(), m.authentication());
        }).toList();
        List<CaseView.Event> log = events.events(found.id()).stream()
                .map(e -> new CaseView.Event(e.seq(), e.type(), e.occurredAt(), e.payload(), e.hashHex())).toList();
        String service = jdbc.sql("select code from service where id = :id").param("id", found.serviceId())
                .query(String.class).single();
        String linked = found.linkedCaseId() == null ? null : casework.caseById(found.linkedCaseId())
                .map(Case::reference).orElse(null);
        return new CaseView(found.reference(), service, lower(found.status()), found.unthreaded(), found.priority(),
                found.citizenAddress(), answers.conversationOf(found.id()).map(Conversation::replyAddress).orElse(null),
                found.assignee(), found.openedAt(), found.closedAt(), linked, messages, log);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
