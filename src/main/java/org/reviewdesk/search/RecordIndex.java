package org.reviewdesk.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.util.CharTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
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
import org.reviewdesk.search.Query.Clause;

/**
 * The persistent search index of the record pages: a Lucene index in an {@link EncryptedDirectory}, one
 * Lucene document per page with its words and positions (for phrases) but not its text, which stays in
 * the encrypted store and is read for the hits that are shown. Ranked by BM25; pages that contain every
 * part of the query rank above pages that contain only some. Updated page by page and committed after
 * each stored document; a commit is atomic, so a crash leaves the last committed state (the service
 * repairs the difference to the store in the background). Thread-safe.
 */
public final class RecordIndex implements Closeable {
    /** Pages with every part of the query score above this; pages with some parts score below it. */
    private static final float COMPLETE = 10_000f;
    private static final int MAX_PREFIX_TERMS = 256;
    private static final char SEP = '\u0001';

    /** Which page: case, document, 1-based page number. */
    public record PageKey(String caseNumber, String documentId, int page) {
    }

    /** A ranked hit: the page, its score, whether it has every part of the query. */
    public record Found(PageKey page, float score, boolean complete) {
    }

    /** Letters and digits, lower-cased: the same words as {@link Tokenizer}, so marks match hits. */
    static final Analyzer ANALYZER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            CharTokenizer source = CharTokenizer.fromTokenCharPredicate(Character::isLetterOrDigit);
            return new TokenStreamComponents(source, new LowerCaseFilter(source));
        }
    };

    private final org.apache.lucene.store.Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    private RecordIndex(org.apache.lucene.store.Directory directory, IndexWriter writer) throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
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

    private static RecordIndex open(org.apache.lucene.store.Directory dir) throws IOException {
        try {
            IndexWriterConfig config = new IndexWriterConfig(ANALYZER)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(16)
                    .setCommitOnClose(true);
            ConcurrentMergeScheduler merges = new ConcurrentMergeScheduler();
            merges.setMaxMergesAndThreads(2, 1);
            config.setMergeScheduler(merges);
            IndexWriter w = new IndexWriter(dir, config);
            try {
                RecordIndex index = new RecordIndex(dir, w);
                // read every segment once: a wrong key or a damaged file fails now, not at the first search
                index.pageCount();
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
        d.add(new TextField("text", text == null ? "" : text, Field.Store.NO));
        writer.updateDocument(new Term("id", id), d);
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
            for (Clause c : query.clauses()) {
                parts.add(clause(c, s.getIndexReader()));
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
        } finally {
            searchers.release(s);
        }
    }

    private static org.apache.lucene.search.Query clause(Clause c, IndexReader reader) throws IOException {
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
        b.add(expanded.toArray(new Term[0]));
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
