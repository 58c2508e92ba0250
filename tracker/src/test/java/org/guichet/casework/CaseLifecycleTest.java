package org.guichet.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.guichet.audit.AuditProperties;
import org.guichet.audit.CaseHistories;
import org.guichet.sla.SlaEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The case lifecycle on a real PostgreSQL: each change is the state, an event, and what the SLA clocks read. */
class CaseLifecycleTest {

    final CaseworkRig rig = new CaseworkRig();
    final List<String> letters = new ArrayList<>();
    final StaticListableBeanFactory beans = new StaticListableBeanFactory();
    final CaseLifecycle lifecycle = new CaseLifecycle(rig.jdbc, rig.transactions, rig.events,
            beans.getBeanProvider(TransferNotice.class), rig.clock);
    final CaseListing listing = new CaseListing(rig.jdbc);

    CaseLifecycleTest() {
        rig.account("camille", "prestations");
        rig.account("dominique", "logement");
    }

    Case newCase() {
        rig.conversation("c0nv" + letters.size() + "aaaaaaaaaaaa", "alice@example.org");
        return rig.casework.receive(rig.reply("alice@example.org").token("c0nv" + letters.size() + "aaaaaaaaaaaa")
                .inbound()).caseFile();
    }

    @Test
    void aCaseStartsNewAndTakingItOpensIt() {
        Case opened = newCase();
        assertThat(opened.status()).isEqualTo(CaseStatus.NEW);

        Case taken = lifecycle.assign(opened.id(), "camille", "camille");
        assertThat(taken.assignee()).isEqualTo("camille");
        assertThat(taken.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(types(opened)).endsWith(CaseEventType.ASSIGNED, CaseEventType.STATUS_CHANGED);
        assertThat(rig.events.events(opened.id()).getLast().payload()).contains("\"account\":\"camille\"").contains("\"from\":\"new\"").contains("\"status\":\"open\"");

        assertThatThrownBy(() -> lifecycle.assign(opened.id(), "dominique", "camille"))
                .isInstanceOf(CaseChangeRefused.class).hasMessageContaining("does not belong")
                .extracting(e -> ((CaseChangeRefused) e).reason()).isEqualTo(CaseChangeRefused.Reason.CONFLICT);
        assertThat(lifecycle.assign(opened.id(), null, "camille").assignee()).isNull();
    }

    @Test
    void waitingOnTheCitizenPausesTheClocksAndTheirMessageResumes() {
        Case opened = newCase();
        rig.clock.set(CaseworkRig.T0.plus(Duration.ofHours(3)));
        Case waiting = lifecycle.changeStatus(opened.id(), CaseStatus.WAITING_CITIZEN, "camille");
        assertThat(waiting.status()).isEqualTo(CaseStatus.WAITING_CITIZEN);
        assertThat(lifecycle.changeStatus(opened.id(), CaseStatus.WAITING_CITIZEN, "camille"))
                .as("the same status again writes nothing").isEqualTo(waiting);

        Case back = rig.casework.receive(rig.reply("alice@example.org").token("c0nv0aaaaaaaaaaaa").inbound())
                .caseFile();
        assertThat(back.status()).as("the citizen wrote again").isEqualTo(CaseStatus.OPEN);

        List<SlaEvent> clocks = histories().history(opened.id(), Instant.parse("2027-01-01T00:00:00Z"))
                .orElseThrow().events();
        assertThat(clocks).extracting(SlaEvent::type, SlaEvent::status).contains(
                org.assertj.core.groups.Tuple.tuple(SlaEvent.Type.STATUS_CHANGED, SlaEvent.WAITING_CITIZEN),
                org.assertj.core.groups.Tuple.tuple(SlaEvent.Type.STATUS_CHANGED, SlaEvent.OPEN));
        assertThatThrownBy(() -> lifecycle.changeStatus(opened.id(), CaseStatus.NEW, "camille"))
                .isInstanceOf(CaseChangeRefused.class);
    }

    @Test
    void closingAndReopeningAreEventsTheClocksRead() {
        Case opened = newCase();
        Case closed = lifecycle.changeStatus(opened.id(), CaseStatus.CLOSED, "camille");
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.closedAt()).isEqualTo(rig.clock.instant());
        Case reopened = lifecycle.changeStatus(opened.id(), CaseStatus.OPEN, "camille");
        assertThat(reopened.closedAt()).isNull();
        assertThat(types(opened)).endsWith(CaseEventType.CLOSED, CaseEventType.REOPENED);
        assertThat(histories().history(opened.id(), Instant.parse("2027-01-01T00:00:00Z")).orElseThrow().events())
                .extracting(SlaEvent::type).endsWith(SlaEvent.Type.STATUS_CHANGED, SlaEvent.Type.REOPENED);
        assertThat(rig.events.verify().intact()).isTrue();
    }

    @Test
    void aTransferTellsTheCitizenAndMovesTheCaseUnassigned() throws Exception {
        beans.addBean("notice", (TransferNotice) (caseFile, from, to) -> {
            letters.add(caseFile.citizenAddress() + ": " + from.code() + " -> " + to.code());
            return new TransferNotice.Sent("N" + letters.size() + "TRANSFER", "<t" + letters.size() + "@reponse.caf.fr>",
                    "logement@caf.fr", caseFile.citizenAddress(), "Votre demande est transmise",
                    "Votre demande a été transmise au service " + to.name() + ".", rig.clock.instant());
        });
        Case opened = lifecycle.assign(newCase().id(), "camille", "camille");

        Case moved = lifecycle.transfer(opened.id(), "logement", "aide au logement", "camille");
        assertThat(moved.serviceId()).isEqualTo(rig.serviceId("logement"));
        assertThat(moved.assignee()).isNull();
        assertThat(moved.openedAt()).as("the legal deadline keeps its first receipt").isEqualTo(opened.openedAt());
        assertThat(letters).containsExactly("alice@example.org: prestations -> logement");
        assertThat(rig.casework.messages(opened.id())).last().satisfies(m -> {
            assertThat(m.author()).isEqualTo(AuthorKind.NOTICE);
            assertThat(m.direction()).isEqualTo(Direction.OUTBOUND);
        });
        assertThat(rig.events.events(opened.id()).getLast().payload()).contains("\"serviceCode\":\"logement\"").contains("\"fromService\":\"prestations\"").contains("\"reason\":\"aide au logement\"");
        assertThat(histories().history(opened.id(), Instant.parse("2027-01-01T00:00:00Z")).orElseThrow().events())
                .extracting(SlaEvent::type, SlaEvent::serviceCode)
                .contains(org.assertj.core.groups.Tuple.tuple(SlaEvent.Type.TRANSFERRED, "logement"));

        assertThatThrownBy(() -> lifecycle.transfer(opened.id(), "logement", null, "dominique"))
                .hasMessageContaining("already with logement");
        assertThatThrownBy(() -> lifecycle.transfer(opened.id(), "nowhere", null, "dominique"))
                .extracting(e -> ((CaseChangeRefused) e).reason()).isEqualTo(CaseChangeRefused.Reason.NOT_FOUND);
        assertThat(letters).hasSize(1);
    }

    @Test
    void withoutTheMailPlaneNoTransferHappens() {
        Case opened = newCase();
        assertThatThrownBy(() -> lifecycle.transfer(opened.id(), "logement", null, "camille"))
                .isInstanceOf(CaseChangeRefused.class);
        assertThat(rig.casework.caseById(opened.id()).orElseThrow().serviceId()).isEqualTo(rig.serviceId("prestations"));
    }

    @Test
    void notesStayInternalAndTheChainKeepsOnlyTheirDigest() {
        Case opened = newCase();
        CaseNote note = lifecycle.note(opened.id(), "  Appelé la citoyenne, attend son RIB.  ", "camille");
        assertThat(note.body()).isEqualTo("Appelé la citoyenne, attend son RIB.");
        assertThat(lifecycle.notes(opened.id())).containsExactly(note);
        CaseEvent event = rig.events.events(opened.id()).getLast();
        assertThat(event.type()).isEqualTo(CaseEventType.NOTE_ADDED.name());
        assertThat(event.payload().toString()).doesNotContain("RIB");
        assertThatThrownBy(() -> lifecycle.note(opened.id(), "   ", "camille"))
                .extracting(e -> ((CaseChangeRefused) e).reason()).isEqualTo(CaseChangeRefused.Reason.INVALID);
        lifecycle.viewed(opened.id(), "dominique");
        assertThat(rig.events.events(opened.id()).getLast().payload()).contains("\"account\":\"dominique\"");
    }

    @Test
    void queuesShowEscalatedCasesFirstWithinTheirScope() {
        Case first = newCase();
        letters.add("next");
        Case second = newCase();
        letters.add("next");
        Case urgent = newCase();
        rig.jdbc.sql("update citizen_case set priority = 'urgent' where id = :id").param("id", first.id()).update();
        rig.jdbc.sql("insert into case_flag (case_id, kind, metric, clock, raised_at)"
                + " values (:id, 'BREACH', 'first_answer', 1, now())").param("id", urgent.id()).update();
        lifecycle.assign(second.id(), "camille", "camille");

        CaseScope camille = CaseScope.services(Set.of(rig.serviceId("prestations")));
        assertThat(listing.list(new CaseFilter(null, null, null, camille, true, null, false, null, null), 0, 10)
                .items()).extracting(CaseSummary::reference)
                .containsExactly(first.reference(), urgent.reference(), second.reference());
        assertThat(listing.list(new CaseFilter(null, null, null, CaseScope.services(Set.of(rig.serviceId("logement"))),
                true, null, false, null, null), 0, 10).total()).isZero();
        assertThat(listing.list(new CaseFilter(null, null, null, camille, true, "camille", false, null, null), 0, 10)
                .items()).extracting(CaseSummary::reference).containsExactly(second.reference());
        assertThat(listing.list(new CaseFilter(null, null, null, camille, true, null, true, null, null), 0, 10)
                .total()).isEqualTo(2);
        assertThat(listing.list(new CaseFilter(null, null, null, camille, true, null, false,
                CaseFilter.Flag.BREACHED, null), 0, 10).items()).singleElement()
                .satisfies(s -> assertThat(s.flag()).isEqualTo(CaseFilter.Flag.BREACHED));
        assertThat(listing.list(new CaseFilter(null, null, null, camille, true, null, false, null,
                urgent.reference().toLowerCase()), 0, 10).items()).extracting(CaseSummary::reference)
                .containsExactly(urgent.reference());
        assertThat(listing.list(new CaseFilter(null, null, null, camille, true, null, false, null, "dossier"), 0, 10)
                .total()).as("subject words").isEqualTo(3);
        assertThat(listing.list(new CaseFilter(null, null, null, camille, true, null, false, null, "100%"), 0, 10)
                .total()).as("wildcards are literal").isZero();
    }

    private List<CaseEventType> types(Case caseFile) {
        return rig.events.events(caseFile.id()).stream().map(e -> CaseEventType.valueOf(e.type())).toList();
    }

    private CaseHistories histories() {
        return new CaseHistories(rig.jdbc, new AuditProperties(java.time.ZoneId.of("Europe/Paris"), 2,
                AuditProperties.Verification.LATEST));
    }

}
