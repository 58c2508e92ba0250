package org.guichet.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.guichet.casework.CaseworkRig.Reply;
import org.junit.jupiter.api.Test;

/** Files of citizens' messages on a real PostgreSQL: recorded once per message, hashed into the log. */
class AttachmentsTest {

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};

    private final CaseworkRig rig = new CaseworkRig();
    private final Attachments attachments = new Attachments(rig.jdbc, rig.transactions, rig.events, rig.clock);

    private List<Attachments.Incoming> files() {
        return List.of(
                new Attachments.Incoming("relevé.pdf", "application/pdf", "application/pdf", false, null, PDF, null),
                new Attachments.Incoming("facture.pdf", "application/pdf", "application/x-msdownload", false, null,
                        EXE, "executable"));
    }

    @Test
    void storedFilesKeepTheirBytesRefusedOnesOnlyTheirHashAndReason() throws Exception {
        Reply reply = rig.reply("alice@example.org");
        CaseReceipt receipt = rig.casework.receive(reply.inbound());

        Attachments.Recorded recorded = attachments.record(reply.queueId(), files());

        assertThat(recorded.earlier()).isFalse();
        assertThat(recorded.caseReference()).isEqualTo(receipt.caseFile().reference());
        assertThat(recorded.attachments()).extracting(CaseAttachment::position, CaseAttachment::fileName,
                CaseAttachment::stored, CaseAttachment::refusedReason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "relevé.pdf", true, null),
                        org.assertj.core.groups.Tuple.tuple(2, "facture.pdf", false, "executable"));
        CaseAttachment pdf = recorded.attachments().get(0);
        CaseAttachment exe = recorded.attachments().get(1);
        assertThat(pdf.sha256Hex()).isEqualTo(sha256(PDF));
        assertThat(pdf.size()).isEqualTo(PDF.length);
        assertThat(exe.sha256Hex()).as("a refused file is still identified").isEqualTo(sha256(EXE));
        assertThat(exe.size()).isEqualTo(EXE.length);
        assertThat(pdf.storedAt()).isEqualTo(rig.clock.instant());

        assertThat(attachments.download(pdf.id())).hasValueSatisfying(d -> assertThat(d.content()).isEqualTo(PDF));
        assertThat(attachments.download(exe.id())).as("no bytes kept for a refused file").isEmpty();
        assertThat(rig.jdbc.sql("select content is null from case_attachment where id = ?").param(exe.id())
                .query(Boolean.class).single()).isTrue();
        assertThat(attachments.find(exe.id())).hasValueSatisfying(a -> assertThat(a.refusedReason()).isEqualTo("executable"));
        assertThat(attachments.ofCase(receipt.caseFile().reference())).hasValueSatisfying(list ->
                assertThat(list).extracting(CaseAttachment::id).containsExactly(pdf.id(), exe.id()));
        assertThat(attachments.ofCase("GCH-2026-999999")).isEmpty();

        CaseEvent logged = rig.events.events(receipt.caseFile().id()).stream()
                .filter(e -> e.type().equals(CaseEventType.ATTACHMENTS_STORED.name())).findFirst().orElseThrow();
        assertThat(logged.payload()).contains(sha256(PDF)).contains(sha256(EXE)).contains("executable")
                .doesNotContain("relevé").doesNotContain("facture");
        assertThat(rig.events.verify().intact()).isTrue();
    }

    @Test
    void aReplayFindsTheFirstRunsRecordsAndWritesNothing() throws Exception {
        Reply reply = rig.reply("alice@example.org");
        CaseReceipt receipt = rig.casework.receive(reply.inbound());
        Attachments.Recorded first = attachments.record(reply.queueId(), files());
        int events = rig.events.events(receipt.caseFile().id()).size();

        Attachments.Recorded again = attachments.record(reply.queueId(),
                List.of(new Attachments.Incoming("autre.pdf", "application/pdf", "application/pdf", false, null, PDF,
                        null)));

        assertThat(again.earlier()).isTrue();
        assertThat(again.attachments()).extracting(CaseAttachment::id)
                .containsExactlyElementsOf(first.attachments().stream().map(CaseAttachment::id).toList());
        assertThat(rig.jdbc.sql("select count(*) from case_attachment").query(Long.class).single()).isEqualTo(2);
        assertThat(rig.events.events(receipt.caseFile().id())).hasSize(events);
    }

    @Test
    void concurrentRunsForOneMessageRecordItsFilesOnce() throws Exception {
        Reply reply = rig.reply("alice@example.org");
        rig.casework.receive(reply.inbound());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<Attachments.Recorded> run = () -> attachments.record(reply.queueId(), files());
            List<Future<Attachments.Recorded>> runs = pool.invokeAll(List.of(run, run, run, run));
            long fresh = 0;
            for (Future<Attachments.Recorded> r : runs) {
                fresh += r.get().earlier() ? 0 : 1;
            }
            assertThat(fresh).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(rig.jdbc.sql("select count(*) from case_attachment").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void filesOfAMessageInNoCaseAreNotRecorded() {
        assertThatThrownBy(() -> attachments.record("NOCASE1", files()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("NOCASE1");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
