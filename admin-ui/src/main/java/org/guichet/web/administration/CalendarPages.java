package org.guichet.web.administration;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.guichet.administration.ServiceSettings;
import org.guichet.administration.ServiceSheet;
import org.guichet.calendar.BusinessCalendar;
import org.guichet.calendar.BusinessCalendars;
import org.guichet.calendar.Closure;
import org.guichet.calendar.Holiday;
import org.guichet.calendar.HolidaySet;
import org.guichet.node.ConditionalOnRole;
import org.guichet.node.Role;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /admin/calendars}: the business calendars SLA clocks count in ({@code guichet.sla.calendars.*}),
 * as the clocks see them for a year: opening hours, public holidays and closures, and the
 * services that follow each. They come from the configuration, which every node must share.
 */
@Controller
@ConditionalOnRole(Role.WEB)
record CalendarPages(BusinessCalendars calendars, ServiceSettings services, Clock clock) {

    /** One calendar for one year. */
    record CalendarYearView(String name, String zone, List<Day> week, List<String> holidaySets, List<Holiday> holidays,
            List<Closure> closures, List<String> services) {
    }

    record Day(DayOfWeek day, String hours) {
    }

    @GetMapping("/admin/calendars")
    String calendars(@RequestParam(required = false) Integer year, Model model) {
        int shown = year == null ? Year.now(clock).getValue() : year;
        if (shown < 1900 || shown > 2200) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "year " + shown + " is out of range");
        }
        List<ServiceSheet> all = services.list();
        List<CalendarYearView> views = new ArrayList<>();
        for (String name : calendars.names()) {
            BusinessCalendar calendar = calendars.get(name);
            List<Day> week = new ArrayList<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                week.add(new Day(day, calendar.schedule().ranges(day).stream().map(Object::toString)
                        .collect(Collectors.joining(", "))));
            }
            List<Holiday> holidays = calendar.holidaySets().stream().map(set -> set.holidays(shown))
                    .flatMap(List::stream).distinct().sorted().toList();
            LocalDate first = LocalDate.of(shown, 1, 1);
            LocalDate last = LocalDate.of(shown, 12, 31);
            List<Closure> closures = calendar.closures().stream()
                    .filter(c -> !c.last().isBefore(first) && !c.first().isAfter(last)).toList();
            views.add(new CalendarYearView(name, calendar.zone().getId(), week,
                    calendar.holidaySets().stream().map(HolidaySet::name).toList(), holidays, closures,
                    all.stream().filter(s -> name.equals(s.calendar())).map(ServiceSheet::code).toList()));
        }
        model.addAttribute("year", shown);
        model.addAttribute("calendars", views);
        return "admin-calendars";
    }
}
