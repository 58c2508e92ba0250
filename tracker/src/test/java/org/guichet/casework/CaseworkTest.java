package org.guichet.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.guichet.administration.ServiceDirectory;
import org.guichet.casework.CaseworkRig.Reply;
import org.junit.jupiter.api.Test;

/** Threading of citizens' replies into cases, in the documented order, on a real PostgreSQL. */
class CaseworkTest {

    private static final String ALICE = "alice@example.org";
    private static final String CONV = "aaaaaaaaaaaaaaa1";

    private final CaseworkRig rig = new CaseworkRig();
    private final Casework casework = rig.casework;

    private CaseReceipt receive(Reply reply) {
        return casework.receive(reply.inbound());
    }

    private List<String> eventTypes(Case found) {
        return rig.events.events(found.id()).stream().map(CaseEvent::type).toList();
    }

    @Test
    void firstReplyOnATokenOpensACaseOfTheConversationsServiceAndTheSecondJoinsIt() {
        rig.conversation(CONV, ALICE);
        Reply first = rig.reply("Alice@Example.org").token(CONV);

        CaseReceipt opened = receive(first);

        Case found = opened.caseFile();
        assertThat(opened.threading()).isEqualTo(Threading.TOKEN);
        assertThat(opened.change()).isEqualTo(CaseReceipt.Change.OPENED);
        assertThat(opened.thirdParty()).as("address case is ignored").isFalse();
        assertThat(found.reference()).isEqualTo("GCH-2026-000001");
        assertThat(found.serviceId()).isEqualTo(rig.serviceId("prestations"));
        assertThat(found.conversationId()).isNotNull();
        assertThat(found.citizenAddress()).isEqualTo(ALICE);
        assertThat(found.unthreaded()).isFalse();
        assertThat(found.openedAt()).isEqualTo(first.receivedAt());
        assertThat(opened.message().author()).isEqualTo(AuthorKind.CITIZEN);
        assertThat(opened.message().queueId()).isEqualTo(first.queueId());
        assertThat(opened.message().visibleText()).isEqualTo("Bonjour, voici mon justificatif.");

        CaseReceipt second = receive(rig.reply(ALICE).token(CONV));
        assertThat(second.caseFile().id()).isEqualTo(found.id());
        assertThat(second.change()).isEqualTo(CaseReceipt.Change.JOINED);
        assertThat(casework.messages(found.id())).hasSize(2);
        assertThat(rig.jdbc.sql("select count(*) from citizen_case").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aNulByteASenderSlippedInIsDroppedAndTheReplyIsStillThreaded() {
        rig.conversation(CONV, ALICE);

        CaseReceipt receipt = receive(rig.reply(ALICE).token(CONV).subject("Re:\0 Votre\0 dossier"));

        assertThat(rig.jdbc.sql("select subject from case_message where case_id = ?").param(receipt.caseFile().id())
                .query(String.class).single()).isEqualTo("Re: Votre dossier");
    }

    private static InboundReply checked(InboundReply reply, String authentication) {
        return new InboundReply(reply.queueId(), reply.receivedAt(), reply.from(), reply.conversationId(),
                reply.messageId(), reply.inReplyTo(), reply.references(), reply.subject(), reply.visibleText(),
                reply.sanitisedHtml(), reply.automaticReason(), reply.serviceCode(), authentication);
    }

    @Test
    void headersAndSubjectThreadOnlyAnAuthorWhoseDomainVouchesForIt() {
        rig.conversation(CONV, ALICE);
        Reply first = rig.reply(ALICE).token(CONV);
        Case found = receive(first).caseFile();
        String subject = "Re: dossier [" + found.reference() + "]";

        CaseReceipt forgedHeaders = casework.receive(checked(rig.reply(ALICE).references(first.messageId()).inbound(),
                "spf=fail dkim=none dmarc=fail"));
        CaseReceipt forgedSubject = casework.receive(checked(rig.reply(ALICE).subject(subject).inbound(),
                "spf=softfail dkim=none dmarc=none"));
        CaseReceipt byDmarc = casework.receive(checked(rig.reply(ALICE).references(first.messageId()).inbound(),
                "spf=fail dkim=pass dmarc=pass"));
        CaseReceipt bySpf = casework.receive(checked(rig.reply(ALICE).subject(subject).inbound(),
                "spf=pass dkim=none dmarc=none"));

        assertThat(forgedHeaders.caseFile().id()).isNotEqualTo(found.id());
        assertThat(forgedHeaders.caseFile().unthreaded()).isTrue();
        assertThat(forgedSubject.caseFile().id()).isNotEqualTo(found.id());
        assertThat(forgedSubject.caseFile().unthreaded()).isTrue();
        assertThat(byDmarc.caseFile().id()).isEqualTo(found.id());
        assertThat(bySpf.caseFile().id()).isEqualTo(found.id());
    }

    @Test
    void inReplyToTheConversationsMessageIdThreadsWithoutAToken() {
        rig.conversation(CONV, ALICE);

        CaseReceipt receipt = receive(rig.reply(ALICE).inReplyTo(CaseworkRig.finalMessageId(CONV)));

        assertThat(receipt.threading()).isEqualTo(Threading.HEADER);
        assertThat(receipt.change()).isEqualTo(CaseReceipt.Change.OPENED);
        assertThat(receipt.caseFile().serviceId()).isEqualTo(rig.serviceId("prestations"));
        assertThat(receipt.caseFile().citizenAddress()).isEqualTo(ALICE);
    }

    @Test
    void referencesToAnEarlierCaseMessageThreadIntoItsCase() {
        rig.conversation(CONV, ALICE);
        Reply first = rig.reply(ALICE).token(CONV);
        Case found = receive(first).caseFile();

        // A client that rewrote nothing but lost the reply address: References still names Alice's first message.
        CaseReceipt later = receive(rig.reply(ALICE).references("<unknown@elsewhere>", first.messageId(),
                "<unknown-2@elsewhere>"));

        assertThat(later.threading()).isEqualTo(Threading.HEADER);
        assertThat(later.caseFile().id()).isEqualTo(found.id());
        assertThat(later.change()).isEqualTo(CaseReceipt.Change.JOINED);
    }

    @Test
    void subjectReferenceThreadsOnlyForTheCasesCitizen() {
        rig.conversation(CONV, ALICE);
        Case found = receive(rig.reply(ALICE).token(CONV)).caseFile();
        String subject = "Re: [" + found.reference() + "] Votre dossier";

        CaseReceipt fromAlice = receive(rig.reply(ALICE).subject(subject.replace("GCH", "gch")));
        CaseReceipt fromMallory = receive(rig.reply("mallory@example.net").subject(subject));

        assertThat(fromAlice.threading()).isEqualTo(Threading.SUBJECT_REFERENCE);
        assertThat(fromAlice.caseFile().id()).isEqualTo(found.id());
        assertThat(fromMallory.threading()).as("references are not secret").isEqualTo(Threading.UNTHREADED);
        assertThat(fromMallory.caseFile().id()).isNotEqualTo(found.id());
        assertThat(fromMallory.caseFile().unthreaded()).isTrue();
        assertThat(fromMallory.caseFile().citizenAddress()).isEqualTo("mallory@example.net");
    }

    @Test
    void unthreadedMessageOpensAFlaggedCaseInTheDefaultQueueOrTheNamedService() {
        CaseReceipt stray = receive(rig.reply("bob@example.org").subject("Question"));
        CaseReceipt captured = receive(rig.reply("carol@example.org").subject("Question").service("prestations"));
        CaseReceipt unknownService = receive(rig.reply("dan@example.org").service("no-such-service"));

        assertThat(stray.threading()).isEqualTo(Threading.UNTHREADED);
        assertThat(stray.caseFile().unthreaded()).isTrue();
        assertThat(stray.caseFile().conversationId()).isNull();
        assertThat(stray.caseFile().serviceId()).isEqualTo(rig.serviceId(ServiceDirectory.DEFAULT));
        assertThat(stray.thirdParty()).isFalse();
        assertThat(captured.caseFile().serviceId()).isEqualTo(rig.serviceId("prestations"));
        assertThat(unknownService.caseFile().serviceId()).isEqualTo(rig.serviceId(ServiceDirectory.DEFAULT));
        assertThat(eventTypes(stray.caseFile())).containsExactly("CASE_OPENED", "RECEIVED");
    }

    @Test
    void replyFromAnotherAddressIsKeptAndFlaggedAsAThirdParty() {
        rig.conversation(CONV, ALICE);

        CaseReceipt receipt = receive(rig.reply("assistante.sociale@ccas.example.fr").token(CONV));

        assertThat(receipt.thirdParty()).isTrue();
        assertThat(receipt.message().author()).isEqualTo(AuthorKind.THIRD_PARTY);
        assertThat(receipt.message().thirdParty()).isTrue();
        assertThat(receipt.caseFile().citizenAddress()).as("the case stays the citizen's").isEqualTo(ALICE);
        assertThat(rig.events.events(receipt.caseFile().id())).filteredOn(e -> e.type().equals("RECEIVED"))
                .singleElement().satisfies(e -> assertThat(e.payload()).contains("\"thirdParty\":true")
                        .contains("\"threading\":\"TOKEN\""));
    }

    @Test
    void replyToAClosedCaseReopensItByDefault() {
        rig.conversation(CONV, ALICE);
        Case found = receive(rig.reply(ALICE).token(CONV)).caseFile();
        Instant closing = CaseworkRig.T0.plusSeconds(86_400);
        rig.clock.set(closing);
        Case closed = casework.close(found.id());
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.closedAt()).isEqualTo(closing);

        Reply again = rig.reply(ALICE).token(CONV);
        CaseReceipt receipt = receive(again);

        assertThat(receipt.change()).isEqualTo(CaseReceipt.Change.REOPENED);
        assertThat(receipt.caseFile().id()).isEqualTo(found.id());
        assertThat(receipt.caseFile().status()).isEqualTo(CaseStatus.OPEN);
        assertThat(receipt.caseFile().closedAt()).isNull();
        List<CaseEvent> events = rig.events.events(found.id());
        assertThat(events).extracting(CaseEvent::type)
                .containsExactly("CASE_OPENED", "RECEIVED", "CLOSED", "RECEIVED", "REOPENED");
        assertThat(events.get(2).occurredAt()).isEqualTo(closing);
        assertThat(events.get(4).occurredAt()).as("gateway's reception time").isEqualTo(again.receivedAt());
    }

    @Test
    void withTheLinkSettingAReplyToAClosedCaseOpensALinkedCaseThatLaterRepliesJoin() {
        rig.closedCaseReply("prestations", "link");
        rig.conversation(CONV, ALICE);
        Reply first = rig.reply(ALICE).token(CONV);
        Case original = receive(first).caseFile();
        casework.close(original.id());

        CaseReceipt linked = receive(rig.reply(ALICE).token(CONV));
        CaseReceipt byHeader = receive(rig.reply(ALICE).inReplyTo(first.messageId()));
        CaseReceipt byToken = receive(rig.reply(ALICE).token(CONV));

        assertThat(linked.change()).isEqualTo(CaseReceipt.Change.LINKED);
        Case successor = linked.caseFile();
        assertThat(successor.id()).isNotEqualTo(original.id());
        assertThat(successor.linkedCaseId()).isEqualTo(original.id());
        assertThat(successor.conversationId()).isEqualTo(original.conversationId());
        assertThat(successor.citizenAddress()).isEqualTo(ALICE);
        assertThat(successor.open()).isTrue();
        assertThat(casework.caseById(original.id()).orElseThrow().status()).as("closed stays closed")
                .isEqualTo(CaseStatus.CLOSED);
        assertThat(eventTypes(original)).containsExactly("CASE_OPENED", "RECEIVED", "CLOSED", "LINKED");
        assertThat(eventTypes(successor)).startsWith("CASE_OPENED", "RECEIVED");
        assertThat(rig.events.events(successor.id()).get(0).payload())
                .contains("\"linkedTo\":\"" + original.reference() + "\"");
        assertThat(byHeader.caseFile().id()).as("a header naming the old case reaches its successor")
                .isEqualTo(successor.id());
        assertThat(byToken.caseFile().id()).isEqualTo(successor.id());
    }

    @Test
    void automaticMailIsRecordedOnTheClosedCaseWithoutReopeningIt() {
        rig.conversation(CONV, ALICE);
        Case found = receive(rig.reply(ALICE).token(CONV)).caseFile();
        casework.close(found.id());

        Reply outOfOffice = rig.reply(ALICE).token(CONV).automatic("AUTO_SUBMITTED");
        CaseReceipt receipt = receive(outOfOffice);

        assertThat(receipt.caseFile().status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(receipt.change()).isEqualTo(CaseReceipt.Change.JOINED);
        assertThat(receipt.message().author()).isEqualTo(AuthorKind.AUTOMATIC);
        assertThat(receipt.message().automaticReason()).isEqualTo("AUTO_SUBMITTED");
        List<CaseEvent> events = rig.events.events(found.id());
        assertThat(events).extracting(CaseEvent::type)
                .containsExactly("CASE_OPENED", "RECEIVED", "CLOSED", "RECEIVED", "CLASSIFIED_AUTOMATIC");
        assertThat(events.get(4).payload()).isEqualTo("{\"queueId\":\"" + outOfOffice.queueId()
                + "\",\"reason\":\"AUTO_SUBMITTED\"}");
        assertThat(events.get(4).occurredAt()).isEqualTo(outOfOffice.receivedAt());
    }

    @Test
    void theSameSpoolMessageTwiceIsOneCaseMessage() {
        rig.conversation(CONV, ALICE);
        Reply reply = rig.reply(ALICE).token(CONV);

        CaseReceipt first = receive(reply);
        long eventsAfterFirst = rig.jdbc.sql("select count(*) from case_event").query(Long.class).single();
        CaseReceipt replay = receive(reply);

        assertThat(replay.duplicate()).isTrue();
        assertThat(first.duplicate()).isFalse();
        assertThat(replay.caseFile().id()).isEqualTo(first.caseFile().id());
        assertThat(replay.message().id()).isEqualTo(first.message().id());
        assertThat(replay.threading()).isEqualTo(Threading.TOKEN);
        assertThat(replay.change()).isEqualTo(CaseReceipt.Change.OPENED);
        assertThat(rig.jdbc.sql("select count(*) from case_message").query(Long.class).single()).isEqualTo(1);
        assertThat(rig.jdbc.sql("select count(*) from case_event").query(Long.class).single())
                .isEqualTo(eventsAfterFirst);
    }

    @Test
    void concurrentFirstRepliesOnOneConversationOpenOneCase() throws Exception {
        rig.conversation(CONV, ALICE);
        List<Reply> replies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            replies.add(rig.reply(ALICE).token(CONV));
        }
        replies.add(replies.get(0));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<CaseReceipt>> calls = replies.stream()
                    .map(r -> (Callable<CaseReceipt>) () -> receive(r)).toList();
            List<Long> cases = new ArrayList<>();
            for (Future<CaseReceipt> future : pool.invokeAll(calls)) {
                cases.add(future.get().caseFile().id());
            }
            assertThat(cases).containsOnly(cases.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(rig.jdbc.sql("select count(*) from case_message").query(Long.class).single()).isEqualTo(8);
        assertThat(rig.events.verify().intact()).isTrue();
    }

    @Test
    void everyStepIsAnEventAtTheGatewaysReceptionTime() {
        rig.conversation(CONV, ALICE);
        Reply reply = rig.reply(ALICE).token(CONV);

        Case found = receive(reply).caseFile();

        List<CaseEvent> events = rig.events.events(found.id());
        assertThat(events).extracting(CaseEvent::type).containsExactly("CASE_OPENED", "RECEIVED");
        assertThat(events).extracting(CaseEvent::seq).containsExactly(1, 2);
        assertThat(events).allSatisfy(e -> assertThat(e.occurredAt()).isEqualTo(reply.receivedAt()));
        assertThat(events.get(1).payload()).contains("\"queueId\":\"" + reply.queueId() + "\"")
                .contains("\"author\":\"citizen\"");
    }
}
