package org.guichet.gateway.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.guichet.gateway.inbound.Classification.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AutomaticMailTest {

    private static final String CITIZEN = "camille.martin@example.org";

    /** A plain reply from a citizen, with the given extra header lines. */
    private static byte[] reply(String subject, String... headers) {
        StringBuilder raw = new StringBuilder("From: Camille Martin <" + CITIZEN + ">\r\n")
                .append("To: reply+k1-abc@reponse.caf.fr\r\n")
                .append("Subject: ").append(subject).append("\r\n");
        for (String header : headers) {
            raw.append(header).append("\r\n");
        }
        raw.append("\r\nBonjour,\r\nje vous envoie le justificatif demandé.\r\n");
        return raw.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Classification classify(byte[] raw) {
        return AutomaticMail.classify(raw, CITIZEN);
    }

    @Test
    void ordinaryReplyIsNotAutomatic() {
        assertThat(classify(reply("Re: Votre dossier n° 42"))).isEqualTo(Classification.NOT_AUTOMATIC);
    }

    @Test
    void replyMentioningAnAbsenceInItsBodyOnlyIsNotAutomatic() {
        byte[] raw = ("From: " + CITIZEN + "\r\nSubject: Re: Votre convocation du 12 mars\r\n\r\n"
                + "Bonjour, je serai absent du bureau et en congés le 12 mars : réponse automatique de ma part "
                + "impossible, pouvez-vous décaler ? Out of office until Monday.\r\n").getBytes(StandardCharsets.UTF_8);

        assertThat(classify(raw).automatic()).isFalse();
    }

    @Test
    void autoSubmittedNoIsAPersonsMail() {
        assertThat(classify(reply("Re: Votre dossier", "Auto-Submitted: no"))).isEqualTo(Classification.NOT_AUTOMATIC);
        assertThat(classify(reply("Re: Votre dossier", "Auto-Submitted: No (written by hand)")).automatic()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto-replied", "auto-generated", "Auto-Notified", "auto-replied; owner-email=\"x@y.fr\"",
        "auto-generated (vacation)"})
    void autoSubmittedOtherThanNoIsAutomatic(String value) {
        Classification classification = classify(reply("Re: Votre dossier", "Auto-Submitted: " + value));

        assertThat(classification.automatic()).isTrue();
        assertThat(classification.reason()).isEqualTo(Reason.AUTO_SUBMITTED);
        assertThat(classification.evidence()).isEqualTo("Auto-Submitted: " + value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bulk", "junk", "list", "BULK", " list (mailing list)"})
    void bulkJunkAndListPrecedenceIsAutomatic(String value) {
        assertThat(classify(reply("Re: Votre dossier", "Precedence: " + value)).reason()).isEqualTo(Reason.PRECEDENCE);
    }

    @Test
    void otherPrecedenceIsNotAutomatic() {
        assertThat(classify(reply("Re: Votre dossier", "Precedence: first-class")).automatic()).isFalse();
    }

    @Test
    void autoresponderHeadersAreAutomatic() {
        assertThat(classify(reply("Re: Votre dossier", "X-Autoreply: yes")).reason()).isEqualTo(Reason.X_AUTOREPLY);
        assertThat(classify(reply("Re: Votre dossier", "X-Autorespond: Votre message a bien été reçu")).reason())
                .isEqualTo(Reason.X_AUTORESPOND);
        assertThat(classify(reply("Re: Votre dossier", "X-Auto-Response-Suppress: All")).reason())
                .isEqualTo(Reason.X_AUTO_RESPONSE_SUPPRESS);
        assertThat(classify(reply("Re: Votre dossier", "X-Auto-Response-Suppress: DR, RN, NRN, OOF, AutoReply")).reason())
                .isEqualTo(Reason.X_AUTO_RESPONSE_SUPPRESS);
    }

    @Test
    void negativeAutoresponderHeadersAreNotAutomatic() {
        assertThat(classify(reply("Re: Votre dossier", "X-Autoreply: no")).automatic()).isFalse();
        assertThat(classify(reply("Re: Votre dossier", "X-Auto-Response-Suppress: None")).automatic()).isFalse();
    }

    @Test
    void nullSenderIsADeliveryReport() {
        Classification classification = AutomaticMail.classify(reply("Re: Votre dossier"), "");

        assertThat(classification.reason()).isEqualTo(Reason.NULL_SENDER_DSN);
        assertThat(AutomaticMail.classify(reply("Re: Votre dossier"), null).reason()).isEqualTo(Reason.NULL_SENDER_DSN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"delivery-status", "disposition-notification"})
    void reportsAreAutomaticWhateverTheSender(String reportType) {
        byte[] raw = ("From: Mail Delivery System <mailer-daemon@example.org>\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=" + reportType + ";\r\n\tboundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain\r\n\r\nThe mail could not be delivered.\r\n"
                + "--b1\r\nContent-Type: message/" + reportType + "\r\n\r\nReporting-MTA: dns; example.org\r\n\r\n"
                + "--b1--\r\n").getBytes(StandardCharsets.UTF_8);

        Classification classification = classify(raw);

        assertThat(classification.reason()).isEqualTo(Reason.DSN_REPORT);
        assertThat(classification.evidence()).endsWith("report-type=" + reportType);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Réponse automatique : Votre dossier n° 42",
        "=?UTF-8?Q?R=C3=A9ponse_automatique_:_Votre_dossier?=",
        "REPONSE AUTOMATIQUE: Votre dossier",
        "Absence du bureau",
        "Absent du bureau : Re: Votre dossier",
        "Absente du bureau jusqu'au 2 septembre",
        "Absent(e) du bureau",
        "Message d'absence",
        "Message d’absence : Votre dossier",
        "Je suis absent",
        "Je suis absente jusqu'au 15 août",
        "Je suis absent(e) : Votre dossier",
        "Out of Office: Re: Your file",
        "Out of office AutoReply: Your file",
        "Automatic reply: Your file",
        "Autoreply",
        "Auto-Reply: Re: Votre dossier",
        "[Auto-Reply] Votre dossier",
        "Abwesenheitsnotiz: Ihre Akte",
        "Automatische Antwort: Ihre Akte",
        "Respuesta automática: Su expediente",
        "Risposta automatica: La sua pratica",
        "Automatisch antwoord: Uw dossier",
        "Afwezig: Uw dossier",
        "Afwezig tot 3 juni"})
    void outOfOfficeSubjectsAreAutomatic(String subject) {
        Classification classification = classify(reply(subject));

        assertThat(classification.automatic()).as(subject).isTrue();
        assertThat(classification.reason()).isEqualTo(Reason.OUT_OF_OFFICE_SUBJECT);
        assertThat(classification.evidence()).startsWith("Subject: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Re: Votre dossier n° 42",
        "Re: Absence du bureau",
        "Re: Réponse automatique ?",
        "Justificatif d'absence",
        "Absence de réponse à mon courrier",
        "Je suis absent le 12 mars, pouvez-vous décaler le rendez-vous ?",
        "Je suis absente du 3 au 10 mars",
        "Afwezigheid van mijn zoon op school",
        "Mon fils était absent"})
    void subjectsAPersonWritesAreNotAutomatic(String subject) {
        assertThat(classify(reply(subject)).automatic()).as(subject).isFalse();
    }

    @Test
    void nonBreakingSpacesOfFrenchTypographyAreTolerated() {
        assertThat(classify(reply("Réponse\u00a0automatique\u202f: Votre dossier")).reason())
                .isEqualTo(Reason.OUT_OF_OFFICE_SUBJECT);
    }

    @Test
    void envelopeSignsComeFirst() {
        Classification classification = AutomaticMail.classify(
                reply("Réponse automatique : x", "Auto-Submitted: auto-replied"), "");

        assertThat(classification.reason()).isEqualTo(Reason.NULL_SENDER_DSN);
    }

    @Test
    void evidenceIsOneShortLineWhateverTheHeaderSays() {
        String longValue = "auto-replied; " + "x".repeat(500);
        Classification classification = classify(reply("Re: x", "Auto-Submitted: " + longValue.substring(0, 60),
                " " + longValue.substring(60)));

        assertThat(classification.evidence()).hasSizeLessThanOrEqualTo(Classification.EVIDENCE_LENGTH)
                .doesNotContain("\r").doesNotContain("\n");
    }

    @Test
    void unreadableMessageIsClassifiedFromItsEnvelope() {
        byte[] garbage = "\u0000\u0001not a message".getBytes(StandardCharsets.UTF_8);

        assertThat(AutomaticMail.classify(garbage, CITIZEN).automatic()).isFalse();
        assertThat(AutomaticMail.classify(garbage, "").reason()).isEqualTo(Reason.NULL_SENDER_DSN);
    }
}
