package org.guichet.gateway.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.guichet.casework.CaseEvent;
import org.guichet.casework.CaseReceipt;
import org.guichet.escalation.EscalationNotifier;
import org.guichet.escalation.SweepReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The escalation worker on a real PostgreSQL and a real spool, its clock moved by hand. The
 * default policy: first answer within 5 working days (Europe/Paris, 09:00–17:00), warning at 0.8.
 */
class EscalationWorkerTest {

    /** Tuesday 3 March 2026, 10:00 in Paris; the first answer is due Tuesday 10 March, 24:00 (47 open hours). */
    static final Instant T0 = Instant.parse("2026-03-03T09:00:00Z");
    /** Monday 9 March, 16:30 in Paris: 38.5 of 47 open hours, past 0.8. */
    static final Instant PAST_WARNING = Instant.parse("2026-03-09T15:30:00Z");
    /** Wednesday 11 March, 10:00 in Paris. */
    static final Instant PAST_DUE = Instant.parse("2026-03-11T09:00:00Z");

    private final EscalationRig rig = new EscalationRig(T0.minus(Duration.ofHours(1)));

    @AfterEach
    void close() throws InterruptedException {
        rig.close();
    }

    /** A request to {@code service} at T0, acknowledged a minute later. */
    private CaseReceipt acknowledgedRequest(String service) {
        CaseReceipt receipt = rig.request(service, T0);
        rig.acknowledge(receipt, T0.plusSeconds(60));
        return receipt;
    }

    private static MimeMessage parse(EscalationRig.Spooled spooled) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(spooled.raw()));
    }

    private List<CaseEvent> flagged(long caseId) {
        return rig.events.events(caseId).stream().filter(e -> e.type().equals("FLAGGED")).toList();
    }

    @Test
    void eightyPercentOfTheFirstAnswerTargetNotifiesTheSupervisorsOnce() throws Exception {
        CaseReceipt request = acknowledgedRequest("prestations");
        long id = request.caseFile().id();
        EscalationWorker worker = rig.worker();

        rig.clock.set(PAST_WARNING.minus(Duration.ofHours(2)));
        assertThat(worker.sweep().raised()).isZero();

        rig.clock.set(PAST_WARNING);
        assertThat(worker.sweep().notified()).isEqualTo(1);
        assertThat(worker.sweep().raised()).isZero();
        assertThat(rig.worker().sweep().raised()).as("another node, later").isZero();

        assertThat(rig.flags(id)).singleElement().satisfies(flag -> {
            assertThat(flag).containsEntry("kind", "WARNING").containsEntry("metric", "first_answer")
                    .containsEntry("clock", 1);
        });
        List<EscalationRig.Spooled> spooled = rig.spooled();
        assertThat(spooled).hasSize(1);
        EscalationRig.Spooled notice = spooled.get(0);
        assertThat(notice.sender()).isEqualTo("guichet@reponse.caf.fr");
        assertThat(notice.recipients()).containsExactly("chef.prestations@caf.fr", "adjoint.prestations@caf.fr");

        MimeMessage message = parse(notice);
        String reference = request.caseFile().reference();
        assertThat(message.getSubject())
                .isEqualTo("[" + reference + "] Alerte délai : première réponse / SLA warning: first answer");
        assertThat(message.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(message.getFrom()[0].toString()).contains("guichet@reponse.caf.fr");
        String body = (String) message.getContent();
        assertThat(body.indexOf("Dossier : " + reference)).isGreaterThanOrEqualTo(0)
                .isLessThan(body.indexOf("Case : " + reference));
        assertThat(body).contains("Service : Prestations familiales (prestations)",
                "Échéance : mardi 10 mars 2026 à 24:00 (Europe/Paris)",
                "Due : Tuesday 10 March 2026, 24:00 (Europe/Paris)",
                "Temps écoulé : 38 h 30 min (heures d'ouverture)", "Elapsed : 38 h 30 min (opening hours)");
        assertThat(body).as("no personal data").doesNotContain(EscalationRig.CITIZEN, "Bonjour", "http");
        assertThat(new String(notice.raw(), java.nio.charset.StandardCharsets.US_ASCII))
                .doesNotContain("\n\n").as("CRLF line endings only").doesNotContainPattern("[^\r]\n");

        assertThat(flagged(id)).singleElement().satisfies(event -> {
            assertThat(event.occurredAt()).isEqualTo(PAST_WARNING);
            assertThat(event.payload()).contains("\"kind\":\"WARNING\"", "\"metric\":\"first_answer\"",
                    "\"notice\":\"" + notice.queueId() + "\"", "\"supervisors\":2");
        });
    }

    @Test
    void twoWorkersSweepingAtOnceSendOneNotice() throws Exception {
        long id = acknowledgedRequest("prestations").caseFile().id();
        rig.clock.set(PAST_WARNING);
        EscalationWorker second = rig.worker();
        AtomicReference<CompletableFuture<SweepReport>> secondSweep = new AtomicReference<>();
        // The first worker, holding its uncommitted flag, lets the second sweep start and waits
        // until the second is blocked on the flag's unique key: both decided the same flag.
        EscalationWorker first = rig.worker(real -> (EscalationNotifier) notice -> {
            secondSweep.set(CompletableFuture.supplyAsync(second::sweep));
            await().atMost(Duration.ofSeconds(10)).until(() -> rig.jdbc
                    .sql("select count(*) from pg_locks where not granted").query(Long.class).single() > 0);
            return real.send(notice);
        });

        SweepReport one = first.sweep();
        SweepReport two = secondSweep.get().get();

        assertThat(one.notified()).isEqualTo(1);
        assertThat(two.raised()).isZero();
        assertThat(two.failed()).isZero();
        assertThat(rig.flags(id)).hasSize(1);
        assertThat(rig.spooled()).hasSize(1);
        assertThat(flagged(id)).hasSize(1);
    }

    @Test
    void pastTheDueDateTheBreachIsNotifiedToo() throws Exception {
        long id = acknowledgedRequest("prestations").caseFile().id();
        EscalationWorker worker = rig.worker();
        rig.clock.set(PAST_WARNING);
        worker.sweep();
        rig.clock.set(PAST_DUE);
        worker.sweep();
        worker.sweep();

        assertThat(rig.flags(id)).extracting(f -> f.get("kind")).containsExactly("WARNING", "BREACH");
        List<EscalationRig.Spooled> spooled = rig.spooled();
        assertThat(spooled).hasSize(2);
        assertThat(parse(spooled.get(1)).getSubject()).endsWith("Délai dépassé : première réponse / SLA breached:"
                + " first answer");
    }

    @Test
    void theThirdMessageWithoutAnswerRaisesThePriorityAndNotifiesOnce() throws Exception {
        CaseReceipt first = acknowledgedRequest("prestations");
        long id = first.caseFile().id();
        EscalationWorker worker = rig.worker();
        rig.followUp(first, T0.plus(Duration.ofHours(1)), null);
        rig.clock.set(T0.plus(Duration.ofMinutes(90)));
        worker.sweep();
        assertThat(rig.priority(id)).isEqualTo("normal");
        assertThat(rig.spooled()).isEmpty();

        rig.followUp(first, T0.plus(Duration.ofHours(2)), null);
        rig.clock.set(T0.plus(Duration.ofMinutes(150)));
        assertThat(worker.sweep().notified()).isEqualTo(1);
        assertThat(rig.priority(id)).isEqualTo("high");
        assertThat(rig.flags(id)).singleElement().satisfies(flag -> assertThat(flag)
                .containsEntry("kind", "THIRD_MESSAGE_WITHOUT_ANSWER").containsEntry("metric", "first_answer"));
        assertThat(rig.eventTypes(id)).endsWith("FLAGGED", "PRIORITY_RAISED");
        MimeMessage notice = parse(rig.spooled().get(0));
        assertThat(notice.getSubject()).endsWith("Troisième message sans réponse / Third message without an answer");
        assertThat((String) notice.getContent()).contains("Le citoyen a écrit 3 fois",
                "The citizen wrote 3 times");

        rig.followUp(first, T0.plus(Duration.ofHours(3)), null);
        rig.clock.set(T0.plus(Duration.ofMinutes(210)));
        assertThat(worker.sweep().raised()).isZero();
        assertThat(rig.priority(id)).isEqualTo("high");
        assertThat(rig.spooled()).hasSize(1);
        assertThat(rig.eventTypes(id)).filteredOn("PRIORITY_RAISED"::equals).hasSize(1);
    }

    @Test
    void automaticMessagesDoNotCountAsMessagesWithoutAnswer() {
        CaseReceipt first = acknowledgedRequest("prestations");
        long id = first.caseFile().id();
        rig.followUp(first, T0.plus(Duration.ofHours(1)), "auto-submitted");
        rig.followUp(first, T0.plus(Duration.ofHours(2)), "out-of-office");
        rig.followUp(first, T0.plus(Duration.ofHours(3)), null);
        rig.clock.set(T0.plus(Duration.ofHours(4)));

        assertThat(rig.worker().sweep().raised()).isZero();
        assertThat(rig.priority(id)).isEqualTo("normal");
        assertThat(rig.flags(id)).isEmpty();
        assertThat(rig.spooled()).isEmpty();
    }

    @Test
    void aServiceWithoutSupervisorsIsFlaggedWithoutNotice() {
        long id = acknowledgedRequest("accueil").caseFile().id();
        rig.clock.set(PAST_WARNING);

        SweepReport report = rig.worker().sweep();

        assertThat(report.raised()).isEqualTo(1);
        assertThat(report.notified()).isZero();
        assertThat(rig.flags(id)).singleElement().satisfies(flag -> assertThat(flag).containsEntry("kind", "WARNING"));
        assertThat(rig.spooled()).isEmpty();
        assertThat(flagged(id)).singleElement().satisfies(event -> assertThat(event.payload())
                .contains("\"supervisors\":0").doesNotContain("notice"));
    }

    @Test
    void anApproachingImplicitDecisionIsFlaggedAndNotified() throws Exception {
        CaseReceipt request = acknowledgedRequest("titres");
        long id = request.caseFile().id();
        rig.answer(request, T0.plus(Duration.ofHours(1)));
        EscalationWorker worker = rig.worker();
        // Received 3 March: silence decides on 3 May (CRPA L231-4); flagged from 18 April, 00:00 in Paris.
        rig.clock.set(Instant.parse("2026-04-17T21:30:00Z"));
        assertThat(worker.sweep().raised()).isZero();
        rig.clock.set(Instant.parse("2026-04-18T08:00:00Z"));
        worker.sweep();
        worker.sweep();

        assertThat(rig.flags(id)).singleElement().satisfies(flag -> assertThat(flag)
                .containsEntry("kind", "DECISION_DATE_APPROACHING").containsEntry("metric", "implicit_decision"));
        List<EscalationRig.Spooled> spooled = rig.spooled();
        assertThat(spooled).singleElement().satisfies(s -> assertThat(s.recipients())
                .containsExactly("chef.titres@caf.fr"));
        MimeMessage notice = parse(spooled.get(0));
        assertThat(notice.getSubject()).endsWith("Décision implicite le 2026-05-03 / Implicit decision on 2026-05-03");
        assertThat((String) notice.getContent()).contains("décision implicite de rejet (CRPA L231-4)",
                "Décision implicite le : dimanche 3 mai 2026");
        assertThat(flagged(id).get(0).payload()).contains("\"decisionDate\":\"2026-05-03\"");
    }

    @Test
    void anAnsweredCaseRaisesNothing() {
        CaseReceipt request = acknowledgedRequest("prestations");
        rig.answer(request, T0.plus(Duration.ofHours(1)));
        rig.clock.set(PAST_DUE);

        SweepReport report = rig.worker().sweep();

        assertThat(report.cases()).isEqualTo(1);
        assertThat(report.raised()).isZero();
        assertThat(rig.flags(request.caseFile().id())).isEmpty();
        assertThat(rig.spooled()).isEmpty();
    }

    @Test
    void everyOpenCaseIsReadAcrossPagesAndClosedCasesAreNot() {
        // The rig's workers read 2 cases a page: 5 requests take 3 pages.
        List<CaseReceipt> requests = List.of(acknowledgedRequest("prestations"), acknowledgedRequest("accueil"),
                acknowledgedRequest("prestations"), acknowledgedRequest("accueil"), acknowledgedRequest("prestations"));
        rig.casework.close(requests.get(1).caseFile().id());
        rig.clock.set(PAST_WARNING);

        SweepReport report = rig.worker().sweep();

        assertThat(report.cases()).isEqualTo(4);
        assertThat(report.raised()).isEqualTo(4);
        assertThat(report.notified()).isEqualTo(3);
        assertThat(rig.flags(requests.get(1).caseFile().id())).isEmpty();
        assertThat(rig.spooled()).hasSize(3);
    }
}
