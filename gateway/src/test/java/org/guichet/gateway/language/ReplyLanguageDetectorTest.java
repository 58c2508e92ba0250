package org.guichet.gateway.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The language of citizens' replies, as the visible-text extraction leaves them. */
class ReplyLanguageDetectorTest {

    private final ReplyLanguageDetector detector = new ReplyLanguageDetector();

    /** Replies as citizens write them, in each language. */
    static Stream<Arguments> replies() {
        return Stream.of(
                in(Language.FRENCH,
                        "Bonjour,\n\nJe vous envoie ci-joint l'attestation de la CAF que vous m'avez demandée. "
                                + "Mon dossier est toujours en attente depuis le mois de mars.\n\nCordialement,\nMme Rousseau",
                        "Madame, Monsieur, j'ai reçu un courrier me demandant un justificatif de domicile mais je l'ai déjà "
                                + "envoyé le 12 février. Pouvez-vous vérifier ?",
                        "bjr je comprend pas pourquoi mon aide a été supprimé, jai rien changé dans ma situation. merci de me "
                                + "rappeler au 06 12 34 56 78",
                        "Merci pour votre réponse. Où dois-je envoyer l'original du bail ?"),
                in(Language.DUTCH,
                        "Geachte heer, mevrouw,\n\nIk heb op 3 maart mijn aanvraag ingediend, maar ik heb nog geen antwoord "
                                + "ontvangen. Kunt u mij laten weten hoe het met mijn dossier staat?\n\nMet vriendelijke groeten,"
                                + "\nJan Peeters",
                        "Goedendag, in bijlage vindt u het attest van mijn werkgever. Is dit voldoende voor de premie?",
                        "Beste, mijn adres is veranderd sinds januari. Waar moet ik dat doorgeven? Alvast bedankt",
                        "ik snap niet waarom ik een boete krijg, de auto was toen al verkocht"),
                in(Language.GERMAN,
                        "Sehr geehrte Damen und Herren,\n\nich habe am 3. März meinen Antrag gestellt, aber bis heute keine "
                                + "Antwort erhalten. Können Sie mir bitte sagen, wie der Stand ist?\n\nMit freundlichen Grüßen\n"
                                + "Anna Schmitz",
                        "Guten Tag, anbei die Bescheinigung meines Arbeitgebers. Ist das so in Ordnung?",
                        "Hallo, meine Adresse hat sich seit Januar geändert. Wo muss ich das melden? Vielen Dank",
                        "ich verstehe nicht warum die Zahlung eingestellt wurde, es hat sich nichts geändert"),
                in(Language.ENGLISH,
                        "Hello,\n\nI sent my application on 3 March but I have not received any answer yet. Could you please "
                                + "tell me where my file stands?\n\nKind regards,\nJohn Smith",
                        "Dear Sir or Madam, please find attached the certificate from my employer. Is this enough?",
                        "I'm a student from Spain and I don't understand the letter I got, what do I have to do?"))
                .flatMap(replies -> replies);
    }

    private static Stream<Arguments> in(Language language, String... replies) {
        return Stream.of(replies).map(reply -> Arguments.of(language, reply));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("replies")
    void aReplyIsFoundInItsLanguage(Language language, String reply) {
        assertThat(detector.detect(reply)).contains(language);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Merci !", "OK, bedankt", "Danke schön", "Thanks", "Bien reçu.", "GCH-2025-000123",
            "06 12 34 56 78", "", "   ", "Voir pièce jointe", "Zie bijlage"})
    void shortRepliesTellNothing(String reply) {
        assertThat(detector.detect(reply)).isEmpty();
    }

    @Test
    void aReplyHalfInOneLanguageHalfInAnotherTellsNothing() {
        assertThat(detector.detect("Bonjour, je vous envoie le document. Hello, I send you the document."))
                .isEmpty();
        assertThat(detector.detect("Ik stuur u het formulier. Ich schicke Ihnen das Formular.")).isEmpty();
    }

    @Test
    void nothingIsNotALanguage() {
        assertThat(detector.detect(null)).isEmpty();
    }

    @Test
    void namesAndAddressesDoNotCount() {
        assertThat(detector.detect("Jan de Vries, Rue de la Loi 16, 1000 Bruxelles")).isEmpty();
    }
}
