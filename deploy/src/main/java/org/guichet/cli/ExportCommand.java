package org.guichet.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.guichet.audit.Channel;
import org.guichet.audit.MonthlyReport;
import org.guichet.audit.ReportFormat;
import org.guichet.checkpoint.CheckpointKey;
import org.guichet.checkpoint.CheckpointVerification;
import org.guichet.export.ExportPeriod;
import org.guichet.export.ExportVerification;
import org.guichet.export.ExportedReport;
import org.guichet.export.PeriodExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code guichet export --from DATE --to DATE}: the complete export of a period as JSON lines;
 * {@code guichet export verify FILE} and {@code guichet export report FILE --month M}, which
 * read the file alone (no database), for auditors. Format: docs/auditor-guide.md.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"The complete export of a period for auditors: every case, message metadata and event",
                "of the period as JSON lines, with the chain hashes. Both dates are included and read in",
                "guichet.audit.zone. Citizens' addresses are pseudonymised unless --addresses is given.",
                "'export verify FILE' and 'export report FILE' need only the file."},
        subcommands = {ExportCommand.Verify.class, ExportCommand.Report.class})
class ExportCommand extends Subcommand {

    private final PeriodExport export;

    @Option(names = "--from", paramLabel = "DATE", description = "First day of the period, included (2026-04-01).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day of the period, included (2026-04-30).")
    String to;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the export to FILE instead of the standard output.")
    Path out;

    @Option(names = "--addresses", description = "Citizens' addresses in clear instead of their pseudonyms.")
    boolean addresses;

    ExportCommand(PeriodExport export) {
        this.export = export;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = err();
        if (from == null || to == null) {
            return refused("export needs --from DATE and --to DATE (e.g. --from 2026-04-01 --to 2026-04-30),"
                    + " or a subcommand: verify FILE, report FILE");
        }
        ExportPeriod period;
        try {
            period = ExportPeriod.parse(from, to, export.zone());
        } catch (IllegalArgumentException e) {
            return refused("--" + e.getMessage());
        }
        if (out != null && out.toAbsolutePath().getParent() != null && !Files.isDirectory(out.toAbsolutePath().getParent())) {
            return refused("--out " + out + ": no such folder");
        }
        PeriodExport.Progress progress = (lines, done) -> {
            if (!done) {
                err.println("export: " + lines + " lines written");
                err.flush();
            }
        };
        PeriodExport.Summary summary;
        if (out == null) {
            summary = export.write(period, addresses, System.out, progress);
            System.out.flush();
        } else {
            try (OutputStream file = new java.io.BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
                summary = export.write(period, addresses, file, progress);
            } catch (RuntimeException | IOException e) {
                Files.deleteIfExists(out);
                throw e;
            }
        }
        err.println("export: " + period.first() + " to " + period.last() + ", " + (summary.lines() + 1) + " lines"
                + (out == null ? "" : " written to " + out) + ", sha256 " + summary.sha256()
                + (addresses ? ", addresses in clear" : ", addresses pseudonymised"));
        err.flush();
        return 0;
    }

    /** Verifies an export from the file alone. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Verify an export from the file alone: every event's hash, the chain links, the",
                    "trailer's SHA-256 and the checkpoints (the export's and those of --checkpoints DIR).",
                    "Exit 0 when it verifies, 1 with each problem and its line number."})
    static class Verify extends Subcommand implements FilesOnly {

        @Parameters(index = "0", paramLabel = "FILE", description = "The export (JSON lines).")
        Path file;

        @Option(names = "--checkpoints", paramLabel = "DIR",
                description = "Folder of checkpoint files (*.txt, as mailed and published) the export's chain must extend.")
        Path checkpointFolder;

        @Option(names = "--key", paramLabel = "VERIFIER_KEY",
                description = "Verifier key the checkpoints may be signed with (NAME+ID+BASE64); default: the key"
                        + " the export names. Repeat for several.")
        List<String> verifierKeys = List.of();

        @Override
        public Integer call() {
            PrintWriter out = out();
            if (!Files.isRegularFile(file)) {
                return refused("no export file " + file);
            }
            List<CheckpointKey> keys;
            List<CheckpointVerification.Named> given = new ArrayList<>();
            try {
                keys = verifierKeys.stream().map(CheckpointKey::verifier).toList();
                if (checkpointFolder != null) {
                    given = new CheckpointFolder(checkpointFolder).read();
                }
            } catch (IllegalArgumentException e) {
                return refused(e.getMessage());
            }
            ExportVerification.Result result = ExportVerification.verify(file, given, keys);
            out.println("export: " + (result.verifies() ? "verifies" : "BROKEN"));
            out.println("lines: " + result.lines());
            out.println("events recomputed: " + result.events() + ", other events linked by their hash: "
                    + result.links());
            out.println("head hash: " + result.headHash());
            for (CheckpointVerification.Outcome outcome : result.checkpoints()) {
                out.println(CheckpointFolder.said(outcome));
            }
            for (ExportVerification.Problem problem : result.problems()) {
                out.println(problem);
            }
            if (result.more() > 0) {
                out.println("… and " + result.more() + " more problems");
            }
            if (keys.isEmpty() && !result.checkpoints().isEmpty()) {
                out.println("note: checkpoints checked with the key the export names; give --key with the key you"
                        + " hold to prove who signed them");
            }
            out.flush();
            return result.verifies() ? 0 : 1;
        }
    }

    /** The monthly report recomputed from an export alone. */
    @Command(name = "report", mixinStandardHelpOptions = true,
            description = {"The monthly report of a month within the export, recomputed from the file alone:",
                    "the bytes guichet report gives for that month at the instant of the export."})
    static class Report extends Subcommand implements FilesOnly {

        @Parameters(index = "0", paramLabel = "FILE", description = "The export (JSON lines).")
        Path file;

        @Mixin
        ReportOptions report;

        @Override
        public Integer call() throws Exception {
            YearMonth period;
            ReportFormat form;
            Channel only;
            try {
                period = report.month();
                form = report.format();
                only = report.channel();
            } catch (IllegalArgumentException e) {
                return refused(e.getMessage());
            }
            if (!Files.isRegularFile(file)) {
                return refused("no export file " + file);
            }
            MonthlyReport recomputed;
            try {
                recomputed = ExportedReport.build(file, period,
                        report.service == null || report.service.isBlank() ? null : report.service, only);
            } catch (IllegalArgumentException e) {
                return refused(e.getMessage());
            }
            report.write(recomputed, form, " recomputed from " + file + ",");
            return 0;
        }
    }
}
