package org.guichet.escalation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.guichet.sla.SlaEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the case event log as the SLA clocks read it ({@link SlaEvent}), for many cases in one
 * query. Only what the clocks need leaves the database: type, instant, and the few payload
 * fields that decide (author, service, status).
 *
 * <table>
 *   <caption>How log events become clock events</caption>
 *   <tr><th>case_event</th><th>SlaEvent</th></tr>
 *   <tr><td>CASE_OPENED (service id)</td><td>CASE_OPENED with the service's code</td></tr>
 *   <tr><td>RECEIVED (author)</td><td>RECEIVED, automatic when the author is {@code automatic}</td></tr>
 *   <tr><td>CLASSIFIED_AUTOMATIC</td><td>CLASSIFIED_AUTOMATIC</td></tr>
 *   <tr><td>ACKNOWLEDGED</td><td>ACKNOWLEDGED</td></tr>
 *   <tr><td>ANSWERED</td><td>ANSWERED, automatic when its payload says {@code automatic: true}</td></tr>
 *   <tr><td>CLOSED</td><td>STATUS_CHANGED to closed</td></tr>
 *   <tr><td>REOPENED</td><td>REOPENED</td></tr>
 *   <tr><td>STATUS_CHANGED (status)</td><td>STATUS_CHANGED</td></tr>
 *   <tr><td>TRANSFERRED (serviceCode, or service id)</td><td>TRANSFERRED</td></tr>
 * </table>
 * Other events (LINKED, FLAGGED, PRIORITY_RAISED, …) move no clock.
 */
final class CaseLogReader {

    private final JdbcClient jdbc;

    CaseLogReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The clock events of each case of {@code caseIds}, in log order.
     *
     * @param serviceCodes the code of each service id (CASE_OPENED names the service by id)
     */
    Map<Long, List<SlaEvent>> read(Collection<Long> caseIds, Map<Long, String> serviceCodes) {
        Map<Long, List<SlaEvent>> byCase = new HashMap<>();
        if (caseIds.isEmpty()) {
            return byCase;
        }
        jdbc.sql("""
                        select case_id, type, occurred_at, payload ->> 'author', payload ->> 'service',
                               payload ->> 'serviceCode', payload ->> 'status', payload ->> 'automatic'
                        from case_event
                        where case_id in (:ids)
                          and type in ('CASE_OPENED', 'RECEIVED', 'CLASSIFIED_AUTOMATIC', 'ACKNOWLEDGED', 'ANSWERED',
                                       'CLOSED', 'REOPENED', 'STATUS_CHANGED', 'TRANSFERRED')
                        order by case_id, seq""")
                .param("ids", caseIds)
                .query((rs, n) -> {
                    long caseId = rs.getLong(1);
                    SlaEvent event = event(rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), serviceCodes);
                    if (event != null) {
                        byCase.computeIfAbsent(caseId, id -> new ArrayList<>()).add(event);
                    }
                    return null;
                })
                .list();
        return byCase;
    }

    private static SlaEvent event(String type, Instant at, String author, String serviceId, String serviceCode,
            String status, String automatic, Map<Long, String> serviceCodes) {
        return switch (type) {
            case "CASE_OPENED" -> {
                // Without its service the case's clocks cannot start: the sweep reports that case and goes on.
                String service = service(serviceCode, serviceId, serviceCodes);
                yield service == null ? null : SlaEvent.opened(at, service);
            }
            case "RECEIVED" -> "automatic".equals(author) ? SlaEvent.receivedAutomatic(at) : SlaEvent.received(at);
            case "CLASSIFIED_AUTOMATIC" -> new SlaEvent(SlaEvent.Type.CLASSIFIED_AUTOMATIC, at, true, null, null);
            case "ACKNOWLEDGED" -> SlaEvent.acknowledged(at);
            case "ANSWERED" -> new SlaEvent(SlaEvent.Type.ANSWERED, at, Boolean.parseBoolean(automatic), null, null);
            case "CLOSED" -> SlaEvent.statusChanged(at, SlaEvent.CLOSED);
            case "REOPENED" -> SlaEvent.reopened(at);
            case "STATUS_CHANGED" -> status == null ? null : SlaEvent.statusChanged(at, status);
            case "TRANSFERRED" -> {
                String to = service(serviceCode, serviceId, serviceCodes);
                yield to == null ? null : SlaEvent.transferred(at, to);
            }
            default -> null;
        };
    }

    private static String service(String code, String id, Map<Long, String> serviceCodes) {
        if (code != null && !code.isBlank()) {
            return code;
        }
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return serviceCodes.get(Long.parseLong(id.strip()));
        } catch (NumberFormatException e) {
            // a service written by code under "service"
            return id.strip();
        }
    }
}
