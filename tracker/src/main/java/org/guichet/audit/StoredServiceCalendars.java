package org.guichet.audit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.guichet.calendar.BusinessCalendar;
import org.guichet.calendar.BusinessCalendars;
import org.guichet.calendar.CalendarProperties;
import org.guichet.sla.ServiceCalendars;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The calendar of each service as the {@code service} table names it
 * ({@code guichet.administration.services.<code>.calendar}); a service the table does not know, or a name no
 * longer configured, counts in the {@code default} calendar.
 */
@Component
public class StoredServiceCalendars implements ServiceCalendars {

    private final JdbcClient jdbc;
    private final BusinessCalendars calendars;
    private final Map<String, BusinessCalendar> byService = new ConcurrentHashMap<>();

    public StoredServiceCalendars(JdbcClient jdbc, BusinessCalendars calendars) {
        this.jdbc = jdbc;
        this.calendars = calendars;
    }

    @Override
    public BusinessCalendar of(String serviceCode) {
        return byService.computeIfAbsent(serviceCode, code -> {
            String name = jdbc.sql("select calendar from service where code = :code").param("code", code)
                    .query(String.class).optional().orElse(CalendarProperties.DEFAULT);
            return calendars.find(name).orElseGet(() -> calendars.get(CalendarProperties.DEFAULT));
        });
    }
}
