package org.guichet.casework;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.guichet.TestClock;
import org.guichet.administration.AdministrationProperties.ServiceDefinition;
import org.guichet.administration.AdministrationProperties;
import org.guichet.administration.ServiceDirectory;
import org.guichet.conversation.Conversation;
import org.guichet.conversation.ConversationLog;
import org.guichet.storage.TestPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** A migrated database with the default service and « prestations », and casework over it. */
final class CaseworkRig {

    static final Instant T0 = Instant.parse("2026-03-03T09:00:00.123456Z");

    final DataSource database = TestPostgres.newMigratedDatabase();
    final JdbcClient jdbc = JdbcClient.create(database);
    final DataSourceTransactionManager transactions = new DataSourceTransactionManager(database);
    final TestClock clock = new TestClock(T0.plus(Duration.ofHours(1)));
    final ServiceDirectory services;
    final ConversationLog conversations = new ConversationLog(jdbc, clock);
    final EventLog events = new EventLog(jdbc, transactions);
    final CaseReferences references = new CaseReferences(jdbc, CaseworkProperties.defaults());
    final CaseThreading threading = new CaseThreading(jdbc, transactions, references);
    final Casework casework = new Casework(jdbc, transactions, events, threading, references, clock);
    private int queue;

    CaseworkRig() {
        services = new ServiceDirectory(new AdministrationProperties("caf-34", "CAF de l'Hérault",
                Map.of("prestations", new ServiceDefinition("Prestations", List.of(), List.of("@caf.fr"), null, null,
                        null, null, "default"),
                        "logement", new ServiceDefinition("Aides au logement", List.of(), List.of("logement@caf.fr"),
                                null, null, null, null, "default"))), jdbc, Clock.systemUTC());
        services.afterPropertiesSet();
    }

    /** A web account (no usable password) placed in the given services. */
    void account(String username, String... serviceCodes) {
        jdbc.sql("insert into web_account (username, password_hash, roles, created_at) values (:u, 'x', 'AGENT', now())")
                .param("u", username).update();
        new Caseworkers(jdbc, transactions).place(username, List.of(serviceCodes));
    }

    long serviceId(String code) {
        return services.byCode(code).id();
    }

    /** A conversation of « prestations » with {@code recipient}; its final Message-ID is {@code <id.x@reponse.caf.fr>}. */
    Conversation conversation(String publicId, String recipient) {
        Conversation conversation = new Conversation(publicId, serviceId("prestations"), "OUT" + publicId.substring(0, 4),
                "noreply@caf.fr", recipient, "Votre dossier", "<app-1@caf.fr>", finalMessageId(publicId),
                "reply+k1-" + publicId + "abcdefghijklmnop@reponse.caf.fr", T0.minus(Duration.ofDays(2)));
        conversations.record(conversation);
        return conversation;
    }

    static String finalMessageId(String publicId) {
        return "<" + publicId + ".0a0b0c@reponse.caf.fr>";
    }

    void closedCaseReply(String serviceCode, String setting) {
        jdbc.sql("update service set closed_case_reply = :s where code = :c").param("s", setting)
                .param("c", serviceCode).update();
    }

    Reply reply(String from) {
        queue++;
        return new Reply("Q" + queue + "X", T0.plus(Duration.ofMinutes(queue)), from);
    }

    /** A fluent inbound reply; each has a fresh queue id and a later reception time. */
    record Reply(String queueId, Instant receivedAt, String from, String conversationId, String messageId,
            String inReplyTo, List<String> references, String subject, String automaticReason, String serviceCode) {

        Reply(String queueId, Instant receivedAt, String from) {
            this(queueId, receivedAt, from, null, "<" + queueId + "@mail.example.org>", null, List.of(),
                    "Re: Votre dossier", null, null);
        }

        Reply token(String conversation) {
            return new Reply(queueId, receivedAt, from, conversation, messageId, inReplyTo, references, subject,
                    automaticReason, serviceCode);
        }

        Reply inReplyTo(String id) {
            return new Reply(queueId, receivedAt, from, conversationId, messageId, id, references, subject,
                    automaticReason, serviceCode);
        }

        Reply references(String... ids) {
            return new Reply(queueId, receivedAt, from, conversationId, messageId, inReplyTo, List.of(ids), subject,
                    automaticReason, serviceCode);
        }

        Reply subject(String text) {
            return new Reply(queueId, receivedAt, from, conversationId, messageId, inReplyTo, references, text,
                    automaticReason, serviceCode);
        }

        Reply automatic(String reason) {
            return new Reply(queueId, receivedAt, from, conversationId, messageId, inReplyTo, references, subject,
                    reason, serviceCode);
        }

        Reply service(String code) {
            return new Reply(queueId, receivedAt, from, conversationId, messageId, inReplyTo, references, subject,
                    automaticReason, code);
        }

        InboundReply inbound() {
            return new InboundReply(queueId, receivedAt, from, conversationId, messageId, inReplyTo, references,
                    subject, "Bonjour, voici mon justificatif.", "<p>Bonjour</p>", automaticReason, serviceCode);
        }
    }
}
