package org.guichet.sla;

import org.guichet.calendar.BusinessCalendar;

/** The business calendar each service counts its working time in ({@code guichet.administration.services.<code>.calendar}). */
@FunctionalInterface
public interface ServiceCalendars {

    /** The calendar of {@code serviceCode}; the same answer every time for the same code. */
    BusinessCalendar of(String serviceCode);

    /** One calendar for every service. */
    static ServiceCalendars single(BusinessCalendar calendar) {
        return service -> calendar;
    }
}
