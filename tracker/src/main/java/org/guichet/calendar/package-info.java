/**
 * Business calendars: when a service is open, so that deadlines and elapsed times can be
 * counted in business time, exactly and reproducibly.
 *
 * <p>The model, from the bottom up:
 * <ul>
 *   <li>{@link org.guichet.calendar.Easter} computes Easter Sunday (Gregorian, Meeus);
 *       {@link org.guichet.calendar.HolidayRule} places one holiday in a year, on a fixed
 *       day or relative to Easter; a {@link org.guichet.calendar.HolidaySet} is a named,
 *       coded list of rules: France (Code du travail L3133-1), Alsace-Moselle (L3134-13),
 *       each overseas territory with its abolition-of-slavery day (L3422-2), Belgium.</li>
 *   <li>{@link org.guichet.calendar.Closure}: further closed days chosen by the service.</li>
 *   <li>{@link org.guichet.calendar.WeeklySchedule}: opening ranges
 *       ({@link org.guichet.calendar.OpeningRange}) for each day of an ordinary week.</li>
 *   <li>{@link org.guichet.calendar.BusinessCalendar} joins a time zone, a schedule,
 *       holiday sets and closures, and answers: working day, open now, open time between
 *       two instants, due instant after a business duration or a number of working days,
 *       next opening. Clock changes count with their real length.</li>
 *   <li>{@link org.guichet.calendar.CalendarProperties} ({@code guichet.sla.calendars.<name>.*})
 *       lets operators define named calendars; {@link org.guichet.calendar.BusinessCalendars}
 *       builds them.</li>
 * </ul>
 * Everything here is a pure function of its inputs: the SLA figures computed with it can
 * be recomputed by anyone holding the same calendar definition.
 */
package org.guichet.calendar;
