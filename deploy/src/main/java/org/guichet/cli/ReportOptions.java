package org.guichet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.guichet.audit.Channel;
import org.guichet.audit.MonthlyReport;
import org.guichet.audit.RenderedReport;
import org.guichet.audit.ReportFormat;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options that pick a monthly report and where it goes, the same for {@code guichet report}
 * and {@code guichet export report}: both give the same bytes for the same month.
 */
final class ReportOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "Month of receipt, e.g. 2026-04.")
    String month;

    @Option(names = "--service", paramLabel = "CODE", description = "Only this service (default: every service and the administration).")
    String service;

    @Option(names = "--channel", paramLabel = "reply|direct",
            description = "Only requests of this channel: reply (to an official message) or direct (default: both).")
    String channel;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "csv|json", description = "csv (default) or json.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE instead of the standard output.")
    Path out;

    /** The month of receipt; refused with the reason to print when it is not one. */
    YearMonth month() {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--month '" + month + "' is not a month like 2026-04");
        }
    }

    ReportFormat format() {
        return ReportFormat.of(format);
    }

    /** The channel asked for, null for both. */
    Channel channel() {
        return Channel.ofNullable(channel);
    }

    /**
     * Writes the report to --out, saying so with its SHA-256 on the error stream, or else to
     * the standard output; {@code origin} tells where it was computed from (may be empty).
     */
    void write(MonthlyReport report, ReportFormat form, String origin) throws IOException {
        RenderedReport rendered = form.render(report);
        if (out != null) {
            Files.write(out, rendered.bytes());
            command.commandLine().getErr().println("guichet: report " + report.month() + origin + " written to " + out
                    + " (" + report.rows().size() + " rows, sha256 " + rendered.sha256() + ")");
        } else {
            PrintWriter stdout = command.commandLine().getOut();
            stdout.print(new String(rendered.bytes(), StandardCharsets.UTF_8));
            stdout.flush();
        }
    }
}
