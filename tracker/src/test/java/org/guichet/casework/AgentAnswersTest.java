package org.guichet.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.guichet.conversation.Conversation;
import org.junit.jupiter.api.Test;

/** Answers recorded on their cases over a real database: message, agent, event, idempotence, reply path. */
class AgentAnswersTest {

    private static final String CITIZEN = "amelie.rousseau@example.org";

    private final CaseworkRig rig = new CaseworkRig();
    private final AgentAnswers answers = new AgentAnswers(rig.jdbc, rig.transactions, rig.events, rig.conversations,
            rig.casework, rig.clock);

    private Case caseFromConversation() {
        rig.conversation("aaaabbbbccccdddd", CITIZEN);
        return rig.casework.receive(rig.reply(CITIZEN).token("aaaabbbbccccdddd").inbound()).caseFile();
    }

    private AgentAnswer answer(String answerId, Case answered, String queueId, Instant at) {
        return new AgentAnswer(answerId, answered.id(), AnsweringAgent.webAccount("jdupont"), queueId, at,
                "prestations@caf.fr", CITIZEN, "Re: Votre dossier [" + answered.reference() + "]",
                "<" + answerId + "@reponse.caf.fr>", "<Q1X@mail.example.org>", "Votre dossier est complet.");
    }

    @Test
    void anAnswerIsAnOutboundAgentMessageWithItsAnsweredEventAtTheSpoolsTime() {
        Case answered = caseFromConversation();
        Instant spooled = CaseworkRig.T0.plus(Duration.ofHours(3)).plusNanos(123_000);

        RecordedAnswer recorded = answers.record(answer("a-1", answered, "5A1B", spooled));

        assertThat(recorded.duplicate()).isFalse();
        assertThat(recorded.caseReference()).isEqualTo(answered.reference());
        assertThat(recorded.answeredAt()).isEqualTo(spooled);
        CaseMessage message = rig.casework.messages(answered.id()).get(1);
        assertThat(message.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(message.author()).isEqualTo(AuthorKind.AGENT);
        assertThat(message.fromAddress()).as("what the citizen sees").isEqualTo("prestations@caf.fr");
        assertThat(message.queueId()).isEqualTo("5A1B");
        assertThat(message.receivedAt()).isEqualTo(spooled);
        assertThat(message.messageId()).isEqualTo("<a-1@reponse.caf.fr>");
        assertThat(message.visibleText()).isEqualTo("Votre dossier est complet.");
        assertThat(answers.answers(answered.id())).singleElement().satisfies(a -> {
            assertThat(a.agent()).isEqualTo(AnsweringAgent.webAccount("jdupont"));
            assertThat(a.to()).isEqualTo(CITIZEN);
        });
        CaseEvent event = rig.events.events(answered.id()).getLast();
        assertThat(event.type()).isEqualTo("ANSWERED");
        assertThat(event.occurredAt()).as("the spool's acceptance time, not the recording time").isEqualTo(spooled);
        assertThat(event.payload()).contains("\"answerId\":\"a-1\"").contains("\"queueId\":\"5A1B\"")
                .contains("\"channel\":\"api\"").doesNotContain("jdupont").doesNotContain(CITIZEN);
        assertThat(rig.events.verify().intact()).isTrue();
    }

    @Test
    void theSameAnswerIdRecordsOnce() {
        Case answered = caseFromConversation();
        Instant at = CaseworkRig.T0.plus(Duration.ofHours(3));
        answers.record(answer("a-2", answered, "5A2B", at));

        RecordedAnswer again = answers.record(answer("a-2", answered, "5A2C", at.plusSeconds(5)));

        assertThat(again.duplicate()).isTrue();
        assertThat(again.queueId()).as("the first one's").isEqualTo("5A2B");
        assertThat(rig.casework.messages(answered.id())).hasSize(2);
        assertThat(rig.events.events(answered.id())).extracting(CaseEvent::type)
                .containsExactly("CASE_OPENED", "RECEIVED", "ANSWERED");
    }

    @Test
    void anUnthreadedCaseGetsAConversationAndTheCitizensReplyToItComesBackByToken() {
        Case unthreaded = rig.casework.receive(rig.reply(CITIZEN).subject("Question").inbound()).caseFile();
        assertThat(answers.conversationOf(unthreaded.id())).isEmpty();
        Conversation opened = new Conversation("eeeeffffgggghhhh", unthreaded.serviceId(), "Q1X", "caf@reponse.caf.fr",
                CITIZEN, "Question", null, "<answer@reponse.caf.fr>", "reply+k1-eeee@reponse.caf.fr",
                CaseworkRig.T0.plusSeconds(60));

        Conversation tied = answers.openConversation(unthreaded.id(), opened);
        Conversation second = answers.openConversation(unthreaded.id(), new Conversation("iiiijjjjkkkkllll",
                unthreaded.serviceId(), "Q1X", "caf@reponse.caf.fr", CITIZEN, "Question", null, "<other@x>",
                "reply+k1-iiii@reponse.caf.fr", CaseworkRig.T0));

        assertThat(tied.publicId()).isEqualTo("eeeeffffgggghhhh");
        assertThat(second.publicId()).as("a case keeps its first conversation").isEqualTo("eeeeffffgggghhhh");
        assertThat(answers.caseOfConversation("eeeeffffgggghhhh")).map(Case::reference).hasValue(unthreaded.reference());
        CaseReceipt reply = rig.casework.receive(rig.reply(CITIZEN).token("eeeeffffgggghhhh").inbound());
        assertThat(reply.caseFile().reference()).isEqualTo(unthreaded.reference());
        assertThat(reply.threading()).isEqualTo(Threading.TOKEN);
    }

    @Test
    void listingFiltersAndCountsEveryMatchingCase() {
        Case answered = caseFromConversation();
        answers.record(answer("a-3", answered, "5A3B", CaseworkRig.T0.plus(Duration.ofHours(3))));
        for (int i = 0; i < 7; i++) {
            rig.casework.receive(rig.reply("x" + i + "@example.org").subject("Sujet " + i).inbound());
        }
        CaseListing listing = new CaseListing(rig.jdbc);

        CasePage unthreaded = listing.list(new CaseFilter(null, CaseStatus.NEW, true), 1, 3);
        CasePage prestations = listing.list(new CaseFilter("prestations", null, null), 0, 10);

        assertThat(unthreaded.total()).isEqualTo(7);
        assertThat(unthreaded.items()).hasSize(3).extracting(CaseSummary::subject)
                .containsExactly("Sujet 3", "Sujet 2", "Sujet 1");
        assertThat(prestations.items()).singleElement().satisfies(s -> {
            assertThat(s.reference()).isEqualTo(answered.reference());
            assertThat(s.answered()).isTrue();
            assertThat(s.messages()).isEqualTo(2);
        });
        assertThat(listing.list(new CaseFilter(null, CaseStatus.CLOSED, null), 0, 10).items()).isEmpty();
        assertThat(List.of(listing.list(CaseFilter.all(), 0, 500).total())).containsExactly(8L);
    }
}
