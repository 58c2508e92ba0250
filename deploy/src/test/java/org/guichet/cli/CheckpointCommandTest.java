package org.guichet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.casework.TestCases.answered;
import static org.guichet.casework.TestCases.reply;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;

import org.guichet.Guichet;
import org.guichet.TestNode;
import org.guichet.casework.Casework;
import org.guichet.casework.ChainRewrite;
import org.guichet.casework.EventLog;
import org.guichet.checkpoint.Checkpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Checkpoints as an auditor holds and checks them: {@code guichet audit checkpoint} signs the
 * head of the log, {@code guichet audit verify --checkpoints DIR} proves the log still extends
 * them, and catches a rewrite of the whole chain that the chain alone no longer shows.
 */
@SpringBootTest(classes = Guichet.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class CheckpointCommandTest {

    static final TestNode NODE = TestNode.running("checkpoints", "web")
            .set("guichet.administration.code", "caf-34");

    @Autowired
    Casework casework;

    @Autowired
    EventLog events;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aConsistentRewriteOfTheWholeChainIsCaughtByTheCheckpointsHeldOutside(@TempDir Path held) throws Exception {
        long first = casework.receive(reply("C1", "2026-04-02T08:00:00Z")).caseFile().id();
        casework.receive(reply("C2", "2026-04-02T09:00:00Z"));
        CommandRun signed = CommandRun.of(NODE.flags("audit", "checkpoint"));
        assertThat(signed.status()).as(signed.err()).isZero();
        Checkpoint checkpoint = Checkpoint.parse(signed.out());
        assertThat(checkpoint.origin()).isEqualTo("guichet/caf-34/event-log");
        assertThat(checkpoint.size()).isEqualTo(events.head().count());
        Files.writeString(held.resolve("2026-04-02.txt"), signed.out(), StandardCharsets.UTF_8);
        answered(events, first, "2026-04-03T08:00:00Z");
        Files.writeString(held.resolve("2026-04-03.txt"), CommandRun.of(NODE.flags("audit", "checkpoint")).out(),
                StandardCharsets.UTF_8);

        CommandRun intact = CommandRun.of(NODE.flags("audit", "verify", "--checkpoints", held.toString()));
        assertThat(intact.status()).as(intact.out() + intact.err()).isZero();
        assertThat(intact.out()).contains("checkpoint 2026-04-02.txt (" + checkpoint.size() + " events")
                .contains("holds, the log extends it").contains("checkpoints: the log extends all 2");
        assertThat(NODE.home.resolve("keys/event-log-checkpoint.key")).satisfies(key -> assertThat(
                Files.getPosixFilePermissions(key)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE));

        // As a database superuser could: the first receipt a day earlier, every hash recomputed after it.
        long firstEvent = jdbc.sql("select min(id) from case_event").query(Long.class).single();
        ChainRewrite.moveEarlier(jdbc, firstEvent, Duration.ofDays(1));

        CommandRun chainOnly = CommandRun.of(NODE.flags("audit", "verify"));
        assertThat(chainOnly.out()).as("the rewritten chain is consistent in itself").contains("event log: intact");
        CommandRun rewritten = CommandRun.of(NODE.flags("audit", "verify", "--checkpoints", held.toString()));
        assertThat(rewritten.status()).isEqualTo(1);
        assertThat(rewritten.out()).contains("event log: intact")
                .contains("checkpoint 2026-04-02.txt (" + checkpoint.size() + " events, " + checkpoint.signedAt()
                        + "): FAILS, after its " + checkpoint.size()
                        + " events the chain no longer ends on its hash: the log was rewritten")
                .contains("first checkpoint the log does not extend: 2026-04-02.txt")
                .contains("checkpoints: broken");
    }

    @Test
    void aCheckpointSignedByAnotherKeyOrAltered(@TempDir Path held) throws Exception {
        CommandRun signed = CommandRun.of(NODE.flags("audit", "checkpoint"));
        String altered = signed.out().replaceFirst("\n(\\d+)\n", "\n999999\n");
        Files.writeString(held.resolve("altered.txt"), altered, StandardCharsets.UTF_8);

        CommandRun run = CommandRun.of(NODE.flags("audit", "verify", "--checkpoints", held.toString()));
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("checkpoint altered.txt (999999 events").contains("FAILS, no known key signed it");

        CommandRun key = CommandRun.of(NODE.flags("audit", "checkpoint", "--key"));
        assertThat(key.out().strip()).matches("guichet/caf-34\\+[0-9a-f]{8}\\+[A-Za-z0-9+/]{44}");
        CommandRun unknownKey = CommandRun.of(NODE.flags("audit", "verify", "--checkpoints", held.toString(), "--key",
                "nonsense"));
        assertThat(unknownKey.status()).isEqualTo(2);
        assertThat(unknownKey.err()).contains("a verifier key is NAME+KEYID+BASE64");
        assertThat(CommandRun.of(NODE.flags("audit", "verify", "--checkpoints", held.resolve("none").toString()))
                .err()).contains("cannot read the checkpoints folder");
    }
}
