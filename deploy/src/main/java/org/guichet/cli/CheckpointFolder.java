package org.guichet.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.guichet.checkpoint.Checkpoint;
import org.guichet.checkpoint.CheckpointVerification;

/** A folder of checkpoint files as mailed and published ({@code --checkpoints DIR}), read in name order. */
record CheckpointFolder(Path folder) {

    /** A file of the folder that is not a checkpoint; the message names it. */
    static final class Unreadable extends IllegalArgumentException {

        Unreadable(String message) {
            super(message);
        }
    }

    /** Every checkpoint of the folder; refused when the folder cannot be read or holds none. */
    List<CheckpointVerification.Named> read() {
        List<CheckpointVerification.Named> given = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                try {
                    given.add(new CheckpointVerification.Named(file.getFileName().toString(),
                            Checkpoint.parse(Files.readString(file, StandardCharsets.UTF_8))));
                } catch (IllegalArgumentException e) {
                    throw new Unreadable("checkpoint " + file.getFileName() + ": unreadable (" + e.getMessage() + ")");
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the checkpoints folder " + folder + ": " + e.getMessage());
        }
        if (given.isEmpty()) {
            throw new IllegalArgumentException("no checkpoint in " + folder);
        }
        return given;
    }

    /** How one checked checkpoint is printed. */
    static String said(CheckpointVerification.Outcome outcome) {
        Checkpoint checkpoint = outcome.checkpoint().checkpoint();
        return "checkpoint " + outcome.checkpoint().source() + " (" + checkpoint.size() + " events, "
                + checkpoint.signedAt() + "): " + (outcome.holds() ? "holds" : "FAILS") + ", " + outcome.detail();
    }
}
