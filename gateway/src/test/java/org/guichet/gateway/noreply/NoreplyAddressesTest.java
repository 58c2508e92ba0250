package org.guichet.gateway.noreply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.apache.james.core.MailAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NoreplyAddressesTest {

    private final NoreplyAddresses noreply = NoreplyAddresses.defaults();

    @ParameterizedTest
    @ValueSource(strings = {"noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "ne-pas-repondre",
        "nepasrepondre", "ne_pas_repondre", "ne.pas.repondre", "pas-de-reponse",
        "ne-pas-répondre", "Ne.Pas.Répondre", "NOREPLY", "No-Reply", "PAS-DE-RÉPONSE", "NE_PAS_RÉPONDRE",
        "noreply+dossier-1234", "Do.Not.Reply"})
    void everyListedVariantIsNoreplyWhateverItsCaseAndAccents(String localPart) throws Exception {
        assertThat(noreply.matchesLocalPart(localPart)).isTrue();
        assertThat(noreply.matchesAddress(localPart + "@caf.fr")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"noreply.impots", "caf-ne-pas-repondre", "notification.no-reply.service"})
    void aPatternMayBeOneRunOfWordsOfTheLocalPart(String localPart) {
        assertThat(noreply.matchesLocalPart(localPart)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"contact", "reply", "reply+k1-abcdefghijklmnopabcdefghijklmnop", "noreplyx", "snoreply",
        "repondre", "accueil.usagers", "reponse"})
    void workingAddressesAreNotNoreply(String localPart) {
        assertThat(noreply.matchesLocalPart(localPart)).isFalse();
    }

    @Test
    void envelopeAddressesAreComparedByLocalPart() throws Exception {
        assertThat(noreply.matches(new MailAddress("No-Reply+relance@ameli.fr"))).isTrue();
        assertThat(noreply.matches(new MailAddress("noreply-contact@ameli.fr"))).isTrue();
        assertThat(noreply.matches(new MailAddress("contact@noreply.fr"))).as("the domain does not count").isFalse();
        assertThat(noreply.matches(null)).isFalse();
    }

    @Test
    void normalisationStripsAccentsCaseSeparatorsAndSubaddress() {
        assertThat(NoreplyAddresses.normalise("Ne.Pas-Répondre+dgfip")).isEqualTo("nepasrepondre");
        assertThat(NoreplyAddresses.normalise("\"no reply\"")).isEqualTo("noreply");
    }

    @Test
    void administrationsMayAddOrReplacePatterns() {
        NoreplyAddresses extended = noreply.plus(List.of("Automate"));
        NoreplyAddresses replaced = NoreplyAddresses.of(List.of("robot-caf"));

        assertThat(extended.matchesLocalPart("automate")).isTrue();
        assertThat(extended.matchesLocalPart("noreply")).isTrue();
        assertThat(replaced.matchesLocalPart("Robot.CAF")).isTrue();
        assertThat(replaced.matchesLocalPart("noreply")).isFalse();
    }

    @Test
    void patternsThatAreNotLocalPartsAreRefusedByName() {
        assertThatThrownBy(() -> NoreplyAddresses.of(List.of("noreply", "--")))
                .hasMessageContaining("'--'");
        assertThatThrownBy(() -> NoreplyAddresses.of(List.of("noreply@caf.fr")))
                .hasMessageContaining("'noreply@caf.fr'");
    }
}
