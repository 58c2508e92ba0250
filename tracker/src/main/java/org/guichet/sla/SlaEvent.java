package org.guichet.sla;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One event of a case, as the SLA clocks read it: the little they need from the case's
 * event log, with the gateway's timestamp.
 *
 * @param type        what happened
 * @param at          when, by the gateway's clock
 * @param automatic   for {@link Type#RECEIVED} and {@link Type#ANSWERED}: the message was
 *                    written by a machine (RFC 3834 auto-reply, DSN, out-of-office); it
 *                    starts and stops no clock
 * @param status      for {@link Type#STATUS_CHANGED}: the new status ({@value #OPEN},
 *                    {@value #WAITING_CITIZEN}, {@value #CLOSED}); otherwise null
 * @param serviceCode for {@link Type#CASE_OPENED}: the case's service; for
 *                    {@link Type#TRANSFERRED}: the service it goes to; otherwise null
 */
public record SlaEvent(Type type, Instant at, boolean automatic, String status, String serviceCode) {

    public static final String OPEN = "open";
    public static final String WAITING_CITIZEN = "waiting_citizen";
    public static final String CLOSED = "closed";

    /** The event types of the case event log. */
    public enum Type {
        /** The case exists; carries its service. Starts nothing by itself. */
        CASE_OPENED,
        /** A message from the citizen (or automatic, flagged so). */
        RECEIVED,
        /** A received message was found automatic afterwards; recorded for evidence, starts and stops nothing. */
        CLASSIFIED_AUTOMATIC,
        /** The acknowledgement of receipt was sent (CRPA L112-11). */
        ACKNOWLEDGED,
        /** An agent answered the citizen. */
        ANSWERED,
        /** The case's status changed; carries the new status. */
        STATUS_CHANGED,
        /** A closed case was opened again. */
        REOPENED,
        /** The case went to another service (CRPA L114-2); carries that service. */
        TRANSFERRED
    }

    public SlaEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        status = normalStatus(status);
        if (type == Type.STATUS_CHANGED && status == null) {
            throw new IllegalArgumentException("a status change at " + at + " needs the new status");
        }
        if ((type == Type.CASE_OPENED || type == Type.TRANSFERRED) && (serviceCode == null || serviceCode.isBlank())) {
            throw new IllegalArgumentException(type + " at " + at + " needs a service code");
        }
    }

    public static SlaEvent opened(Instant at, String serviceCode) {
        return new SlaEvent(Type.CASE_OPENED, at, false, null, serviceCode);
    }

    /** A message written by the citizen. */
    public static SlaEvent received(Instant at) {
        return new SlaEvent(Type.RECEIVED, at, false, null, null);
    }

    /** A message written by a machine (auto-reply, out-of-office, DSN). */
    public static SlaEvent receivedAutomatic(Instant at) {
        return new SlaEvent(Type.RECEIVED, at, true, null, null);
    }

    public static SlaEvent acknowledged(Instant at) {
        return new SlaEvent(Type.ACKNOWLEDGED, at, false, null, null);
    }

    /** An answer written by an agent. */
    public static SlaEvent answered(Instant at) {
        return new SlaEvent(Type.ANSWERED, at, false, null, null);
    }

    public static SlaEvent statusChanged(Instant at, String status) {
        return new SlaEvent(Type.STATUS_CHANGED, at, false, status, null);
    }

    public static SlaEvent reopened(Instant at) {
        return new SlaEvent(Type.REOPENED, at, false, null, null);
    }

    public static SlaEvent transferred(Instant at, String toService) {
        return new SlaEvent(Type.TRANSFERRED, at, false, null, toService);
    }

    /** A message from the citizen that counts: received and not automatic. */
    boolean isCitizenMessage() {
        return type == Type.RECEIVED && !automatic;
    }

    static String normalStatus(String status) {
        return status == null || status.isBlank() ? null : status.strip().toLowerCase(Locale.ROOT);
    }
}
