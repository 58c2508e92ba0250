package org.guichet.gateway.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The notice corpus of {@code bench/notices-corpus}, measured as {@code bench/notices} does. The
 * held-out part was written apart from the grammar and never used to tune it: it stands for the
 * wordings of administrations Guichet has not seen.
 */
class NoticeCorpusTest {

    private static final Path CORPUS = Path.of("").toAbsolutePath().getParent().resolve("bench/notices-corpus");

    /**
     * Each row: the part of the corpus | how many notices it holds at least. The blind part was written
     * after the grammar, without reading it, and measured once: the estimate for unseen wordings. The
     * development part has no minimum: it must stay recognised.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            held-out,    60
            blind,       45
            development, 0
            """)
    void noticesAreRecognisedAndMentionsOfReplyingAreNot(String part, int atLeast) {
        NoticeCorpus.Measure measure = NoticeCorpus.measure(CORPUS.resolve(part));

        assertThat(measure.notices()).isGreaterThanOrEqualTo(atLeast);
        assertThat(measure.wronglyFound()).as("false positives").isEmpty();
        assertThat(measure.recall()).as("recall; missed: %s", measure.misses()).isGreaterThanOrEqualTo(0.95);
    }
}
