package org.guichet.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.guichet.audit.AuditRig.paris;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.guichet.casework.Case;
import org.guichet.casework.CaseEventType;
import org.guichet.checkpoint.Checkpoint;
import org.guichet.checkpoint.CheckpointKey;
import org.guichet.checkpoint.CheckpointVerification;
import org.guichet.checkpoint.Checkpoints;
import org.guichet.export.AddressPseudonyms;
import org.guichet.export.ExportPeriod;
import org.guichet.export.ExportVerification;
import org.guichet.export.ExportedReport;
import org.guichet.export.PeriodExport;
import org.guichet.node.NodeProperties;
import org.guichet.sla.SlaMetric;
import org.guichet.sla.SlaTarget;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The complete export of a period, against a real PostgreSQL: the monthly report recomputed
 * from the file alone is, byte for byte, the one {@link MonthlyReports} builds from the
 * database (CSV and JSON, every service and each, every channel and each); the file verifies
 * on its own, and a byte changed in a payload is caught with its line; citizens' addresses are
 * pseudonymised unless asked in clear.
 *
 * <p>The April of {@link MonthlyReportsTest} (answered, late, unanswered, follow-up from March,
 * automatic mail, official messages with and without replies), plus a case paused while
 * waiting for the citizen and a second policy version of « prestations » from 15 April; a
 * verification run and a signed checkpoint; figures as of 20 June 2026.
 */
class ExportedReportTest {

    static final YearMonth APRIL = YearMonth.of(2026, 4);

    final AuditRig rig = new AuditRig();

    @TempDir
    Path home;

    PeriodExport export;
    Checkpoints checkpoints;

    @BeforeEach
    void periodWithCheckpoint() {
        rig.clock.set(Instant.parse("2026-03-01T00:00:00Z"));
        rig.policies.add("prestations", paris("2026-04-15T00:00"),
                rig.terms.with(SlaMetric.FIRST_ANSWER, SlaTarget.valueOf("3 working days")));
        rig.clock.set(Instant.parse("2026-06-20T10:00:00Z"));

        Case f = rig.knownApril();
        rig.conversation("conv6", paris("2026-04-17T08:00"));
        // Under the policy of 15 April, paused four days while waiting for the citizen.
        Case h = rig.receive("conv6", paris("2026-04-20T10:00"));
        rig.acknowledge(h, paris("2026-04-20T10:05"));
        rig.events.append(h.id(), CaseEventType.STATUS_CHANGED, paris("2026-04-21T10:00"),
                Map.of("status", "waiting_citizen", "from", "open"));
        rig.receive("conv6", paris("2026-04-27T10:00"), rig.casework.messages(h.id()).get(0).messageId(), null);
        rig.answer(h, paris("2026-04-28T11:00"));
        rig.receive(null, paris("2026-05-04T09:00"));

        rig.verification.verify((checked, total) -> {
        });
        checkpoints = new Checkpoints(rig.jdbc, rig.transactions, rig.events,
                CheckpointKey.inHome(home, "guichet/caf-34"), "guichet/caf-34/event-log", rig.clock);
        checkpoints.sign();
        rig.answer(f, paris("2026-05-05T09:00"));
        export = new PeriodExport(rig.jdbc, rig.transactions, rig.policies, rig.calendars, rig.verification,
                checkpoints, new AddressPseudonyms(home.resolve("keys/address-pseudonym.key")),
                AuditProperties.defaults(), new NodeProperties(home, Set.of(), "node-1", null), rig.clock);
    }

    @Test
    void theReportRecomputedFromTheExportAloneIsTheReportOfTheDatabaseByteForByte() throws Exception {
        Path file = write("2026-03-01", "2026-06-30", false);

        int compared = 0;
        for (YearMonth month : List.of(YearMonth.of(2026, 3), APRIL, YearMonth.of(2026, 5), YearMonth.of(2026, 6))) {
            for (String service : Arrays.asList(null, "default", "prestations")) {
                for (Channel channel : Arrays.asList(null, Channel.REPLY, Channel.DIRECT)) {
                    MonthlyReport fromDatabase = rig.reports.build(month, service, channel, false);
                    MonthlyReport fromExport = ExportedReport.build(file, month, service, channel);
                    for (ReportFormat format : ReportFormat.values()) {
                        RenderedReport expected = format.render(fromDatabase);
                        RenderedReport recomputed = format.render(fromExport);
                        assertThat(new String(recomputed.bytes(), StandardCharsets.UTF_8))
                                .as("%s %s %s %s", month, service, channel, format)
                                .isEqualTo(new String(expected.bytes(), StandardCharsets.UTF_8));
                        assertThat(recomputed.sha256()).isEqualTo(expected.sha256());
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(4 * 3 * 3 * 2);
        // Not a comparison of empty reports: April has its cases, pauses and both policy versions.
        MonthlyReport april = ExportedReport.build(file, APRIL, null, null);
        assertThat(april.row(null, "month", "2026-04").get("received")).isEqualTo(6L);
        assertThat(april.policies()).extracting(PolicyVersion::version).contains(0, 1);
        assertThat(ExportedReport.build(file, APRIL, null, Channel.DIRECT).row(null, "month", "2026-04")
                .get("received")).isEqualTo(2L);
    }

    @Test
    void aMonthOutsideThePeriodOrAnUnknownServiceIsRefused() throws Exception {
        Path file = write("2026-04-01", "2026-04-30", false);
        assertThat(ExportedReport.build(file, APRIL, null, null).rows()).hasSize(3 * 32);
        assertThatThrownBy(() -> ExportedReport.build(file, YearMonth.of(2026, 5), null, null))
                .hasMessageContaining("the export covers 2026-04-01 to 2026-04-30; month 2026-05 is not wholly within it");
        assertThatThrownBy(() -> ExportedReport.build(file, APRIL, "nope", null))
                .hasMessageContaining("no service 'nope'");
    }

    @Test
    void theExportVerifiesFromTheFileAloneAndAPayloadByteChangedIsCaughtWithItsLine() throws Exception {
        Path file = write("2026-04-01", "2026-04-30", false);
        Path held = home.resolve("held.txt");
        Files.writeString(held, checkpoints.latest().orElseThrow().text());
        List<CheckpointVerification.Named> given = List.of(new CheckpointVerification.Named("held.txt",
                Checkpoint.parse(Files.readString(held))));

        ExportVerification.Result intact = ExportVerification.verify(file, given, List.of(checkpoints.key()));
        assertThat(intact.problems()).isEmpty();
        assertThat(intact.events()).isGreaterThan(20);
        assertThat(intact.checkpoints()).hasSize(2).allSatisfy(outcome -> assertThat(outcome.holds()).isTrue())
                .anySatisfy(outcome -> assertThat(outcome.detail()).startsWith("the export's chain extends it"));
        assertThat(intact.headHash()).isEqualTo(java.util.HexFormat.of().formatHex(rig.events.head().hash()));

        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        int index = firstCitizenReceipt(lines);
        assertThat(index).isPositive();
        lines.set(index, lines.get(index).replace("\"author\":\"citizen\"", "\"author\":\"citizeN\""));
        Path tampered = home.resolve("tampered.jsonl");
        Files.writeString(tampered, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);

        ExportVerification.Result broken = ExportVerification.verify(tampered, List.of(), List.of());
        assertThat(broken.verifies()).isFalse();
        assertThat(broken.problems()).extracting(Object::toString)
                .anySatisfy(p -> assertThat(p).startsWith("line " + (index + 1) + ": event GCH-2026-")
                        .contains("its content no longer gives its hash"))
                .anySatisfy(p -> assertThat(p).contains("the file was changed"));
        // A whole line dropped (an event that would tell against the service) breaks the chain at the next one.
        List<String> shorter = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        shorter.remove(index);
        Files.writeString(tampered, String.join("\n", shorter) + "\n", StandardCharsets.UTF_8);
        assertThat(ExportVerification.verify(tampered, List.of(), List.of()).problems()).extracting(Object::toString)
                .anySatisfy(p -> assertThat(p).startsWith("line " + (index + 1) + ": ")
                        .contains("prevHash is not the hash of the line before it"));
    }

    @Test
    void citizensAddressesArePseudonymisedUnlessAskedInClear() throws Exception {
        String pseudonymised = Files.readString(write("2026-04-01", "2026-04-30", false));
        assertThat(pseudonymised).doesNotContain("@example.org").contains("\"citizen\":\"hmac-sha256:")
                .contains("\"recipient\":\"hmac-sha256:").contains("\"addresses\":\"pseudonymised\"");
        assertThat(Files.getPosixFilePermissions(home.resolve("keys/address-pseudonym.key")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        // One citizen, one pseudonym: conv6's two messages share it.
        String conv6 = new AddressPseudonyms(home.resolve("keys/address-pseudonym.key")).of("Conv6@example.org ");
        assertThat(pseudonymised.split(java.util.regex.Pattern.quote(conv6), -1).length - 1).isGreaterThanOrEqualTo(4);

        String clear = Files.readString(write("2026-04-01", "2026-04-30", true));
        assertThat(clear).contains("\"citizen\":\"conv1@example.org\"").contains("\"addresses\":\"clear\"")
                .doesNotContain("hmac-sha256:");
    }

    private static int firstCitizenReceipt(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("{\"case\":") && lines.get(i).contains("\"author\":\"citizen\"")) {
                return i;
            }
        }
        return -1;
    }

    private Path write(String from, String to, boolean clear) throws Exception {
        Path file = Files.createTempFile(home, "export-", ".jsonl");
        try (OutputStream out = Files.newOutputStream(file)) {
            export.write(ExportPeriod.parse(from, to, AuditRig.PARIS), clear, out, (lines, done) -> {
            });
        }
        return file;
    }

    static String text(ByteArrayOutputStream out) {
        return out.toString(StandardCharsets.UTF_8);
    }
}
