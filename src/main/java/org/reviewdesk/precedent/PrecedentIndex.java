package org.reviewdesk.precedent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.reviewdesk.domain.Citation;
import org.reviewdesk.domain.Decision;
import org.reviewdesk.guideline.CategorySuggester;
import org.reviewdesk.guideline.CitationParseException;
import org.reviewdesk.guideline.CitationText;
import org.reviewdesk.guideline.GuidelineLibrary;
import org.reviewdesk.guideline.UnknownGuidelineException;

/**
 * Ranks precedent items by similarity to an item under review: BM25 over the decided part of the request
 * (weighted {@value #REQUEST_WEIGHT}) and the clinical summary, with the body region the request names and its
 * treatment category as strong boosts. The index is
 * held in memory ({@link ByteBuffersDirectory}), built from precedents read out of the encrypted store, and never
 * written to disk.
 */
public final class PrecedentIndex implements AutoCloseable {
    static final float REQUEST_WEIGHT = 3f;
    static final float SUMMARY_WEIGHT = 1f;
    private static final int MAX_SUMMARY_TERMS = 400;
    private static final String F_REQUEST = "request";
    private static final String F_SUMMARY = "summary";
    private static final String F_CATEGORY = "category";
    private static final String F_CASE = "case";
    private static final String F_ORD = "ord";
    private static final String F_REGION = "region";
    private static final String F_SREGION = "summaryRegion";
    private static final String F_RATIONALE = "rationale";
    private static final String F_CITED = "cited";
    private static final String F_UR_CITED = "urCited";
    static final float REGION_WEIGHT = 5f;
    static final float CATEGORY_WEIGHT = 5f;
    static final float SUMMARY_REGION_WEIGHT = 3f;
    /** How many hits the diversified order chooses from. */
    static final int CANDIDATES = 30;

    /**
     * One precedent item as the index knows it: its category, the library entries its reviewer cited, and the
     * guidelines its reviewer and the claims administrator cited, compared as guidelines ({@link CitationKeys}).
     */
    public record Entry(Precedent precedent, PrecedentItem item, String category, List<Citation> citations,
                        CitationKeys.Keys cited, CitationKeys.Keys claimsAdministratorCited) {
        /** The guideline library entry ids cited by the reviewer of this item. */
        public Set<String> citedIds() {
            Set<String> ids = new LinkedHashSet<>();
            citations.forEach(c -> ids.add(c.guidelineId()));
            return ids;
        }
    }

    /** A ranked precedent item. */
    public record Hit(Entry entry, float score) {
    }

    private final ByteBuffersDirectory dir = new ByteBuffersDirectory();
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final List<Entry> entries = new ArrayList<>();
    private final GuidelineLibrary lib;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    private PrecedentIndex(Collection<Precedent> precedents, GuidelineLibrary lib) throws IOException {
        this.lib = lib;
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
            for (Precedent p : precedents) {
                for (PrecedentItem item : p.items()) {
                    String request = BodyParts.decidedPart(item.request());
                    List<Citation> cited = citations(item.reviewerGuideline(), lib);
                    Entry e = new Entry(p, item, categoryOf(request), cited, CitationKeys.of(cited, lib),
                            CitationKeys.of(item.claimsAdministratorGuideline(), lib));
                    Document d = new Document();
                    d.add(new TextField(F_REQUEST, request, Field.Store.NO));
                    for (String region : BodyParts.of(request)) {
                        d.add(new StringField(F_REGION, region, Field.Store.NO));
                    }
                    for (String region : BodyParts.of(p.clinicalSummary())) {
                        d.add(new StringField(F_SREGION, region, Field.Store.NO));
                    }
                    d.add(new TextField(F_SUMMARY, p.clinicalSummary() == null ? "" : p.clinicalSummary(),
                            Field.Store.NO));
                    d.add(new TextField(F_RATIONALE, item.rationale() == null ? "" : item.rationale(),
                            Field.Store.NO));
                    for (String g : e.cited().guidelines()) {
                        d.add(new StringField(F_CITED, g, Field.Store.NO));
                    }
                    for (String g : e.claimsAdministratorCited().guidelines()) {
                        d.add(new StringField(F_UR_CITED, g, Field.Store.NO));
                    }
                    d.add(new StringField(F_CATEGORY, e.category(), Field.Store.NO));
                    d.add(new StringField(F_CASE, p.caseNumber(), Field.Store.NO));
                    d.add(new StoredField(F_ORD, entries.size()));
                    entries.add(e);
                    w.addDocument(d);
                }
            }
            w.forceMerge(1);
        }
        reader = DirectoryReader.open(dir);
        searcher = new IndexSearcher(reader);
    }

    /** Indexes every item of these precedents; the guideline library reads their citations. */
    public static PrecedentIndex build(Collection<Precedent> precedents, GuidelineLibrary lib) {
        try {
            return new PrecedentIndex(precedents, lib);
        } catch (IOException e) {
            throw new UncheckedIOException("the in-memory precedent index could not be built", e);
        }
    }

    /** The treatment category of a request, as the rationale builder suggests it. */
    public static String categoryOf(String request) {
        return CategorySuggester.suggest(BodyParts.decidedPart(request)).key();
    }

    /** The reviewer's citations of a guideline line, or none when it cites none or cannot be read. */
    public static List<Citation> citations(String reviewerGuideline, GuidelineLibrary lib) {
        if (reviewerGuideline == null || reviewerGuideline.isBlank()) {
            return List.of();
        }
        try {
            return CitationText.parse(reviewerGuideline, lib);
        } catch (CitationParseException | UnknownGuidelineException e) {
            return List.of();
        }
    }

    public int size() {
        return entries.size();
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /**
     * What an item under review offers to find its precedents by: its request, its case's clinical summary, its
     * treatment category (null: suggested from the request), the claims administrator's guideline line from the
     * utilization review (null if unknown) and a case to leave out (the case itself).
     */
    public record Query(String request, String summary, String category, String claimsAdministratorGuideline,
                        String excludeCaseNumber) {
    }

    /**
     * The weights of the similarity: BM25 of the request against precedents' requests and rationales, of the
     * summary against their summaries, boosts for the body region, the category, and for precedents whose
     * reviewer (or claims administrator) cited a guideline the item's claims administrator cited.
     */
    public record Weights(float request, float requestInRationale, float summary, float region, float summaryRegion,
                          float category, float urCitedByReviewer, float urCitedByUr, float otherDecision,
                          float otherGuideline) {
        /** Chosen on the 47 development letters (see docs/benchmarks.md, issue 15). */
        public static final Weights DEFAULT = new Weights(REQUEST_WEIGHT, 1f, SUMMARY_WEIGHT, REGION_WEIGHT,
                SUMMARY_REGION_WEIGHT, CATEGORY_WEIGHT, 4f, 2f, 0.1f, 0.2f);
        /** The ranking before issue 15's second round: no rationale field and no claims administrator citation. */
        public static final Weights PLAIN = new Weights(REQUEST_WEIGHT, 0f, SUMMARY_WEIGHT, REGION_WEIGHT,
                SUMMARY_REGION_WEIGHT, CATEGORY_WEIGHT, 0f, 0f, 0f, 0f);

        public Weights withDiversity(float decision, float guideline) {
            return new Weights(request, requestInRationale, summary, region, summaryRegion, category,
                    urCitedByReviewer, urCitedByUr, decision, guideline);
        }
    }

    /**
     * The precedent items most similar to an item: its request and its case's clinical summary, within the
     * category ({@code null} for every category); {@code excludeCaseNumber} leaves one case out (the case itself).
     */
    public List<Hit> similar(String request, String summary, String category, String excludeCaseNumber, int limit) {
        return similar(new Query(request, summary, category, null, excludeCaseNumber), Weights.DEFAULT, limit);
    }

    /** The precedent items most similar to an item under review, the most similar first. */
    public List<Hit> similar(Query query, int limit) {
        return similar(query, Weights.DEFAULT, limit);
    }

    /** The same with other weights (the benchmark compares them). */
    public List<Hit> similar(Query query, Weights w, int limit) {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        String decided = BodyParts.decidedPart(query.request());
        int maxRequest = IndexSearcher.getMaxClauseCount() / 8;
        addTerms(q, F_REQUEST, decided, w.request(), maxRequest);
        addTerms(q, F_RATIONALE, decided, w.requestInRationale(), maxRequest);
        Set<String> regions = BodyParts.of(decided);
        for (String region : regions) {
            add(q, new TermQuery(new Term(F_REGION, region)), w.region());
        }
        if (regions.isEmpty()) {
            // a request that names no body part ("Jamar grip test") is about the injury the summary describes
            for (String region : BodyParts.of(query.summary())) {
                add(q, new TermQuery(new Term(F_SREGION, region)), w.summaryRegion());
            }
        }
        addTerms(q, F_SUMMARY, query.summary(), w.summary(), MAX_SUMMARY_TERMS);
        String ur = query.claimsAdministratorGuideline();
        if (ur != null && !ur.isBlank() && (w.urCitedByReviewer() > 0 || w.urCitedByUr() > 0)) {
            for (String g : CitationKeys.of(ur, lib).guidelines()) {
                add(q, new TermQuery(new Term(F_CITED, g)), w.urCitedByReviewer());
                add(q, new TermQuery(new Term(F_UR_CITED, g)), w.urCitedByUr());
            }
        }
        String category = query.category() == null || query.category().isBlank() ? categoryOf(decided)
                : query.category();
        if (w.otherDecision() <= 0 && w.otherGuideline() <= 0) {
            return run(q, category, w.category(), false, query.excludeCaseNumber(), limit);
        }
        return diversified(run(q, category, w.category(), false, query.excludeCaseNumber(),
                Math.max(limit, CANDIDATES)), w, limit);
    }

    /**
     * The hits in the order shown: the most similar first, but a hit whose decision, or whose cited guideline
     * for that decision, the hits above it do not show yet is brought forward by a share of the best score
     * ({@code otherDecision}, {@code otherGuideline}), so that the first rows show how the request was decided
     * both ways and under which guidelines, rather than five copies of the commonest answer.
     */
    static List<Hit> diversified(List<Hit> hits, Weights w, int limit) {
        if (hits.isEmpty()) {
            return hits;
        }
        float best = hits.get(0).score();
        List<Hit> left = new ArrayList<>(hits);
        List<Hit> out = new ArrayList<>();
        Set<Decision> decisions = java.util.EnumSet.noneOf(Decision.class);
        Set<String> shown = new java.util.HashSet<>();
        while (out.size() < limit && !left.isEmpty()) {
            Hit pick = null;
            float pickValue = Float.NEGATIVE_INFINITY;
            for (Hit h : left) {
                Decision d = h.entry().item().decision();
                float value = h.score() / best;
                if (!out.isEmpty() && !decisions.contains(d)) {
                    value += w.otherDecision();
                }
                if (!out.isEmpty() && h.entry().cited().guidelines().stream().anyMatch(g -> !shown.contains(d + g))) {
                    value += w.otherGuideline();
                }
                if (value > pickValue) {
                    pick = h;
                    pickValue = value;
                }
            }
            left.remove(pick);
            out.add(pick);
            Decision d = pick.entry().item().decision();
            decisions.add(d);
            pick.entry().cited().guidelines().forEach(g -> shown.add(d + g));
        }
        return out;
    }

    private static void add(BooleanQuery.Builder q, org.apache.lucene.search.Query clause, float weight) {
        if (weight > 0) {
            q.add(new BoostQuery(clause, weight), Occur.SHOULD);
        }
    }

    /** Free-text search (the command line): the words against request and summary, only in the category if given. */
    public List<Hit> search(String text, String category, int limit) {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        addTerms(q, F_REQUEST, text, REQUEST_WEIGHT, 200);
        addTerms(q, F_SUMMARY, text, SUMMARY_WEIGHT, 200);
        return run(q, category, CATEGORY_WEIGHT, true, null, limit);
    }

    private List<Hit> run(BooleanQuery.Builder q, String category, float categoryWeight, boolean strictCategory,
                          String excludeCaseNumber, int limit) {
        if (entries.isEmpty() || limit <= 0) {
            return List.of();
        }
        BooleanQuery built = q.build();
        BooleanQuery.Builder full = new BooleanQuery.Builder();
        boolean any = !built.clauses().isEmpty();
        full.add(any ? built : new MatchAllDocsQuery(), any ? Occur.MUST : Occur.FILTER);
        if (category != null && !category.isBlank()) {
            // measured on the 47 development letters: for similar items the category as a strong boost finds more
            // precedents with a guideline in common than as a strict filter (76% against 73%): suggestions err
            TermQuery inCategory = new TermQuery(new Term(F_CATEGORY, category));
            if (strictCategory) {
                full.add(inCategory, Occur.FILTER);
            } else if (categoryWeight > 0) {
                full.add(new BoostQuery(inCategory, categoryWeight), Occur.SHOULD);
            }
        }
        if (excludeCaseNumber != null) {
            full.add(new TermQuery(new Term(F_CASE, excludeCaseNumber)), Occur.MUST_NOT);
        }
        try {
            List<Hit> hits = new ArrayList<>();
            var stored = searcher.storedFields();
            for (ScoreDoc sd : searcher.search(full.build(), limit).scoreDocs) {
                int ord = stored.document(sd.doc).getField(F_ORD).numericValue().intValue();
                hits.add(new Hit(entries.get(ord), sd.score));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException("the in-memory precedent index could not be searched", e);
        }
    }

    private void addTerms(BooleanQuery.Builder q, String field, String text, float weight, int max) {
        if (text == null || text.isBlank()) {
            return;
        }
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && terms.size() < max) {
                terms.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String t : terms) {
            q.add(new BoostQuery(new TermQuery(new Term(field, t)), weight), Occur.SHOULD);
        }
    }

    /**
     * What the most similar precedents cited, as weights for the guideline picker: each cited library entry
     * gets 1/(rank+1) from every hit that cites it, scaled so the largest weight is 1. Entry id to weight, the
     * heaviest first.
     */
    public static Map<String, Double> citedBoost(List<Hit> hits) {
        Map<String, Double> w = new LinkedHashMap<>();
        for (int i = 0; i < hits.size(); i++) {
            double add = 1.0 / (i + 1);
            for (String id : hits.get(i).entry().citedIds()) {
                w.merge(id, add, Double::sum);
            }
        }
        double max = w.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        Map<String, Double> out = new LinkedHashMap<>();
        w.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> out.put(e.getKey(), e.getValue() / max));
        return out;
    }

    @Override
    public void close() {
        try {
            reader.close();
            dir.close();
        } catch (IOException e) {
            // memory only: nothing to lose
        }
        analyzer.close();
    }
}
