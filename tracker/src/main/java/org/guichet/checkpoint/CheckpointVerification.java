package org.guichet.checkpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.guichet.casework.EventLog;

/**
 * Proves that the event log still extends checkpoints held outside the database: for each,
 * that a known key signed it, and that the chain, after as many events as it counts, still
 * ends on its hash. A log rewritten whole, however consistent, fails at the first checkpoint
 * signed after the first event it changed. Run after the chain itself was found intact.
 */
public class CheckpointVerification {

    private final EventLog events;

    public CheckpointVerification(EventLog events) {
        this.events = events;
    }

    /**
     * @param checkpoints the checkpoints given, in any order; checked oldest (smallest) first
     * @param keys        the verifier keys their signatures may come from
     */
    public List<Outcome> verify(List<Named> checkpoints, List<CheckpointKey> keys) {
        long size = events.head().count();
        Map<Long, byte[]> hashes = events.hashesAfter(checkpoints.stream().map(n -> n.checkpoint().size())
                .filter(n -> n <= size).toList());
        List<Outcome> outcomes = new ArrayList<>();
        checkpoints.stream().sorted(Comparator.comparingLong((Named n) -> n.checkpoint().size())
                .thenComparing(n -> n.checkpoint().signedAt())).forEach(named -> {
                    Checkpoint checkpoint = named.checkpoint();
                    Optional<CheckpointKey> signer = keys.stream().filter(k -> k.signed(checkpoint)).findFirst();
                    if (signer.isEmpty()) {
                        outcomes.add(new Outcome(named, false, "no known key signed it (keys: "
                                + keys.stream().map(CheckpointKey::verifierKey).toList() + ")"));
                    } else if (checkpoint.size() > size) {
                        outcomes.add(new Outcome(named, false, "it counts " + checkpoint.size()
                                + " events, the log now holds " + size + ": events were removed"));
                    } else {
                        byte[] now = hashes.get(checkpoint.size());
                        outcomes.add(now != null && Arrays.equals(now, checkpoint.head())
                                ? new Outcome(named, true, "the log extends it (signed by " + signer.get().name()
                                        + " " + signer.get().keyIdHex() + ")")
                                : new Outcome(named, false, "after its " + checkpoint.size()
                                        + " events the chain no longer ends on its hash: the log was rewritten"));
                    }
                });
        return outcomes;
    }

    /**
     * @param source where the checkpoint came from (a file name), for the report
     */
    public record Named(String source, Checkpoint checkpoint) {
    }

    /**
     * @param checkpoint the checkpoint checked
     * @param holds      whether it is signed by a known key and the log still extends it
     * @param detail     why, in a sentence
     */
    public record Outcome(Named checkpoint, boolean holds, String detail) {
    }
}
