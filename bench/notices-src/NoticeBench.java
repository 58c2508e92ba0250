import java.nio.file.Path;

import org.guichet.gateway.notice.NoticeCorpus;

/** Prints the recall and false positives of notice recognition over a labelled corpus. */
public class NoticeBench {

    public static void main(String[] args) {
        NoticeCorpus.Measure measure = NoticeCorpus.measure(Path.of(args[0]));
        measure.misses().forEach(miss -> System.out.println("MISS  " + miss));
        measure.wronglyFound().forEach(wrong -> System.out.println("FALSE " + wrong));
        System.out.printf("recall %d/%d = %.1f%%, false positives %d/%d%n", measure.recognised(), measure.notices(),
                100 * measure.recall(), measure.falsePositives(), measure.mentions());
    }
}
