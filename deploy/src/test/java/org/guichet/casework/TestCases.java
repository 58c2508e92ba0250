package org.guichet.casework;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Citizens' messages and what becomes of their cases, recorded through the real casework and event log. */
public final class TestCases {

    private TestCases() {
    }

    /** An unthreaded message « Ma demande » from {@code <queueId>@example.org}, received at {@code at}. */
    public static InboundReply reply(String queueId, String at) {
        return new InboundReply(queueId, Instant.parse(at), queueId.toLowerCase() + "@example.org", null,
                "<" + queueId + "@example.org>", null, List.of(), "Ma demande", "Bonjour", null, null, null);
    }

    /** The acknowledgement of the case, sent for the message {@code queueId} at {@code at}. */
    public static void acknowledged(EventLog events, long caseId, String queueId, String at) {
        events.append(caseId, CaseEventType.ACKNOWLEDGED, Instant.parse(at), Map.of("queueId", queueId));
    }

    /** The answer {@code a1} to the case, given through the API at {@code at}. */
    public static void answered(EventLog events, long caseId, String at) {
        events.append(caseId, CaseEventType.ANSWERED, Instant.parse(at), Map.of("answerId", "a1", "channel", "api"));
    }
}
