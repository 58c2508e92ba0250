package org.guichet.web.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.guichet.administration.AdministrationProperties;
import jakarta.servlet.http.HttpServletResponse;
import org.guichet.audit.Channel;
import org.guichet.audit.MonthlyReport;
import org.guichet.audit.MonthlyReports;
import org.guichet.audit.RenderedReport;
import org.guichet.audit.ReportFormat;
import org.guichet.audit.ReportRow;
import org.guichet.checkpoint.Checkpoints;
import org.guichet.export.ExportPeriod;
import org.guichet.export.PeriodExport;
import org.guichet.node.ConditionalOnRole;
import org.guichet.node.Role;
import org.guichet.web.supervision.BarChart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ResponseStatusException;

/**
 * The auditors' page (roles AUDITOR, SUPERVISOR and ADMIN, read-only): the monthly report of
 * a month and a service, its figures stated plainly as the Défenseure des droits asks for them
 * (requests never answered by a person, time to the first human answer, answers by weekday and
 * hour of receipt), the state of the event log and its latest signed checkpoint, and the report
 * itself to download, byte for byte the file the REST API and {@code guichet report} give.
 * No citizen's address is shown: the report holds none. The complete export of a period
 * ({@code /audit/export}, roles AUDITOR and ADMIN) downloads from the same page.
 */
@Controller
@ConditionalOnRole(Role.WEB)
@RequestMapping("/audit")
record AuditPages(MonthlyReports reports, AdministrationProperties administration, Checkpoints checkpoints,
        PeriodExport export, Clock clock) {

    private static final Logger log = LoggerFactory.getLogger(AuditPages.class);

    /** JSON lines, one object a line. */
    static final String NDJSON = "application/x-ndjson";

    @GetMapping
    String report(@RequestParam(required = false) String month, @RequestParam(required = false) String service,
            @RequestParam(required = false) String channel, Model model, Authentication account) {
        YearMonth period = month(month);
        MonthlyReport report = build(period, service, channel);
        String scope = report.service();
        ReportRow whole = report.row(scope, MonthlyReports.MONTH, period.toString());
        List<ReportRow> weekdays = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            weekdays.add(report.row(scope, MonthlyReports.WEEKDAY, Integer.toString(day)));
        }
        List<ReportRow> hours = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            hours.add(report.row(scope, MonthlyReports.HOUR, Integer.toString(hour)));
        }
        model.addAttribute("report", report);
        model.addAttribute("month", period);
        model.addAttribute("months", recentMonths());
        model.addAttribute("service", scope);
        model.addAttribute("channel", report.channel() == null ? null : report.channel().code());
        model.addAttribute("channels", List.of(Channel.REPLY.code(), Channel.DIRECT.code()));
        YearMonth previous = YearMonth.now(clock.withZone(reports.zone())).minusMonths(1);
        model.addAttribute("exportFrom", previous.atDay(1));
        model.addAttribute("exportTo", previous.atEndOfMonth());
        model.addAttribute("mayExport", isAdmin(account) || has(account, "ROLE_AUDITOR"));
        model.addAttribute("mayExportAddresses", isAdmin(account));
        List<String> services = new ArrayList<>(administration.services().keySet());
        if (!services.contains("default")) {
            services.add("default");
        }
        model.addAttribute("services", services);
        model.addAttribute("whole", whole.asMap());
        model.addAttribute("neverAnswered", share((Long) whole.get("unanswered"), (Long) whole.get("received")));
        model.addAttribute("weekdays", weekdays.stream().map(ReportRow::asMap).toList());
        model.addAttribute("hours", hours.stream().map(ReportRow::asMap).toList());
        model.addAttribute("byHour", BarChart.of(hours.stream().map(r -> (String) r.get("slot")).toList(),
                hours.stream().map(r -> ((Long) r.get("received")).doubleValue()).toList(),
                Math.max(1, hours.stream().mapToLong(r -> (Long) r.get("received")).max().orElse(1)), ""));
        model.addAttribute("checkpoint", checkpoints.latest().orElse(null));
        model.addAttribute("verifierKey", checkpoints.key().verifierKey());
        return "audit";
    }

    /** The report itself, as the REST API gives it: {@code /audit/reports/2026-04.csv?service=prestations}. */
    @GetMapping("/reports/{month}.{format}")
    ResponseEntity<byte[]> download(@PathVariable String month, @PathVariable String format,
            @RequestParam(required = false) String service, @RequestParam(required = false) String channel) {
        ReportFormat form;
        try {
            form = ReportFormat.of(format);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        RenderedReport rendered = form.render(build(month(month), service, channel));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(rendered.mediaType()))
                .header("X-Guichet-Report-Sha256", rendered.sha256())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(rendered.fileName()).build().toString())
                .body(rendered.bytes());
    }

    /**
     * The complete export of a period, {@code /audit/export?from=2026-04-01&to=2026-04-30} (both
     * days included), streamed as JSON lines ({@code application/x-ndjson}) while it is read:
     * memory does not grow with the period. Citizens' addresses are pseudonymised; an
     * administrator may ask them in clear ({@code addresses=true}), anyone else is refused (403).
     */
    @GetMapping("/export")
    void export(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "false") boolean addresses, Authentication account,
            HttpServletResponse response) throws IOException {
        if (addresses && !isAdmin(account)) {
            throw problem(HttpStatus.FORBIDDEN, "citizens' addresses in clear are for administrators only;"
                    + " the export without addresses=true pseudonymises them");
        }
        ExportPeriod period;
        try {
            period = ExportPeriod.parse(from, to, export.zone());
        } catch (IllegalArgumentException e) {
            throw problem(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(NDJSON);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(period.fileName()).build().toString());
        OutputStream body = response.getOutputStream();
        PeriodExport.Summary summary = export.write(period, addresses, body, (lines, done) -> {
        });
        body.flush();
        log.info("export {} to {} by {}: {} lines, sha256 {}, addresses {}", period.first(), period.last(),
                account.getName(), summary.lines() + 1, summary.sha256(), addresses ? "in clear" : "pseudonymised");
    }

    private static boolean isAdmin(Authentication account) {
        return has(account, "ROLE_ADMIN");
    }

    private static boolean has(Authentication account, String authority) {
        return account != null && account.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    private MonthlyReport build(YearMonth month, String service, String channel) {
        try {
            return reports.build(month, service == null || service.isBlank() ? null : service.strip(),
                    Channel.ofNullable(channel), false);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    /** The month asked for, else the last complete one. */
    private YearMonth month(String month) {
        if (month == null || month.isBlank()) {
            return YearMonth.now(clock.withZone(reports.zone())).minusMonths(1);
        }
        try {
            return YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'" + month + "' is not a month like 2026-04");
        }
    }

    private List<YearMonth> recentMonths() {
        YearMonth now = YearMonth.now(clock.withZone(reports.zone()));
        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            months.add(now.minusMonths(i));
        }
        return months;
    }

    private static BigDecimal share(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1,
                RoundingMode.HALF_UP);
    }
}
