package org.guichet.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.guichet.casework.EventLog;
import org.guichet.casework.VerificationReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs the verification of the whole hash chain ({@link EventLog#verify}) and records each
 * run in {@code audit_verification}, so that reports can state the latest one without reading
 * millions of events again.
 */
@Component
public record LogVerification(EventLog events, JdbcClient jdbc, Clock clock) {

    private static final Logger log = LoggerFactory.getLogger(LogVerification.class);

    /** Verifies the whole chain now, tells {@code progress} as it goes, and records the run. */
    public VerificationRun verify(EventLog.Progress progress) {
        VerificationReport report = events.verify(progress);
        Instant now = clock.instant();
        VerificationReport.Break broken = report.firstBreak().orElse(null);
        jdbc.sql("""
                        insert into audit_verification (verified_at, events_checked, head_hash, intact, break_event_id,
                                                        break_case, break_seq, break_reason, break_detail)
                        values (:at, :checked, :head, :intact, :eventId, :caseRef, :seq, :reason, :detail)""")
                .param("at", Timestamp.from(now)).param("checked", report.eventsChecked())
                .param("head", report.headHash()).param("intact", report.intact())
                .param("eventId", broken == null ? null : broken.eventId())
                .param("caseRef", broken == null ? null : broken.caseReference())
                .param("seq", broken == null ? null : broken.seq())
                .param("reason", broken == null ? null : broken.reason().name())
                .param("detail", broken == null ? null : broken.detail())
                .update();
        if (broken == null) {
            log.info("event log: status=intact events={} head={}", report.eventsChecked(), report.headHash());
        } else {
            log.warn("event log: status=broken events={} head={} (first break: {})", report.eventsChecked(),
                    report.headHash(), broken.detail());
        }
        return new VerificationRun(now, report.eventsChecked(), report.headHash(), report.firstBreak(),
                appendedAfter(report.eventsChecked(), broken));
    }

    /** The latest recorded run, with the events appended since. */
    public Optional<VerificationRun> latest() {
        return jdbc.sql("""
                        select verified_at, events_checked, head_hash, break_event_id, break_case, break_seq,
                               break_reason, break_detail
                        from audit_verification order by id desc limit 1""")
                .query((rs, n) -> {
                    String reason = rs.getString(7);
                    Optional<VerificationReport.Break> broken = reason == null ? Optional.empty()
                            : Optional.of(new VerificationReport.Break(rs.getLong(4), rs.getString(5), rs.getInt(6),
                                    VerificationReport.Reason.valueOf(reason), rs.getString(8)));
                    return new VerificationRun(rs.getTimestamp(1).toInstant(), rs.getLong(2), rs.getString(3),
                            broken, 0);
                })
                .optional()
                .map(run -> new VerificationRun(run.verifiedAt(), run.eventsChecked(), run.headHash(),
                        run.firstBreak(), appendedAfter(run.eventsChecked(), run.firstBreak().orElse(null))));
    }

    /** The latest run, or a run made now when none is recorded or {@code fresh} is asked. */
    public VerificationRun forReport(boolean fresh) {
        if (!fresh) {
            Optional<VerificationRun> latest = latest();
            if (latest.isPresent()) {
                return latest.get();
            }
        }
        return verify((checked, total) -> {
        });
    }

    private long appendedAfter(long checked, VerificationReport.Break broken) {
        if (broken != null) {
            return 0;
        }
        long count = jdbc.sql("select event_count from case_event_chain where id = 1").query(Long.class).single();
        return Math.max(0, count - checked);
    }
}
