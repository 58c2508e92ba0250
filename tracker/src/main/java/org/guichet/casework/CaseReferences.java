package org.guichet.casework;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Case references {@code GCH-YYYY-NNNNNN}: the year of the first message, then a number drawn
 * from that year's counter (six digits, more once a year passes a million cases). Short
 * enough to read on the phone; not a secret: a reference in a subject threads a reply only
 * when its sender is the case's citizen.
 */
@Component
public class CaseReferences {

    private final JdbcClient jdbc;
    private final CaseworkProperties properties;
    private final Pattern inSubject;

    public CaseReferences(JdbcClient jdbc, CaseworkProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.inSubject = Pattern.compile("\\[\\s*(" + Pattern.quote(properties.referencePrefix())
                + "-\\d{4}-\\d{6,})\\s*]", Pattern.CASE_INSENSITIVE);
    }

    /** The next reference of the year {@code at} falls in, in the caller's transaction. */
    public String next(Instant at) {
        int year = at.atZone(properties.zoneId()).getYear();
        // The upsert locks the year's row until commit: numbers are unique across nodes.
        long number = jdbc.sql("""
                        insert into case_reference_counter (year, last_value) values (:year, 1)
                        on conflict (year) do update set last_value = case_reference_counter.last_value + 1
                        returning last_value""")
                .param("year", year).query(Long.class).single();
        return format(year, number);
    }

    public String format(int year, long number) {
        return String.format(Locale.ROOT, "%s-%04d-%06d", properties.referencePrefix(), year, number);
    }

    /** The first reference written in brackets in a subject, e.g. {@code Re: [GCH-2026-000123] …}. */
    public Optional<String> findIn(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        Matcher matcher = inSubject.matcher(subject);
        return matcher.find() ? Optional.of(matcher.group(1).toUpperCase(Locale.ROOT)) : Optional.empty();
    }
}
