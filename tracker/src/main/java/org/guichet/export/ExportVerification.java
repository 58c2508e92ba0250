package org.guichet.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.guichet.casework.EventLog;
import org.guichet.checkpoint.Checkpoint;
import org.guichet.checkpoint.CheckpointKey;
import org.guichet.checkpoint.CheckpointVerification;

/**
 * Verifies an export from the file alone, as an auditor does without Guichet's database:
 * <ul>
 *   <li>every event line: its hash recomputed from its own members
 *       ({@code SHA-256(prevHash || canonical {case, occurredAt, payload, seq, type})});</li>
 *   <li>the chain: each line's {@code prevHash} is the hash of the line before it (an event's
 *       or a link's), positions follow one another, each case's events are numbered 1, 2, …
 *       without a gap, and the last line ends on the header's head (count and hash);</li>
 *   <li>the checkpoints (the export's own and those given): signed by a known key, and the
 *       chain in the file ends on their hash after as many events as they count;</li>
 *   <li>the trailer: the number of lines before it, and the SHA-256 of their bytes.</li>
 * </ul>
 * Every problem is reported with its line number; the first hundred are kept.
 */
public final class ExportVerification {

    private static final int KEPT = 100;
    private static final Set<String> KINDS = Set.of("header", "service", "policy", "verification", "checkpoint",
            "conversation", "case", "message", "event", "link", "trailer");

    private ExportVerification() {
    }

    /**
     * @param line   the line at fault (0 for the file as a whole)
     * @param detail what is wrong, in a sentence
     */
    public record Problem(long line, String detail) {

        @Override
        public String toString() {
            return (line == 0 ? "export" : "line " + line) + ": " + detail;
        }
    }

    /**
     * What the verification found.
     *
     * @param lines       lines read, trailer included
     * @param events      event lines whose hash was recomputed
     * @param links       link lines (events of other cases, by their hash)
     * @param headHash    the head the chain in the file ends on, per its header
     * @param checkpoints what each checkpoint gave, oldest first
     * @param problems    the first problems found, in file order; empty when the export verifies
     * @param more        problems found beyond those kept
     */
    public record Result(long lines, long events, long links, String headHash,
            List<CheckpointVerification.Outcome> checkpoints, List<Problem> problems, long more) {

        public boolean verifies() {
            return problems.isEmpty();
        }
    }

    /**
     * Verifies {@code file}.
     *
     * @param given checkpoints held apart from the export (files), checked like its own
     * @param keys  verifier keys the checkpoints may be signed with; empty: the key the export's
     *              header names (which only shows the export agrees with itself)
     */
    public static Result verify(Path file, List<CheckpointVerification.Named> given, List<CheckpointKey> keys) {
        Run run = new Run(given, keys);
        try (ExportFile export = new ExportFile(file)) {
            ExportFile.Line line;
            while ((line = export.next()) != null) {
                run.read(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the export " + file + " cannot be read: " + e.getMessage(), e);
        }
        return run.end();
    }

    private static final class Run {

        private final List<CheckpointVerification.Named> checkpoints = new ArrayList<>();
        private final List<CheckpointKey> keys;
        private final MessageDigest digest = PeriodExport.digest();
        private final List<Problem> problems = new ArrayList<>();
        private final Map<String, Long> lastSeq = new HashMap<>();
        /** Checkpoint size → the hash the chain has there, once read. */
        private final Map<Long, byte[]> hashesAt = new TreeMap<>();
        private long more;
        private long lines;
        private long events;
        private long links;
        private boolean header;
        private boolean trailer;
        private long chainCount = -1;
        private String headHash;
        private Long nextPosition;
        private byte[] previous;
        private String headerKey;

        Run(List<CheckpointVerification.Named> given, List<CheckpointKey> keys) {
            this.checkpoints.addAll(given);
            this.keys = keys;
            for (CheckpointVerification.Named named : given) {
                hashesAt.put(named.checkpoint().size(), null);
            }
        }

        void read(ExportFile.Line line) {
            lines++;
            if (trailer) {
                problem(line.number(), "a line after the trailer: the trailer must be the last line");
                return;
            }
            if (line.json() == null) {
                problem(line.number(), line.error());
                digest.update(line.bytes());
                return;
            }
            String kind = line.kind();
            if (!header && !"header".equals(kind)) {
                problem(line.number(), "the first line is not the header");
                header = true;
            }
            if (kind == null || !KINDS.contains(kind)) {
                problem(line.number(), "unknown record '" + kind + "'");
            } else {
                try {
                    switch (kind) {
                        case "header" -> header(line);
                        case "checkpoint" -> checkpoint(line);
                        case "event" -> event(line);
                        case "link" -> link(line);
                        case "trailer" -> {
                            trailer(line);
                            return;
                        }
                        default -> {
                            // facts of the period: checked by their hashes only through the trailer
                        }
                    }
                } catch (IllegalArgumentException e) {
                    problem(line.number(), e.getMessage().replaceFirst("^line \\d+: ", ""));
                }
            }
            digest.update(line.bytes());
            if (line.bytes()[line.bytes().length - 1] != '\n') {
                problem(line.number(), "the line does not end with a line feed");
            }
        }

        private void header(ExportFile.Line line) {
            if (header) {
                problem(line.number(), "a second header");
                return;
            }
            header = true;
            if (!PeriodExport.FORMAT.equals(line.text("format")) || line.json().path("version").asInt() != PeriodExport.VERSION) {
                problem(line.number(), "not a " + PeriodExport.FORMAT + " version " + PeriodExport.VERSION + " file");
            }
            var chain = line.json().path("chain");
            chainCount = chain.path("count").asLong(-1);
            headHash = chain.path("headHash").asText(null);
            nextPosition = chain.path("firstPosition").isNumber() ? chain.get("firstPosition").asLong() : null;
            headerKey = line.text("checkpointKey");
        }

        private void checkpoint(ExportFile.Line line) {
            try {
                Checkpoint checkpoint = Checkpoint.parse(line.text("note"));
                checkpoints.add(new CheckpointVerification.Named("line " + line.number(), checkpoint));
                hashesAt.put(checkpoint.size(), null);
            } catch (IllegalArgumentException | NullPointerException e) {
                problem(line.number(), "the checkpoint's note cannot be read: " + e.getMessage());
            }
        }

        private void event(ExportFile.Line line) {
            events++;
            long position = line.number("position");
            String reference = line.text("case");
            long seq = line.number("seq");
            String type = line.text("type");
            String at = line.text("occurredAt");
            byte[] prev = bytes(line, "prevHash");
            byte[] hash = bytes(line, "hash");
            String what = "event " + reference + " #" + seq + " " + type;
            chained(line, position, prev, what);
            byte[] recomputed;
            try {
                recomputed = EventLog.chainHash(prev, reference, (int) seq, type, at,
                        line.json().path("payload").toString());
            } catch (IllegalArgumentException e) {
                problem(line.number(), what + ": its payload cannot be hashed (" + e.getMessage() + ")");
                recomputed = null;
            }
            if (recomputed != null && !Arrays.equals(recomputed, hash)) {
                problem(line.number(), what + ": its content no longer gives its hash: case, seq, type, time or"
                        + " payload was changed");
            }
            // Every event of an exported case is in the file: each case's events are 1, 2, 3…
            long expected = lastSeq.getOrDefault(reference, 0L) + 1;
            if (seq != expected) {
                problem(line.number(), what + ": seq " + expected + " of its case was expected: an event of the"
                        + " case is missing or out of order");
            }
            lastSeq.put(reference, seq);
            advance(position, hash);
        }

        private void link(ExportFile.Line line) {
            links++;
            long position = line.number("position");
            if (nextPosition != null && position != nextPosition) {
                problem(line.number(), "link at position " + position + ", " + nextPosition + " was expected:"
                        + " chain lines are missing or out of order");
            }
            advance(position, bytes(line, "hash"));
        }

        /** The event's predecessor and place in the chain. */
        private void chained(ExportFile.Line line, long position, byte[] prev, String what) {
            if (nextPosition != null && position != nextPosition) {
                problem(line.number(), what + ": at position " + position + ", " + nextPosition + " was expected:"
                        + " chain lines are missing or out of order");
            }
            if (previous != null && !Arrays.equals(previous, prev)) {
                problem(line.number(), what + ": its prevHash is not the hash of the line before it: an event was"
                        + " removed, inserted or reordered");
            }
            if (previous == null && hashesAt.containsKey(position - 1)) {
                hashesAt.put(position - 1, prev);
            }
        }

        private void advance(long position, byte[] hash) {
            previous = hash;
            if (hashesAt.containsKey(position)) {
                hashesAt.put(position, hash);
            }
            nextPosition = position + 1;
        }

        private void trailer(ExportFile.Line line) {
            trailer = true;
            String sha = HexFormat.of().formatHex(digest.digest());
            if (line.json().path("lines").asLong(-1) != lines - 1) {
                problem(line.number(), "the trailer counts " + line.text("lines") + " lines, the file has "
                        + (lines - 1) + " before it");
            }
            if (!sha.equals(line.text("sha256"))) {
                problem(line.number(), "the SHA-256 of the lines before the trailer is " + sha + ", not the "
                        + line.text("sha256") + " it states: the file was changed");
            }
        }

        Result end() {
            if (!header) {
                problem(0, "the file is empty");
            }
            if (!trailer) {
                problem(0, "no trailer: the file is cut short");
            }
            if (headHash != null && events + links > 0) {
                if (previous != null && !HexFormat.of().formatHex(previous).equals(headHash)) {
                    problem(0, "the chain in the file ends on " + HexFormat.of().formatHex(previous)
                            + ", not on the head " + headHash + " its header states");
                }
                if (nextPosition != null && nextPosition - 1 != chainCount) {
                    problem(0, "the chain in the file ends at position " + (nextPosition - 1) + ", not at the "
                            + chainCount + " events its header states");
                }
            }
            List<CheckpointKey> known = keys;
            if (known.isEmpty() && headerKey != null) {
                try {
                    known = List.of(CheckpointKey.verifier(headerKey));
                } catch (IllegalArgumentException e) {
                    problem(1, "the header's checkpointKey is not a verifier key: " + e.getMessage());
                }
            }
            List<CheckpointVerification.Outcome> outcomes = new ArrayList<>();
            for (CheckpointVerification.Named named : checkpoints.stream()
                    .sorted(java.util.Comparator.comparingLong((CheckpointVerification.Named n) -> n.checkpoint().size()))
                    .toList()) {
                CheckpointVerification.Outcome outcome = outcome(named, known);
                outcomes.add(outcome);
                if (!outcome.holds()) {
                    problem(0, "checkpoint " + named.source() + " (" + named.checkpoint().size() + " events): "
                            + outcome.detail());
                }
            }
            return new Result(lines, events, links, headHash, outcomes, List.copyOf(problems), more);
        }

        private CheckpointVerification.Outcome outcome(CheckpointVerification.Named named, List<CheckpointKey> known) {
            Checkpoint checkpoint = named.checkpoint();
            Optional<CheckpointKey> signer = known.stream().filter(k -> k.signed(checkpoint)).findFirst();
            if (signer.isEmpty()) {
                return new CheckpointVerification.Outcome(named, false, "no known key signed it");
            }
            if (checkpoint.size() > chainCount) {
                return new CheckpointVerification.Outcome(named, false, "it counts " + checkpoint.size()
                        + " events, the export's chain " + chainCount + ": events were removed");
            }
            byte[] found = hashesAt.get(checkpoint.size());
            if (found == null) {
                return new CheckpointVerification.Outcome(named, true, "before the part of the chain the export"
                        + " holds: signature checked, not its place (signed by " + signer.get().name() + ")");
            }
            return Arrays.equals(found, checkpoint.head())
                    ? new CheckpointVerification.Outcome(named, true, "the export's chain extends it (signed by "
                            + signer.get().name() + " " + signer.get().keyIdHex() + ")")
                    : new CheckpointVerification.Outcome(named, false, "after its " + checkpoint.size()
                            + " events the export's chain does not end on its hash: the log was rewritten");
        }

        private byte[] bytes(ExportFile.Line line, String member) {
            String hex = line.text(member);
            try {
                byte[] bytes = HexFormat.of().parseHex(hex == null ? "" : hex);
                if (bytes.length != 32) {
                    throw new IllegalArgumentException("length");
                }
                return bytes;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(line.kind() + ": " + member + " is not 64 hex digits");
            }
        }

        private void problem(long line, String detail) {
            if (problems.size() < KEPT) {
                problems.add(new Problem(line, detail));
            } else {
                more++;
            }
        }
    }
}
