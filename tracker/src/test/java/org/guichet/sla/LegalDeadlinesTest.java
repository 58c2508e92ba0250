package org.guichet.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.sla.SlaClockTest.DEFAULTS;
import static org.guichet.sla.SlaClockTest.FRANCE;
import static org.guichet.sla.SlaClockTest.paris;
import static org.guichet.sla.SlaEvent.opened;
import static org.guichet.sla.SlaEvent.received;
import static org.guichet.sla.SlaEvent.receivedAutomatic;
import static org.guichet.sla.SlaEvent.statusChanged;
import static org.guichet.sla.SlaEvent.transferred;

class LegalDeadlinesTest {

    private static final Instant FOREVER = paris("2000-01-01T00:00");

    private static SlaPolicies silence(Map<String, ImplicitDecision> byService) {
        SlaPolicies policies = SlaPolicies.defaultsOnly(DEFAULTS);
        for (var entry : byService.entrySet()) {
            SlaTerms terms = new SlaTerms(DEFAULTS.targets(), DEFAULTS.pausingStatuses(), DEFAULTS.warningFraction(),
                    entry.getValue());
            policies = policies.with(new SlaPolicy(entry.getKey(), 1, FOREVER, terms));
        }
        return policies;
    }

    private static LegalDeadlines deadlines(Map<String, ImplicitDecision> byService) {
        return new LegalDeadlines(silence(byService), ServiceCalendars.single(FRANCE));
    }

    @ParameterizedTest(name = "received {0}, decided by silence on {1}")
    @CsvSource({
            "2025-04-23, 2025-06-23",   // the receipt day counts: the administration has until 22 June 24:00
            "2025-12-31, 2026-02-28",   // no 31 February: the month's last day
            "2025-12-30, 2026-02-28",
            "2023-12-31, 2024-02-29",   // leap year
            "2025-08-31, 2025-10-31",
            "2025-06-14, 2025-08-14",
            "2025-06-15, 2025-08-15",   // Assomption: not moved to the next working day
            "2025-06-16, 2025-08-16"})  // a Saturday: not moved either
    void decisionDateIsTwoCalendarMonthsAfterTheReceiptDate(LocalDate receipt, LocalDate decision) {
        assertThat(ImplicitDecisionDeadline.decisionDate(receipt)).isEqualTo(decision);
    }

    @Test
    void receiptDateIsTheServiceLocalDate() {
        // 22 April 23:30 UTC is 23 April 01:30 in Paris.
        var deadline = deadlines(Map.of("prefecture", ImplicitDecision.ACCEPTANCE)).implicitDecision(List.of(
                opened(Instant.parse("2025-04-22T23:30:00Z"), "prefecture"),
                received(Instant.parse("2025-04-22T23:30:00Z")))).orElseThrow();
        assertThat(deadline.kind()).isEqualTo(ImplicitDecision.ACCEPTANCE);
        assertThat(deadline.receiptDate()).isEqualTo(LocalDate.parse("2025-04-23"));
        assertThat(deadline.decisionDate()).isEqualTo(LocalDate.parse("2025-06-23"));
        assertThat(deadline.decisionInstant()).isEqualTo(paris("2025-06-23T00:00"));
    }

    @Test
    void aTransferKeepsTheFirstReceiptForARejection() {
        var deadline = deadlines(Map.of("prefecture", ImplicitDecision.REJECTION)).implicitDecision(List.of(
                opened(paris("2025-03-10T11:00"), "mairie"), received(paris("2025-03-10T11:00")),
                transferred(paris("2025-03-20T09:00"), "prefecture"))).orElseThrow();
        // CRPA L114-2 and L114-3: the rejection deadline runs from the receipt by the service first seized.
        assertThat(deadline.serviceCode()).isEqualTo("prefecture");
        assertThat(deadline.runsFrom()).isEqualTo(paris("2025-03-10T11:00"));
        assertThat(deadline.decisionDate()).isEqualTo(LocalDate.parse("2025-05-10"));
    }

    @Test
    void anAcceptanceRunsFromTheCompetentServiceReceipt() {
        var deadline = deadlines(Map.of("prefecture", ImplicitDecision.ACCEPTANCE)).implicitDecision(List.of(
                opened(paris("2025-03-10T11:00"), "mairie"), received(paris("2025-03-10T11:00")),
                transferred(paris("2025-03-20T09:00"), "prefecture"))).orElseThrow();
        // CRPA L114-3: an implicit acceptance only runs from the receipt by the competent service.
        assertThat(deadline.runsFrom()).isEqualTo(paris("2025-03-20T09:00"));
        assertThat(deadline.decisionDate()).isEqualTo(LocalDate.parse("2025-05-20"));
    }

    @Test
    void noDeadlineWhenSilenceDecidesNothingOrNoRequestCame() {
        LegalDeadlines deadlines = deadlines(Map.of("prefecture", ImplicitDecision.REJECTION));
        assertThat(deadlines.implicitDecision(List.of(opened(paris("2025-03-10T11:00"), "mairie"),
                received(paris("2025-03-10T11:00"))))).isEmpty();
        assertThat(deadlines.implicitDecision(List.of(opened(paris("2025-03-10T11:00"), "prefecture"),
                receivedAutomatic(paris("2025-03-10T11:00"))))).isEmpty();
    }

    @Test
    void casesApproachingTheDecisionDateAreFlagged() {
        LegalDeadlines deadlines = deadlines(Map.of("prefecture", ImplicitDecision.REJECTION));
        List<SlaEvent> events = List.of(opened(paris("2025-04-23T10:00"), "prefecture"), received(paris("2025-04-23T10:00")));
        Period window = Period.ofDays(15);

        assertThat(deadlines.approaching(events, paris("2025-06-07T23:59"), window)).isFalse();
        assertThat(deadlines.approaching(events, paris("2025-06-08T00:00"), window)).isTrue();
        assertThat(deadlines.approaching(events, paris("2025-06-22T23:59"), window)).isTrue();
        // From 23 June the decision is acquired: no longer approaching, reached.
        assertThat(deadlines.approaching(events, paris("2025-06-23T00:00"), window)).isFalse();
        assertThat(deadlines.implicitDecision(events).orElseThrow().reached(paris("2025-06-23T00:00"))).isTrue();

        List<SlaEvent> closed = List.of(events.get(0), events.get(1), statusChanged(paris("2025-05-02T10:00"), SlaEvent.CLOSED));
        assertThat(deadlines.approaching(closed, paris("2025-06-10T00:00"), window)).isFalse();
    }
}
