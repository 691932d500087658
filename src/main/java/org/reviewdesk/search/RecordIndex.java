package org.reviewdesk.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.util.CharTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.reviewdesk.search.Query.Clause;

/**
 * The persistent search index of the record pages: a Lucene index in an {@link EncryptedDirectory}, one
 * Lucene document per page with its words and positions (for phrases) but not its text, which stays in
 * the encrypted store and is read for the hits that are shown. Ranked by BM25; pages that contain every
 * part of the query rank above pages that contain only some. Updated page by page and committed after
 * each stored document; a commit is atomic, so a crash leaves the last committed state (the service
 * repairs the difference to the store in the background). Thread-safe.
 *
 * <p>Phrases of common words: besides its words, a page's adjacent pairs of <em>common</em> words are indexed
 * as one term each in the field {@code pairs} (at the first word's position), so that a phrase of common
 * words ("of the", "physical therapy" in a therapist's archive) is one lookup of a much rarer pair term
 * instead of the positions of two words found on nearly every page. The common words are chosen from the
 * index's own document frequencies (see {@link #chooseCommonWords}); each page records the generation of
 * the set it was indexed with, and a query uses pair terms only for words that every live page was indexed
 * with (the {@linkplain #readyCommonWords() ready} set), so a change of the set, or an index written before
 * pairs existed (format 1), answers by word positions until the re-indexing in the background is done.
 */
public final class RecordIndex implements Closeable {
    /** Pages with every part of the query score above this; pages with some parts score below it. */
    private static final float COMPLETE = 10_000f;
    private static final int MAX_PREFIX_TERMS = 256;
    private static final char SEP = '\u0001';
    /** The layout this code writes: 2 = words plus pairs of common words (1 had the words only). */
    static final String FORMAT = "2";
    /** An index of fewer pages keeps the seed list; from this many, its own frequencies choose. */
    static final int CHOOSE_FROM_PAGES = 1_000;
    /** A word is common when it is on at least this share of the pages ... */
    static final double COMMON_SHARE = 0.10;
    /** ... and among the this many most frequent such words. */
    static final int MAX_COMMON = 128;
    private static final Set<String> SEED = seed();
    private static final FieldType PAIRS_TYPE = new FieldType();

    static {
        PAIRS_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        PAIRS_TYPE.setTokenized(true);
        PAIRS_TYPE.setStored(false);
        PAIRS_TYPE.freeze();
    }

    /** Which page: case, document, 1-based page number. */
    public record PageKey(String caseNumber, String documentId, int page) {
    }

    /** A ranked hit: the page, its score, whether it has every part of the query. */
    public record Found(PageKey page, float score, boolean complete) {
    }

    /**
     * Letters and digits, lower-cased: the same words as {@link Tokenizer}, so marks match hits (the words of
     * the field {@code text}; {@link Fields} adds the pairs).
     */
    static final Analyzer ANALYZER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            CharTokenizer source = CharTokenizer.fromTokenCharPredicate(Character::isLetterOrDigit);
            return new TokenStreamComponents(source, new LowerCaseFilter(source));
        }
    };

    /**
     * The common words: {@code indexing} is what pages are indexed with now (generation {@code gen}),
     * {@code ready} what every live page has pairs for (the words a query may use pairs of), {@code pagesAt}
     * the index's size when {@code indexing} was chosen.
     */
    private record Common(int gen, Set<String> indexing, Set<String> ready, int pagesAt) {
        Map<String, String> userData() {
            return Map.of("format", FORMAT, "common.gen", Integer.toString(gen),
                    "common.words", String.join(" ", new TreeSet<>(indexing)),
                    "common.ready", String.join(" ", new TreeSet<>(ready)), "common.pages", Integer.toString(pagesAt));
        }

        static Set<String> words(String joined) {
            return joined == null || joined.isBlank() ? Set.of() : Set.of(joined.split(" "));
        }
    }

    private final org.apache.lucene.store.Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** Puts hold it shared, a change of the common words exclusively: a page's pairs match its generation. */
    private final ReentrantReadWriteLock switching = new ReentrantReadWriteLock();
    private volatile Common common;
    private volatile CharArraySet indexingSet;

    private RecordIndex(org.apache.lucene.store.Directory directory, IndexWriter writer) throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
    }

    /**
     * The analyzer of one index: words for {@code text}, noting on the way the common words and their
     * positions, from which {@code pairs} (analysed next, on the same thread) makes its pairs: each page is
     * split into words once.
     */
    private static final class Fields extends Analyzer {
        volatile RecordIndex owner;
        private final ThreadLocal<Recording> recordings = ThreadLocal.withInitial(Recording::new);

        Fields() {
            super(PER_FIELD_REUSE_STRATEGY);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            if ("pairs".equals(fieldName)) {
                PairReplay pairs = new PairReplay(recordings.get());
                return new TokenStreamComponents(pairs);
            }
            CharTokenizer source = CharTokenizer.fromTokenCharPredicate(Character::isLetterOrDigit);
            TokenStream words = new LowerCaseFilter(source);
            if ("text".equals(fieldName)) {
                words = new CommonRecorder(words, () -> owner.indexingSet, recordings.get());
            }
            return new TokenStreamComponents(source, words);
        }
    }

    /** The common words of the page last analysed on one thread, in order, with their positions. */
    static final class Recording {
        char[] chars = new char[4096];
        int[] starts = new int[512];
        int[] lengths = new int[512];
        int[] positions = new int[512];
        int count;
        int used;

        void clear() {
            count = 0;
            used = 0;
        }

        void add(char[] buffer, int length, int position) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                lengths = Arrays.copyOf(lengths, count * 2);
                positions = Arrays.copyOf(positions, count * 2);
            }
            if (used + length > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + length));
            }
            System.arraycopy(buffer, 0, chars, used, length);
            starts[count] = used;
            lengths[count] = length;
            positions[count++] = position;
            used += length;
        }
    }

    /** Passes the words of {@code text} through and notes the common ones, with their positions. */
    static final class CommonRecorder extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final Supplier<CharArraySet> common;
        private final Recording recording;
        private CharArraySet set;
        private int position;

        CommonRecorder(TokenStream in, Supplier<CharArraySet> common, Recording recording) {
            super(in);
            this.common = common;
            this.recording = recording;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            recording.clear();
            set = common.get();
            position = -1;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            position += increment.getPositionIncrement();
            if (!set.isEmpty() && set.contains(term.buffer(), 0, term.length())) {
                recording.add(term.buffer(), term.length(), position);
            }
            return true;
        }
    }

    /**
     * The pairs of adjacent common words ("of the") that {@link CommonRecorder} noted for the page's words,
     * each at the position of its first word, so that pairs can also be matched as a phrase of pairs (three or
     * more common words). Its own text (empty) is not read.
     */
    static final class PairReplay extends org.apache.lucene.analysis.Tokenizer {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final Recording recording;
        private int next;
        private int lastOut;

        PairReplay(Recording recording) {
            this.recording = recording;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 1;
            lastOut = -1;
        }

        @Override
        public boolean incrementToken() {
            clearAttributes();
            Recording r = recording;
            while (next < r.count) {
                int k = next++;
                int first = r.positions[k - 1];
                if (r.positions[k] == first + 1) {
                    int a = r.lengths[k - 1];
                    int b = r.lengths[k];
                    char[] out = term.resizeBuffer(a + 1 + b);
                    System.arraycopy(r.chars, r.starts[k - 1], out, 0, a);
                    out[a] = ' ';
                    System.arraycopy(r.chars, r.starts[k], out, a + 1, b);
                    term.setLength(a + 1 + b);
                    increment.setPositionIncrement(first - lastOut);
                    lastOut = first;
                    return true;
                }
            }
            return false;
        }
    }

    private static Set<String> seed() {
        Set<String> out = new LinkedHashSet<>();
        try (InputStream in = RecordIndex.class.getResourceAsStream("seed-common-words.txt")) {
            if (in == null) {
                throw new IllegalStateException("seed-common-words.txt is missing from the build");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.startsWith("#")) {
                    for (Tokenizer.Token t : Tokenizer.tokens(line)) {
                        out.add(t.term());
                    }
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Collections.unmodifiableSet(out);
    }

    /** The seed list of common words a new index starts with (English function words). */
    public static Set<String> seedCommonWords() {
        return SEED;
    }

    private void setCommon(Common c) {
        common = c;
        CharArraySet set = new CharArraySet(c.indexing(), false);
        indexingSet = CharArraySet.unmodifiableSet(set);
        writer.setLiveCommitData(c.userData().entrySet(), true);
    }

    /** Opens the index in {@code folder} (creating it when empty); a wrong key fails here. */
    public static RecordIndex open(Path folder, byte[] key) throws IOException {
        return open(new EncryptedDirectory(folder, key));
    }

    /**
     * An index held in memory only, for a store on read-only media (nothing can be written beside it):
     * filled from the store's page texts, gone when the store closes.
     */
    public static RecordIndex inMemory() throws IOException {
        return open(new org.apache.lucene.store.ByteBuffersDirectory());
    }

    /** A new index in {@code folder} that starts with the given common words instead of the seed (benchmarks). */
    static RecordIndex openNew(Path folder, byte[] key, Set<String> commonWords) throws IOException {
        RecordIndex index = open(new EncryptedDirectory(folder, key));
        if (index.pageCount() > 0) {
            index.close();
            throw new IOException(folder + " holds an index already");
        }
        Set<String> words = Set.copyOf(commonWords);
        index.setCommon(new Common(1, words, words, 0));
        return index;
    }

    /** The words on at least {@value #COMMON_SHARE} of an index's pages, at most {@value #MAX_COMMON}. */
    static Set<String> frequentWords(IndexReader reader) throws IOException {
        return frequentWords(reader, MAX_COMMON);
    }

    /** The words on at least {@value #COMMON_SHARE} of an index's pages, the {@code max} most frequent. */
    static Set<String> frequentWords(IndexReader reader, int max) throws IOException {
        Terms terms = MultiTerms.getTerms(reader, "text");
        if (terms == null) {
            return Set.of();
        }
        int min = (int) Math.ceil(reader.numDocs() * COMMON_SHARE);
        List<Map.Entry<String, Integer>> frequent = new ArrayList<>();
        TermsEnum te = terms.iterator();
        for (BytesRef t = te.next(); t != null; t = te.next()) {
            if (te.docFreq() >= min) {
                frequent.add(Map.entry(t.utf8ToString(), te.docFreq()));
            }
        }
        frequent.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        Set<String> out = new HashSet<>();
        for (int i = 0; i < frequent.size() && i < max; i++) {
            out.add(frequent.get(i).getKey());
        }
        return out;
    }

    private static RecordIndex open(org.apache.lucene.store.Directory dir) throws IOException {
        try {
            Fields fields = new Fields();
            IndexWriterConfig config = new IndexWriterConfig(fields)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(16)
                    .setCommitOnClose(true);
            ConcurrentMergeScheduler merges = new ConcurrentMergeScheduler();
            merges.setMaxMergesAndThreads(2, 1);
            config.setMergeScheduler(merges);
            IndexWriter w = new IndexWriter(dir, config);
            try {
                RecordIndex index = new RecordIndex(dir, w);
                fields.owner = index;
                // read every segment once: a wrong key or a damaged file fails now, not at the first search
                int pages = index.pageCount();
                Map<String, String> data = new HashMap<>();
                Iterable<Map.Entry<String, String>> live = w.getLiveCommitData();
                if (live != null) {
                    live.forEach(e -> data.put(e.getKey(), e.getValue()));
                }
                if (FORMAT.equals(data.get("format"))) {
                    index.common = new Common(Integer.parseInt(data.get("common.gen")),
                            Common.words(data.get("common.words")), Common.words(data.get("common.ready")),
                            Integer.parseInt(data.get("common.pages")));
                    index.indexingSet = CharArraySet.unmodifiableSet(new CharArraySet(index.common.indexing(), false));
                    if (!index.common.ready().isEmpty() && index.pagesOfCurrentGeneration() != pages) {
                        // pages without this generation (written by an older ReviewDesk after the upgrade): no
                        // pair can be trusted until they are indexed again
                        Common c = index.common;
                        index.setCommon(new Common(c.gen(), c.indexing(), Set.of(), c.pagesAt()));
                    }
                } else if (pages == 0) {
                    // new (or empty): the seed list, ready at once
                    index.setCommon(new Common(1, SEED, SEED, 0));
                } else {
                    // format 1 (no pairs): answered by word positions until every page is indexed again;
                    // the pages of format 1 have no generation, so all of them are stale for generation 1
                    index.setCommon(new Common(1, SEED, Set.of(), 0));
                }
                return index;
            } catch (IOException | RuntimeException e) {
                w.rollback();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    static int maxEdits(String word) {
        return word.length() <= 2 ? 0 : word.length() <= 5 ? 1 : 2;
    }

    private static String id(PageKey k) {
        return k.caseNumber() + SEP + k.documentId() + SEP + k.page();
    }

    private static String docKey(String caseNumber, String documentId) {
        return caseNumber + SEP + documentId;
    }

    /** Adds a page, or replaces it if it is indexed already (OCR text arriving later). */
    public void put(PageKey key, String text) throws IOException {
        String id = id(key);
        Document d = new Document();
        d.add(new StringField("id", id, Field.Store.NO));
        d.add(new StringField("case", key.caseNumber(), Field.Store.NO));
        d.add(new StringField("doc", docKey(key.caseNumber(), key.documentId()), Field.Store.NO));
        d.add(new StoredField("key", id));
        String t = text == null ? "" : text;
        d.add(new TextField("text", t, Field.Store.NO));
        // analysed after "text", from the common words it noted (see Fields): the text is not split again
        d.add(new Field("pairs", "", PAIRS_TYPE));
        switching.readLock().lock();
        try {
            d.add(new StringField("gen", Integer.toString(common.gen()), Field.Store.NO));
            writer.updateDocument(new Term("id", id), d);
        } finally {
            switching.readLock().unlock();
        }
    }

    /** The common words pages are indexed with now, and those every page has pairs of (for tests, benchmarks). */
    public Set<String> indexingCommonWords() {
        return common.indexing();
    }

    /** The common words whose pairs every live page has: a phrase of them is looked up by its pairs. */
    public Set<String> readyCommonWords() {
        return common.ready();
    }

    /**
     * Chooses the common words anew from the index's own document frequencies when it holds at least
     * {@value #CHOOSE_FROM_PAGES} pages and has grown fourfold since the last choice (the seed list counts
     * as chosen at 0 pages): the words on at least {@value #COMMON_SHARE} of the pages, the
     * {@value #MAX_COMMON} most frequent at most. New pages are indexed with the new words at once; a
     * query keeps to the words both sets share until {@link #staleDocuments()} have been indexed again
     * and {@link #commonWordsReady()} is called. Returns whether pages are to be indexed again.
     */
    public boolean chooseCommonWords() throws IOException {
        Common c = common;
        int pages = pageCount();
        if (pages >= CHOOSE_FROM_PAGES && pages >= 4L * c.pagesAt()) {
            Set<String> chosen = frequentWords();
            switching.writeLock().lock();
            try {
                Common now = common;
                if (chosen.equals(now.indexing())) {
                    setCommon(new Common(now.gen(), now.indexing(), now.ready(), pages));
                } else {
                    Set<String> both = new HashSet<>(now.ready());
                    both.retainAll(chosen);
                    setCommon(new Common(now.gen() + 1, Set.copyOf(chosen), Set.copyOf(both), pages));
                }
                writer.commit();
            } finally {
                switching.writeLock().unlock();
            }
        }
        return !common.ready().equals(common.indexing());
    }

    private Set<String> frequentWords() throws IOException {
        searchers.maybeRefresh();
        IndexSearcher s = searchers.acquire();
        try {
            return frequentWords(s.getIndexReader());
        } finally {
            searchers.release(s);
        }
    }

    private int pagesOfCurrentGeneration() throws IOException {
        searchers.maybeRefresh();
        IndexSearcher s = searchers.acquire();
        try {
            return s.count(new TermQuery(new Term("gen", Integer.toString(common.gen()))));
        } finally {
            searchers.release(s);
        }
    }

    /**
     * The documents ("case", "document") with a live page indexed with other common words than the current
     * ones (or with none: format 1): what the background pass indexes again from the store.
     */
    public Set<List<String>> staleDocuments() throws IOException {
        searchers.maybeRefresh();
        IndexSearcher s = searchers.acquire();
        try {
            Term current = new Term("gen", Integer.toString(common.gen()));
            Set<List<String>> out = new HashSet<>();
            PostingsEnum postings = null;
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                Terms terms = leaf.reader().terms("doc");
                if (terms == null) {
                    continue;
                }
                int max = leaf.reader().maxDoc();
                FixedBitSet upToDate = new FixedBitSet(max);
                PostingsEnum gen = leaf.reader().postings(current, PostingsEnum.NONE);
                if (gen != null) {
                    for (int d = gen.nextDoc(); d != PostingsEnum.NO_MORE_DOCS; d = gen.nextDoc()) {
                        upToDate.set(d);
                    }
                }
                Bits live = leaf.reader().getLiveDocs();
                TermsEnum te = terms.iterator();
                for (BytesRef t = te.next(); t != null; t = te.next()) {
                    postings = te.postings(postings, PostingsEnum.NONE);
                    for (int d = postings.nextDoc(); d != PostingsEnum.NO_MORE_DOCS; d = postings.nextDoc()) {
                        if ((live == null || live.get(d)) && !upToDate.get(d)) {
                            String k = t.utf8ToString();
                            int sep = k.indexOf(SEP);
                            out.add(List.of(k.substring(0, sep), k.substring(sep + 1)));
                            break;
                        }
                    }
                }
            }
            return out;
        } finally {
            searchers.release(s);
        }
    }

    /**
     * Every live page is now indexed with the current common words (the caller has indexed the
     * {@link #staleDocuments()} again): queries use pairs of all of them from now on. Durable when it returns;
     * false (and nothing changed) if a stale page is left.
     */
    public boolean commonWordsReady() throws IOException {
        switching.writeLock().lock();
        try {
            if (!staleDocuments().isEmpty()) {
                return false;
            }
            Common c = common;
            if (!c.ready().equals(c.indexing())) {
                setCommon(new Common(c.gen(), c.indexing(), c.indexing(), c.pagesAt()));
            }
            writer.commit();
            return true;
        } finally {
            switching.writeLock().unlock();
        }
    }

    public void removeDocument(String caseNumber, String documentId) throws IOException {
        writer.deleteDocuments(new Term("doc", docKey(caseNumber, documentId)));
    }

    public void removeCase(String caseNumber) throws IOException {
        writer.deleteDocuments(new Term("case", caseNumber));
    }

    /** Makes everything added so far durable (atomically). */
    public void commit() throws IOException {
        if (writer.hasUncommittedChanges()) {
            writer.commit();
        }
    }

    /** The pages in the index (those added since the last commit included). */
    public int pageCount() throws IOException {
        searchers.maybeRefresh();
        IndexSearcher s = searchers.acquire();
        try {
            return s.getIndexReader().numDocs();
        } finally {
            searchers.release(s);
        }
    }

    /** Live pages per document ("case", "document") as the index has them: what the repair compares. */
    public Map<List<String>, Integer> pagesPerDocument() throws IOException {
        searchers.maybeRefresh();
        IndexSearcher s = searchers.acquire();
        try {
            Map<List<String>, Integer> out = new HashMap<>();
            PostingsEnum postings = null;
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                Terms terms = leaf.reader().terms("doc");
                if (terms == null) {
                    continue;
                }
                Bits live = leaf.reader().getLiveDocs();
                TermsEnum te = terms.iterator();
                for (BytesRef t = te.next(); t != null; t = te.next()) {
                    postings = te.postings(postings, PostingsEnum.NONE);
                    int n = 0;
                    for (int d = postings.nextDoc(); d != PostingsEnum.NO_MORE_DOCS; d = postings.nextDoc()) {
                        if (live == null || live.get(d)) {
                            n++;
                        }
                    }
                    if (n > 0) {
                        String k = t.utf8ToString();
                        int sep = k.indexOf(SEP);
                        out.merge(List.of(k.substring(0, sep), k.substring(sep + 1)), n, Integer::sum);
                    }
                }
            }
            return out;
        } finally {
            searchers.release(s);
        }
    }

    /**
     * The best {@code limit} pages for the query, within one case or all (null), best first. With
     * {@code fuzzy}, whole words also match words one or two letters off.
     */
    public List<Found> search(Query q, String caseNumber, int limit, boolean fuzzy) throws IOException {
        if (q.isEmpty() || limit <= 0) {
            return List.of();
        }
        Query query = fuzzy ? q.fuzzy() : q;
        searchers.maybeRefresh();
        IndexSearcher s = searchers.acquire();
        try {
            List<org.apache.lucene.search.Query> parts = new ArrayList<>();
            Set<String> ready = common.ready();
            for (Clause c : query.clauses()) {
                parts.add(clause(c, s.getIndexReader(), ready));
            }
            org.apache.lucene.search.Query main;
            if (parts.size() == 1) {
                main = parts.get(0);
            } else {
                BooleanQuery.Builder all = new BooleanQuery.Builder();
                BooleanQuery.Builder any = new BooleanQuery.Builder();
                for (org.apache.lucene.search.Query p : parts) {
                    all.add(p, Occur.MUST);
                    any.add(p, Occur.SHOULD);
                }
                main = new BooleanQuery.Builder()
                        .add(new BoostQuery(new ConstantScoreQuery(all.build()), COMPLETE), Occur.SHOULD)
                        .add(any.build(), Occur.MUST)
                        .build();
            }
            if (caseNumber != null) {
                main = new BooleanQuery.Builder().add(main, Occur.MUST)
                        .add(new TermQuery(new Term("case", caseNumber)), Occur.FILTER).build();
            }
            TopDocs top = s.search(main, limit);
            StoredFields stored = s.storedFields();
            List<Found> out = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc sd : top.scoreDocs) {
                String k = stored.document(sd.doc, Set.of("key")).get("key");
                int a = k.indexOf(SEP);
                int b = k.lastIndexOf(SEP);
                PageKey key = new PageKey(k.substring(0, a), k.substring(a + 1, b), Integer.parseInt(k.substring(b + 1)));
                out.add(new Found(key, sd.score, parts.size() == 1 || sd.score >= COMPLETE));
            }
            return out;
        } catch (IndexSearcher.TooManyClauses e) {
            // Lucene's own message ("maxClauseCount is set to 1024") says nothing to a reviewer
            throw new IOException(String.format(java.util.Locale.ROOT, "the query has more words and phrases than "
                    + "one search can hold (%,d); search with fewer", IndexSearcher.getMaxClauseCount()), e);
        } finally {
            searchers.release(s);
        }
    }

    static org.apache.lucene.search.Query clause(Clause c, IndexReader reader, Set<String> readyCommon)
            throws IOException {
        List<String> words = c.words();
        if (words.size() == 1) {
            Term t = new Term("text", words.get(0));
            if (c.lastIsPrefix()) {
                return new PrefixQuery(t);
            }
            if (c.fuzzy() && maxEdits(words.get(0)) > 0) {
                return new FuzzyQuery(t, maxEdits(words.get(0)), 1, 50, true);
            }
            return new TermQuery(t);
        }
        if (!c.lastIsPrefix()) {
            if (readyCommon.containsAll(words)) {
                // a phrase of common words: its pairs, far rarer than its words, and no positions for two words
                return pairs(words);
            }
            return new PhraseQuery("text", words.toArray(new String[0]));
        }
        MultiPhraseQuery.Builder b = new MultiPhraseQuery.Builder();
        for (int i = 0; i < words.size() - 1; i++) {
            b.add(new Term("text", words.get(i)));
        }
        List<Term> expanded = expand(reader, words.get(words.size() - 1));
        if (expanded.isEmpty()) {
            return new MatchNoDocsQuery("no word starts with the phrase's last word");
        }
        List<String> fixed = words.subList(0, words.size() - 1);
        if (readyCommon.containsAll(fixed)) {
            // common words, then a prefix: the completions that are common words too are looked up by pairs
            // (the slow case of positions on nearly every page), the others by positions (rarer words)
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            List<Term> rest = new ArrayList<>();
            for (Term t : expanded) {
                if (readyCommon.contains(t.text())) {
                    List<String> full = new ArrayList<>(fixed);
                    full.add(t.text());
                    any.add(pairs(full), Occur.SHOULD);
                } else {
                    rest.add(t);
                }
            }
            if (rest.size() < expanded.size()) {
                if (!rest.isEmpty()) {
                    b.add(rest.toArray(new Term[0]));
                    any.add(b.build(), Occur.SHOULD);
                }
                return any.build();
            }
        }
        b.add(expanded.toArray(new Term[0]));
        return b.build();
    }

    /** A phrase of common words (all of them ready) as its pairs: one term for two words. */
    private static org.apache.lucene.search.Query pairs(List<String> words) {
        if (words.size() == 2) {
            return new TermQuery(new Term("pairs", words.get(0) + " " + words.get(1)));
        }
        PhraseQuery.Builder b = new PhraseQuery.Builder();
        for (int i = 0; i + 1 < words.size(); i++) {
            b.add(new Term("pairs", words.get(i) + " " + words.get(i + 1)), i);
        }
        return b.build();
    }

    /** The indexed words that start with {@code prefix}, at most {@value #MAX_PREFIX_TERMS}. */
    private static List<Term> expand(IndexReader reader, String prefix) throws IOException {
        List<Term> out = new ArrayList<>();
        Terms terms = MultiTerms.getTerms(reader, "text");
        if (terms == null) {
            return out;
        }
        TermsEnum te = terms.iterator();
        BytesRef p = new BytesRef(prefix);
        if (te.seekCeil(p) == TermsEnum.SeekStatus.END) {
            return out;
        }
        for (BytesRef t = te.term(); t != null && out.size() < MAX_PREFIX_TERMS; t = te.next()) {
            if (!org.apache.lucene.util.StringHelper.startsWith(t, p)) {
                break;
            }
            out.add(new Term("text", BytesRef.deepCopyOf(t)));
        }
        return out;
    }

    /** Whether the folder holds an index (a committed one). */
    public static boolean exists(Path folder) {
        try (var d = new org.apache.lucene.store.NIOFSDirectory(folder)) {
            return DirectoryReader.indexExists(d);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
            writer.close();
        } finally {
            directory.close();
        }
    }
}
