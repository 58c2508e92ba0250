package org.guichet.gateway.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Replies written the way each client lays them out; the visible text is asserted exactly. */
class VisibleReplyTextTest {

    private final VisibleReplyText visible = new VisibleReplyText();

    @Test
    void gmailFrenchTopPostingDropsAttributionAndQuote() {
        String reply = """
                Bonjour,

                Je vous envoie le justificatif de domicile demandé.

                Cordialement,
                Amélie Rousseau

                Le lun. 3 mars 2025 à 10:02, Caisse d'allocations familiales <noreply@caf.example.fr> a écrit :

                > Madame,
                >
                > Il manque un justificatif de domicile à votre dossier.
                """;
        assertThat(visible.extract(reply)).isEqualTo("""
                Bonjour,

                Je vous envoie le justificatif de domicile demandé.

                Cordialement,
                Amélie Rousseau""");
    }

    @Test
    void gmailFrenchAttributionWrappedOverTwoLines() {
        String reply = """
                C'est bien mon adresse actuelle.

                Le lun. 3 mars 2025 à 10:02, Service des impôts des particuliers <
                noreply@impots.example.fr> a écrit :

                > Merci de confirmer votre adresse.
                """;
        assertThat(visible.extract(reply)).isEqualTo("C'est bien mon adresse actuelle.");
    }

    @Test
    void gmailEnglishTopPosting() {
        String reply = """
                Thank you, I will come on Thursday morning.

                On Mon, Mar 3, 2025 at 10:02 AM City Hall of Lille <noreply@lille.example.fr> wrote:

                > Your appointment is confirmed.
                """;
        assertThat(visible.extract(reply)).isEqualTo("Thank you, I will come on Thursday morning.");
    }

    @Test
    void gmailEnglishAttributionWrappedBeforeWrote() {
        String reply = """
                Please find my tax number below: 0123456789012.

                On Mon, Mar 3, 2025 at 10:02 AM Public Finances <noreply@dgfip.example.fr>
                wrote:

                > We need your tax number.
                """;
        assertThat(visible.extract(reply)).isEqualTo("Please find my tax number below: 0123456789012.");
    }

    @Test
    void outlookDesktopFrenchHeaderBlockUnderSeparatorLine() {
        String reply = """
                Bonjour,
                Je ne comprends pas pourquoi mon allocation a baissé ce mois-ci.
                Jean Dupont

                ________________________________
                De : Mairie de Lyon <noreply@lyon.example.fr>
                Envoyé : lundi 3 mars 2025 10:02
                À : Jean Dupont <jean.dupont@example.org>
                Objet : Votre demande d'acte de naissance

                Monsieur,
                Votre demande a bien été reçue.
                """;
        assertThat(visible.extract(reply)).isEqualTo("""
                Bonjour,
                Je ne comprends pas pourquoi mon allocation a baissé ce mois-ci.
                Jean Dupont""");
    }

    @Test
    void outlookDesktopFrenchOriginalMessageSeparator() {
        String reply = """
                Je joins la copie de ma carte d'identité.

                -----Message d'origine-----
                De : Préfecture <noreply@prefecture.example.fr>
                Envoyé : lundi 3 mars 2025 10:02
                À : paul@example.org
                Objet : Titre de séjour
                """;
        assertThat(visible.extract(reply)).isEqualTo("Je joins la copie de ma carte d'identité.");
    }

    @Test
    void outlookDesktopDutchOriginalMessageSeparator() {
        String reply = """
                In bijlage vindt u het attest van mijn werkgever.

                -----Oorspronkelijk bericht-----
                Van: FOD Financiën <noreply@minfin.example.be>
                Verzonden: maandag 3 maart 2025 10:02
                Aan: jan.peeters@example.be
                Onderwerp: Uw aangifte

                Gelieve niet te antwoorden op deze e-mail.
                """;
        assertThat(visible.extract(reply)).isEqualTo("In bijlage vindt u het attest van mijn werkgever.");
    }

    @Test
    void outlookDesktopDutchSeparatorAboveABottomPostedReply() {
        String reply = """
                -----Oorspronkelijk bericht-----
                Van: Stad Gent <noreply@stad.example.be>
                Verzonden: maandag 3 maart 2025 10:02
                Aan: jan.peeters@example.be
                Onderwerp: Uw parkeerkaart
                > Uw parkeerkaart is klaar.

                Wanneer kan ik ze ophalen?
                """;
        assertThat(visible.extract(reply)).isEqualTo("Wanneer kan ik ze ophalen?");
    }

    @Test
    void outlookWebEnglishHeaderBlock() {
        String reply = """
                I have already paid this amount on 28 February.

                ________________________________
                From: Tax Office <noreply@tax.example.fr>
                Sent: Monday, March 3, 2025 10:02 AM
                To: Jane Doe <jane@example.org>
                Subject: Payment reminder

                Dear taxpayer,
                """;
        assertThat(visible.extract(reply)).isEqualTo("I have already paid this amount on 28 February.");
    }

    @Test
    void outlookMobileSignatureAndHeaders() {
        String reply = """
                D'accord pour le rendez-vous de mardi.

                Obtenir Outlook pour iOS
                ________________________________
                De : France Travail <noreply@francetravail.example.fr>
                Envoyé : Monday, March 3, 2025 10:02:11 AM
                À : Karim Benali <karim@example.org>
                Objet : Convocation
                """;
        assertThat(visible.extract(reply)).isEqualTo("D'accord pour le rendez-vous de mardi.");
    }

    @Test
    void appleMailFrenchAttribution() {
        String reply = """
                Bonjour, la pièce jointe est bien mon avis d'imposition.

                Le 3 mars 2025 à 10:02, Centre des finances publiques <noreply@dgfip.example.fr> a écrit :

                > Madame,
                > Merci de nous transmettre votre avis d'imposition.
                """;
        assertThat(visible.extract(reply)).isEqualTo("Bonjour, la pièce jointe est bien mon avis d'imposition.");
    }

    @Test
    void iPhoneSignatureAndQuotedAttribution() {
        String reply = """
                Oui je serai présente au rendez-vous.

                Envoyé de mon iPhone

                > Le 3 mars 2025 à 10:02, Mairie de Brest <noreply@brest.example.fr> a écrit :
                >\u0020
                > Merci de confirmer votre présence.
                """;
        assertThat(visible.extract(reply)).isEqualTo("Oui je serai présente au rendez-vous.");
    }

    @Test
    void thunderbirdFrenchBottomPostingKeepsTextBelowQuote() {
        String reply = """
                Le 03/03/2025 à 10:02, Mairie de Nantes a écrit :
                > Bonjour,
                > Votre carte d'identité est disponible.

                Merci, je passerai la chercher mardi.
                """;
        assertThat(visible.extract(reply)).isEqualTo("Merci, je passerai la chercher mardi.");
    }

    @Test
    void thunderbirdFrenchTopPosting() {
        String reply = """
                Merci, je passerai la chercher mardi.

                Le 03/03/2025 à 10:02, Mairie de Nantes a écrit :
                > Votre carte d'identité est disponible.
                """;
        assertThat(visible.extract(reply)).isEqualTo("Merci, je passerai la chercher mardi.");
    }

    @Test
    void yahooFrenchSignatureAndUnquotedOriginal() {
        String reply = """
                Bonjour, je n'ai jamais reçu ce courrier.

                Envoyé depuis Yahoo Mail pour Android

                Le lundi 3 mars 2025 à 10:02:11 UTC+1, URSSAF <noreply@urssaf.example.fr> a écrit :


                Madame, Monsieur,
                Un courrier vous a été envoyé.
                """;
        assertThat(visible.extract(reply)).isEqualTo("Bonjour, je n'ai jamais reçu ce courrier.");
    }

    @Test
    void yahooFrenchHeaderBlockInAnyOrder() {
        String reply = """
                bonjour,
                toujours pas de nouvelles de mon dossier
                merci

                     De : Lucie Moreau <lucie.moreau@yahoo.example.fr>
                 À : Caisse de retraite <noreply@retraite.example.fr>
                 Envoyé : lundi 3 mars 2025 à 10:02
                 Objet : Re: Votre dossier
                """;
        assertThat(visible.extract(reply)).isEqualTo("bonjour,\ntoujours pas de nouvelles de mon dossier\nmerci");
    }

    @Test
    void orangeWebmailMessageDuBlock() {
        String reply = """
                Bonjour,

                Voici mon numéro fiscal : 12 34 567 890 123.

                ========================================

                Message du 03/03/25 10:02
                De : "Trésor public" <noreply@tresor.example.fr>
                A : gerard.petit@orange.example.fr
                Copie à :\u0020
                Objet : Avis de paiement

                Madame, Monsieur,
                """;
        assertThat(visible.extract(reply)).isEqualTo("Bonjour,\n\nVoici mon numéro fiscal : 12 34 567 890 123.");
    }

    @Test
    void freeZimbraMailOriginal() {
        String reply = """
                Je confirme mon actualisation pour février.

                ----- Mail original -----
                De: "France Travail" <noreply@francetravail.example.fr>
                À: "paul durand" <paul.durand@free.example.fr>
                Envoyé: Lundi 3 Mars 2025 10:02:11
                Objet: Actualisation
                """;
        assertThat(visible.extract(reply)).isEqualTo("Je confirme mon actualisation pour février.");
    }

    @Test
    void zimbraAttributionBetweenDashes() {
        String reply = """
                Bien reçu, merci.

                ----- Le 3 mars 25, à 10:02, Mairie de Lille noreply@lille.example.fr a écrit : -----

                > Votre demande est enregistrée.
                """;
        assertThat(visible.extract(reply)).isEqualTo("Bien reçu, merci.");
    }

    @Test
    void laPosteWebmailOriginalMessageBlock() {
        String reply = """
                Je suis disponible le 12 mars.

                -------- Message d'origine --------
                De : Assurance maladie <noreply@ameli.example.fr>
                Date : 03/03/2025 10:02
                À : marie.lefebvre@laposte.example.net
                Objet : Rendez-vous
                """;
        assertThat(visible.extract(reply)).isEqualTo("Je suis disponible le 12 mars.");
    }

    @Test
    void inlineRepliesBetweenQuotesAreKeptWithTheirQuotes() {
        String reply = """
                Le 3 mars 2025 à 10:02, Mairie de Rennes <noreply@rennes.example.fr> a écrit :
                > Pouvez-vous confirmer votre adresse ?
                12 rue des Lilas, 35000 Rennes.

                > Et votre date de naissance ?
                Le 4 juin 1958.
                """;
        assertThat(visible.extract(reply)).isEqualTo("""
                > Pouvez-vous confirmer votre adresse ?
                12 rue des Lilas, 35000 Rennes.

                > Et votre date de naissance ?
                Le 4 juin 1958.""");
    }

    @Test
    void forwardedMessageAfterOwnTextIsCut() {
        String reply = """
                Je vous transfère le courrier que j'ai reçu.

                ---------- Forwarded message ---------
                De : Banque <noreply@banque.example.fr>
                Date: lun. 3 mars 2025 à 10:02
                Subject: Relevé
                To: <moi@example.org>
                """;
        assertThat(visible.extract(reply)).isEqualTo("Je vous transfère le courrier que j'ai reçu.");
    }

    @Test
    void forwardedMessageAloneKeepsTheForwardedText() {
        String reply = """
                -------- Message transféré --------
                De : Banque <noreply@banque.example.fr>
                Date : lun. 3 mars 2025 10:02
                Objet : Relevé de compte
                À : moi@example.org

                Votre relevé de compte est disponible.
                """;
        assertThat(visible.extract(reply)).isEqualTo("Votre relevé de compte est disponible.");
    }

    @Test
    void signatureDelimiterCutsTheSignature() {
        String reply = """
                Merci pour votre réponse rapide.

                --\u0020
                Jean Dupont
                06 00 00 00 00
                """;
        assertThat(visible.extract(reply)).isEqualTo("Merci pour votre réponse rapide.");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Am 03.03.2025 um 10:02 schrieb Stadt Köln <noreply@koeln.example.de>:",
            "El lun, 3 mar 2025 a las 10:02, Ayuntamiento (<noreply@ayto.example.es>) escribió:",
            "Il giorno lun 3 mar 2025 alle ore 10:02 Comune <noreply@comune.example.it> ha scritto:",
            "Op ma 3 mrt 2025 om 10:02 schreef Gemeente <noreply@gemeente.example.nl>:",
            "-------- Ursprüngliche Nachricht --------",
            "-------- Mensaje original --------"})
    void otherLanguagesAttributionsAndSeparators(String marker) {
        String reply = "Merci beaucoup.\n\n" + marker + "\n> Texte d'origine.\n";
        assertThat(visible.extract(reply)).isEqualTo("Merci beaucoup.");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Envoyé de mon iPhone", "Envoyé de mon iPad", "Sent from my iPhone", "Sent from my Android phone",
            "Obtenir Outlook pour Android", "Get Outlook for iOS", "Envoyé à partir de Outlook pour iOS",
            "Envoyé depuis Yahoo Mail pour Android", "Envoyé depuis mon smartphone Samsung Galaxy",
            "Von meinem iPhone gesendet", "Enviado desde mi iPhone", "Provenance : Courrier pour Windows"})
    void mobileSignaturesAreCut(String signature) {
        assertThat(visible.extract("Je confirme ma venue.\n\n" + signature + "\n")).isEqualTo("Je confirme ma venue.");
    }

    @Test
    void sentenceMentioningSignatureWordsIsKept() {
        String reply = """
                Le message envoyé de mon iPhone hier n'est pas arrivé, je le renvoie.
                Envoyé de mon bureau, car le réseau ne passe pas chez moi.
                Sent from my desk at the library.
                J'ai écrit avec Outlook pour iOS : rien ne s'affiche.
                """;
        assertThat(visible.extract(reply)).isEqualTo(reply.strip());
    }

    @Test
    void letterHeadingWithoutDateIsNotTakenForAQuote() {
        String reply = """
                De : Mme Sylvie Garnier
                À : Service urbanisme
                Objet : Permis de construire

                Je souhaite savoir où en est mon dossier.
                """;
        assertThat(visible.extract(reply)).isEqualTo(reply.strip());
    }

    @Test
    void quotedTextAboveOwnTextIsKept() {
        assertThat(visible.extract("> Votre dossier est complet ?\n\nOui, il est complet.\n"))
                .isEqualTo("> Votre dossier est complet ?\n\nOui, il est complet.");
    }

    @Test
    void messageMadeOnlyOfAQuoteIsKeptWhole() {
        assertThat(visible.extract("> Merci de répondre à ce message.\n")).isEqualTo("> Merci de répondre à ce message.");
    }

    @Test
    void attributionInAnUnknownLanguageAboveTrailingQuoteIsDropped() {
        String reply = "Dziękuję\n03.03.2025 10:02 użytkownik \"Urząd\" <\nnoreply@urzad.example.pl> napisał:\n\n> Dzień dobry\n";
        assertThat(visible.extract(reply)).isEqualTo("Dziękuję");
    }

    @Test
    void emptyAndNullGiveEmptyText() {
        assertThat(visible.extract(null)).isEmpty();
        assertThat(visible.extract(" \r\n ")).isEmpty();
    }

    @Test
    void longLinesThatLookLikeMarkersAreReadQuickly() {
        String longLine = "Am 3 " + "schrieb ".repeat(40_000) + "x";
        String body = ("Le 3 mars " + "a écrit ".repeat(40_000) + "\n").repeat(3) + longLine + "\n"
                + ("von meinem " + "iPhone ".repeat(40_000) + "\n") + "De : " + "x".repeat(100_000);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> visible.extract(body));
    }

    /** Whatever the input, extraction keeps lines of the message and invents none. */
    @Property(tries = 500)
    void everyVisibleLineComesFromTheMessage(@ForAll String body) {
        Set<String> lines = Arrays.stream(body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1))
                .map(line -> line.replaceAll("[\\u200B\\u200C\\u200D\\u2060\\uFEFF]", "").strip())
                .collect(Collectors.toSet());
        for (String line : visible.extract(body).split("\n", -1)) {
            if (!line.isBlank()) {
                assertThat(lines).contains(line.strip());
            }
        }
    }
}
