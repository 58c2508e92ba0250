package org.guichet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.casework.TestCases.acknowledged;
import static org.guichet.casework.TestCases.answered;
import static org.guichet.casework.TestCases.reply;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.guichet.Guichet;
import org.guichet.TestNode;
import org.guichet.casework.Case;
import org.guichet.casework.Casework;
import org.guichet.casework.EventLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@code guichet export} as an auditor runs it: the export of April written with progress on
 * the standard error, {@code export verify} on the file alone (a changed byte caught with its
 * line), {@code export report} giving the figures of {@code guichet report}, addresses
 * pseudonymised unless {@code --addresses}, and bad input refused with exit status 2.
 */
@SpringBootTest(classes = Guichet.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ExportCommandTest {

    static final TestNode NODE = TestNode.running("export", "web").set("guichet.administration.code", "caf-34");

    @BeforeAll
    static void april(@Autowired Casework casework, @Autowired EventLog events) {
        Case answered = casework.receive(reply("E1", "2026-04-02T08:00:00Z")).caseFile();
        casework.receive(reply("E2", "2026-04-02T09:00:00Z"));
        acknowledged(events, answered.id(), "E1", "2026-04-02T08:00:01Z");
        answered(events, answered.id(), "2026-04-03T08:00:00Z");
        casework.receive(reply("E3", "2026-05-04T09:00:00Z"));
    }

    @Test
    void anExportWrittenVerifiedAndRecomputed(@TempDir Path folder) throws Exception {
        assertThat(CommandRun.of(NODE.flags("audit", "checkpoint")).status()).isZero();
        assertThat(CommandRun.of(NODE.flags("audit", "verify")).status()).isZero();
        Path file = folder.resolve("april.jsonl");
        CommandRun written = CommandRun.of(NODE.flags("export", "--from", "2026-04-01", "--to", "2026-04-30", "--out",
                file.toString()));
        assertThat(written.status()).as(written.err()).isZero();
        assertThat(written.err()).containsPattern(
                "export: 2026-04-01 to 2026-04-30, \\d+ lines written to .*april.jsonl, sha256 [0-9a-f]{64},"
                        + " addresses pseudonymised");
        String export = Files.readString(file);
        assertThat(export).startsWith("{\"addresses\":\"pseudonymised\",").contains("\"record\":\"event\"")
                .contains("\"record\":\"checkpoint\"").doesNotContain("@example.org");
        assertThat(export.lines().filter(l -> l.contains("\"record\":\"case\"")).count())
                .as("the May case is not of the period").isEqualTo(2);

        CommandRun verified = CommandRun.of("export", "verify", file.toString());
        assertThat(verified.status()).as(verified.out() + verified.err()).isZero();
        assertThat(verified.out()).contains("export: verifies").contains("holds, the export's chain extends it");

        // The report from the file alone has the figures of guichet report (the metadata says when each was made).
        CommandRun recomputed = CommandRun.of("export", "report", file.toString(), "--month", "2026-04");
        assertThat(recomputed.status()).as(recomputed.err()).isZero();
        CommandRun database = CommandRun.of(NODE.flags("report", "--month", "2026-04"));
        assertThat(rows(recomputed.out())).isEqualTo(rows(database.out()))
                .contains("administration,,month,2026-04,2,1,1,0.5000,1,0.5000,");
        CommandRun direct = CommandRun.of("export", "report", file.toString(), "--month", "2026-04", "--channel",
                "direct", "--format", "json");
        assertThat(direct.out()).contains("\"channel\":\"direct\"").contains("\"received\":2");
        assertThat(CommandRun.of(NODE.flags("report", "--month", "2026-04", "--channel", "reply")).out())
                .contains("# channel: reply").contains("\r\nadministration,,month,2026-04,0,");

        // One byte of one payload changed: the line is named.
        List<String> lines = Files.readAllLines(file);
        int index = 0;
        while (!lines.get(index).contains("\"type\":\"ANSWERED\"")) {
            index++;
        }
        lines.set(index, lines.get(index).replace("\"answerId\":\"a1\"", "\"answerId\":\"a2\""));
        Path tampered = folder.resolve("tampered.jsonl");
        Files.writeString(tampered, String.join("\n", lines) + "\n");
        CommandRun broken = CommandRun.of("export", "verify", tampered.toString());
        assertThat(broken.status()).isEqualTo(1);
        assertThat(broken.out()).contains("export: BROKEN")
                .contains("line " + (index + 1) + ": event GCH-2026-")
                .contains("ANSWERED: its content no longer gives its hash")
                .contains("the file was changed");
    }

    @Test
    void addressesInClearOnlyWhenAsked(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("clear.jsonl");
        CommandRun run = CommandRun.of(NODE.flags("export", "--from", "2026-04-01", "--to", "2026-04-30", "--out",
                file.toString(), "--addresses"));
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).contains("addresses in clear");
        assertThat(Files.readString(file)).contains("\"citizen\":\"e1@example.org\"").contains("\"addresses\":\"clear\"");
        CommandRun toStandardOutput = CommandRun.of(NODE.flags("export", "--from", "2026-04-02", "--to", "2026-04-02"));
        assertThat(toStandardOutput.status()).isZero();
        assertThat(toStandardOutput.out()).startsWith("{\"addresses\":\"pseudonymised\"").contains("\"record\":\"trailer\"");
        assertThat(NODE.home.resolve("keys/address-pseudonym.key")).exists();
    }

    @Test
    void badInputIsSaidAndExitsWithTwo(@TempDir Path folder) throws Exception {
        assertRefused(CommandRun.of(NODE.flags("export")), "export needs --from DATE and --to DATE");
        assertRefused(CommandRun.of(NODE.flags("export", "--from", "2026-04-01")), "export needs --from DATE and --to DATE");
        assertRefused(CommandRun.of(NODE.flags("export", "--from", "2026-13-01", "--to", "2026-04-30")),
                "--from: '2026-13-01' is not a date like 2026-04-01");
        assertRefused(CommandRun.of(NODE.flags("export", "--from", "2026-04-30", "--to", "2026-04-01")),
                "the period ends (2026-04-01) before it starts (2026-04-30)");
        assertRefused(CommandRun.of(NODE.flags("export", "--from", "2026-04-01", "--to", "2026-04-30", "--out",
                folder.resolve("none/x.jsonl").toString())), "no such folder");
        assertRefused(CommandRun.of("export", "verify", folder.resolve("missing.jsonl").toString()), "no export file");
        Path file = folder.resolve("april.jsonl");
        Files.writeString(file, "{\"record\":\"header\"}\n");
        assertRefused(CommandRun.of("export", "report", file.toString(), "--month", "April"),
                "--month 'April' is not a month like 2026-04");
        assertRefused(CommandRun.of("export", "report", file.toString(), "--month", "2026-04", "--channel", "fax"),
                "channel 'fax' is not reply or direct");
        assertRefused(CommandRun.of(NODE.flags("report", "--month", "2026-04", "--channel", "fax")),
                "channel 'fax' is not reply or direct");
        CommandRun notAnExport = CommandRun.of("export", "verify", file.toString());
        assertThat(notAnExport.status()).isEqualTo(1);
        assertThat(notAnExport.out()).contains("line 1: not a guichet-export version 1 file").contains("no trailer");
    }

    private static void assertRefused(CommandRun run, String message) {
        assertThat(run.status()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).contains(message);
    }

    /** The header and rows of a CSV report, without its metadata comments. */
    private static String rows(String csv) {
        return Arrays.stream(csv.split("\r\n")).filter(l -> !l.startsWith("#")).collect(Collectors.joining("\n"));
    }
}
