package org.reviewdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.reviewdesk.LetterTexts;
import org.reviewdesk.TestData;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.domain.Item;
import org.reviewdesk.exchange.CaseJson;
import org.reviewdesk.guideline.Spelling;

/**
 * How many words of real, accepted letters the spelling check calls unknown (docs/spelling.md):
 * {@code SpellingBenchmark dev} over the 47 development cases' summaries and rationales, with the words (to tune the
 * medical list); {@code SpellingBenchmark heldout} over the other letters' rationales, counts only (they are for
 * measuring: their words are not looked at, so that the list is not fitted to them). No record is there to accept a
 * word, as it would in the window: the figures are an upper bound.
 */
public final class SpellingBenchmark {
    private SpellingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean dev = args.length == 0 || args[0].equals("dev");
        List<String> texts = new ArrayList<>();
        if (dev) {
            for (Path p : TestData.letterCases()) {
                CaseFile c = CaseJson.read(Files.readAllBytes(p));
                if (c.clinicalSummary() != null) {
                    texts.add(c.clinicalSummary());
                }
                for (Item i : c.items()) {
                    if (i.rationale() != null) {
                        texts.add(i.rationale());
                    }
                }
            }
        } else {
            for (Path p : LetterTexts.heldOut()) {
                for (LetterTexts.LetterItem li : LetterTexts.items(p)) {
                    if (li.rationale() != null) {
                        texts.add(li.rationale());
                    }
                }
            }
        }
        long start = System.nanoTime();
        Spelling s = Spelling.shipped();
        long loaded = System.nanoTime();
        int words = 0;
        int flagged = 0;
        int textsFlagged = 0;
        Map<String, Integer> counts = new TreeMap<>();
        for (String t : texts) {
            words += t.split("\\s+").length;
            List<Spelling.Misspelling> m = s.check(t, null);
            flagged += m.size();
            textsFlagged += m.isEmpty() ? 0 : 1;
            for (Spelling.Misspelling x : m) {
                counts.merge(x.word() + " -> " + x.suggestions(), 1, Integer::sum);
            }
        }
        long done = System.nanoTime();
        System.out.printf("%s: %d texts, %d words; %d unknown words (%.2f per 1,000 words) in %d texts (%.1f%%); "
                + "lists read in %d ms, checked in %d ms%n", dev ? "development" : "held-out", texts.size(), words,
                flagged, 1000.0 * flagged / words, textsFlagged, 100.0 * textsFlagged / texts.size(),
                (loaded - start) / 1_000_000, (done - loaded) / 1_000_000);
        if (dev) {
            counts.forEach((w, n) -> System.out.println(n + "\t" + w));
        } else if (args.length > 1) {
            // for a reader other than the one who keeps the lists: each unknown word in its sentence, to be judged
            // a misspelling or not; only the counts come back (docs/spelling.md)
            List<String> lines = new ArrayList<>();
            for (String t : texts) {
                for (Spelling.Misspelling x : s.check(t, null)) {
                    int a = Math.max(0, x.start() - 60);
                    int b = Math.min(t.length(), x.end() + 60);
                    lines.add(x.word() + "\t" + t.substring(a, b).replaceAll("\\s+", " "));
                }
            }
            Files.write(Path.of(args[1]), lines);
        }
    }
}
