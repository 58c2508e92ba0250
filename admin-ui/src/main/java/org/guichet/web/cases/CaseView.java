package org.guichet.web.cases;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * A case as agents see it: the case, its messages (visible text and sanitised HTML; the raw
 * bytes stay in the spool under each message's queue id) and its events.
 */
record CaseView(String reference, String serviceCode, String status, boolean unthreaded, String priority,
        String citizenAddress, String replyAddress, String assignee, Instant openedAt, Instant closedAt, String linkedCase,
        List<Message> messages, List<Event> events) {

    /**
     * @param agent for an agent's answer, who wrote it (web account or mailbox address); shown to
     *              agents and supervisors only, never sent to the citizen
     * @param to    for an agent's answer, the correspondent it went to
     */
    record Message(long id, String direction, String author, boolean thirdParty, String threading, String from,
            String to, String agent, String subject, String messageId, String inReplyTo, String queueId,
            Instant receivedAt, String visibleText, String sanitisedHtml, String automaticReason, String authentication) {
    }

    record Event(int seq, String type, Instant occurredAt, @JsonRawValue String payload, String hash) {
    }
}
