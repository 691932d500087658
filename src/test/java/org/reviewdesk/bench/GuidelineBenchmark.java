package org.reviewdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.reviewdesk.LetterTexts;
import org.reviewdesk.LetterTexts.LetterItem;
import org.reviewdesk.TestData;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.domain.Citation;
import org.reviewdesk.domain.Decision;
import org.reviewdesk.domain.Item;
import org.reviewdesk.exchange.CaseJson;
import org.reviewdesk.guideline.CategorySuggester;
import org.reviewdesk.guideline.CitationText;
import org.reviewdesk.guideline.ConsistencyCheck;
import org.reviewdesk.guideline.ConsistencyChecker;
import org.reviewdesk.guideline.GuidelineKind;
import org.reviewdesk.guideline.GuidelineLibrary;
import org.reviewdesk.guideline.GuidelineRanker;
import org.reviewdesk.guideline.RulesData;
import org.reviewdesk.guideline.RulesDataAccess;
import org.reviewdesk.guideline.SearchHit;
import org.reviewdesk.guideline.TreatmentCategory;

/**
 * Measures the builder's brain as {@code suggest} and {@code check} run it: category suggestion, the cited
 * guideline among the first entries the Cite dialog opens with, the governing MTUS section for imaging,
 * and the checker on real rationales.
 *
 * <p>{@code dev} reads the 47 development cases (for tuning; misses are printed); {@code heldout} reads
 * the other letters' text (for measuring only; misses are not printed, so nothing is tuned to them).
 * {@code agreement} compares the two hand labellings of the held-out items ({@link LabelAgreement}), aggregates
 * only.
 * The ground truth of an item's category is the category its cited guideline names
 * ({@link CitedCategory}), never the suggester's own rules; items whose citation names no category are
 * left out and counted.
 */
public final class GuidelineBenchmark {
    private GuidelineBenchmark() {
    }

    /** One disputed item; {@code others} are the other requests of its case (letter), the category's context. */
    record Row(String caseNumber, int index, String request, Decision decision, String reviewerGuideline,
            String rationale, List<String> others) {
    }

    /** The requests of a case's items other than item {@code index}. */
    static List<String> others(List<String> requests, int index) {
        List<String> out = new ArrayList<>(requests);
        out.remove(index);
        return out;
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length == 0 ? "heldout" : args[0];
        if (mode.equals("agreement")) {
            // Aggregate figures only: the two labellers' agreement and the suggester against each.
            LabelAgreement.run();
            return;
        }
        boolean dev = mode.equals("dev");
        boolean listOnly = mode.equals("list");
        List<Row> rows = new ArrayList<>();
        if (dev) {
            for (Path p : TestData.letterCases()) {
                CaseFile c = CaseJson.read(Files.readAllBytes(p));
                List<String> requests = c.items().stream().map(Item::request).toList();
                for (int i = 0; i < c.items().size(); i++) {
                    Item it = c.items().get(i);
                    rows.add(new Row(c.caseNumber(), i, it.request(), it.decision(), it.reviewerGuideline(),
                            it.rationale(), others(requests, i)));
                }
            }
        } else {
            mode = listOnly ? "heldout" : mode;
            for (Path p : LetterTexts.heldOut()) {
                List<LetterItem> items = LetterTexts.items(p);
                List<String> requests = items.stream().map(LetterItem::request).toList();
                for (int i = 0; i < items.size(); i++) {
                    LetterItem li = items.get(i);
                    rows.add(new Row(li.caseNumber(), li.index(), li.request(), Decision.valueOf(li.decision()),
                            li.reviewerGuideline(), li.rationale(), others(requests, i)));
                }
            }
        }
        Map<String, String> labels = labels(dev ? null : "heldout-categories.tsv");
        GuidelineLibrary lib = GuidelineLibrary.shipped();
        RulesData rules = RulesData.shipped();
        GuidelineRanker ranker = new GuidelineRanker(lib, rules);
        int labelled = 0;
        int categoryRight = 0;
        int cited = 0;
        int citedTop5 = 0;
        int sectionTop5 = 0;
        int citedTop1 = 0;
        int citedTop5Strict = 0;
        int sectionTop5Strict = 0;
        int unparsed = 0;
        int imaging = 0;
        int imagingGoverning = 0;
        int imagingTop3 = 0;
        int errors = 0;
        int warnings = 0;
        int longSentence = 0;
        Map<String, Integer> warningKinds = new TreeMap<>();
        Map<String, int[]> perCategory = new TreeMap<>();
        long nanos = 0;
        for (Row r : rows) {
            // as suggest and the builder judge it: with the other requests of its case as context
            TreatmentCategory suggested = CategorySuggester.suggest(r.request(), r.others());
            List<Citation> citations = List.of();
            try {
                citations = r.reviewerGuideline() == null ? List.of() : CitationText.parse(r.reviewerGuideline(), lib);
            } catch (Exception e) {
                unparsed++;
            }
            String citedCategory = CitedCategory.of(citations, lib);
            if (listOnly) {
                // For writing the label file: the request and the citation's category, never the suggestion.
                System.out.println(r.caseNumber() + "\t" + r.index() + "\t" + (citedCategory == null ? "?" : citedCategory) + "\t"
                        + GuidelineRanker.cleanRequest(r.request()));
                continue;
            }
            String truth = labels.containsKey(r.caseNumber() + "#" + r.index())
                    ? labels.get(r.caseNumber() + "#" + r.index()) : citedCategory;
            if (truth != null) {
                labelled++;
                int[] pc = perCategory.computeIfAbsent(truth, k -> new int[2]);
                pc[1]++;
                if (suggested.key().equals(truth)) {
                    categoryRight++;
                    pc[0]++;
                } else if (dev) {
                    System.out.printf("CATEGORY %s #%d cited=%s got=%s: %s%n", r.caseNumber(), r.index(), truth,
                            suggested.key(), r.request());
                }
            }
            long t0 = System.nanoTime();
            List<SearchHit> top = ranker.forItem(r.request(), suggested.key(), Map.of());
            nanos += System.nanoTime() - t0;
            List<SearchHit> top5 = top.subList(0, Math.min(5, top.size()));
            if (!citations.isEmpty()) {
                cited++;
                boolean any = false;
                boolean exact = false;
                boolean anyStrict = false;
                boolean exactStrict = false;
                for (SearchHit h : top5) {
                    for (Citation c : citations) {
                        boolean noSection = c.sections() == null || c.sections().isEmpty();
                        if (h.entry().id().equals(c.guidelineId())) {
                            anyStrict = true;
                            if (noSection ? h.section() == null
                                    : h.section() != null && c.sections().contains(h.section().name())) {
                                exactStrict = true;
                            }
                        }
                        // The same guideline under another spelling (a merged alias) counts too.
                        var citedEntry = lib.byId(c.guidelineId());
                        if (citedEntry.isEmpty()) {
                            continue;
                        }
                        SearchHit citedWhole = new SearchHit(citedEntry.get(), null);
                        // An entry that is itself one topic ("ODG Low Back, X-ray") is the same as that
                        // topic's section of a chapter spelled another way.
                        if (ranker.sameGuideline(new SearchHit(h.entry(), null), citedWhole)
                                || ranker.sameGuideline(h, citedWhole)) {
                            any = true;
                        }
                        if (noSection) {
                            exact |= ranker.sameGuideline(h, citedWhole);
                        } else {
                            for (var sec : citedEntry.get().sections()) {
                                if (c.sections().contains(sec.name())
                                        && ranker.sameGuideline(h, new SearchHit(citedEntry.get(), sec))) {
                                    exact = true;
                                }
                            }
                        }
                    }
                }
                citedTop5Strict += anyStrict ? 1 : 0;
                sectionTop5Strict += exactStrict ? 1 : 0;
                if (!top.isEmpty() && citations.stream().anyMatch(c -> c.guidelineId().equals(top.get(0).entry().id()))) {
                    citedTop1++;
                }
                citedTop5 += any ? 1 : 0;
                sectionTop5 += exact ? 1 : 0;
                if (dev && !exact) {
                    System.out.printf("CITE %s #%d %s | cited %s | top %s%n", r.caseNumber(), r.index(),
                            r.request(), citations.stream().map(c -> c.guidelineId() + c.sections()).toList(),
                            top5.stream().map(SearchHit::label).toList());
                }
            }
            if ("imaging".equals(truth)) {
                imaging++;
                String governing = Governing.mtusChapter(citations, lib, rules, r.request());
                if (governing != null) {
                    imagingGoverning++;
                    boolean in3 = top.subList(0, Math.min(3, top.size())).stream().anyMatch(h -> h.entry().id()
                            .equals(governing) && h.section() != null && h.section().name().equals("Special Studies"));
                    imagingTop3 += in3 ? 1 : 0;
                    if (dev && !in3) {
                        System.out.printf("IMAGING %s #%d %s | governing %s | top %s%n", r.caseNumber(), r.index(),
                                r.request(), governing, top.subList(0, Math.min(3, top.size())).stream()
                                        .map(SearchHit::label).toList());
                    }
                }
            }
            Item item = new Item(r.request(), null, r.decision(), null, r.reviewerGuideline(), r.rationale(),
                    null, null);
            for (ConsistencyCheck k : ConsistencyChecker.check(null, item, r.index(), null)) {
                if (k.severity() == ConsistencyCheck.Severity.ERROR) {
                    errors++;
                } else if (k.severity() == ConsistencyCheck.Severity.WARNING) {
                    if (k.key().equals("long-sentence")) {
                        longSentence++;
                    } else if (!k.key().equals("reading-grade")) {
                        warnings++;
                        warningKinds.merge(k.key().replaceFirst(":.*", ""), 1, Integer::sum);
                    }
                }
            }
        }
        int n = rows.size();
        System.out.printf(Locale.ROOT, "mode %s: %d items of %d letters%n", mode, n,
                rows.stream().map(Row::caseNumber).distinct().count());
        System.out.printf(Locale.ROOT, "category suggestion: %d/%d labelled items (%.1f%%); %d items left out "
                + "(their citation names no category)%n", categoryRight, labelled, pct(categoryRight, labelled),
                n - labelled);
        perCategory.forEach((k, v) -> System.out.printf(Locale.ROOT, "    %-20s %d/%d%n", k, v[0], v[1]));
        System.out.printf(Locale.ROOT, "cited guideline among the first 5: %d/%d (%.1f%%); first: %d (%.1f%%); "
                + "citation unparsed: %d%n", citedTop5, cited, pct(citedTop5, cited), citedTop1, pct(citedTop1, cited),
                unparsed);
        System.out.printf(Locale.ROOT, "exact cited section among the first 5: %d/%d (%.1f%%)%n", sectionTop5, cited,
                pct(sectionTop5, cited));
        System.out.printf(Locale.ROOT, "  the same by library id only (an alias spelling counted as a miss): "
                + "guideline %d/%d (%.1f%%), section %d/%d (%.1f%%)%n", citedTop5Strict, cited,
                pct(citedTop5Strict, cited), sectionTop5Strict, cited, pct(sectionTop5Strict, cited));
        System.out.printf(Locale.ROOT, "imaging: governing MTUS \"Special Studies\" among the first 3: %d/%d "
                + "(%.1f%%) of the %d imaging items with an MTUS body chapter (%d imaging items in all)%n",
                imagingTop3, imagingGoverning, pct(imagingTop3, imagingGoverning), imagingGoverning, imaging);
        System.out.printf(Locale.ROOT, "checker on the real rationales: %d ERRORs; %d non-grade warnings on %d items "
                + "(%.1f%%) %s; long-sentence warnings: %d (%.1f%%)%n", errors, warnings, n, pct(warnings, n),
                warningKinds, longSentence, pct(longSentence, n));
        System.out.printf(Locale.ROOT, "ranking time: %.2f ms per item (mean, warm after the first)%n",
                nanos / 1e6 / Math.max(1, n));
    }

    /** The hand labels of held-out items (by reading the request), where written; empty otherwise. */
    private static Map<String, String> labels(String resource) throws java.io.IOException {
        Map<String, String> out = new LinkedHashMap<>();
        if (resource == null) {
            return out;
        }
        try (var in = GuidelineBenchmark.class.getResourceAsStream(resource)) {
            if (in == null) {
                return out;
            }
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                out.put(f[0] + "#" + f[1], f[2]);
            }
        }
        return out;
    }

    private static double pct(int a, int b) {
        return b == 0 ? 0 : 100.0 * a / b;
    }

    /** The MTUS body chapter that governs an imaging item. */
    static final class Governing {
        private Governing() {
        }

        /**
         * The MTUS body chapter the reviewer cited, if any; otherwise the MTUS chapter of the body part the
         * request names (null when that body part has no MTUS chapter, e.g. hip).
         */
        static String mtusChapter(List<Citation> citations, GuidelineLibrary lib, RulesData rules, String request) {
            for (Citation c : citations) {
                var e = lib.byId(c.guidelineId());
                if (e.isPresent() && e.get().kind() == GuidelineKind.MTUS
                        && e.get().sections().stream().anyMatch(s -> s.name().equals("Special Studies"))) {
                    return e.get().id();
                }
            }
            return RulesDataAccess.mtusOfBodyPart(rules, request);
        }
    }

    /** The category a citation names, by the words of its guideline and sections. */
    static final class CitedCategory {
        private static final Map<String, String> WORDS = new LinkedHashMap<>();

        static {
            put("preop", "preoperative", "pre-operative", "preop");
            put("surgical-assistant", "assistant surgeon", "surgical assistant");
            put("drug-testing", "drug testing", "urine drug", "drug screen");
            put("fce", "functional capacity");
            put("home-health", "home health");
            put("facility", "skilled nursing", "inpatient rehab", "length of stay", "snf");
            put("consultation", "office visit", "consultation", "referral", "independent medical examination",
                    "follow-up visit");
            put("gi-protection", "proton pump", "ppi", "gi symptoms", "h2 ");
            put("topical", "topical", "compound", "lidoderm", "lidocaine", "capsaicin", "salicylate");
            put("opioid", "opioid", "tramadol", "hydrocodone", "oxycodone");
            put("muscle-relaxant", "muscle relaxant", "cyclobenzaprine", "tizanidine", "carisoprodol",
                    "methocarbamol", "orphenadrine", "baclofen", "chlorzoxazone", "metaxalone");
            put("nsaid", "nsaid", "anti-inflammatory", "celebrex", "naproxen", "meloxicam", "diclofenac");
            put("electrodiagnostic", "electrodiagnostic", "emg", "nerve conduction", "electromyograph", "eeg");
            put("imaging", "special studies", "mri", "magnetic resonance", "x-ray", "radiograph", "computed tomography",
                    "imaging", "bone scan", "ct (");
            put("acupuncture", "acupuncture");
            put("chiropractic", "manipulation", "chiropractic");
            put("injection", "epidural", "injection", "facet", "block", "platelet", "trigger point", "radiofrequency",
                    "viscosupplement", "hyaluronic", "botulinum");
            put("psych", "psycholog", "cognitive behavioral", "behavioral intervention", "biofeedback",
                    "psychotherapy", "stress-related");
            put("physical-therapy", "physical medicine", "physical therapy", "occupational therapy",
                    "postsurgical", "aquatic therapy", "work conditioning", "massage");
            put("tens-dme", "tens", "durable medical equipment", "dme", "cryotherapy", "cold", "brace", "h-wave",
                    "interferential", "lumbar support", "back brace", "hospital bed", "orthos", "walker", "cane");
            put("surgery", "surgical considerations", "surgery", "arthroscop", "fusion", "discectomy", "arthroplasty",
                    "release", "repair");
            put("other", "antidepressant", "antiepilep", "benzodiazepine", "insomnia", "medical food", "gabapentin",
                    "sleep", "hypnotic", "anxiety");
        }

        private CitedCategory() {
        }

        private static void put(String category, String... words) {
            for (String w : words) {
                WORDS.put(w, category);
            }
        }

        /**
         * The category the citation names (label derivation v2, the default): the first cited section (or the
         * guideline's name when no section is given), in the order the reviewer wrote them, that names a
         * category, the body chapters' headings ("Special Studies", "Surgical Considerations") only after the
         * topic sections. "Meloxicam" cited under "NSAIDs (non-steroidal anti-inflammatory drugs), NSAIDs, GI
         * symptoms & cardiovascular risk" is an NSAID item, not GI protection; an antiemetic section ("Antiemetics
         * (for opioid nausea)") names an antiemetic, not an opioid. {@code -Dbench.labels=v1} gives the
         * derivation of the earlier sessions ({@link #ofV1}), so figures can be compared both ways.
         */
        static String of(List<Citation> citations, GuidelineLibrary lib) {
            if ("v1".equals(System.getProperty("bench.labels"))) {
                return ofV1(citations, lib);
            }
            List<String> texts = new ArrayList<>();
            for (Citation c : citations) {
                if (c.sections() != null && !c.sections().isEmpty()) {
                    texts.addAll(c.sections());
                } else {
                    lib.byId(c.guidelineId()).ifPresent(e -> texts.add(e.name()));
                }
            }
            // The topic sections first, then the MTUS body chapters' headings, which hold several topics
            // ("Special Studies" holds imaging and electrodiagnostic studies alike).
            for (boolean heading : new boolean[] {false, true}) {
                for (String text : texts) {
                    String t = " " + text.toLowerCase(Locale.ROOT).strip();
                    if (HEADINGS.contains(t.strip()) != heading) {
                        continue;
                    }
                    if (t.matches("(?s).*(?<![a-z])anti-?emetic.*")) {
                        return "other";
                    }
                    String k = named(t);
                    if (k != null) {
                        return k;
                    }
                }
            }
            return null;
        }

        /** Headings of the MTUS (ACOEM) body chapters that name no single topic. */
        private static final java.util.Set<String> HEADINGS = java.util.Set.of("special studies",
                "surgical considerations");

        private static String named(String t) {
            for (Map.Entry<String, String> w : WORDS.entrySet()) {
                if (t.matches("(?s).*(?<![a-z])" + java.util.regex.Pattern.quote(w.getKey()) + ".*")) {
                    return w.getValue();
                }
            }
            return null;
        }

        /** Label derivation v1 (sessions 1-5): all cited sections as one text, categories in table order. */
        static String ofV1(List<Citation> citations, GuidelineLibrary lib) {
            StringBuilder text = new StringBuilder();
            for (Citation c : citations) {
                boolean sections = c.sections() != null && !c.sections().isEmpty();
                if (sections) {
                    text.append(' ').append(String.join(" ", c.sections()));
                } else {
                    lib.byId(c.guidelineId()).ifPresent(e -> text.append(' ').append(e.name()));
                }
            }
            String t = text.toString().toLowerCase(Locale.ROOT);
            for (Map.Entry<String, String> w : WORDS.entrySet()) {
                if (t.matches("(?s).*(?<![a-z])" + java.util.regex.Pattern.quote(w.getKey()) + ".*")) {
                    return w.getValue();
                }
            }
            return null;
        }
    }
}
