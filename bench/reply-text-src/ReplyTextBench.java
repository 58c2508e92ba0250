import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.guichet.gateway.content.HtmlText;
import org.guichet.gateway.content.ReplyContentReader;
import org.guichet.gateway.content.VisibleReplyText;

/**
 * Measures visible-reply extraction on a folder of reply fixtures: raw messages ({@code .eml}),
 * bare HTML bodies ({@code .html}) and bare text bodies (anything else). The expected visible
 * text of fixture {@code F} is {@code expected/F} or {@code expected/F.txt}; fixtures without one
 * are listed as SKIP and not counted. Texts are compared with whitespace runs collapsed.
 *
 * <p>Usage: {@code java -cp CLASSPATH ReplyTextBench.java CORPUS_DIR [-v]}
 */
public class ReplyTextBench {

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: ReplyTextBench CORPUS_DIR [-v]");
            System.exit(2);
        }
        Path corpus = Path.of(args[0]);
        boolean verbose = args.length > 1 && args[1].equals("-v");
        Path expectedDir = corpus.resolve("expected");
        ReplyContentReader reader = ReplyContentReader.standard();
        HtmlText htmlText = new HtmlText();
        VisibleReplyText visible = new VisibleReplyText();

        List<Path> fixtures = new ArrayList<>();
        try (Stream<Path> files = Files.list(corpus)) {
            files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().equalsIgnoreCase("INDEX.md"))
                    .sorted()
                    .forEach(fixtures::add);
        }
        int passed = 0;
        int measured = 0;
        int skipped = 0;
        for (Path fixture : fixtures) {
            String name = fixture.getFileName().toString();
            Path expectedFile = expectedDir.resolve(name);
            if (!Files.isRegularFile(expectedFile)) {
                expectedFile = expectedDir.resolve(name + ".txt");
            }
            if (!Files.isRegularFile(expectedFile)) {
                System.out.println("SKIP " + name + " (no expected text)");
                skipped++;
                continue;
            }
            byte[] bytes = Files.readAllBytes(fixture);
            String actual;
            if (name.endsWith(".eml")) {
                actual = reader.read(bytes).visibleText();
            } else if (name.endsWith(".html") || name.endsWith(".htm")) {
                actual = visible.extract(htmlText.renderReply(new String(bytes, StandardCharsets.UTF_8)));
            } else {
                actual = visible.extract(new String(bytes, StandardCharsets.UTF_8));
            }
            String expected = Files.readString(expectedFile, StandardCharsets.UTF_8);
            measured++;
            if (normalise(actual).equals(normalise(expected))) {
                passed++;
                System.out.println("PASS " + name);
            } else {
                System.out.println("FAIL " + name);
                if (verbose) {
                    System.out.println("  expected: " + normalise(expected));
                    System.out.println("  actual:   " + normalise(actual));
                }
            }
        }
        double share = measured == 0 ? 0 : 100.0 * passed / measured;
        System.out.println(String.format(Locale.ROOT, "reply-text: %d/%d fixtures match (%.1f%%)%s",
                passed, measured, share, skipped == 0 ? "" : "; " + skipped + " without expected text skipped"));
    }

    private static String normalise(String text) {
        return text.replaceAll("[\\s\\u00A0\\u202F\\u200B\\uFEFF]+", " ").strip();
    }
}
