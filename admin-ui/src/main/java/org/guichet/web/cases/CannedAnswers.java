package org.guichet.web.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.guichet.node.HomeFolder;
import org.springframework.stereotype.Component;

/**
 * Ready-made answers an agent starts from, as plain UTF-8 text files an administrator
 * writes under the home: {@code answers/<service code>/} for one service, {@code answers/all/}
 * for every service. The file name without {@code .txt} is the title shown; files are read
 * at each use, so a new one needs no restart.
 */
@Component
class CannedAnswers {

    static final String ALL = "all";
    private static final long MAX_BYTES = 64 * 1024;

    private final Path folder;

    CannedAnswers(HomeFolder home) {
        this.folder = home.resolve("answers");
    }

    /** One ready-made answer. */
    record Canned(String title, String text) {
    }

    List<Canned> of(String serviceCode) {
        List<Canned> answers = new ArrayList<>();
        answers.addAll(read(folder.resolve(safe(serviceCode))));
        answers.addAll(read(folder.resolve(ALL)));
        return answers;
    }

    Optional<Canned> find(String serviceCode, String title) {
        return of(serviceCode).stream().filter(c -> c.title().equals(title)).findFirst();
    }

    private static List<Canned> read(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<Canned> found = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".txt") && Files.isRegularFile(f))
                    .sorted().toList()) {
                if (Files.size(file) <= MAX_BYTES) {
                    String name = file.getFileName().toString();
                    found.add(new Canned(name.substring(0, name.length() - 4),
                            Files.readString(file, StandardCharsets.UTF_8).strip()));
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ready-made answers in " + directory, e);
        }
    }

    /** A service code as a folder name: nothing that climbs out of the answers folder. */
    private static String safe(String code) {
        return code.replaceAll("[^A-Za-z0-9._-]", "_").replace("..", "_");
    }
}
