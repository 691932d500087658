package org.reviewdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.reviewdesk.guideline.GuidelineLibrary;
import org.reviewdesk.guideline.SearchHit;
import org.reviewdesk.guideline.TreatmentCategory;
import org.reviewdesk.precedent.CitationKeys;
import org.reviewdesk.precedent.LetterFiles;
import org.reviewdesk.precedent.Precedent;
import org.reviewdesk.precedent.PrecedentIndex;
import org.reviewdesk.precedent.PrecedentItem;

/**
 * Leave-one-out over the public letters: for each item of each letter, the letter is left out and the precedent
 * search ranks the rest from what a reviewer has before deciding (the item's request, the case's clinical summary,
 * the category suggested from the request, the claims administrator's guideline line). Hit: among the first 5 a
 * precedent with the same decision and a cited guideline in common with the item's own reviewer citation, where
 * "guideline" is compared three ways: as a guideline ({@link CitationKeys}: publication and chapter, spellings
 * folded; the measure), as a guideline and topic (stricter), and as a library entry (a spelling).
 * Figures are printed for all letters, the 47 development letters (which chose the weights) and the 147 others.
 * Also the guideline picker's ranking ({@link GuidelineLibrary#search} for the picker's opening query, the
 * category's first word) with and without a re-rank by {@link PrecedentIndex#citedBoost}.
 *
 * <p>Usage: src/test/bench/precedent-benchmark.sh [letters-folder]; {@code -Dshow} prints the misses of the
 * development letters; {@code -Dsweep} compares weight settings on the development letters only.
 */
public final class PrecedentQuality {
    private PrecedentQuality() {
    }

    /** One counter per subset: all letters, development, held out. */
    private static final class Count {
        final int[] n = new int[3];
        final int[] hit = new int[3];

        void add(boolean dev, boolean ok) {
            for (int s : new int[] {0, dev ? 1 : 2}) {
                n[s]++;
                if (ok) {
                    hit[s]++;
                }
            }
        }

        String line() {
            return String.format("all %s; development %s; held out %s", pct(0), pct(1), pct(2));
        }

        private String pct(int s) {
            return String.format("%d/%d = %.1f%%", hit[s], n[s], n[s] == 0 ? 0 : 100.0 * hit[s] / n[s]);
        }
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "../shared/data/imr-letters/txt");
        List<Precedent> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.sorted().toList()) {
                all.add(LetterFiles.read(p.getFileName().toString(), Files.readAllBytes(p)));
            }
        }
        Set<String> dev = new HashSet<>();
        Path cases = folder.resolveSibling("cases");
        if (Files.isDirectory(cases)) {
            try (Stream<Path> cs = Files.list(cases)) {
                cs.forEach(c -> dev.add(c.getFileName().toString().replace(".json", "")));
            }
        }
        GuidelineLibrary lib = GuidelineLibrary.shipped();
        try (PrecedentIndex index = PrecedentIndex.build(all, lib)) {
            if (System.getProperty("sweep") != null) {
                sweep(index, all, dev);
                return;
            }
            System.out.printf("letters %d (development %d), items %d%n", all.size(), dev.size(),
                    all.stream().mapToInt(p -> p.items().size()).sum());
            report(index, all, dev, PrecedentIndex.Weights.DEFAULT, true, lib);
            PrecedentIndex.Weights d = PrecedentIndex.Weights.DEFAULT;
            PrecedentIndex.Weights plain = PrecedentIndex.Weights.PLAIN;
            Object[][] variants = {
                {"first round's ranking (request, summary, body region, category)", plain},
                {"  + the precedents' rationales", new PrecedentIndex.Weights(plain.request(), d.requestInRationale(),
                        plain.summary(), plain.region(), plain.summaryRegion(), plain.category(), 0, 0, 0, 0)},
                {"  + the claims administrator's cited guideline", d.withDiversity(0, 0)},
                {"  + diversified first rows (= the default)", d},
                {"first round's ranking + diversified first rows only", plain.withDiversity(d.otherDecision(),
                        d.otherGuideline())},
            };
            for (Object[] v : variants) {
                System.out.println("-- " + v[0] + ":");
                report(index, all, dev, (PrecedentIndex.Weights) v[1], false, lib);
            }
        }
    }

    private static void report(PrecedentIndex index, List<Precedent> all, Set<String> dev,
                               PrecedentIndex.Weights w, boolean full, GuidelineLibrary lib) {
        Count byGuideline = new Count();
        Count byGuidelineCiting = new Count();
        Count byTopic = new Count();
        Count byEntry = new Count();
        Count sameDecision = new Count();
        Count overturnedSeen = new Count();
        Count ceiling = new Count();
        Count pickerWithout = new Count();
        Count pickerWith = new Count();
        Count blankWithout = new Count();
        Count blankWith = new Count();
        boolean show = System.getProperty("show") != null;
        for (Precedent p : all) {
            boolean isDev = dev.contains(p.caseNumber());
            for (PrecedentItem item : p.items()) {
                PrecedentIndex.Entry self = entry(index, p, item);
                List<PrecedentIndex.Hit> top = top(index, p, item, w);
                List<PrecedentIndex.Hit> first5 = top.subList(0, Math.min(5, top.size()));
                boolean g = any(first5, self, e -> e.cited().guidelines());
                byGuideline.add(isDev, g);
                if (!self.cited().isEmpty()) {
                    byGuidelineCiting.add(isDev, g);
                }
                byTopic.add(isDev, any(first5, self, e -> e.cited().topics()));
                byEntry.add(isDev, any(first5, self, PrecedentIndex.Entry::citedIds));
                boolean same = first5.stream().anyMatch(h -> h.entry().item().decision() == item.decision());
                sameDecision.add(isDev, same);
                if (item.decision() == org.reviewdesk.domain.Decision.OVERTURNED) {
                    overturnedSeen.add(isDev, same);
                }
                if (show && isDev && !g) {
                    System.out.println("MISS " + p.caseNumber() + " [" + self.category() + "] " + item.request() + " "
                            + item.decision() + " own=" + self.cited().guidelines() + " ur="
                            + self.claimsAdministratorCited().guidelines());
                    first5.forEach(h -> System.out.println("     " + h.entry().item().decision() + " "
                            + h.entry().cited().guidelines() + " " + h.entry().item().request()));
                }
                if (!full) {
                    continue;
                }
                ceiling.add(isDev, index.entries().stream().anyMatch(e -> !e.precedent().caseNumber()
                        .equals(p.caseNumber()) && e.item().decision() == item.decision()
                        && e.cited().guidelines().stream().anyMatch(self.cited().guidelines()::contains)));
                Set<String> own = self.citedIds();
                if (!own.isEmpty()) {
                    Map<String, Double> boost = PrecedentIndex.citedBoost(top);
                    String query = TreatmentCategory.fromKey(self.category()).label().split("[ /]")[0]
                            .toLowerCase(java.util.Locale.ROOT);
                    List<SearchHit> found = lib.search(query);
                    pickerWithout.add(isDev, anyInFirst5(entries(found), own));
                    pickerWith.add(isDev, anyInFirst5(entries(rerank(found, boost)), own));
                    List<SearchHit> everything = lib.search("");
                    blankWithout.add(isDev, anyInFirst5(entries(everything), own));
                    blankWith.add(isDev, anyInFirst5(entries(rerank(everything, boost)), own));
                }
            }
        }
        System.out.println("same decision + a cited guideline in common in the first 5 (guideline = publication and "
                + "chapter, spellings folded):\n  " + byGuideline.line());
        System.out.println("  the same over the items whose reviewer cited something: " + byGuidelineCiting.line());
        System.out.println("  overturned items with an overturned precedent in the first 5: " + overturnedSeen.line());
        if (!full) {
            return;
        }
        System.out.println("same decision + the same guideline and topic in the first 5:\n  " + byTopic.line());
        System.out.println("same decision + the same library entry in the first 5:\n  " + byEntry.line());
        System.out.println("same decision in the first 5 (any guideline): " + sameDecision.line());
        System.out.println("ceiling (some other letter has the same decision and a guideline in common): "
                + ceiling.line());
        System.out.println("picker, opening query (category word), own cited entry in first 5:\n  without "
                + pickerWithout.line() + "\n  with precedents " + pickerWith.line());
        System.out.println("picker, blank query, own cited entry in first 5:\n  without " + blankWithout.line()
                + "\n  with precedents " + blankWith.line());
    }

    /** The ranking for one item, its own letter left out, from what the reviewer has before deciding. */
    private static List<PrecedentIndex.Hit> top(PrecedentIndex index, Precedent p, PrecedentItem item,
                                                PrecedentIndex.Weights w) {
        return index.similar(new PrecedentIndex.Query(item.request(), p.clinicalSummary(), null,
                item.claimsAdministratorGuideline(), p.caseNumber()), w, 10);
    }

    private static PrecedentIndex.Entry entry(PrecedentIndex index, Precedent p, PrecedentItem item) {
        return index.entries().stream().filter(e -> e.precedent() == p && e.item() == item).findFirst()
                .orElseThrow();
    }

    private static boolean any(List<PrecedentIndex.Hit> hits, PrecedentIndex.Entry self,
                               Function<PrecedentIndex.Entry, Set<String>> keys) {
        Set<String> own = keys.apply(self);
        return hits.stream().anyMatch(h -> h.entry().item().decision() == self.item().decision()
                && keys.apply(h.entry()).stream().anyMatch(own::contains));
    }

    /** Weight settings compared on the development letters only (the held-out letters are not looked at). */
    private static void sweep(PrecedentIndex index, List<Precedent> all, Set<String> dev) {
        PrecedentIndex.Weights d = PrecedentIndex.Weights.DEFAULT;
        List<PrecedentIndex.Weights> grid = new ArrayList<>();
        for (float od : new float[] {0, 0.1f, 0.2f, 0.3f, 0.5f}) {
            for (float og : new float[] {0, 0.1f, 0.15f, 0.2f, 0.3f}) {
                grid.add(d.withDiversity(od, og));
            }
        }
        grid.add(PrecedentIndex.Weights.PLAIN);
        grid.add(PrecedentIndex.Weights.PLAIN.withDiversity(d.otherDecision(), d.otherGuideline()));
        for (PrecedentIndex.Weights w : grid) {
            int n = 0;
            int hit = 0;
            for (Precedent p : all) {
                if (!dev.contains(p.caseNumber())) {
                    continue;
                }
                for (PrecedentItem item : p.items()) {
                    PrecedentIndex.Entry self = entry(index, p, item);
                    List<PrecedentIndex.Hit> top = top(index, p, item, w);
                    n++;
                    if (any(top.subList(0, Math.min(5, top.size())), self, e -> e.cited().guidelines())) {
                        hit++;
                    }
                }
            }
            System.out.printf("%s  development %d/%d = %.1f%%%n", w, hit, n, 100.0 * hit / n);
        }
    }

    /** The picker's hits re-ranked: boosted entries first (heaviest first), the rest in their order. */
    static List<SearchHit> rerank(List<SearchHit> hits, Map<String, Double> boost) {
        List<SearchHit> out = new ArrayList<>(hits);
        out.sort((a, b) -> Double.compare(boost.getOrDefault(b.entry().id(), 0.0),
                boost.getOrDefault(a.entry().id(), 0.0)));
        return out;
    }

    private static List<String> entries(List<SearchHit> hits) {
        Set<String> ids = new LinkedHashSet<>();
        hits.forEach(h -> ids.add(h.entry().id()));
        return new ArrayList<>(ids);
    }

    private static boolean anyInFirst5(List<String> ids, Set<String> own) {
        return ids.subList(0, Math.min(5, ids.size())).stream().anyMatch(own::contains);
    }
}
