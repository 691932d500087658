package org.reviewdesk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.reviewdesk.LetterTexts;
import org.reviewdesk.LetterTexts.LetterItem;
import org.reviewdesk.guideline.CategorySuggester;

/**
 * How reliable the held-out category labels are (issue 10): the first labeller's file
 * ({@code heldout-categories.tsv}, A) against the second's ({@code heldout-categories-b.tsv}, B, whose fourth
 * column is the other candidate of a request the labeller found ambiguous), and the suggester against each.
 *
 * <p>Prints aggregate figures only, never an item, a request or a label of one: the held-out letters are for
 * measuring, and nothing here may be tuned to them. Run as {@code GuidelineBenchmark agreement}.
 */
final class LabelAgreement {
    private LabelAgreement() {
    }

    /** B's label of an item and its other candidate (null when the request was not ambiguous to B). */
    record BLabel(String category, String alternative) {
    }

    /** The aggregate figures; {@code perCategoryOfA} maps A's category to {agreeing, total}. */
    record Figures(int onlyA, int onlyB, int both, int agree, int agreeLenient, double kappa, int suggesterA,
            int suggesterB, int suggesterEither, int agreedItems, int suggesterOnAgreed,
            Map<String, int[]> perCategoryOfA) {
    }

    static void run() throws IOException {
        Map<String, String> a = new HashMap<>();
        readTsv("heldout-categories.tsv").forEach((k, f) -> a.put(k, f[2]));
        Map<String, BLabel> b = new HashMap<>();
        readTsv("heldout-categories-b.tsv").forEach((k, f) -> b.put(k,
                new BLabel(f[2], f.length > 3 && !f[3].isBlank() ? f[3].strip() : null)));
        Map<String, String> suggested = new HashMap<>();
        int letters = 0;
        for (Path p : LetterTexts.heldOut()) {
            letters++;
            List<LetterItem> items = LetterTexts.items(p);
            List<String> requests = items.stream().map(LetterItem::request).toList();
            for (int i = 0; i < items.size(); i++) {
                LetterItem li = items.get(i);
                // with the letter's other requests as context, as suggest judges a case
                suggested.put(key(li.caseNumber(), li.index()), CategorySuggester.suggest(li.request(),
                        GuidelineBenchmark.others(requests, i)).key());
            }
        }
        Figures f = compute(a, b, suggested);
        print(f, suggested.size(), letters);
    }

    /** The figures over the items that have both labels and a suggestion. */
    static Figures compute(Map<String, String> a, Map<String, BLabel> b, Map<String, String> suggested) {
        int onlyA = 0;
        int onlyB = 0;
        for (String k : a.keySet()) {
            onlyA += b.containsKey(k) ? 0 : 1;
        }
        for (String k : b.keySet()) {
            onlyB += a.containsKey(k) ? 0 : 1;
        }
        int both = 0;
        int agree = 0;
        int lenient = 0;
        int sa = 0;
        int sb = 0;
        int either = 0;
        int agreed = 0;
        int sAgreed = 0;
        Map<String, Integer> marginA = new HashMap<>();
        Map<String, Integer> marginB = new HashMap<>();
        Map<String, int[]> perA = new TreeMap<>();
        for (Map.Entry<String, String> e : a.entrySet()) {
            BLabel bl = b.get(e.getKey());
            String s = suggested.get(e.getKey());
            if (bl == null || s == null) {
                continue;
            }
            String la = e.getValue();
            String lb = bl.category();
            both++;
            marginA.merge(la, 1, Integer::sum);
            marginB.merge(lb, 1, Integer::sum);
            int[] pc = perA.computeIfAbsent(la, x -> new int[2]);
            pc[1]++;
            boolean same = la.equals(lb);
            if (same) {
                agree++;
                pc[0]++;
                agreed++;
                sAgreed += s.equals(la) ? 1 : 0;
            }
            lenient += same || la.equals(bl.alternative()) ? 1 : 0;
            sa += s.equals(la) ? 1 : 0;
            sb += s.equals(lb) ? 1 : 0;
            either += s.equals(la) || s.equals(lb) ? 1 : 0;
        }
        return new Figures(onlyA, onlyB, both, agree, lenient, kappa(agree, both, marginA, marginB), sa, sb, either,
                agreed, sAgreed, perA);
    }

    /** Cohen's kappa from the observed agreement and the two labellers' marginal counts. */
    static double kappa(int agree, int n, Map<String, Integer> marginA, Map<String, Integer> marginB) {
        if (n == 0) {
            return Double.NaN;
        }
        double po = (double) agree / n;
        double pe = 0;
        for (Map.Entry<String, Integer> e : marginA.entrySet()) {
            pe += (double) e.getValue() / n * marginB.getOrDefault(e.getKey(), 0) / n;
        }
        return pe == 1 ? Double.NaN : (po - pe) / (1 - pe);
    }

    private static void print(Figures f, int items, int letters) {
        System.out.printf(Locale.ROOT, "label agreement on the held-out letters: %d items of %d letters%n", items,
                letters);
        System.out.printf(Locale.ROOT, "items with both labels: %d (only A: %d, only B: %d)%n", f.both(), f.onlyA(),
                f.onlyB());
        System.out.printf(Locale.ROOT, "A-B agreement: %d/%d (%.1f%%), Cohen's kappa %.3f%n", f.agree(), f.both(),
                pct(f.agree(), f.both()), f.kappa());
        System.out.printf(Locale.ROOT, "A-B agreement counting B's alternative as agreeing: %d/%d (%.1f%%)%n",
                f.agreeLenient(), f.both(), pct(f.agreeLenient(), f.both()));
        System.out.printf(Locale.ROOT, "suggester against A: %d/%d (%.1f%%)%n", f.suggesterA(), f.both(),
                pct(f.suggesterA(), f.both()));
        System.out.printf(Locale.ROOT, "suggester against B: %d/%d (%.1f%%)%n", f.suggesterB(), f.both(),
                pct(f.suggesterB(), f.both()));
        System.out.printf(Locale.ROOT, "suggester against A or B: %d/%d (%.1f%%)%n", f.suggesterEither(), f.both(),
                pct(f.suggesterEither(), f.both()));
        System.out.printf(Locale.ROOT, "suggester on the items where A and B agree: %d/%d (%.1f%%)%n",
                f.suggesterOnAgreed(), f.agreedItems(), pct(f.suggesterOnAgreed(), f.agreedItems()));
        System.out.println("A-B agreement per category of A (agreeing/items):");
        f.perCategoryOfA().forEach((k, v) -> System.out.printf(Locale.ROOT, "    %-20s %d/%d%n", k, v[0], v[1]));
    }

    private static double pct(int a, int b) {
        return b == 0 ? 0 : 100.0 * a / b;
    }

    static String key(String caseNumber, int index) {
        return caseNumber + "#" + index;
    }

    /** The rows of a label file (comment and blank lines skipped), by item key, as their tab-separated fields. */
    static Map<String, String[]> readTsv(String resource) throws IOException {
        try (InputStream in = LabelAgreement.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("label file missing from the test classpath: " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static Map<String, String[]> parse(String text) {
        Map<String, String[]> out = new LinkedHashMap<>();
        for (String line : text.split("\r?\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length < 3) {
                throw new IllegalArgumentException("a label row needs case, index and category (row "
                        + (out.size() + 1) + ")");
            }
            out.put(key(f[0].strip(), Integer.parseInt(f[1].strip())), f);
        }
        return out;
    }
}
