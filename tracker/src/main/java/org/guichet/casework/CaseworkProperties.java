package org.guichet.casework;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How cases are numbered.
 *
 * @param referencePrefix first part of case references ({@code GCH-2026-000123}): 2 to 8 capital
 *                        letters; citizens quote it in subjects, so change it only on a new install
 * @param zone            time zone whose calendar year numbers references (a reply received on
 *                        31 December at 23:30 in Paris belongs to that year)
 */
@ConfigurationProperties("guichet.cases")
public record CaseworkProperties(@DefaultValue("GCH") String referencePrefix,
        @DefaultValue("Europe/Paris") String zone) {

    private static final Pattern PREFIX = Pattern.compile("[A-Z]{2,8}");

    public CaseworkProperties {
        if (referencePrefix == null || !PREFIX.matcher(referencePrefix).matches()) {
            throw new IllegalArgumentException("guichet.cases.reference-prefix must be 2 to 8 capital letters, not '"
                    + referencePrefix + "'");
        }
        try {
            ZoneId.of(zone);
        } catch (DateTimeException | NullPointerException e) {
            throw new IllegalArgumentException("guichet.cases.zone is not a time zone: '" + zone + "'", e);
        }
    }

    public static CaseworkProperties defaults() {
        return new CaseworkProperties("GCH", "Europe/Paris");
    }

    ZoneId zoneId() {
        return ZoneId.of(zone);
    }
}
