package org.guichet.web.reports;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.guichet.audit.Channel;
import org.guichet.audit.MonthlyReport;
import org.guichet.audit.MonthlyReports;
import org.guichet.audit.RenderedReport;
import org.guichet.audit.ReportFormat;
import org.guichet.node.ConditionalOnRole;
import org.guichet.node.Role;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Auditor reports, read-only (roles AUDITOR and SUPERVISOR, see WebSecurity). The body is
 * the exact bytes whose SHA-256 the report carries; the same hash is in the
 * {@value #SHA256_HEADER} header. Complete: no row cap, no paging.
 */
@RestController
@ConditionalOnRole(Role.WEB)
@RequestMapping("/api/reports")
class ReportController {

    static final String SHA256_HEADER = "X-Guichet-Report-Sha256";

    private final MonthlyReports reports;

    ReportController(MonthlyReports reports) {
        this.reports = reports;
    }

    /**
     * {@code GET /api/reports/monthly?month=2026-04[&service=code][&channel=reply|direct][&format=json|csv][&verify=true]}:
     * the monthly report; {@code verify=true} verifies the whole event log for it instead of
     * stating the latest verification run.
     */
    @GetMapping("/monthly")
    ResponseEntity<byte[]> monthly(@RequestParam(required = false) String month,
            @RequestParam(required = false) String service, @RequestParam(defaultValue = "json") String format,
            @RequestParam(defaultValue = "false") boolean verify, @RequestParam(required = false) String channel) {
        YearMonth period;
        try {
            period = YearMonth.parse(month == null ? "" : month);
        } catch (DateTimeParseException e) {
            throw badRequest("month '" + month + "' is not a month like 2026-04 (YYYY-MM)");
        }
        ReportFormat form;
        MonthlyReport report;
        try {
            form = ReportFormat.of(format);
            report = reports.build(period, service == null || service.isBlank() ? null : service,
                    Channel.ofNullable(channel), verify);
        } catch (IllegalArgumentException e) {
            throw badRequest(e.getMessage());
        }
        RenderedReport rendered = form.render(report);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(rendered.mediaType()));
        headers.setContentDisposition(ContentDisposition.inline().filename(rendered.fileName()).build());
        headers.set(SHA256_HEADER, rendered.sha256());
        return ResponseEntity.ok().headers(headers).body(rendered.bytes());
    }

    private static ErrorResponseException badRequest(String detail) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST,
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail), null);
    }
}
