package org.guichet.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The date on which silence becomes a decision for a request (CRPA L231-1, L231-4).
 *
 * @param kind          acceptance or rejection
 * @param serviceCode   the competent service (the case's service after its transfers)
 * @param policyVersion the version of its policy that gave {@code kind}
 * @param runsFrom      the receipt the two months run from: the first receipt for a
 *                      rejection, the competent service's receipt for an acceptance (CRPA L114-3)
 * @param receiptDate   the day of that receipt, in {@code zone}
 * @param decisionDate  the day the implicit decision is acquired: {@code receiptDate} plus 2
 *                      calendar months; an express decision must come before it
 * @param zone          the zone dates are read in (the receiving service's calendar)
 */
public record ImplicitDecisionDeadline(ImplicitDecision kind, String serviceCode, int policyVersion, Instant runsFrom,
                                       LocalDate receiptDate, LocalDate decisionDate, ZoneId zone) {

    /** CRPA L231-1 and L231-4: two months of silence. */
    public static final Period SILENCE = Period.ofMonths(2);

    public ImplicitDecisionDeadline {
        Objects.requireNonNull(kind, "kind");
        if (kind == ImplicitDecision.NONE) {
            throw new IllegalArgumentException("no implicit decision deadline for a service whose silence decides nothing");
        }
        Objects.requireNonNull(runsFrom, "runsFrom");
        Objects.requireNonNull(receiptDate, "receiptDate");
        Objects.requireNonNull(decisionDate, "decisionDate");
        Objects.requireNonNull(zone, "zone");
    }

    /**
     * The day the decision is acquired for a request received on {@code receiptDate}.
     * The period runs "à compter de la date de réception" and is not franc: the receipt day
     * counts, so a request received on 23 April is decided by silence on 23 June (the
     * administration has until 22 June, 24:00). A missing day of month gives the month's
     * last day (31 December → 28 or 29 February, java.time's rule and the one of Code de
     * procédure civile art. 641 al. 2). A date on a Saturday, Sunday or holiday is not moved:
     * the extension of CPC art. 642 concerns time limits to act, not the birth of a decision.
     */
    public static LocalDate decisionDate(LocalDate receiptDate) {
        return receiptDate.plus(SILENCE);
    }

    /** The first instant of {@link #decisionDate()}: from then on, silence has decided. */
    public Instant decisionInstant() {
        return decisionDate.atStartOfDay(zone).toInstant();
    }

    /** Whether the implicit decision is acquired at {@code asOf}. */
    public boolean reached(Instant asOf) {
        return !asOf.isBefore(decisionInstant());
    }

    /**
     * Whether {@code asOf} lies within {@code window} before the decision date (from the
     * first instant of {@code decisionDate - window}) and the decision is not yet acquired.
     */
    public boolean approaching(Instant asOf, Period window) {
        Instant from = decisionDate.minus(window).atStartOfDay(zone).toInstant();
        return !asOf.isBefore(from) && !reached(asOf);
    }
}
