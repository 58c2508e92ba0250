package org.guichet.transparency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.guichet.administration.AdministrationProperties;
import org.guichet.administration.AdministrationProperties.ServiceDefinition;
import org.guichet.audit.MonthlyReport;
import org.guichet.audit.MonthlyReports;
import org.guichet.audit.ReportRow;
import org.guichet.calendar.BusinessCalendar;
import org.guichet.calendar.BusinessCalendars;

/**
 * Turns an auditor's monthly report into what may be published: per service, a few figures
 * citizens and the press understand, and nothing about anyone (no address, subject or text
 * is in the report to begin with; small counts are withheld here).
 */
public record PublicFigures(AdministrationProperties administration, BusinessCalendars calendars, int minimumCount) {

    /** A week without public holidays in any supported set: Monday 5 to Sunday 11 January 2026. */
    private static final LocalDate ORDINARY_MONDAY = LocalDate.of(2026, 1, 5);

    /** The services' figures of the report's month, in the report's order of services. */
    public List<ServiceMonth> of(MonthlyReport report) {
        List<ServiceMonth> months = new ArrayList<>();
        for (ReportRow row : report.rows()) {
            if (row.get("service") != null && MonthlyReports.MONTH.equals(row.get("breakdown"))) {
                months.add(month(report, row));
            }
        }
        return months;
    }

    private ServiceMonth month(MonthlyReport report, ReportRow row) {
        String code = (String) row.get("service");
        ServiceDefinition definition = administration.services().get(code);
        String name = definition == null || definition.name() == null || definition.name().isBlank()
                ? (code.equals("default") ? administration.name() : code) : definition.name().strip();
        String commitment = definition == null ? null : definition.commitment();
        long received = (Long) row.get("received");
        if (received == 0) {
            // Nobody to single out: none received is said as it is.
            return new ServiceMonth(code, name, report.month(), false, 0L, null, null, null, null, null, commitment);
        }
        if (received < minimumCount) {
            return new ServiceMonth(code, name, report.month(), true, null, null, null, null, null, null, commitment);
        }
        long answered = (Long) row.get("answered_by_person");
        double day = hoursPerWorkingDay(definition == null ? "default" : definition.calendar());
        boolean timesShown = answered >= minimumCount;
        // The shares the auditors' report states, so that both always agree; never answered is its complement.
        return new ServiceMonth(code, name, report.month(), false, received, (BigDecimal) row.get("answer_rate"),
                timesShown ? days(row.get("first_answer_business_hours_median"), day) : null,
                timesShown ? days(row.get("first_answer_business_hours_p90"), day) : null,
                (BigDecimal) row.get("answered_within_commitment_share"),
                BigDecimal.valueOf((Long) row.get("unanswered")).divide(BigDecimal.valueOf(received), 4,
                        RoundingMode.HALF_UP), commitment);
    }

    /** Open hours of an average working day of the calendar: working time is counted in them. */
    private double hoursPerWorkingDay(String calendar) {
        BusinessCalendar found = calendars.find(calendar).orElseGet(() -> calendars.get("default"));
        Duration open = Duration.ZERO;
        int days = 0;
        for (int i = 0; i < 7; i++) {
            Duration today = found.openTimeOn(ORDINARY_MONDAY.plusDays(i));
            if (!today.isZero()) {
                open = open.plus(today);
                days++;
            }
        }
        return days == 0 ? 8 : open.toMinutes() / 60.0 / days;
    }

    private static BigDecimal days(Object businessHours, double hoursPerDay) {
        if (businessHours == null) {
            return null;
        }
        return BigDecimal.valueOf(((BigDecimal) businessHours).doubleValue() / hoursPerDay).setScale(1,
                RoundingMode.HALF_UP);
    }
}
