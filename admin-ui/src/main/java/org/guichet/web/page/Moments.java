package org.guichet.web.page;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How pages write the gateway's instants: in the administration's time zone, day first in
 * French, as {@code ${@moments.of(instant)}} in templates.
 */
@Component("moments")
public class Moments {

    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm",
            java.util.Locale.ENGLISH);

    public String of(Instant instant) {
        if (instant == null) {
            return "—";
        }
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        return (english ? ENGLISH : FRENCH).format(instant.atZone(ZONE));
    }

    /** A length of time as hours and minutes: {@code 26 h 05}. */
    public String duration(java.time.Duration duration) {
        return duration == null ? "—" : duration.toHours() + " h " + String.format("%02d", duration.toMinutesPart());
    }
}
