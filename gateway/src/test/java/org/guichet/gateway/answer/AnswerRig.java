package org.guichet.gateway.answer;

import java.io.ByteArrayInputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.guichet.administration.AdministrationProperties;
import org.guichet.administration.AdministrationProperties.ServiceDefinition;
import org.guichet.administration.ServiceDirectory;
import org.guichet.casework.AgentAnswers;
import org.guichet.casework.CaseReceipt;
import org.guichet.casework.CaseReferences;
import org.guichet.casework.CaseThreading;
import org.guichet.casework.Casework;
import org.guichet.casework.CaseworkProperties;
import org.guichet.casework.EventLog;
import org.guichet.casework.InboundReply;
import org.guichet.conversation.Conversation;
import org.guichet.conversation.ConversationLog;
import org.guichet.gateway.spool.PostgresSpool;
import org.guichet.gateway.spool.SpoolProperties;
import org.guichet.gateway.spool.SpoolSignal;
import org.guichet.gateway.token.ReplyToken;
import org.guichet.gateway.token.ReplyTokenKey;
import org.guichet.gateway.token.ReplyTokenKeyRing;
import org.guichet.gateway.token.ReplyTokenSigner;
import org.guichet.gateway.token.ReplyTokenVerifier;
import org.guichet.storage.TestPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * A migrated database with two services and the real answering parts over it: casework, the
 * PostgreSQL spool, the composer. « prestations » has a public address and mailbox mode; «
 * accueil » has neither.
 */
final class AnswerRig implements AutoCloseable {

    static final String CITIZEN = "amelie.rousseau@example.org";
    static final String AGENT = "j.dupont@agents.caf.fr";
    static final String MAILBOX = "prestations-boite@caf.fr";
    static final String REPLY_DOMAIN = "reponse.caf.fr";
    static final Instant T0 = Instant.parse("2026-03-03T09:00:00Z");

    final DataSource database = TestPostgres.newMigratedDatabase();
    final JdbcClient jdbc = JdbcClient.create(database);
    final DataSourceTransactionManager transactions = new DataSourceTransactionManager(database);
    final Clock clock = Clock.fixed(T0.plus(Duration.ofHours(2)), ZoneOffset.UTC);
    final EventLog events = new EventLog(jdbc, transactions);
    final CaseReferences references = new CaseReferences(jdbc, CaseworkProperties.defaults());
    final Casework casework = new Casework(jdbc, transactions, events,
            new CaseThreading(jdbc, transactions, references), references, clock);
    final ConversationLog conversations = new ConversationLog(jdbc, clock);
    final AgentAnswers answers = new AgentAnswers(jdbc, transactions, events, conversations, casework, clock);
    final ReplyTokenKeyRing ring = new ReplyTokenKeyRing(Map.of("k1", new ReplyTokenKey("k1", new byte[32])), "k1");
    final ReplyTokenSigner signer = new ReplyTokenSigner(ring, new SecureRandom());
    final ReplyTokenVerifier verifier = new ReplyTokenVerifier(ring);
    final ServiceDirectory directory;
    final ServiceMailboxes mailboxes;
    final CaseReplyPath replyPath = new CaseReplyPath(answers, signer, REPLY_DOMAIN, clock);
    final PostgresSpool spool = new PostgresSpool(database, Clock.systemUTC(),
            new SpoolProperties(128, Duration.ofSeconds(30), Duration.ofMinutes(5), 100, Duration.ofMillis(500)),
            new SpoolSignal(), new SimpleMeterRegistry());
    final AnswerService service;
    private int queue;

    AnswerRig() {
        AdministrationProperties administration = new AdministrationProperties("caf-34", "CAF de l'Hérault",
                Map.of("prestations", new ServiceDefinition("CAF Prestations", List.of(), List.of(), null,
                                "prestations@caf.fr", null, null, "default", List.of(), MAILBOX, List.of(AGENT), true),
                        "accueil", new ServiceDefinition("Accueil CAF", List.of(), List.of(), null, null, null, null,
                                "default")));
        directory = new ServiceDirectory(administration, jdbc, Clock.systemUTC());
        directory.afterPropertiesSet();
        mailboxes = new ServiceMailboxes(administration, directory, jdbc);
        mailboxes.afterPropertiesSet();
        service = new AnswerService(casework, answers, mailboxes,
                new CaseLetters(replyPath, new AnswerComposer(), spool, jdbc, clock));
    }

    /** A conversation of the service with the citizen, as the outbound pipeline records it. */
    Conversation conversation(String serviceCode, String finalMessageId) {
        ReplyToken token = signer.newConversation();
        Conversation conversation = new Conversation(token.conversationId(), directory.byCode(serviceCode).id(),
                "OUT01", "noreply@caf.fr", CITIZEN, "Votre dossier", null, finalMessageId,
                signer.localPart(token) + "@" + REPLY_DOMAIN, T0.minus(Duration.ofDays(1)));
        conversations.record(conversation);
        return conversation;
    }

    /** A message received by the gateway, threaded by token when a conversation is given. */
    CaseReceipt receive(String from, Conversation conversation, String subject) {
        queue++;
        return casework.receive(new InboundReply("IN" + queue, T0.plus(Duration.ofMinutes(queue)), from,
                conversation == null ? null : conversation.publicId(), "<in-" + queue + "@mail.example.org>",
                conversation == null ? null : conversation.finalMessageId(), List.of(), subject,
                "Bonjour, voici mon justificatif.", null, null, conversation == null ? "accueil" : null));
    }

    byte[] spooled(String queueId) {
        return jdbc.sql("select raw from spool_message where queue_id = :q").param("q", queueId)
                .query(byte[].class).single();
    }

    Instant spooledAt(String queueId) {
        return jdbc.sql("select received_at from spool_message where queue_id = :q").param("q", queueId)
                .query(java.sql.Timestamp.class).single().toInstant();
    }

    static MimeMessage parse(byte[] raw) throws MessagingException {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }

    /** The header section as written on the wire, unfolded (RFC 5322 §2.2.3), runs of blanks as one space. */
    static List<String> headerLines(byte[] raw) {
        String text = new String(raw, java.nio.charset.StandardCharsets.US_ASCII);
        String head = text.substring(0, text.indexOf("\r\n\r\n")).replaceAll("\r\n(?=[ \t])", "")
                .replaceAll("[ \t]+", " ");
        return List.of(head.split("\r\n"));
    }

    @Override
    public void close() throws InterruptedException {
        spool.destroy();
    }
}
