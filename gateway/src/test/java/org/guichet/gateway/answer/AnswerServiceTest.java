package org.guichet.gateway.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.guichet.gateway.answer.AnswerRig.CITIZEN;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.guichet.casework.AnswerReceipt;
import org.guichet.casework.AnswerRefusedException;
import org.guichet.casework.AnswerRequest;
import org.guichet.casework.AnsweringAgent;
import org.guichet.casework.Case;
import org.guichet.casework.CaseEvent;
import org.guichet.casework.CaseReceipt;
import org.guichet.casework.Threading;
import org.guichet.conversation.Conversation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Answers posted to cases: spooled as the citizen receives them, recorded once, threaded back. */
class AnswerServiceTest {

    private static final String TEXT = "Bonjour Madame,\n\nVotre dossier est complet : l'aide sera versée le 5 avril."
            + "\n\nCordialement,\nLe service des prestations";

    private final AnswerRig rig = new AnswerRig();

    @AfterEach
    void stopSpool() throws InterruptedException {
        rig.close();
    }

    private static AnswerRequest request(String reference, String text, String answerId) {
        return new AnswerRequest(reference, AnsweringAgent.webAccount("jdupont"), text, answerId, null);
    }

    @Test
    void anAnswerLeavesUnderTheServicesIdentityThreadedToTheCitizensLastMessage() throws Exception {
        Conversation conversation = rig.conversation("prestations", "<notice-1@reponse.caf.fr>");
        Case answered = rig.receive(CITIZEN, conversation, "Re: Votre dossier").caseFile();

        AnswerReceipt receipt = rig.service.answer(request(answered.reference(), TEXT, "web-1"));

        byte[] raw = rig.spooled(receipt.queueId());
        assertThat(AnswerRig.headerLines(raw)).contains(
                "From: CAF Prestations <prestations@caf.fr>",
                "To: " + CITIZEN,
                "Reply-To: CAF Prestations <" + conversation.replyAddress() + ">",
                "Subject: Re: Votre dossier [GCH-2026-000001]",
                "Message-ID: " + receipt.messageId(),
                "In-Reply-To: <in-1@mail.example.org>",
                "References: <notice-1@reponse.caf.fr> <in-1@mail.example.org>",
                "Content-Type: text/plain; charset=UTF-8",
                "Content-Transfer-Encoding: quoted-printable",
                "MIME-Version: 1.0");
        assertThat(AnswerRig.headerLines(raw)).noneMatch(line -> line.startsWith("Auto-Submitted"))
                .anyMatch(line -> line.startsWith("Date: "));
        assertThat(receipt.messageId()).matches("<answer\\.[0-9a-f]{20}@reponse\\.caf\\.fr>");
        MimeMessage parsed = AnswerRig.parse(raw);
        assertThat(((String) parsed.getContent()).replace("\r\n", "\n")).isEqualTo(TEXT + "\n".repeat(0));
        assertThat(new String(raw, StandardCharsets.US_ASCII)).contains("vers=C3=A9e").doesNotContain("jdupont");
        assertThat(rig.jdbc.sql("select sender from spool_message where queue_id = :q").param("q", receipt.queueId())
                .query(String.class).single()).isEqualTo("prestations@caf.fr");

        CaseEvent event = rig.events.events(answered.id()).getLast();
        assertThat(event.type()).isEqualTo("ANSWERED");
        assertThat(event.occurredAt()).isEqualTo(rig.spooledAt(receipt.queueId())).isEqualTo(receipt.answeredAt());
        assertThat(rig.casework.messages(answered.id()).getLast().visibleText()).isEqualTo(TEXT);
        assertThat(rig.answers.answers(answered.id())).singleElement()
                .satisfies(a -> assertThat(a.agent().identity()).isEqualTo("jdupont"));
    }

    @Test
    void filesJoinedToAnAnswerLeaveAsAttachmentsAfterTheText() throws Exception {
        Case answered = rig.receive(CITIZEN, rig.conversation("prestations", "<f@reponse.caf.fr>"), "Re: Avis")
                .caseFile();
        byte[] pdf = "%PDF-1.4\n1 0 obj\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        AnswerReceipt receipt = rig.service.answer(new AnswerRequest(answered.reference(),
                AnsweringAgent.webAccount("jdupont"), TEXT, "files-1", null,
                java.util.List.of(new org.guichet.casework.AnswerAttachment("attestation d'affiliation.pdf",
                        "application/pdf", pdf))));

        jakarta.mail.internet.MimeMessage sent = new jakarta.mail.internet.MimeMessage(null,
                new java.io.ByteArrayInputStream(rig.spooled(receipt.queueId())));
        jakarta.mail.internet.MimeMultipart parts = (jakarta.mail.internet.MimeMultipart) sent.getContent();
        assertThat(sent.getContentType()).startsWith("multipart/mixed");
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContent().toString()).contains("Votre dossier");
        assertThat(jakarta.mail.internet.MimeUtility.decodeText(parts.getBodyPart(1).getFileName()))
                .isEqualTo("attestation d'affiliation.pdf");
        assertThat(parts.getBodyPart(1).getInputStream().readAllBytes()).isEqualTo(pdf);

        assertThatThrownBy(() -> rig.service.answer(new AnswerRequest(answered.reference(),
                AnsweringAgent.webAccount("jdupont"), TEXT, "files-2", null,
                java.util.List.of(new org.guichet.casework.AnswerAttachment("setup.pdf", "application/pdf",
                        new byte[] {'M', 'Z', 0, 0})))))
                .isInstanceOf(AnswerRefusedException.class);
    }

    @Test
    void postingTheSameAnswerIdTwiceSendsOnceAndAnotherTextUnderItIsAConflict() throws Exception {
        Case answered = rig.receive(CITIZEN, rig.conversation("prestations", "<n@reponse.caf.fr>"), "Re: Avis")
                .caseFile();

        AnswerReceipt first = rig.service.answer(request(answered.reference(), TEXT, "web-2"));
        AnswerReceipt second = rig.service.answer(request(answered.reference(), TEXT, "web-2"));

        assertThat(second.duplicate()).isTrue();
        assertThat(second.queueId()).isEqualTo(first.queueId());
        assertThat(rig.jdbc.sql("select count(*) from spool_message").query(Long.class).single()).isEqualTo(1);
        assertThat(rig.events.events(answered.id())).extracting(CaseEvent::type).containsOnlyOnce("ANSWERED");
        assertThatThrownBy(() -> rig.service.answer(request(answered.reference(), "Autre texte", "web-2")))
                .isInstanceOfSatisfying(AnswerRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AnswerRefusedException.Reason.CONFLICT));
    }

    @Test
    void anUnthreadedCaseIsAnsweredFromANewReplyAddressAndTheCitizensReplyComesBackToIt() throws Exception {
        Case unthreaded = rig.receive(CITIZEN, null, "Question sur mon allocation").caseFile();

        AnswerReceipt receipt = rig.service.answer(request(unthreaded.reference(), "Bonjour, voici la réponse.",
                null));

        Conversation opened = rig.answers.conversationOf(unthreaded.id()).orElseThrow();
        assertThat(rig.verifier.verifyLocalPart(opened.replyAddress().substring(0, opened.replyAddress().indexOf('@'))))
                .isPresent();
        assertThat(AnswerRig.headerLines(rig.spooled(receipt.queueId()))).contains(
                "From: Accueil CAF <" + opened.replyAddress() + ">",
                "Reply-To: Accueil CAF <" + opened.replyAddress() + ">",
                "Subject: Re: Question sur mon allocation [" + unthreaded.reference() + "]",
                "In-Reply-To: <in-1@mail.example.org>",
                "References: <in-1@mail.example.org>");
        assertThat(opened.finalMessageId()).isEqualTo(receipt.messageId());
        CaseReceipt reply = rig.receive(CITIZEN, opened, "Re: Question sur mon allocation");
        assertThat(reply.caseFile().reference()).isEqualTo(unthreaded.reference());
        assertThat(reply.threading()).isEqualTo(Threading.TOKEN);
    }

    @Test
    void theAnswerGoesToTheLastCorrespondentUnlessTheCitizenIsAskedFor() throws Exception {
        Conversation conversation = rig.conversation("prestations", "<n@reponse.caf.fr>");
        rig.receive(CITIZEN, conversation, "Re: Votre dossier");
        Case answered = rig.receive("assistante.sociale@ccas.example.org", conversation, "Re: Votre dossier")
                .caseFile();

        AnswerReceipt toThirdParty = rig.service.answer(request(answered.reference(), "Réponse 1", "r-1"));
        AnswerReceipt toCitizen = rig.service.answer(new AnswerRequest(answered.reference(),
                AnsweringAgent.webAccount("jdupont"), "Réponse 2", "r-2", CITIZEN.toUpperCase()));

        assertThat(toThirdParty.to()).isEqualTo("assistante.sociale@ccas.example.org");
        assertThat(AnswerRig.headerLines(rig.spooled(toThirdParty.queueId())))
                .contains("In-Reply-To: <in-2@mail.example.org>");
        assertThat(toCitizen.to()).isEqualTo(CITIZEN);
        assertThat(AnswerRig.headerLines(rig.spooled(toCitizen.queueId()))).contains(
                "In-Reply-To: <in-1@mail.example.org>",
                "References: <n@reponse.caf.fr> <in-2@mail.example.org> " + toThirdParty.messageId()
                        + " <in-1@mail.example.org>");
        assertThatThrownBy(() -> rig.service.answer(new AnswerRequest(answered.reference(),
                AnsweringAgent.webAccount("jdupont"), "x", null, "inconnu@example.org")))
                .isInstanceOfSatisfying(AnswerRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AnswerRefusedException.Reason.INVALID));
    }

    @Test
    void unknownCasesEmptyTextsAndMalformedIdsAreRefusedBeforeAnythingIsSpooled() {
        Case answered = rig.receive(CITIZEN, null, "Question").caseFile();

        assertThatThrownBy(() -> rig.service.answer(request("GCH-2026-999999", TEXT, null)))
                .isInstanceOfSatisfying(AnswerRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AnswerRefusedException.Reason.UNKNOWN_CASE));
        for (String text : List.of("", "  \n ")) {
            assertThatThrownBy(() -> rig.service.answer(request(answered.reference(), text, null)))
                    .isInstanceOfSatisfying(AnswerRefusedException.class,
                            e -> assertThat(e.reason()).isEqualTo(AnswerRefusedException.Reason.INVALID));
        }
        assertThatThrownBy(() -> rig.service.answer(request(answered.reference(), TEXT, "id with spaces")))
                .isInstanceOf(AnswerRefusedException.class);
        assertThat(rig.jdbc.sql("select count(*) from spool_message").query(Long.class).single()).isZero();
    }
}
