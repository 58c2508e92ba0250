package org.guichet.gateway.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.guichet.gateway.language.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NoticeRecogniserTest {

    private final NoticeRecogniser catalog = new NoticeRecogniser();

    @ParameterizedTest
    @ValueSource(strings = {
            "Merci de ne pas répondre à ce message.",
            "Ce message est envoyé automatiquement, merci de ne pas y répondre.",
            "Ne pas répondre à ce courriel",
            "Ceci est un message automatique, merci de ne pas y répondre",
            "Merci de ne pas répondre directement à ce mail.",
            "Ce courriel a été envoyé par une adresse qui ne peut recevoir de messages.",
            "MERCI DE NE PAS REPONDRE A CE MESSAGE",
            "Merci de ne pas repondre a ce message",
            "Nous vous remercions de bien vouloir ne pas répondre à ce courriel.",
            "Veuillez ne pas répondre à cet e-mail.",
            "Ne répondez pas à ce message, s’il vous plaît.",
            "Ce message a été généré automatiquement. Merci de ne pas y répondre.",
            "Cette adresse n’est pas consultée.",
            "Cette boîte aux lettres n'est pas relevée.",
            "Les réponses à ce message ne sont pas traitées.",
            "Aucune réponse à ce courriel ne sera traitée.",
            "Il est inutile de répondre à ce message.",
            "Vous ne pouvez pas répondre à ce courriel.",
            "Merci de ne pas utiliser la fonction « Répondre ».",
            "Message automatique, merci de ne pas répondre.",
            "Ce courriel vous est adressé automatiquement par une adresse d'envoi uniquement.",
            "Merci de ne pas répondre à ce message : cette adresse n'est pas consultée.",
            "Please do not reply to this email.",
            "This mailbox is not monitored.",
            "Do not reply to this message.",
            "This is an automated message, please do not reply.",
            "Replies to this message are not monitored.",
            "This email was sent from a notification-only address that cannot accept incoming email.",
            "Please don’t reply to this e-mail as this mailbox is not monitored.",
            "This is an unmonitored mailbox.",
            "PLEASE DO NOT REPLY TO THIS EMAIL",
            // Recognised by what their clauses say rather than as a whole sentence of the catalogue.
            "Ne pas répondre à ce message, il a été généré automatiquement.",
            "Ce courriel vous est adressé automatiquement, merci de ne pas y répondre.",
            "Toute réponse à ce message restera sans suite.",
            "Merci de ne pas répondre à ce mail, personne ne le lira.",
            "Gelieve niet te antwoorden op deze e-mail.",
            "Dit is een automatisch gegenereerde e-mail.",
            "Bitte antworten Sie nicht auf diese E-Mail.",
    })
    void recognisesTheWholeNotice(String notice) {
        String text = "Bonjour,\n\nVotre dossier est à jour.\n\n" + notice + "\n\nCordialement,\nLe service";
        List<NoticeMatch> found = catalog.find(text);
        assertThat(found).hasSize(1);
        assertThat(text.substring(found.getFirst().start(), found.getFirst().end())).isEqualTo(notice);
    }

    @Test
    void toleratesNonBreakingSpacesGuillemetsAndLineWraps() {
        String text = "« Merci\u00A0de ne pas\r\nrépondre à ce\u202Fmessage ! »";
        List<NoticeMatch> found = catalog.find(text);
        assertThat(found).hasSize(1);
        assertThat(text.substring(found.getFirst().start(), found.getFirst().end()))
                .isEqualTo("Merci\u00A0de ne pas\r\nrépondre à ce\u202Fmessage !");
    }

    @Test
    void namesTheCatalogueEntriesAndLanguage() {
        NoticeMatch french = catalog.find("Ceci est un message automatique, merci de ne pas y répondre.").getFirst();
        assertThat(french.language()).isEqualTo(Language.FRENCH);
        assertThat(french.entries()).containsExactly("fr.automatic", "fr.refusal");
        NoticeMatch english = catalog.find("This is an automated message. Please do not reply.").getFirst();
        assertThat(english.language()).isEqualTo(Language.ENGLISH);
        assertThat(english.entries()).containsExactly("en.automatic", "en.refusal");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Pour toute question, merci de ne pas répondre à ce message mais d'écrire au centre.",
            "Merci de ne pas répondre à ce message avant d'avoir lu la notice jointe.",
            "Nous vous demandons de répondre à ce message avant le 12 mars.",
            "Replies to this message are monitored by our staff.",
            "Ce message automatique confirme le dépôt de votre demande.",
    })
    void neverReplacesAFragmentOfALongerSentence(String sentence) {
        assertThat(catalog.find(sentence)).isEmpty();
    }

    @Test
    void aLeadWordAndCommaStartTheNoticeInLowerCase() {
        String text = "Attention, merci de ne pas répondre à ce message.";
        NoticeMatch found = catalog.find(text).getFirst();
        assertThat(text.substring(found.start(), found.end())).isEqualTo("merci de ne pas répondre à ce message.");
        assertThat(found.afterComma()).isTrue();
    }

    @Test
    void capitalOnANewLineStartsASentence() {
        String text = "Bonjour Madame Durand,\nMerci de ne pas répondre à ce courriel.";
        assertThat(catalog.find(text)).hasSize(1);
    }

    @Test
    void aHeaderLineIsRecognisedInsideItsDecoration() {
        String text = "*** Message automatique – ne pas répondre ***\n\nBonjour,";
        NoticeMatch found = catalog.find(text).getFirst();
        assertThat(text.substring(found.start(), found.end())).isEqualTo("Message automatique – ne pas répondre");
        assertThat(found.entries()).containsExactly("fr.automatic", "fr.refusal");
    }

    @Test
    void anotherWayToReachTheServiceIsKept() {
        String text = "Ne répondez pas à ce message, écrivez-nous via le formulaire de contact.";
        NoticeMatch found = catalog.find(text).getFirst();
        assertThat(text.substring(found.start(), found.end())).isEqualTo("Ne répondez pas à ce message");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Merci de répondre au questionnaire.",
            "Vous pouvez répondre à ce message.",
            "N'hésitez pas à répondre.",
            "Ne répondez jamais à un courriel vous demandant vos codes.",
            "Si vous ne souhaitez pas répondre, ignorez ce message.",
            "Ce message automatique confirme votre rendez-vous. Merci de venir à l'heure.",
    })
    void sentencesThatOnlyMentionReplyingAreNeverTouched(String sentence) {
        assertThat(catalog.find(sentence)).isEmpty();
    }

    @Test
    void languageOfTheNoticeIsNamed() {
        assertThat(catalog.find("Gelieve niet te antwoorden op deze e-mail.").getFirst().language()).isEqualTo(Language.DUTCH);
        assertThat(catalog.find("Bitte antworten Sie nicht auf diese E-Mail.").getFirst().language()).isEqualTo(Language.GERMAN);
    }
}
