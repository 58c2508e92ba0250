package org.guichet.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.guichet.casework.CaseworkRig.Reply;
import org.junit.jupiter.api.Test;

/**
 * {@link CaseThreading#preview} says what {@link Casework#receive} then does, and writes nothing: the
 * decision is one piece of code for both.
 */
class CaseworkPreviewTest {

    private static final String ALICE = "alice@example.org";
    private static final String CONV = "aaaaaaaaaaaaaaa1";

    private final CaseworkRig rig = new CaseworkRig();
    private final Casework casework = rig.casework;

    private List<Long> counts() {
        return List.of("citizen_case", "case_message", "case_event").stream()
                .map(table -> rig.jdbc.sql("select count(*) from " + table).query(Long.class).single()).toList();
    }

    /** Previews, checks that nothing was written, then receives and checks the preview was right. */
    private ThreadingPreview previewThenReceive(Reply reply) {
        List<Long> before = counts();
        ThreadingPreview preview = rig.threading.preview(reply.inbound());
        assertThat(counts()).as("a preview writes nothing").isEqualTo(before);

        CaseReceipt receipt = casework.receive(reply.inbound());
        assertThat(preview.threading()).isEqualTo(receipt.threading());
        assertThat(preview.change()).isEqualTo(receipt.change());
        assertThat(preview.thirdParty()).isEqualTo(receipt.thirdParty());
        assertThat(preview.author()).isEqualTo(receipt.message().author());
        if (receipt.change() == CaseReceipt.Change.OPENED) {
            assertThat(preview.caseReference()).isNull();
        } else if (receipt.change() != CaseReceipt.Change.LINKED) {
            assertThat(preview.caseReference()).isEqualTo(receipt.caseFile().reference());
        }
        assertThat(preview.citizen()).isEqualTo(receipt.caseFile().citizenAddress());
        return preview;
    }

    @Test
    void tokenPreviewNamesTheConversationThenTheCaseItOpened() {
        rig.conversation(CONV, ALICE);

        ThreadingPreview first = previewThenReceive(rig.reply(ALICE).token(CONV));
        ThreadingPreview second = previewThenReceive(rig.reply(ALICE).token(CONV));

        assertThat(first.threading()).isEqualTo(Threading.TOKEN);
        assertThat(first.matched()).isEqualTo(CONV);
        assertThat(first.conversation()).isEqualTo(CONV);
        assertThat(first.service()).isEqualTo("prestations");
        assertThat(first.change()).isEqualTo(CaseReceipt.Change.OPENED);
        assertThat(second.caseReference()).isEqualTo("GCH-2026-000001");
        assertThat(second.change()).isEqualTo(CaseReceipt.Change.JOINED);
    }

    @Test
    void headerPreviewNamesTheMatchedMessageId() {
        rig.conversation(CONV, ALICE);

        ThreadingPreview preview = previewThenReceive(rig.reply(ALICE).inReplyTo(CaseworkRig.finalMessageId(CONV)));

        assertThat(preview.threading()).isEqualTo(Threading.HEADER);
        assertThat(preview.matched()).isEqualTo(CaseworkRig.finalMessageId(CONV));
    }

    @Test
    void subjectAndUnthreadedPreviewsFollowTheCitizenRule() {
        rig.conversation(CONV, ALICE);
        casework.receive(rig.reply(ALICE).token(CONV).inbound());

        ThreadingPreview bySubject = previewThenReceive(rig.reply(ALICE).subject("Re: [GCH-2026-000001] Votre dossier"));
        ThreadingPreview stranger = previewThenReceive(rig.reply("mallory@example.net")
                .subject("Re: [GCH-2026-000001] Votre dossier"));

        assertThat(bySubject.threading()).isEqualTo(Threading.SUBJECT_REFERENCE);
        assertThat(bySubject.matched()).isEqualTo("GCH-2026-000001");
        assertThat(stranger.threading()).isEqualTo(Threading.UNTHREADED);
        assertThat(stranger.service()).isEqualTo("default");
        assertThat(stranger.conversation()).isNull();
        assertThat(stranger.matched()).isNull();
    }

    @Test
    void closedCasePreviewSaysReopenedOrLinkedAndAutomaticJoins() {
        rig.conversation(CONV, ALICE);
        Case original = casework.receive(rig.reply(ALICE).token(CONV).inbound()).caseFile();
        casework.close(original.id());

        ThreadingPreview automatic = previewThenReceive(rig.reply(ALICE).token(CONV).automatic("AUTO_SUBMITTED"));
        ThreadingPreview thirdParty = previewThenReceive(rig.reply("assistante.sociale@ccas.fr").token(CONV));
        casework.close(original.id());
        rig.closedCaseReply("prestations", "link");
        ThreadingPreview linked = previewThenReceive(rig.reply(ALICE).token(CONV));

        assertThat(automatic.change()).isEqualTo(CaseReceipt.Change.JOINED);
        assertThat(automatic.author()).isEqualTo(AuthorKind.AUTOMATIC);
        assertThat(thirdParty.change()).isEqualTo(CaseReceipt.Change.REOPENED);
        assertThat(thirdParty.thirdParty()).isTrue();
        assertThat(thirdParty.author()).isEqualTo(AuthorKind.THIRD_PARTY);
        assertThat(linked.change()).isEqualTo(CaseReceipt.Change.LINKED);
        assertThat(linked.caseReference()).isEqualTo(original.reference());
    }
}
