package org.guichet.gateway.notice;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.gateway.notice.Letters.CRLF;
import static org.guichet.gateway.notice.Letters.PDF;
import static org.guichet.gateway.notice.Letters.PNG;
import static org.guichet.gateway.notice.Letters.base64;
import static org.guichet.gateway.notice.Letters.headers;
import static org.guichet.gateway.notice.Letters.lines;
import static org.guichet.gateway.notice.Letters.qp;
import static org.guichet.gateway.notice.Letters.qpPart;
import static org.guichet.gateway.notice.MailetRun.assertOnlyChanged;
import static org.guichet.gateway.notice.MailetRun.bytes;
import static org.guichet.gateway.notice.MailetRun.mail;
import static org.guichet.gateway.notice.MailetRun.parse;
import static org.guichet.gateway.notice.MailetRun.run;
import static org.guichet.gateway.notice.MailetRun.serviceMailet;
import static org.guichet.gateway.notice.MailetRun.serviced;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;

import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.junit.jupiter.api.Test;

class ReplaceNoreplyNoticeTest {

    static final String SENTENCE = "Vous pouvez répondre directement à ce message\u00A0: un agent vous répondra sous 5 jours ouvrés.";

    @Test
    void quotedPrintableUtf8PlainTextKeepsItsEncoding() throws Exception {
        byte[] before = (headers("Votre attestation de paiement", "text/plain; charset=UTF-8", "Content-Transfer-Encoding: quoted-printable")
                + qp(Letters.cafPlainText(), UTF_8)).getBytes(US_ASCII);

        Mail mail = serviced(before);
        byte[] after = bytes(mail);

        MimeMessage message = parse(after);
        assertThat(message.getHeader("Content-Transfer-Encoding", null)).isEqualTo("quoted-printable");
        assertThat(new ContentType(message.getContentType()).getParameter("charset")).isEqualTo("UTF-8");
        String text = (String) message.getContent();
        assertThat(text).isEqualTo(Letters.cafPlainText().replace("Ceci est un message automatique, merci de ne pas y r\u00e9pondre.", SENTENCE));
        String body = new String(after, US_ASCII).substring(headers("Votre attestation de paiement", "text/plain; charset=UTF-8",
                "Content-Transfer-Encoding: quoted-printable").length());
        assertThat(body).contains("r=C3=A9pondre").doesNotContain("\u00e9");
        assertThat(new String(after, US_ASCII)).startsWith(headers("Votre attestation de paiement", "text/plain; charset=UTF-8",
                "Content-Transfer-Encoding: quoted-printable"));
        assertThat(attribute(mail, ReplaceNoreplyNotice.OUTCOME)).isEqualTo("replaced");
        assertThat(attribute(mail, ReplaceNoreplyNotice.COUNT)).isEqualTo(1);
        assertThat(entries(mail)).containsExactly("1 text/plain fr fr.automatic+fr.refusal");
    }

    @Test
    void latin1EightBitPlainTextStaysLatin1() throws Exception {
        String head = headers("Votre avis d'impôt est disponible", "text/plain; charset=ISO-8859-1", "Content-Transfer-Encoding: 8bit");
        byte[] before = concat(head.getBytes(ISO_8859_1), Letters.impotsPlainText().getBytes(ISO_8859_1));

        byte[] after = run(serviceMailet(), before);

        MimeMessage message = parse(after);
        assertThat(message.getContentType()).isEqualTo("text/plain; charset=ISO-8859-1");
        assertThat(message.getHeader("Content-Transfer-Encoding", null)).isEqualTo("8bit");
        String body = new String(after, ISO_8859_1).substring(head.length());
        assertThat(body).isEqualTo(Letters.impotsPlainText()
                .replace("Ce message est envoy\u00e9 automatiquement, merci de ne pas y r\u00e9pondre.", SENTENCE));
        assertThat(after).as("é written as one ISO-8859-1 byte").contains((byte) 0xE9).doesNotContain((byte) 0xC3);
    }

    @Test
    void replacementOutsideTheCharsetMovesThePartToUtf8AndSaysSo() throws Exception {
        String head = headers("Votre avis d'impôt est disponible", "text/plain; charset=ISO-8859-1", "Content-Transfer-Encoding: 8bit");
        byte[] before = concat(head.getBytes(ISO_8859_1), Letters.impotsPlainText().getBytes(ISO_8859_1));

        byte[] after = run(MailetRun.mailet("commitment", "sous 5 jours ouvrés, c\u2019est notre engagement"), before);

        MimeMessage message = parse(after);
        assertThat(new ContentType(message.getContentType()).getParameter("charset")).isEqualTo("UTF-8");
        assertThat(message.getHeader("Content-Transfer-Encoding", null)).isEqualTo("8bit");
        assertThat((String) message.getContent())
                .contains("un agent vous répondra sous 5 jours ouvrés, c\u2019est notre engagement.")
                .contains("Votre avis d'imp\u00f4t sur le revenu 2025");
        assertThat(message.getHeader("Message-ID", null)).isEqualTo("<20260303091244.4F2A1@caf.example.fr>");
    }

    @Test
    void sevenBitAsciiPartWithAFrenchSentenceBecomesQuotedPrintableUtf8() throws Exception {
        String text = lines("Bonjour,", "", "Votre demande de logement social est enregistree sous le numero 035-00412.", "",
                "Merci de ne pas repondre a ce", "message.", "", "Service national d'enregistrement");
        byte[] before = (headers("Demande de logement social", "text/plain; charset=us-ascii", "Content-Transfer-Encoding: 7bit") + text)
                .getBytes(US_ASCII);

        byte[] after = run(serviceMailet(), before);

        MimeMessage message = parse(after);
        assertThat(new ContentType(message.getContentType()).getParameter("charset")).isEqualTo("UTF-8");
        assertThat(message.getHeader("Content-Transfer-Encoding", null)).isEqualTo("quoted-printable");
        String content = (String) message.getContent();
        assertThat(content.replace("\r\n", " ")).contains(SENTENCE);
        assertThat(content).startsWith("Bonjour,\r\n\r\nVotre demande de logement social").endsWith("Service national d'enregistrement\r\n");
        assertThat(content.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(76));
    }

    @Test
    void base64HtmlStaysBase64AndOnlyTheNoticeChanges() throws Exception {
        String html = Letters.antsHtml();
        byte[] before = (headers("Votre titre d'identité est disponible", "text/html; charset=utf-8", "Content-Transfer-Encoding: base64")
                + base64(html.getBytes(UTF_8)) + CRLF).getBytes(US_ASCII);

        byte[] after = run(serviceMailet(), before);

        MimeMessage message = parse(after);
        assertThat(message.getHeader("Content-Transfer-Encoding", null)).isEqualTo("base64");
        assertThat((String) message.getContent()).isEqualTo(html.replace(
                "Merci de ne pas r&eacute;pondre&nbsp;<br>&agrave; ce courriel.",
                "Vous pouvez répondre directement à ce message&nbsp;: un agent vous répondra sous 5 jours ouvrés."));
        String body = new String(after, US_ASCII);
        assertThat(body.substring(body.indexOf(CRLF + CRLF) + 4).split(CRLF)).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(76));
        String original = new String(before, US_ASCII);
        assertThat(body.substring(body.stripTrailing().length())).as("the line breaks that ended the base64 body are kept")
                .isEqualTo(original.substring(original.stripTrailing().length()));
    }

    @Test
    void alternativeRewritesBothTextAndHtml() throws Exception {
        String html = Letters.ameliHtml().replace("<img src=\"cid:logo-caisse@assurance.example.fr\" alt=\"Logo\">\r\n", "");
        byte[] before = (headers("Nouveau document dans votre compte", "multipart/alternative; boundary=\"=_alt_7Qx\"")
                + "--=_alt_7Qx" + CRLF
                + qpPart("text/plain; charset=utf-8", Letters.ameliPlainText())
                + "--=_alt_7Qx" + CRLF
                + qpPart("text/html; charset=utf-8", html)
                + "--=_alt_7Qx--" + CRLF).getBytes(US_ASCII);

        Mail mail = serviced(before);
        byte[] after = bytes(mail);

        assertOnlyChanged(before, after, "1", "2");
        Multipart alternative = (Multipart) parse(after).getContent();
        assertThat((String) alternative.getBodyPart(0).getContent()).contains(SENTENCE).doesNotContain("ne pas y r\u00e9pondre");
        assertThat((String) alternative.getBodyPart(1).getContent())
                .contains("<p>Vous pouvez répondre directement à ce message&nbsp;: un agent vous répondra sous 5 jours ouvrés.</p>");
        assertThat(entries(mail)).containsExactly(
                "1 text/plain fr fr.automatic+fr.refusal",
                "2 text/html fr fr.automatic+fr.refusal");
    }

    @Test
    void relatedKeepsTheInlineImageByteForByte() throws Exception {
        String imagePart = "Content-Type: image/png" + CRLF
                + "Content-Transfer-Encoding: base64" + CRLF
                + "Content-ID: <logo-caisse@assurance.example.fr>" + CRLF
                + "Content-Disposition: inline" + CRLF + CRLF
                + base64(PNG) + CRLF;
        byte[] before = (headers("Nouveau document dans votre compte", "multipart/related; type=\"text/html\"; boundary=rel-1")
                + "Ceci est un message au format MIME." + CRLF
                + "--rel-1" + CRLF
                + qpPart("text/html; charset=utf-8", Letters.ameliHtml())
                + "--rel-1" + CRLF
                + imagePart
                + "--rel-1--" + CRLF
                + "epilogue" + CRLF).getBytes(US_ASCII);

        byte[] after = run(serviceMailet(), before);

        assertOnlyChanged(before, after, "1");
        assertThat(new String(after, US_ASCII)).contains(imagePart + "--rel-1--" + CRLF + "epilogue" + CRLF);
        Multipart related = (Multipart) parse(after).getContent();
        try (InputStream image = related.getBodyPart(1).getInputStream()) {
            assertThat(image.readAllBytes()).isEqualTo(PNG);
        }
        assertThat((String) related.getBodyPart(0).getContent())
                .contains("<img src=\"cid:logo-caisse@assurance.example.fr\" alt=\"Logo\">")
                .contains("<p>Vous pouvez répondre directement à ce message&nbsp;: un agent vous répondra sous 5 jours ouvrés.</p>");
    }

    @Test
    void attachmentsAreNeverTouchedEvenWhenTheyHoldTheNotice() throws Exception {
        String notice = lines("Rappel des conditions d'envoi", "", "Merci de ne pas répondre à ce message.");
        byte[] before = (headers("Votre avis d'impôt", "multipart/mixed; boundary=\"mix-42\"")
                + "--mix-42" + CRLF
                + qpPart("text/plain; charset=UTF-8", Letters.impotsPlainText())
                + "--mix-42" + CRLF
                + "Content-Type: application/pdf; name=\"avis-2025.pdf\"" + CRLF
                + "Content-Transfer-Encoding: base64" + CRLF
                + "Content-Disposition: attachment; filename=\"avis-2025.pdf\"" + CRLF + CRLF
                + base64(PDF) + CRLF
                + "--mix-42" + CRLF
                + "Content-Type: text/plain; charset=UTF-8" + CRLF
                + "Content-Transfer-Encoding: quoted-printable" + CRLF
                + "Content-Disposition: attachment; filename=\"conditions.txt\"" + CRLF + CRLF
                + qp(notice, UTF_8) + CRLF
                + "--mix-42--" + CRLF).getBytes(US_ASCII);

        byte[] after = run(serviceMailet(), before);

        assertOnlyChanged(before, after, "1");
        Multipart mixed = (Multipart) parse(after).getContent();
        assertThat((String) mixed.getBodyPart(0).getContent()).contains(SENTENCE);
        assertThat((String) mixed.getBodyPart(2).getContent()).isEqualTo(notice);
        try (InputStream pdf = mixed.getBodyPart(1).getInputStream()) {
            assertThat(pdf.readAllBytes()).isEqualTo(PDF);
        }
    }

    @Test
    void nestedMixedAlternativeRelatedRewritesEveryTextPart() throws Exception {
        byte[] before = (headers("Nouveau document dans votre compte", "multipart/mixed; boundary=outer")
                + "--outer" + CRLF
                + "Content-Type: multipart/alternative; boundary=middle" + CRLF + CRLF
                + "--middle" + CRLF
                + "Content-Type: text/plain; charset=utf-8" + CRLF
                + "Content-Transfer-Encoding: 8bit" + CRLF + CRLF
                + Letters.ameliPlainText() + CRLF
                + "--middle" + CRLF
                + "Content-Type: multipart/related; boundary=inner" + CRLF + CRLF
                + "--inner" + CRLF
                + "Content-Type: text/html; charset=utf-8" + CRLF
                + "Content-Transfer-Encoding: base64" + CRLF + CRLF
                + base64(Letters.ameliHtml().getBytes(UTF_8)) + CRLF
                + "--inner" + CRLF
                + "Content-Type: image/png" + CRLF
                + "Content-Transfer-Encoding: base64" + CRLF
                + "Content-ID: <logo-caisse@assurance.example.fr>" + CRLF + CRLF
                + base64(PNG) + CRLF
                + "--inner--" + CRLF
                + "--middle--" + CRLF
                + "--outer" + CRLF
                + "Content-Type: application/pdf" + CRLF
                + "Content-Transfer-Encoding: base64" + CRLF
                + "Content-Disposition: attachment; filename=\"releve.pdf\"" + CRLF + CRLF
                + base64(PDF) + CRLF
                + "--outer--" + CRLF).getBytes(UTF_8);

        Mail mail = serviced(before);
        byte[] after = bytes(mail);

        assertOnlyChanged(before, after, "1.1", "1.2.1");
        Multipart mixed = (Multipart) parse(after).getContent();
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        Multipart related = (Multipart) alternative.getBodyPart(1).getContent();
        assertThat((String) alternative.getBodyPart(0).getContent()).contains(SENTENCE);
        assertThat((String) related.getBodyPart(0).getContent()).contains("un agent vous répondra sous 5 jours ouvrés.</p>");
        assertThat(related.getBodyPart(0).getHeader("Content-Transfer-Encoding")).containsExactly("base64");
        assertThat(attribute(mail, ReplaceNoreplyNotice.COUNT)).isEqualTo(2);
    }

    @Test
    void noticeInsideAVeryLongQuotedPrintableLineIsReplaced() throws Exception {
        String paragraph = "Votre demande d'aide personnalisée au logement a bien été prise en compte. ".repeat(12)
                + "Merci de ne pas répondre à ce message. "
                + "Vous serez informé de la décision par courrier et dans votre espace. ".repeat(12);
        String text = lines("Bonjour,", "", paragraph.strip(), "", "Votre Caisse d'allocations familiales");
        byte[] before = (headers("Aide au logement", "text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable")
                + qp(text, UTF_8)).getBytes(US_ASCII);
        assertThat(qp(text, UTF_8)).contains("=" + CRLF).as("the notice lies in a line longer than 76 characters");

        byte[] after = run(serviceMailet(), before);

        String content = (String) parse(after).getContent();
        assertThat(content).isEqualTo(text.replace("Merci de ne pas répondre à ce message.", SENTENCE));
        assertThat(new String(after, US_ASCII).split(CRLF)).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(998));
        String body = new String(after, US_ASCII).substring(new String(after, US_ASCII).indexOf(CRLF + CRLF) + 4);
        assertThat(body.split(CRLF)).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(76));
    }

    @Test
    void noticeWrappedOverLinesIsReplacedAndWrappedAgain() throws Exception {
        String text = lines("Bonjour,", "", "Votre rendez-vous du 14 avril 2026 à 10 h 30 est confirmé.", "",
                "Ce message a été généré automatiquement par notre plateforme. Merci de ne pas",
                "répondre à ce courriel : cette adresse n'est pas consultée.", "",
                "Préfecture d'Ille-et-Vilaine");
        byte[] before = concat(headers("Confirmation de rendez-vous", "text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit")
                .getBytes(US_ASCII), text.getBytes(UTF_8));

        Mail mail = serviced(before);

        String content = (String) parse(bytes(mail)).getContent();
        assertThat(content).startsWith("Bonjour,\r\n\r\nVotre rendez-vous du 14 avril 2026 à 10 h 30 est confirmé.\r\n\r\n")
                .endsWith("\r\n\r\nPréfecture d'Ille-et-Vilaine\r\n")
                .doesNotContain("Merci de ne pas").doesNotContain("consultée");
        assertThat(content.replace("\r\n", " ")).contains(SENTENCE);
        assertThat(content.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(76));
        assertThat(entries(mail)).containsExactly(
                "1 text/plain fr fr.automatic+fr.refusal+fr.unread");
    }

    @Test
    void flowedTextKeepsSoftLineBreaks() throws Exception {
        String text = "Bonjour,\r\n\r\nVotre dossier de bourse sur crit\u00e8res sociaux est complet. Merci de ne pas \r\n"
                + "r\u00e9pondre \u00e0 ce message.\r\n\r\nLe CROUS\r\n";
        byte[] before = concat(headers("Dossier de bourse", "text/plain; charset=utf-8; format=flowed", "Content-Transfer-Encoding: 8bit")
                .getBytes(US_ASCII), text.getBytes(UTF_8));

        byte[] after = run(serviceMailet(), before);

        MimeMessage message = parse(after);
        assertThat(new ContentType(message.getContentType()).getParameter("format")).isEqualTo("flowed");
        String content = (String) message.getContent();
        assertThat(content).startsWith("Bonjour,\r\n\r\nVotre dossier de bourse sur crit\u00e8res sociaux est complet. ");
        List<String> paragraph = content.lines().skip(2).takeWhile(line -> !line.isEmpty()).toList();
        assertThat(paragraph).hasSizeGreaterThan(1);
        assertThat(paragraph.subList(0, paragraph.size() - 1)).allSatisfy(line -> assertThat(line).endsWith(" "));
        assertThat(String.join("", paragraph)).isEqualTo("Votre dossier de bourse sur crit\u00e8res sociaux est complet. " + SENTENCE);
    }

    @Test
    void withoutANoticeTheMessageIsLeftByteForByte() throws Exception {
        String text = lines("Bonjour,", "", "Votre attestation de droits est jointe à ce message.",
                "Vous pouvez répondre à ce message si une information est inexacte.", "", "Votre caisse");
        byte[] before = concat(headers("Attestation de droits", "text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit")
                .getBytes(US_ASCII), text.getBytes(UTF_8));
        Mail mail = mail(before);
        MimeMessage original = mail.getMessage();

        serviceMailet().service(mail);

        assertThat(mail.getMessage()).isSameAs(original);
        assertThat(bytes(mail)).isEqualTo(before);
        assertThat(attribute(mail, ReplaceNoreplyNotice.OUTCOME)).isEqualTo("absent");
        assertThat(attribute(mail, ReplaceNoreplyNotice.COUNT)).isEqualTo(0);
    }

    @Test
    void englishNoticeGetsTheEnglishSentenceWhenTheServiceHasOne() throws Exception {
        String text = lines("Bonjour / Hello,", "", "Votre titre de séjour est prêt. Your residence permit is ready.", "",
                "Merci de ne pas répondre à ce message.", "Please do not reply to this email, as this mailbox is not monitored.", "",
                "Préfecture de police");
        byte[] before = concat(headers("Titre de séjour", "text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit")
                .getBytes(US_ASCII), text.getBytes(UTF_8));

        Mail mail = mail(before);
        MailetRun.mailet("commitment", "sous 5 jours ouvrés",
                "replacementEnglish", "You can reply to this message: an agent will answer you {commitment}.",
                "commitmentEnglish", "within 5 working days").service(mail);

        assertThat((String) parse(bytes(mail)).getContent()).contains(SENTENCE + "\r\n"
                + "You can reply to this message: an agent will answer you within 5 working days.\r\n");
        assertThat(entries(mail)).containsExactly("1 text/plain fr fr.refusal",
                "1 text/plain en en.refusal+en.unread");
    }

    @Test
    void repeatedNoticeIsNotRepeatedInTheReplacement() throws Exception {
        String text = lines("Bonjour,", "", "Votre paiement a été enregistré.", "",
                "Merci de ne pas répondre à ce message.", "Cette adresse n'est pas consultée.", "", "Trésor public");

        byte[] before = concat(headers("Paiement enregistré", "text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit")
                .getBytes(US_ASCII), text.getBytes(UTF_8));

        String content = (String) parse(run(serviceMailet(), before)).getContent();

        assertThat(content).startsWith(lines("Bonjour,", "", "Votre paiement a été enregistré.", ""))
                .endsWith(lines("", "Trésor public"))
                .doesNotContain("consultée");
        assertThat(content.replace("\r\n", " ")).containsOnlyOnce("un agent vous répondra").contains(SENTENCE);
    }

    @Test
    void rewrittenMessageKeepsItsMessageIdThroughSaveChanges() throws Exception {
        byte[] before = (headers("Votre attestation de paiement", "text/plain; charset=UTF-8", "Content-Transfer-Encoding: quoted-printable")
                + qp(Letters.cafPlainText(), UTF_8)).getBytes(US_ASCII);
        Mail mail = serviced(before);

        mail.getMessage().setHeader("X-Guichet-Token", "t1");
        mail.getMessage().saveChanges();

        assertThat(mail.getMessage().getMessageID()).isEqualTo("<20260303091244.4F2A1@caf.example.fr>");
    }

    @Test
    void unknownCharsetLeavesThePartAndSaysWhy() throws Exception {
        byte[] before = (headers("Avis", "text/plain; charset=x-inconnu", "Content-Transfer-Encoding: 7bit")
                + "Merci de ne pas repondre a ce message." + CRLF).getBytes(US_ASCII);
        Mail mail = serviced(before);

        assertThat(bytes(mail)).isEqualTo(before);
        assertThat(attribute(mail, ReplaceNoreplyNotice.OUTCOME)).isEqualTo("absent");
        assertThat((java.util.Collection<?>) attribute(mail, ReplaceNoreplyNotice.SKIPPED)).singleElement()
                .extracting(v -> ((AttributeValue<?>) v).value()).isEqualTo("1 text/plain: unknown charset x-inconnu");
    }

    @Test
    void bareLineFeedMessageKeepsItsLineEnds() throws Exception {
        String raw = headers("Avis", "text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit").replace(CRLF, "\n")
                + "Bonjour,\n\nMerci de ne pas répondre à ce message.\n\nLa mairie\n";

        byte[] after = run(serviceMailet(), raw.getBytes(UTF_8));

        assertThat(new String(after, UTF_8)).endsWith("\nBonjour,\n\n" + SENTENCE + "\n\nLa mairie\n");
    }

    @Test
    void eightBitTextWithoutACharsetIsReadAsWindows1252AndWrittenBackSo() throws Exception {
        java.nio.charset.Charset cp1252 = java.nio.charset.Charset.forName("windows-1252");
        byte[] before = concat(headers("Avis d'imposition", "text/plain", "Content-Transfer-Encoding: 8bit").getBytes(US_ASCII),
                lines("Bonjour,", "", "Votre avis est disponible dans votre espace.", "", "Merci de ne pas répondre à ce message.", "",
                        "La Direction générale des Finances publiques").getBytes(cp1252));

        Mail mail = serviced(before);
        byte[] after = bytes(mail);

        assertThat(attribute(mail, ReplaceNoreplyNotice.OUTCOME)).isEqualTo("replaced");
        MimeMessage message = parse(after);
        assertThat(new ContentType(message.getContentType()).getParameter("charset")).isEqualTo("windows-1252");
        String body = new String(after, cp1252);
        assertThat(body).contains(SENTENCE).contains("Direction générale des Finances publiques").doesNotContain("répondre à ce message.");
        assertThat(new String(after, UTF_8)).as("still Windows-1252 bytes, not UTF-8").doesNotContain("générale");
    }

    @Test
    void eightBitUtf8WithoutAnyContentTypeIsReadAsUtf8() throws Exception {
        String raw = "From: noreply@impots.example.fr\r\nTo: camille.martin@example.org\r\nSubject: Avis\r\n"
                + "Message-ID: <20260303091244.4F2A1@caf.example.fr>\r\nMIME-Version: 1.0\r\n\r\n"
                + "Votre avis est prêt.\r\n\r\nMerci de ne pas répondre à ce message.\r\n";

        Mail mail = serviced(raw.getBytes(UTF_8));

        assertThat(attribute(mail, ReplaceNoreplyNotice.OUTCOME)).isEqualTo("replaced");
        MimeMessage message = parse(bytes(mail));
        assertThat(new ContentType(message.getContentType()).getParameter("charset")).isEqualTo("UTF-8");
        assertThat((String) message.getContent()).contains("Votre avis est prêt.").contains(SENTENCE);
    }

    @Test
    void dutchAndGermanNoticesGetSentencesInTheirOwnLanguage() throws Exception {
        String text = lines("Geachte heer, Sehr geehrte Damen und Herren,", "", "Gelieve niet te antwoorden op deze e-mail.", "",
                "Bitte antworten Sie nicht auf diese E-Mail.", "", "FOD Financiën");
        byte[] before = concat(headers("Aanslagbiljet", "text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit")
                .getBytes(US_ASCII), text.getBytes(UTF_8));

        Mail mail = mail(before);
        MailetRun.mailet("commitment", "sous 5 jours ouvrés", "commitmentDutch", "binnen 5 werkdagen",
                "replacementGerman", "Antworten Sie einfach auf diese Nachricht, wir melden uns {commitment}.",
                "commitmentGerman", "innerhalb von 5 Werktagen").service(mail);

        String content = (String) parse(bytes(mail)).getContent();
        assertThat(content).contains("U kunt rechtstreeks op dit bericht antwoorden: een medewerker antwoordt u binnen 5 werkdagen.")
                .contains("Antworten Sie einfach auf diese Nachricht, wir melden uns innerhalb von 5 Werktagen.")
                .doesNotContain("Gelieve", "Bitte antworten");
        assertThat(entries(mail)).containsExactly("1 text/plain nl nl.refusal", "1 text/plain de de.refusal");
    }

    static List<Object> entries(Mail mail) {
        java.util.Collection<?> values = (java.util.Collection<?>) attribute(mail, ReplaceNoreplyNotice.ENTRIES);
        return values.stream().map(v -> (Object) ((AttributeValue<?>) v).value()).toList();
    }

    static Object attribute(Mail mail, org.apache.mailet.AttributeName name) {
        return mail.getAttribute(name).orElseThrow().getValue().value();
    }

    static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        out.writeBytes(second);
        return out.toByteArray();
    }

    static String partText(BodyPart part) throws Exception {
        return (String) ((MimeBodyPart) part).getContent();
    }
}
