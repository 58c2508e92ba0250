package org.guichet.gateway.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.guichet.TestNode;
import org.guichet.gateway.GatewayTestApplication;
import org.guichet.gateway.hostile.HostileCorpus.Expected;
import org.guichet.gateway.hostile.HostileCorpus.Sample;
import org.guichet.gateway.smtp.SmtpDialog;
import org.guichet.gateway.token.ReplyTokenSigner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A thousand hostile messages through a whole node (real SMTP sessions, real PostgreSQL, the
 * shipped pipeline), half as an application's official mail, half as citizens' replies: each
 * is refused at DATA with a 5xx or accepted, and every accepted one ends relayed (recipients
 * queued), threaded into a case, replaced by its personal copies, or held with its reason —
 * none past its time budget, none lost, and the node still works afterwards.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class HostileCorpusTest {

    static final int COUNT = 1000;
    static final Duration BUDGET = Duration.ofSeconds(20);

    // Nothing listens on the node's smarthost: relayed mail stays as queued recipients.
    static final TestNode NODE = TestNode.running("hostile-corpus", "submission,inbound,worker")
            .set("guichet.smtp.hostname", "mx.guichet.test")
            .set("guichet.smtp.max-message-size", HostileCorpus.MAX_SIZE + "B")
            .set("guichet.pipeline.budget.time", BUDGET.toSeconds() + "s")
            .set("guichet.pipeline.budget.retry-after-failure", "1s");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReplyTokenSigner signer;

    private record Sent(Sample sample, boolean reply, String answer, String queueId) {
    }

    @Test
    void everyHostileMessageIsRefusedOrEndsSomewhereAnOperatorCanSee() throws Exception {
        List<Sample> corpus = HostileCorpus.generate(COUNT, 20261204L);
        List<Sent> sent = new ArrayList<>();
        try (SmtpDialog official = SmtpDialog.greeted(NODE.submission, "app.caf.test");
             SmtpDialog citizens = SmtpDialog.greeted(NODE.inbound, "mail.example.org")) {
            for (Sample sample : corpus) {
                // Every kind both ways: one round of kinds as replies, the next as official mail.
                boolean reply = sample.index() / HostileCorpus.KINDS.size() % 2 == 0;
                SmtpDialog smtp = reply ? citizens : official;
                String recipient = reply ? signer.localPart(signer.newConversation()) + "@" + TestNode.REPLY_DOMAIN
                        : "citoyen" + sample.index() + "@example.org";
                assertThat(smtp.command("MAIL FROM:<" + (reply ? "usager" + sample.index() + "@example.org"
                        : "ne-pas-repondre@caf.test") + ">")).as("%s", sample).startsWith("250");
                assertThat(smtp.command("RCPT TO:<" + recipient + ">")).as("%s", sample).startsWith("250");
                assertThat(smtp.command("DATA")).as("%s", sample).startsWith("354");
                // Transparency (RFC 5321 §4.5.2): a line starting with a dot gets another.
                String text = new String(sample.data(), StandardCharsets.ISO_8859_1);
                text = text.endsWith("\r\n") ? text : text + "\r\n";
                smtp.send((text.startsWith(".") ? "." : "") + text.replace("\r\n.", "\r\n..") + ".\r\n");
                String answer;
                try {
                    answer = smtp.reply();
                } catch (java.io.IOException e) {
                    throw new AssertionError("no answer to the end of DATA of " + sample, e);
                }
                assertThat(answer).as("%s", sample).isNotNull();
                String queueId = answer.startsWith("250") ? SmtpDialog.queueId(answer) : null;
                sent.add(new Sent(sample, reply, answer, queueId));
            }
        }

        for (Sent s : sent) {
            if (s.sample().expected() == Expected.ACCEPTED) {
                assertThat(s.answer()).as("%s", s.sample()).startsWith("250 2.0.0");
            } else {
                assertThat(s.answer()).as("%s", s.sample()).matches("5[0-9][0-9] 5\\.[0-9]\\.[0-9] .*");
            }
        }

        await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(1)).until(() -> jdbc.sql(
                "select count(*) from spool_message where stage = 'pipeline'").query(Long.class).single() == 0);

        Map<String, Map<String, Integer>> outcomes = new TreeMap<>();
        for (Sent s : sent) {
            String outcome = s.queueId() == null ? "refused " + s.answer().substring(0, 9) : outcome(s);
            outcomes.computeIfAbsent(s.sample().kind(), k -> new LinkedHashMap<>()).merge(outcome, 1, Integer::sum);
        }
        outcomes.forEach((kind, counts) -> System.out.println("hostile corpus: " + kind + " " + counts));
        assertThat(outcomes.values().stream().flatMap(m -> m.keySet().stream()))
                .as("every accepted message ended where an operator can see it")
                .allMatch(o -> o.startsWith("refused") || o.equals("relayed") || o.equals("threaded")
                        || o.equals("copied") || o.startsWith("held"))
                .noneMatch(o -> o.contains("time budget"));

        // The node still works: an ordinary reply after the corpus is threaded.
        String after;
        try (SmtpDialog smtp = SmtpDialog.greeted(NODE.inbound, "mail.example.org")) {
            after = smtp.deliver("camille@example.org", signer.localPart(signer.newConversation()) + "@"
                    + TestNode.REPLY_DOMAIN, "From: camille@example.org\r\nSubject: Re: dossier\r\n\r\nBonjour\r\n");
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "select count(*) from case_message where queue_id = ?").param(after).query(Long.class).single() == 1);
    }

    /** Where an accepted message ended, as an operator would find it. */
    private String outcome(Sent s) {
        List<Map<String, Object>> rows = jdbc.sql("select id, stage, error from spool_message where queue_id = ?")
                .param(s.queueId()).query().listOfRows();
        if (rows.isEmpty()) {
            return "lost: no spool row";
        }
        Map<String, Object> row = rows.get(0);
        String stage = (String) row.get("stage");
        long id = (Long) row.get("id");
        return switch (stage) {
            case "held" -> "held: " + reason((String) row.get("error"));
            case "delivery" -> jdbc.sql("select count(*) from spool_recipient where message_id = ?").param(id)
                    .query(Long.class).single() > 0 ? "relayed" : "lost: delivery without recipients";
            case "done" -> {
                // A message partly changed before a mailet failed is held as a new spool message.
                if (jdbc.sql("select count(*) from spool_message where stage = 'held' and position(convert_to(?, 'UTF8') in raw) > 0")
                        .param("<hostile." + s.sample().index() + "@example.org>").query(Long.class).single() > 0) {
                    yield "held: as changed by the pipeline";
                }
                if (s.reply()) {
                    yield jdbc.sql("select count(*) from case_message where queue_id = ?").param(s.queueId())
                            .query(Long.class).single() == 1 ? "threaded" : "lost: done without a case message";
                }
                yield jdbc.sql("select count(*) from conversation where queue_id = ?").param(s.queueId())
                        .query(Long.class).single() > 0 ? "copied" : "lost: done without copies";
            }
            default -> "stuck in " + stage;
        };
    }

    private static String reason(String error) {
        if (error == null) {
            return "no reason";
        }
        return error.length() > 60 ? error.substring(0, 60) : error;
    }
}
