package org.guichet.gateway.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The notice corpus of {@code bench/notices-corpus}, measured as {@code bench/notices} does. The
 * held-out part was written apart from the grammar and never used to tune it: it stands for the
 * wordings of administrations Guichet has not seen.
 */
class NoticeCorpusTest {

    private static final Path CORPUS = Path.of("").toAbsolutePath().getParent().resolve("bench/notices-corpus");

    @Test
    void heldOutNoticesAreRecognisedAndMentionsOfReplyingAreNot() {
        NoticeCorpus.Measure measure = NoticeCorpus.measure(CORPUS.resolve("held-out"));

        assertThat(measure.notices()).isGreaterThanOrEqualTo(60);
        assertThat(measure.wronglyFound()).as("false positives").isEmpty();
        assertThat(measure.recall()).as("recall; missed: %s", measure.misses()).isGreaterThanOrEqualTo(0.95);
    }

    /** Written after the grammar, without reading it, and measured once: the estimate for unseen wordings. */
    @Test
    void blindNoticesAreRecognisedAndMentionsOfReplyingAreNot() {
        NoticeCorpus.Measure measure = NoticeCorpus.measure(CORPUS.resolve("blind"));

        assertThat(measure.notices()).isGreaterThanOrEqualTo(45);
        assertThat(measure.wronglyFound()).as("false positives").isEmpty();
        assertThat(measure.recall()).as("recall; missed: %s", measure.misses()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void developmentCorpusStaysRecognised() {
        NoticeCorpus.Measure measure = NoticeCorpus.measure(CORPUS.resolve("development"));

        assertThat(measure.wronglyFound()).as("false positives").isEmpty();
        assertThat(measure.recall()).as("recall; missed: %s", measure.misses()).isGreaterThanOrEqualTo(0.95);
    }
}
