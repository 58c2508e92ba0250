package org.guichet.transparency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.guichet.audit.MonthlyReport;
import org.guichet.audit.MonthlyReports;
import org.guichet.checkpoint.Checkpoint;
import org.guichet.checkpoint.Checkpoints;

/**
 * What the transparency page and the open data publish, month by month, from the same
 * monthly reports auditors receive. A month's figures are computed at most once per
 * {@link #FRESHNESS}: the page is public, and a report reads every case of its month.
 */
public class Transparency {

    /** How long published figures are reused before they are computed again. */
    public static final Duration FRESHNESS = Duration.ofHours(1);

    private final MonthlyReports reports;
    private final PublicFigures figures;
    private final Checkpoints checkpoints;
    private final TransparencyProperties properties;
    private final Clock clock;
    private final Map<YearMonth, Published> cache = new ConcurrentHashMap<>();

    public Transparency(MonthlyReports reports, PublicFigures figures, Checkpoints checkpoints,
            TransparencyProperties properties, Clock clock) {
        this.reports = reports;
        this.figures = figures;
        this.checkpoints = checkpoints;
        this.properties = properties;
        this.clock = clock;
    }

    public TransparencyProperties properties() {
        return properties;
    }

    /** The months the page shows, oldest first, up to the current one. */
    public List<YearMonth> months() {
        YearMonth now = YearMonth.now(clock.withZone(reports.zone()));
        List<YearMonth> months = new ArrayList<>();
        for (int i = properties.months() - 1; i >= 0; i--) {
            months.add(now.minusMonths(i));
        }
        return months;
    }

    /**
     * The published figures of {@code month}.
     *
     * @throws IllegalArgumentException when the month is not one the page shows
     */
    public Published month(YearMonth month) {
        if (!months().contains(month)) {
            throw new IllegalArgumentException("month " + month + " is not published; published: " + months());
        }
        Instant now = clock.instant();
        return cache.compute(month, (key, cached) -> cached != null && cached.generatedAt().plus(FRESHNESS).isAfter(now)
                ? cached : publish(reports.build(month)));
    }

    /** The latest signed checkpoint of the event log, and the key that verifies it. */
    public Optional<Checkpoint> latestCheckpoint() {
        return checkpoints.latest();
    }

    public String verifierKey() {
        return checkpoints.key().verifierKey();
    }

    private Published publish(MonthlyReport report) {
        return new Published(report.month(), report.generatedAt(), report.administrationName(), figures.of(report));
    }

    /**
     * @param month          the month of receipt
     * @param generatedAt    as of when the figures hold
     * @param administration the administration's name
     * @param services       one entry per service
     */
    public record Published(YearMonth month, Instant generatedAt, String administration, List<ServiceMonth> services) {

        public Published {
            services = List.copyOf(services);
        }
    }
}
