package org.reviewdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.reviewdesk.guideline.GuidelineLibrary;
import org.reviewdesk.guideline.SearchHit;
import org.reviewdesk.guideline.TreatmentCategory;
import org.reviewdesk.precedent.GuidelineChapters;
import org.reviewdesk.precedent.LetterFiles;
import org.reviewdesk.precedent.Precedent;
import org.reviewdesk.precedent.PrecedentIndex;
import org.reviewdesk.precedent.PrecedentItem;

/**
 * Leave-one-out over the public letters: for each item of each letter, the letter is left out and the precedent
 * search ranks the rest. Hit: among the first 5 a precedent with the same decision and a cited guideline (library
 * entry) in common with the item's own reviewer citation. Also the guideline picker's ranking
 * ({@link GuidelineLibrary#search} for the picker's opening query, the category's first word) with and without a
 * re-rank by {@link PrecedentIndex#citedBoost}: the share of items whose own cited entry is among the first 5
 * entries. Usage: src/test/bench/precedent-benchmark.sh [letters-folder]
 */
public final class PrecedentQuality {
    private PrecedentQuality() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "../shared/data/imr-letters/txt");
        List<Precedent> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.sorted().toList()) {
                all.add(LetterFiles.read(p.getFileName().toString(), Files.readAllBytes(p)));
            }
        }
        GuidelineLibrary lib = GuidelineLibrary.shipped();
        int items = 0;
        int hits = 0;
        int withCitation = 0;
        int hitsWithCitation = 0;
        int sameDecisionAny = 0;
        int chapterHits = 0;
        int ceiling = 0;
        int pickerItems = 0;
        int pickerWithout = 0;
        int pickerWith = 0;
        int blankWithout = 0;
        int blankWith = 0;
        try (PrecedentIndex index = PrecedentIndex.build(all, lib)) {
            Set<String> dev = new HashSet<>();
            if (System.getProperty("dev") != null) {
                try (Stream<Path> cs = Files.list(folder.resolveSibling("cases"))) {
                    cs.forEach(c -> dev.add(c.getFileName().toString().replace(".json", "")));
                }
            }
            for (Precedent p : all) {
                if (!dev.isEmpty() && !dev.contains(p.caseNumber())) {
                    continue;
                }
                for (PrecedentItem item : p.items()) {
                    items++;
                    String category = PrecedentIndex.categoryOf(item.request());
                    Set<String> own = new HashSet<>();
                    PrecedentIndex.citations(item.reviewerGuideline(), lib).forEach(c -> own.add(c.guidelineId()));
                    List<PrecedentIndex.Hit> top = index.similar(item.request(), p.clinicalSummary(), category,
                            p.caseNumber(), 10);
                    {
                        boolean possible = false;
                        for (PrecedentIndex.Entry e : index.entries()) {
                            if (!e.precedent().caseNumber().equals(p.caseNumber()) && e.item().decision() == item.decision()
                                    && e.citedIds().stream().anyMatch(own::contains)) {
                                possible = true;
                            }
                        }
                        if (possible) {
                            ceiling++;
                        }
                    }
                    Set<String> ownChapters = GuidelineChapters.of(own, lib);
                    boolean okChapter = false;
                    for (PrecedentIndex.Hit h : top.subList(0, Math.min(5, top.size()))) {
                        if (h.entry().item().decision() == item.decision()
                                && GuidelineChapters.of(h.entry().citedIds(), lib).stream().anyMatch(ownChapters::contains)) {
                            okChapter = true;
                        }
                    }
                    if (okChapter) {
                        chapterHits++;
                    }
                    boolean ok = false;
                    boolean sameDecision = false;
                    for (PrecedentIndex.Hit h : top.subList(0, Math.min(5, top.size()))) {
                        boolean same = h.entry().item().decision() == item.decision();
                        sameDecision |= same;
                        if (same && h.entry().citedIds().stream().anyMatch(own::contains)) {
                            ok = true;
                        }
                    }
                    if (ok) {
                        hits++;
                    } else if (System.getProperty("show") != null) {
                        System.out.println("MISS " + p.caseNumber() + " [" + category + "] " + item.request() + " "
                                + item.decision() + " own=" + own);
                        top.subList(0, Math.min(5, top.size())).forEach(h -> System.out.println("     "
                                + h.entry().item().decision() + " " + h.entry().citedIds() + " " + h.entry().item().request()));
                    }
                    if (sameDecision) {
                        sameDecisionAny++;
                    }
                    if (!own.isEmpty()) {
                        withCitation++;
                        if (ok) {
                            hitsWithCitation++;
                        }
                        pickerItems++;
                        Map<String, Double> boost = PrecedentIndex.citedBoost(top);
                        String query = TreatmentCategory.fromKey(category).label().split("[ /]")[0]
                                .toLowerCase(java.util.Locale.ROOT);
                        List<SearchHit> found = lib.search(query);
                        if (anyInFirst5(entries(found), own)) {
                            pickerWithout++;
                        }
                        if (anyInFirst5(entries(rerank(found, boost)), own)) {
                            pickerWith++;
                        }
                        List<SearchHit> everything = lib.search("");
                        if (anyInFirst5(entries(everything), own)) {
                            blankWithout++;
                        }
                        if (anyInFirst5(entries(rerank(everything, boost)), own)) {
                            blankWith++;
                        }
                    }
                }
            }
        }
        System.out.printf("letters %d, items %d%n", all.size(), items);
        System.out.printf("precedent search, leave-one-out: same decision + a cited guideline in common in the "
                + "first 5: %d/%d = %.1f%%%n", hits, items, 100.0 * hits / items);
        System.out.printf("precedent search, leave-one-out: same decision + a cited guideline (MTUS guideline, or "
                + "ODG/ACOEM chapter) in common in the first 5: %d/%d = %.1f%%%n", chapterHits, items,
                100.0 * chapterHits / items);
        System.out.printf("  items whose reviewer cited a library guideline: %d/%d = %.1f%%%n", hitsWithCitation,
                withCitation, 100.0 * hitsWithCitation / withCitation);
        System.out.printf("  same decision in the first 5 (any guideline): %d/%d = %.1f%%%n", sameDecisionAny, items,
                100.0 * sameDecisionAny / items);
        System.out.printf("  ceiling: items for which some other letter has the same decision and a cited library "
                + "entry in common: %d/%d = %.1f%%%n", ceiling, items, 100.0 * ceiling / items);
        System.out.printf("picker, opening query (category word), own cited entry in first 5: without %d/%d = %.1f%%,"
                + " with precedents %d/%d = %.1f%%%n", pickerWithout, pickerItems, 100.0 * pickerWithout / pickerItems,
                pickerWith, pickerItems, 100.0 * pickerWith / pickerItems);
        System.out.printf("picker, blank query, own cited entry in first 5: without %d/%d = %.1f%%, with precedents "
                + "%d/%d = %.1f%%%n", blankWithout, pickerItems, 100.0 * blankWithout / pickerItems, blankWith,
                pickerItems, 100.0 * blankWith / pickerItems);
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
