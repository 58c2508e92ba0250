package org.guichet.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.guichet.casework.VerificationReport.Reason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The event log is append-only, and its hash chain shows any edit, removal or reordering. */
class EventLogTest {

    private final CaseworkRig rig = new CaseworkRig();
    private final JdbcClient jdbc = rig.jdbc;
    private List<Long> ids;

    /** Three cases, a dozen events: opened, received, closed, reopened, automatic. */
    @BeforeEach
    void someHistory() {
        rig.conversation("aaaaaaaaaaaaaaa1", "alice@example.org");
        Case alice = rig.casework.receive(rig.reply("alice@example.org").token("aaaaaaaaaaaaaaa1").inbound()).caseFile();
        rig.casework.receive(rig.reply("bob@example.org").inbound());
        rig.casework.close(alice.id());
        rig.casework.receive(rig.reply("alice@example.org").token("aaaaaaaaaaaaaaa1").inbound());
        rig.casework.receive(rig.reply("carol@example.org").automatic("DSN_REPORT").inbound());
        rig.events.append(alice.id(), CaseEventType.ANSWERED, Instant.parse("2026-03-04T10:15:30.5Z"),
                Map.of("by", "agent-7", "zeta", List.of(1, 2, 3), "alpha", Map.of("y", true, "x", "é\"\\\n")));
        ids = jdbc.sql("select id from case_event order by id").query(Long.class).list();
        assertThat(ids).hasSizeGreaterThanOrEqualTo(10);
    }

    private void asSuperuser(String sql, Object... params) {
        jdbc.sql("alter table case_event disable trigger case_event_append_only").update();
        try {
            var spec = jdbc.sql(sql);
            for (Object param : params) {
                spec = spec.param(param);
            }
            spec.update();
        } finally {
            jdbc.sql("alter table case_event enable trigger case_event_append_only").update();
        }
    }

    private Map<String, Object> row(long id) {
        return jdbc.sql("select case_id, seq, type, occurred_at, payload::text as payload, prev_hash, hash"
                + " from case_event where id = ?").param(id).query().singleRow();
    }

    private void write(long id, Map<String, Object> row) {
        asSuperuser("update case_event set case_id = ?, seq = ?, type = ?, occurred_at = ?, payload = cast(? as jsonb),"
                + " prev_hash = ?, hash = ? where id = ?", row.get("case_id"), row.get("seq"), row.get("type"),
                row.get("occurred_at"), row.get("payload"), row.get("prev_hash"), row.get("hash"), id);
    }

    @Test
    void cleanLogVerifies() {
        VerificationReport report = rig.events.verify();

        assertThat(report.intact()).isTrue();
        assertThat(report.eventsChecked()).isEqualTo(ids.size());
        String lastHash = jdbc.sql("select encode(hash, 'hex') from case_event order by id desc limit 1")
                .query(String.class).single();
        assertThat(report.headHash()).isEqualTo(lastHash);
    }

    @Test
    void hashesDependOnlyOnIdIndependentFieldsInCanonicalForm() {
        CaseEvent answered = rig.events.events(rig.casework.find("GCH-2026-000001").orElseThrow().id()).stream()
                .filter(e -> e.type().equals("ANSWERED")).findFirst().orElseThrow();

        assertThat(answered.payload()).isEqualTo("{\"alpha\":{\"x\":\"é\\\"\\\\\\n\",\"y\":true},\"by\":\"agent-7\","
                + "\"zeta\":[1,2,3]}");
        byte[] expected = EventLog.hash(answered.prevHash(), "GCH-2026-000001", answered.seq(), "ANSWERED",
                Instant.parse("2026-03-04T10:15:30.500Z"), answered.payload());
        assertThat(answered.hash()).isEqualTo(expected);
        assertThat(CanonicalJson.event("GCH-2026-000001", answered.seq(), "ANSWERED", "2026-03-04T10:15:30.500Z",
                answered.payload())).startsWith("{\"case\":\"GCH-2026-000001\",\"occurredAt\":");
    }

    @Test
    void updateAndDeleteAreRefusedWhileTheTriggerIsOn() {
        assertThatThrownBy(() -> jdbc.sql("update case_event set type = 'CLOSED' where id = ?").param(ids.get(0))
                .update()).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from case_event where id = ?").param(ids.get(0)).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate case_event cascade").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThat(rig.events.verify().intact()).isTrue();
    }

    @Test
    void editedEventIsTheFirstBreak() {
        long edited = ids.get(4);
        asSuperuser("update case_event set occurred_at = occurred_at - interval '3 days' where id = ?", edited);

        VerificationReport report = rig.events.verify();

        assertThat(report.intact()).isFalse();
        assertThat(report.eventsChecked()).isEqualTo(4);
        assertThat(report.firstBreak()).hasValueSatisfying(b -> {
            assertThat(b.eventId()).isEqualTo(edited);
            assertThat(b.reason()).isEqualTo(Reason.EDITED);
        });
    }

    @Test
    void deletedEventIsReportedAtItsSuccessor() {
        asSuperuser("delete from case_event where id = ?", ids.get(3));

        VerificationReport report = rig.events.verify();

        assertThat(report.firstBreak()).hasValueSatisfying(b -> {
            assertThat(b.eventId()).isEqualTo(ids.get(4));
            assertThat(b.reason()).isEqualTo(Reason.MISSING);
        });
    }

    @Test
    void deletedLastEventIsReportedAgainstTheHead() {
        asSuperuser("delete from case_event where id = ?", ids.get(ids.size() - 1));

        VerificationReport report = rig.events.verify();

        assertThat(report.firstBreak()).hasValueSatisfying(b -> {
            assertThat(b.reason()).isEqualTo(Reason.MISSING);
            assertThat(b.eventId()).isEqualTo(ids.get(ids.size() - 2));
        });
    }

    @Test
    void swappedPayloadsAreEdits() {
        long first = ids.get(1);
        long second = ids.get(3);
        asSuperuser("""
                update case_event e set payload = o.payload
                from case_event o where (e.id, o.id) in ((?, ?), (?, ?))""", first, second, second, first);

        VerificationReport report = rig.events.verify();

        assertThat(report.firstBreak()).hasValueSatisfying(b -> {
            assertThat(b.eventId()).isEqualTo(first);
            assertThat(b.reason()).isEqualTo(Reason.EDITED);
        });
    }

    @Test
    void swappedEventsAreReordered() {
        long first = ids.get(5);
        long second = ids.get(6);
        Map<String, Object> firstRow = row(first);
        Map<String, Object> secondRow = row(second);
        // Move whole rows: the ids stay, everything hashed moves with the rows.
        asSuperuser("update case_event set seq = -1, hash = '\\xff'::bytea where id = ?", first);
        write(second, firstRow);
        write(first, secondRow);

        VerificationReport report = rig.events.verify();

        assertThat(report.firstBreak()).hasValueSatisfying(b -> {
            assertThat(b.eventId()).isEqualTo(first);
            assertThat(b.reason()).isEqualTo(Reason.REORDERED);
        });
    }
}
