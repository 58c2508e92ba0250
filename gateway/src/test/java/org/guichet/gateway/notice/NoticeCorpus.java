package org.guichet.gateway.notice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Measures notice recognition over a labelled corpus: {@code *.tsv} files (any depth) whose lines
 * are {@code notice|mention <TAB> sector <TAB> sentence}, named after their language
 * ({@code fr.tsv}). Each sentence is set in a short letter as a paragraph of its own, as notices
 * appear in official mail. Public for {@code bench/notices}.
 */
public final class NoticeCorpus {

    private NoticeCorpus() {
    }

    /**
     * What a corpus measured.
     *
     * @param notices         notice sentences
     * @param recognised      notice sentences in which a notice was found
     * @param mentions        sentences that mention replying without refusing it
     * @param falsePositives  mentions in which a notice was found
     * @param misses          notice lines not recognised, as {@code file: sentence}
     * @param wronglyFound    mention lines taken for notices
     */
    public record Measure(int notices, int recognised, int mentions, int falsePositives, List<String> misses,
                          List<String> wronglyFound) {

        public double recall() {
            return notices == 0 ? 1 : (double) recognised / notices;
        }
    }

    public static Measure measure(Path folder) {
        NoticeRecogniser recogniser = new NoticeRecogniser();
        int notices = 0;
        int recognised = 0;
        int mentions = 0;
        int falsePositives = 0;
        List<String> misses = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Path file : files(folder)) {
            for (String line : lines(file)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", 3);
                if (columns.length < 3) {
                    throw new IllegalArgumentException(file + ": line without three tab-separated columns: " + line);
                }
                String letter = "Bonjour,\n\nVotre dossier a été mis à jour.\n\n" + columns[2].strip() + "\n\nCordialement,\nLe service";
                boolean found = !recogniser.find(letter).isEmpty();
                String where = folder.relativize(file) + ": " + columns[2].strip();
                switch (columns[0].strip()) {
                    case "notice" -> {
                        notices++;
                        if (found) {
                            recognised++;
                        } else {
                            misses.add(where);
                        }
                    }
                    case "mention" -> {
                        mentions++;
                        if (found) {
                            falsePositives++;
                            wrong.add(where);
                        }
                    }
                    default -> throw new IllegalArgumentException(file + ": unknown label '" + columns[0] + "'");
                }
            }
        }
        return new Measure(notices, recognised, mentions, falsePositives, List.copyOf(misses), List.copyOf(wrong));
    }

    private static List<Path> files(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.toString().endsWith(".tsv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
