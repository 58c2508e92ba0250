package org.guichet.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/** Case references: per-year numbering in the administration's time zone, and found in subjects. */
class CaseReferencesTest {

    private final CaseworkRig rig = new CaseworkRig();
    private final CaseReferences references = rig.references;

    @Test
    void numbersRunPerYearOfTheAdministrationsCalendar() {
        assertThat(references.next(Instant.parse("2026-06-01T10:00:00Z"))).isEqualTo("GCH-2026-000001");
        assertThat(references.next(Instant.parse("2026-06-01T10:00:01Z"))).isEqualTo("GCH-2026-000002");
        // 23:30 UTC on 31 December is already 1 January in Paris.
        assertThat(references.next(Instant.parse("2026-12-31T23:30:00Z"))).isEqualTo("GCH-2027-000001");
        assertThat(references.next(Instant.parse("2026-12-31T22:30:00Z"))).isEqualTo("GCH-2026-000003");
    }

    @Test
    void aRolledBackCaseLeavesNoGap() {
        TransactionTemplate transaction = new TransactionTemplate(rig.transactions);
        transaction.executeWithoutResult(status -> {
            references.next(Instant.parse("2026-06-01T10:00:00Z"));
            status.setRollbackOnly();
        });
        assertThat(references.next(Instant.parse("2026-06-01T10:00:00Z"))).isEqualTo("GCH-2026-000001");
    }

    @Test
    void referenceIsFoundInBracketsAnywhereInTheSubject() {
        assertThat(references.findIn("Re: RE: [GCH-2026-000123] Votre dossier")).hasValue("GCH-2026-000123");
        assertThat(references.findIn("TR: Votre dossier [ gch-2026-1234567 ]")).hasValue("GCH-2026-1234567");
        assertThat(references.findIn("Re: GCH-2026-000123 sans crochets")).isEmpty();
        assertThat(references.findIn("Re: [GCH-26-000123]")).isEmpty();
        assertThat(references.findIn(null)).isEmpty();
    }

    @Test
    void prefixAndZoneAreChecked() {
        assertThatThrownBy(() -> new CaseworkProperties("gch", "Europe/Paris"))
                .hasMessageContaining("guichet.cases.reference-prefix");
        assertThatThrownBy(() -> new CaseworkProperties("GCH", "Europe/Lutece"))
                .hasMessageContaining("guichet.cases.zone");
    }
}
