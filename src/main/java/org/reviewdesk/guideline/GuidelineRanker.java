package org.reviewdesk.guideline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Ranks the guideline library for a disputed item: BM25 over each entry's and section's name, summary,
 * limits and categories, with the request's words widened by the synonyms of {@code rules.json}
 * ("MRI" also looks for "Special Studies"), then the item's context: entries of the item's treatment
 * category and body part rise, MTUS hits that govern the request come before non-MTUS ones (the MTUS
 * presumption of correctness), and chapters of another body part sink. An optional boost per entry id
 * (e.g. from the guidelines that similar past decisions cited) is added last.
 */
public final class GuidelineRanker {
    private static final double K1 = 1.2;
    private static final double B = 0.75;
    private static final double CATEGORY = 2.0;
    private static final double BODY_PART = 2.5;
    private static final double OTHER_BODY_PART = -8.0;
    private static final double MTUS_GOVERNS = 4.0;
    private static final double SPECIAL_STUDIES = 3.0;
    private static final double POSTSURGICAL = 8.0;
    private static final double KIND_ENTRY = 3.0;
    // The words that make an item post-operative without naming an operation.
    private static final Pattern POST_OP_ITEM = Pattern.compile("(?i)associated surgical services?:?|"
            + "post[- ]?op(?:erative(?:ly)?)?|peri-?operative");
    private static final Pattern POST_OP = Pattern.compile("post-?op\\w*|post-?surg\\w*|associated surgical service|"
            + "after (?:the )?surgery|status post|s/p");
    private static final Pattern STOP = Pattern.compile("of|the|for|and|or|with|without|to|a|an|in|on|at|by|x|per|"
            + "times|time|week|weeks|day|days|month|months|sessions?|visits?|qty|quantity|request|requested|"
            + "retrospective|dos|date|service|mg|ml|mcg|tab|tabs|tablets?|caps?|capsules?|\\d.*|left|right|bilateral|"
            + "original|remaining|imr|eligible|portion|was|is|are|be|by|this|that|as|prescribed|refills?|unknown|"
            + "associated|surgical|post|op|pre");

    private final GuidelineLibrary library;
    private final RulesData rules;
    private final List<SearchHit> hits = new ArrayList<>();
    private final List<Map<String, Integer>> termFreqs = new ArrayList<>();
    private final List<Integer> lengths = new ArrayList<>();
    private final Map<String, Integer> docFreq = new HashMap<>();
    private final double averageLength;
    private final Map<String, java.util.Optional<String>> entryParts = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, List<SearchHit>> groups = new HashMap<>();
    private final Map<String, String> groupKeys = new java.util.concurrent.ConcurrentHashMap<>();

    public GuidelineRanker(GuidelineLibrary library, RulesData rules) {
        this.library = library;
        this.rules = rules;
        long total = 0;
        for (GuidelineEntry e : library.entries()) {
            add(new SearchHit(e, null));
            e.sections().forEach(s -> add(new SearchHit(e, s)));
        }
        for (int len : lengths) {
            total += len;
        }
        averageLength = lengths.isEmpty() ? 1 : (double) total / lengths.size();
        for (SearchHit h : hits) {
            groups.computeIfAbsent(groupKey(h), k -> new ArrayList<>()).add(h);
        }
    }

    private void add(SearchHit h) {
        GuidelineEntry e = h.entry();
        GuidelineSection s = h.section();
        List<String> words = new ArrayList<>();
        if (s == null) {
            repeat(words, terms(e.name()), 2);
            words.addAll(terms(e.summary(), e.limits(), String.join(" ", e.categories())));
        } else {
            repeat(words, terms(s.name()), 3);
            words.addAll(terms(e.name()));
            words.addAll(terms(s.summary(), s.limits(), String.join(" ", s.categories())));
        }
        Map<String, Integer> tf = new HashMap<>();
        words.forEach(w -> tf.merge(w, 1, Integer::sum));
        tf.keySet().forEach(w -> docFreq.merge(w, 1, Integer::sum));
        hits.add(h);
        termFreqs.add(tf);
        lengths.add(words.size());
    }

    private static void repeat(List<String> into, List<String> words, int times) {
        for (int i = 0; i < times; i++) {
            into.addAll(words);
        }
    }

    /** Lower-case word stems: plurals folded ("studies" and "study", "injections" and "injection"). */
    static List<String> terms(String... texts) {
        List<String> out = new ArrayList<>();
        for (String w : Words.of(texts)) {
            out.add(stem(w));
        }
        return out;
    }

    private static String stem(String w) {
        if (w.length() > 4 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    /** The request as a clean item name: the IMR-eligible portion, without "DOS: ..." and billing minutes. */
    public static String cleanRequest(String request) {
        return ItemNameSupport.itemName(request);
    }

    /**
     * The entries the Cite dialog opens with for an item: ranked by its request, treatment category and
     * body part. {@code boost} (may be empty) adds a score per entry id.
     */
    public List<SearchHit> forItem(String request, String categoryKey, Map<String, Double> boost) {
        return rank(null, request, categoryKey, boost);
    }

    /**
     * Ranks for a typed query in the context of an item (request and category may be null): the query's
     * words decide the text match, the item decides the context. A blank query ranks by the request.
     */
    public List<SearchHit> rank(String query, String request, String categoryKey, Map<String, Double> boost) {
        String req = request == null ? "" : cleanRequest(request);
        String text = query == null || query.isBlank() ? req : query;
        TreatmentCategory category = categoryKey == null ? CategorySuggester.suggest(req, rules)
                : TreatmentCategory.fromKey(categoryKey);
        RulesData.BodyPart part = rules.bodyPart(req + " " + (query == null ? "" : query));
        Map<String, Double> queryTerms = queryTerms(text);
        String categoryWords = rules.categoryWords(category);
        if (categoryWords != null && (query == null || query.isBlank())) {
            for (String w : terms(categoryWords)) {
                queryTerms.merge(w, 0.5, Double::sum);
            }
        }
        if (queryTerms.isEmpty() && category == TreatmentCategory.OTHER && part == null) {
            return query == null || query.isBlank() ? library.search("") : List.of();
        }
        // Therapy after surgery is governed by the MTUS Postsurgical Treatment Guidelines.
        boolean postOp = category == TreatmentCategory.PHYSICAL_THERAPY && POST_OP.matcher(
                (req + " " + (query == null ? "" : query)).toLowerCase(Locale.ROOT)).find();
        // the guideline entries the checklist of the item's kind names (a lidocaine patch, a knee MRI, PRP)
        java.util.Set<String> kindEntries = kindEntries(req, category);
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) {
            SearchHit h = hits.get(i);
            double text0 = bm25(i, queryTerms);
            boolean typed = query != null && !query.isBlank();
            if (typed && text0 <= 0) {
                continue;
            }
            double score = text0 + context(h, category, part, text0)
                    + (postOp && h.entry().id().contains("postsurgical") ? POSTSURGICAL : 0);
            if (boost != null) {
                score += boost.getOrDefault(h.entry().id(), 0.0);
            }
            if (!kindEntries.isEmpty() && (kindEntries.contains(h.entry().id()) || h.section() != null
                    && kindEntries.contains(h.entry().id() + "#" + h.section().name()))) {
                score += KIND_ENTRY;
            }
            if (score > 0 || typed) {
                scored.add(new Scored(h, score, i, otherBodyPart(h, part)));
            }
        }
        // A chapter of another body part comes after every hit about this one, whatever its words.
        scored.sort(Comparator.comparing((Scored s) -> s.demoted).thenComparingDouble(s -> -s.score)
                .thenComparingInt(s -> s.order));
        List<SearchHit> ranked = diverse(scored.stream().map(s -> s.hit).toList());
        if (query != null && !query.isBlank()) {
            return ranked;
        }
        if (!postOp) {
            ranked = governingFirst(ranked, governingMtus(req, category.key()).orElse(null));
        }
        return withBodyChapter(fewPerBodyChapter(ranked), part);
    }

    /** At most this many of the first entries come from one body part's chapter, so that it cannot fill the list. */
    static final int PER_BODY_CHAPTER = 3;

    /**
     * The same order, except that within the first {@link #FIRST} entries no body part's chapter has more than
     * {@link #PER_BODY_CHAPTER} of them: a body chapter's Summary, Diagnostic Criteria and Follow-up Visits should
     * not push every other source past the first screen. A guideline of topics (the opioid guideline's numbered
     * sections) is not limited. The entries moved keep their order right after.
     */
    List<SearchHit> fewPerBodyChapter(List<SearchHit> ranked) {
        List<SearchHit> first = new ArrayList<>();
        List<SearchHit> later = new ArrayList<>();
        Map<String, Integer> per = new java.util.HashMap<>();
        for (SearchHit h : ranked) {
            if (first.size() < FIRST && (bodyPartOf(h.entry()) == null
                    || per.merge(h.entry().id(), 1, Integer::sum) <= PER_BODY_CHAPTER)) {
                first.add(h);
            } else {
                later.add(h);
            }
        }
        first.addAll(later);
        return first;
    }

    /**
     * The entries named by the checklist of the item's kind, when the request names a kind its category's
     * checklist does not cover alone (the category's own list is broad: every body part's Special Studies).
     */
    private static java.util.Set<String> kindEntries(String request, TreatmentCategory category) {
        if (request == null || request.isBlank()) {
            return java.util.Set.of();
        }
        try {
            List<String> kind = Checklists.forItem(category, request).entries();
            List<String> general = Checklists.forCategory(category).entries();
            return kind.equals(general) ? java.util.Set.of() : java.util.Set.copyOf(kind);
        } catch (RuntimeException e) {
            return java.util.Set.of();
        }
    }

    /** The MTUS presumption of correctness: the MTUS section that governs the request opens the list. */
    private List<SearchHit> governingFirst(List<SearchHit> ranked, SearchHit governing) {
        if (governing == null || ranked.isEmpty() || ranked.get(0).label().equals(governing.label())) {
            return ranked;
        }
        List<SearchHit> out = new ArrayList<>(ranked.size());
        out.add(governing);
        for (SearchHit h : ranked) {
            if (!h.label().equals(governing.label()) && !sameGuideline(h, governing)) {
                out.add(h);
            }
        }
        return out;
    }

    /** How many entries the Cite dialog shows before scrolling; the body part's MTUS chapter is among them. */
    static final int FIRST = 5;

    /**
     * The body part's MTUS chapter (ACOEM: initial care, physical methods, special studies, surgical
     * considerations of that body part) governs every request about it, so its best hit is kept among the
     * first entries the dialog opens with: it takes the last of the first places when nothing of it is there.
     */
    private static List<SearchHit> withBodyChapter(List<SearchHit> ranked, RulesData.BodyPart part) {
        if (part == null || part.mtusId() == null || ranked.size() <= FIRST) {
            return ranked;
        }
        for (int i = 0; i < FIRST; i++) {
            if (ranked.get(i).entry().id().equals(part.mtusId())) {
                return ranked;
            }
        }
        for (int i = FIRST; i < ranked.size(); i++) {
            if (ranked.get(i).entry().id().equals(part.mtusId())) {
                List<SearchHit> out = new ArrayList<>(ranked);
                SearchHit chapter = out.remove(i);
                out.add(FIRST - 1, chapter);
                return out;
            }
        }
        return ranked;
    }

    /**
     * The MTUS section that governs a request, if the MTUS has one: a section of the item's treatment
     * category whose own words match the request's (not only the category's), in a chapter of the
     * request's body part or of none. Empty when the MTUS is silent on it (a hip MRI, a pre-operative
     * EKG), which is when citing only a non-MTUS source needs no stated reason.
     */
    public java.util.Optional<SearchHit> governingMtus(String request, String categoryKey) {
        String req = request == null ? "" : cleanRequest(request);
        TreatmentCategory category = categoryKey == null ? CategorySuggester.suggest(req, rules)
                : TreatmentCategory.fromKey(categoryKey);
        if (category == TreatmentCategory.SURGERY) {
            // A post-operative item that is not itself an operation (a sling, a walker, an anti-nausea drug) is
            // governed as what it is: the chapter's Surgical Considerations do not address it.
            TreatmentCategory own = CategorySuggester.suggest(POST_OP_ITEM.matcher(req).replaceAll(" "), rules);
            if (own != TreatmentCategory.SURGERY) {
                category = own;
            }
        }
        if (category == TreatmentCategory.OTHER || req.isBlank()) {
            return java.util.Optional.empty();
        }
        // A kind of request whose checklist rests on non-MTUS entries only (a hospital bed, PRP, a joint
        // replacement) is one the MTUS does not address, whatever words it shares with an MTUS section.
        java.util.Set<String> kind = kindEntries(req, category);
        if (!kind.isEmpty() && kind.stream().noneMatch(this::isMtusEntry)) {
            return java.util.Optional.empty();
        }
        RulesData.BodyPart part = rules.bodyPart(req);
        Map<String, Double> queryTerms = queryTerms(req);
        SearchHit best = null;
        double bestScore = 0;
        for (int i = 0; i < hits.size(); i++) {
            SearchHit h = hits.get(i);
            // A section of the category; or a whole MTUS guideline without sections that is about the category
            // (the Acupuncture Medical Treatment Guidelines govern every acupuncture request).
            boolean whole = h.section() == null && h.entry().sections().isEmpty();
            if (h.entry().kind() != GuidelineKind.MTUS || (h.section() == null && !whole)
                    || !(whole ? h.entry().categories() : h.section().categories()).contains(category.key())) {
                continue;
            }
            String entryPart = bodyPartOf(h.entry());
            if (entryPart != null && (part == null || !entryPart.equals(part.key()))) {
                continue;
            }
            // Imaging and surgery are governed by the body part's chapter; a hip has none in the MTUS.
            if (entryPart == null && BY_BODY_PART.contains(category)) {
                continue;
            }
            // The section must be about the request by name, not only share a word like "injection".
            boolean named = entryPart != null; // the body part's own chapter, section of the category
            for (String w : terms(whole ? h.entry().name() : h.section().name())) {
                if (!GENERIC.matcher(w).matches() && queryTerms.containsKey(w)) {
                    named = true;
                }
            }
            if (!named) {
                continue;
            }
            double score = bm25(i, queryTerms);
            if (score > bestScore) {
                best = h;
                bestScore = score;
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    /** Whether a checklist's entry ("id" or "id#section") is an MTUS entry of the library. */
    private boolean isMtusEntry(String ref) {
        int hash = ref.indexOf('#');
        String id = hash < 0 ? ref : ref.substring(0, hash);
        for (SearchHit h : hits) {
            if (h.entry().id().equals(id)) {
                return h.entry().kind() == GuidelineKind.MTUS;
            }
        }
        return false;
    }

    /**
     * The same order with near-duplicate entries merged: the same ODG chapter and topic cited under another
     * wording ("Knee & Leg, DME" and "Knee and Leg Chapter, Durable medical equipment") or a misprint
     * appears once, at its best place; the other spellings are its aliases ({@link #aliasesOf}), kept in the
     * library so that old citations still parse and render exactly as written.
     */
    List<SearchHit> diverse(List<SearchHit> ranked) {
        List<SearchHit> first = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (SearchHit h : ranked) {
            if (seen.add(groupKey(h))) {
                first.add(h);
            }
        }
        return first;
    }

    /** The other spellings of the same guideline entry or section in the library (empty when it has none). */
    public List<SearchHit> aliasesOf(SearchHit hit) {
        String key = groupKey(hit);
        List<SearchHit> out = new ArrayList<>();
        for (SearchHit h : groups.getOrDefault(key, List.of())) {
            if (!(h.entry().id().equals(hit.entry().id()) && java.util.Objects.equals(h.section(), hit.section()))) {
                out.add(h);
            }
        }
        return out;
    }

    /** Whether two hits are the same guideline (the same hit, or aliases of each other). */
    public boolean sameGuideline(SearchHit a, SearchHit b) {
        return groupKey(a).equals(groupKey(b));
    }

    private static final java.util.Set<TreatmentCategory> BY_BODY_PART = java.util.EnumSet.of(
            TreatmentCategory.IMAGING, TreatmentCategory.SURGERY);
    private static final Pattern GENERIC = Pattern.compile("injection|blocks?|nerve|therapy|units?|devices?|treatment|test|"
            + "testing|evaluation|"
            + "service|chronic|pain|medication|program|for|of|the|and|use|criteria|care|initial");

    private static final Pattern BOILERPLATE = Pattern.compile("official|disability|guidelines?|odg|chapter|acute|"
            + "chronic|section|online|version|updated|web|topic|and|the|of|s|\\d+|treatment|index|citation|"
            + "work|loss|data|institute|twc|edition|pain|complaint");
    // Abbreviations written out, so that "MRI" and "Magnetic resonance imaging (MRI)" are one topic.
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(Map.entry("mri",
            "magnetic resonance imaging"), Map.entry("mris", "magnetic resonance imaging"),
            Map.entry("dme", "durable medical equipment"), Map.entry("ct", "computed tomography"),
            Map.entry("esi", "epidural steroid injection"), Map.entry("esis", "epidural steroid injection"),
            Map.entry("ppi", "proton pump inhibitor"), Map.entry("ppis", "proton pump inhibitor"),
            Map.entry("nsaid", "non steroidal anti inflammatory drug"),
            Map.entry("tens", "transcutaneous electrical nerve stimulation"), Map.entry("xray", "x ray"),
            Map.entry("radiography", "x ray"), Map.entry("radiograph", "x ray"),
            Map.entry("diagnositc", "diagnostic"), Map.entry("inital", "initial"));

    /**
     * Entries whose names differ only in boilerplate, abbreviation, misprint or the wording of their body
     * part ("Low Back - Lumbar & Thoracic" and "Low Back") share a key; MTUS entries never merge.
     */
    String groupKey(SearchHit h) {
        return groupKeys.computeIfAbsent(h.label(), k -> computeGroupKey(h));
    }

    private String computeGroupKey(SearchHit h) {
        if (h.entry().kind() == GuidelineKind.MTUS) {
            String section = h.section() == null ? "" : h.section().name();
            for (Map.Entry<String, String> a : ABBREVIATIONS.entrySet()) {
                if (a.getKey().startsWith("diagnositc") || a.getKey().startsWith("inital")) {
                    section = section.replaceAll("(?i)\\b" + a.getKey() + "\\b", a.getValue());
                }
            }
            return "MTUS:" + h.entry().id() + "/" + section.toLowerCase(Locale.ROOT);
        }
        java.util.TreeSet<String> parts = new java.util.TreeSet<>();
        java.util.Set<String> ownBodyWords = new java.util.HashSet<>(List.of("thoracic", "spine", "upper", "lower",
                "back", "low"));
        String entryName = h.entry().name().toLowerCase(Locale.ROOT).replace("thoracic", " "); // in both spine chapters
        for (RulesData.BodyPart b : rules.bodyParts()) {
            if (b.match().matcher(entryName).find() || b.words().stream().anyMatch(entryName::contains)) {
                parts.add(b.key());
                b.words().forEach(w -> ownBodyWords.addAll(terms(w)));
                ownBodyWords.addAll(terms(b.key().replace('-', ' ')));
            }
        }
        // A chapter that names two body parts ("Neck and Upper Back, Low Back") is its own entry.
        java.util.TreeSet<String> words = new java.util.TreeSet<>();
        for (String w : terms(h.entry().name(), h.section() == null ? null : h.section().name())) {
            for (String x : terms(ABBREVIATIONS.getOrDefault(w, w))) {
                if (!BOILERPLATE.matcher(x).matches() && !ownBodyWords.contains(x)) {
                    words.add(x);
                }
            }
        }
        return h.entry().kind() + ":" + String.join("+", parts) + ":" + String.join(" ", words);
    }

    private Map<String, Double> queryTerms(String text) {
        String lower = rules.withIngredients(text).toLowerCase(Locale.ROOT);
        Map<String, Double> q = new HashMap<>();
        for (String w : Words.of(lower)) {
            if (!STOP.matcher(w).matches()) {
                q.merge(stem(w), 1.0, Double::sum);
            }
        }
        for (String phrase : rules.synonymsIn(lower)) {
            for (String w : terms(phrase)) {
                if (!STOP.matcher(w).matches()) {
                    q.merge(w, 0.6, Double::sum);
                }
            }
        }
        return q;
    }

    private double bm25(int doc, Map<String, Double> query) {
        Map<String, Integer> tf = termFreqs.get(doc);
        double len = lengths.get(doc);
        double n = hits.size();
        double score = 0;
        for (Map.Entry<String, Double> q : query.entrySet()) {
            Integer f = tf.get(q.getKey());
            if (f == null) {
                continue;
            }
            int df = docFreq.getOrDefault(q.getKey(), 0);
            double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
            score += q.getValue() * idf * f * (K1 + 1) / (f + K1 * (1 - B + B * len / averageLength));
        }
        return score;
    }

    private double context(SearchHit h, TreatmentCategory category, RulesData.BodyPart part, double textScore) {
        GuidelineEntry e = h.entry();
        GuidelineSection s = h.section();
        List<String> cats = s != null && !s.categories().isEmpty() ? s.categories() : e.categories();
        boolean inCategory = category != TreatmentCategory.OTHER && cats.contains(category.key());
        String name = e.name().toLowerCase(Locale.ROOT);
        boolean bodyMatch = part != null && (part.key().equals(bodyPartOf(e)) || part.words().stream()
                .anyMatch(name::contains));
        String entryPart = bodyPartOf(e);
        boolean otherBody = part != null && entryPart != null && !entryPart.equals(part.key());
        // A chapter of sections by body part (the Postsurgical Treatment Guidelines: "Knee", "Shoulder",
        // "Forearm, Wrist, & Hand"): the section of this body part, not another's.
        if (part != null && entryPart == null && s != null) {
            RulesData.BodyPart sectionPart = rules.bodyPart(s.name());
            if (sectionPart != null) {
                bodyMatch = sectionPart.key().equals(part.key());
                otherBody = !bodyMatch;
            }
        }
        double score = 0;
        if (inCategory) {
            score += CATEGORY;
        }
        if (bodyMatch) {
            score += BODY_PART;
        }
        if (otherBody) {
            score += OTHER_BODY_PART;
        }
        boolean mtus = e.kind() == GuidelineKind.MTUS;
        if (mtus && (inCategory || bodyMatch) && textScore > 0 && !otherBody) {
            score += MTUS_GOVERNS;
        }
        // EMG and nerve conduction studies are in the body chapter's "Special Studies" too.
        if ((category == TreatmentCategory.IMAGING || category == TreatmentCategory.ELECTRODIAGNOSTIC)
                && mtus && s != null && s.name().equals("Special Studies")
                && bodyMatch) {
            score += SPECIAL_STUDIES;
        }
        return score;
    }

    /** The body part an entry is about, by its name (MTUS chapters by their id), or null. */
    private String bodyPartOf(GuidelineEntry e) {
        return entryParts.computeIfAbsent(e.id(), id -> java.util.Optional.ofNullable(findBodyPart(e))).orElse(null);
    }

    private String findBodyPart(GuidelineEntry e) {
        for (RulesData.BodyPart b : rules.bodyParts()) {
            if (e.id().equals(b.mtusId())) {
                return b.key();
            }
        }
        RulesData.BodyPart b = rules.bodyPart(e.name());
        return b == null ? null : b.key();
    }

    private boolean otherBodyPart(SearchHit h, RulesData.BodyPart part) {
        String entryPart = bodyPartOf(h.entry());
        if (part == null || entryPart == null || entryPart.equals(part.key())) {
            return false;
        }
        // A section named for this body part in another part's chapter is about it: the ODG keeps its
        // "Sacroiliac joint blocks" in the Hip & Pelvis chapter.
        RulesData.BodyPart sectionPart = h.section() == null ? null : rules.bodyPart(h.section().name());
        return sectionPart == null || !sectionPart.key().equals(part.key());
    }

    private record Scored(SearchHit hit, double score, int order, boolean demoted) {
    }
}
