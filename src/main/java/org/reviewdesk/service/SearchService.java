package org.reviewdesk.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.reviewdesk.domain.RecordDocument;
import org.reviewdesk.search.Highlights;
import org.reviewdesk.search.Query;
import org.reviewdesk.search.RecordIndex;
import org.reviewdesk.search.RecordIndex.PageKey;
import org.reviewdesk.store.RecordRepository;
import org.reviewdesk.files.PrivateFiles;
import org.reviewdesk.store.Store;
import org.reviewdesk.store.StoreException;

/**
 * Full-text search of the records: a persistent, encrypted index (docs/decisions/0007-search-index.md)
 * in the data folder's {@code index/}, updated as pages are stored and committed with each document. It
 * is opened, never rebuilt, at unlock; what it misses after a crash (or lacks entirely, after a password
 * change or restore) is repaired from the store in the background while searches already answer.
 * Snippets come from the page texts in the store, read for the shown hits only.
 */
public final class SearchService implements AutoCloseable {
    /** A hit with the document's title, for lists. */
    public record SearchHit(String caseNumber, String documentId, String documentTitle, int page, String snippet,
                            List<int[]> snippetMarks, List<int[]> pageMarks) {
    }

    private final Store store;
    private RecordIndex index;
    private Thread repair;
    private volatile boolean closing;
    private volatile int repaired;
    private volatile int upgraded;

    SearchService(Store store) {
        this.store = store;
    }

    private volatile boolean choosesCommonWords = true;

    /**
     * For a command in its own process (it ends in seconds): the index is still repaired from the store when it
     * opens, but its common words are not chosen anew, nor pages indexed again for them. That pass indexes again
     * every page of the store when the index has grown fourfold; a short command would share its two cores with
     * it and wait for its current document at the end, only to leave the rest to the next process (measured: a
     * 1,000-page import into a case of 5,000 pages took 8.2 s with it, ... without). The window and the servers
     * (a kept one too) do it while the reviewer works; until then, phrases of the new common words are answered
     * from word positions, as before. Call before the index opens.
     */
    public void shortLived(boolean shortLived) {
        choosesCommonWords = !shortLived;
    }

    /**
     * Opens the index if it is not open yet (the window does this in the background at unlock) and
     * starts its repair from the store in the background.
     */
    public synchronized RecordIndex index() throws StoreException {
        if (closing) {
            throw new StoreException("The store is closing.");
        }
        if (index == null && store.readOnly()) {
            // read-only media: no index can be kept beside the store; one in memory, filled now
            try {
                index = RecordIndex.inMemory();
            } catch (IOException e) {
                throw new StoreException("The search index could not be built in memory: " + e.getMessage(), e);
            }
            repair = new Thread(() -> { }, "search-index-repair");
            repair();
            return index;
        }
        if (index == null) {
            index = openIndex();
            repair = new Thread(() -> {
                repair();
                if (choosesCommonWords) {
                    refreshCommonWords();
                }
            }, "search-index-repair");
            repair.setDaemon(true);
            repair.setPriority(Thread.MIN_PRIORITY);
            repair.start();
        }
        return index;
    }

    /**
     * Opens the index on a thread of its own at low priority (the window calls this at unlock), so that
     * nothing waits for it; a search meanwhile opens it itself.
     */
    public void openInBackground() {
        Thread t = new Thread(() -> {
            try {
                index();
            } catch (StoreException | RuntimeException e) {
                // the first search opens it and reports what is wrong
            }
        }, "search-index-open");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /**
     * The index folder 0700 and its files 0600, like the rest of the data folder (the files are sealed anyway;
     * indexes of earlier versions were written with the default modes). New files get 0600 as they are made.
     */
    private static void privateIndexFiles(Path folder) {
        PrivateFiles.restrictQuietly(folder);
        try (var files = Files.list(folder)) {
            files.forEach(PrivateFiles::restrictQuietly);
        } catch (IOException | RuntimeException e) {
            // the index opens anyway; modes are tightened again at the next start
        }
    }

    private RecordIndex openIndex() throws StoreException {
        Path folder = Store.indexDir(store.dir());
        try {
            Files.createDirectories(folder);
            privateIndexFiles(folder);
            RecordIndex index = RecordIndex.open(folder, store.indexKey());
            // Lucene's write.lock of a new index (empty)
            privateIndexFiles(folder);
            return index;
        } catch (org.apache.lucene.store.LockObtainFailedException e) {
            throw new StoreException("The search index in " + folder + " is in use by another ReviewDesk.", e);
        } catch (IOException | RuntimeException e) {
            // unreadable with this key (the password changed) or damaged: every page is in the store, so
            // the index starts again empty and the repair fills it in the background
            deleteTree(folder);
            try {
                Files.createDirectories(folder);
                RecordIndex index = RecordIndex.open(folder, store.indexKey());
                privateIndexFiles(folder);
                return index;
            } catch (IOException again) {
                throw new StoreException("The search index cannot be created in " + folder + ": "
                        + again.getMessage(), again);
            }
        }
    }

    private static void deleteTree(Path folder) {
        try (var s = Files.walk(folder)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // what stays behind is encrypted
        }
    }

    /**
     * Brings the index in line with the store: documents the index misses or holds partly (a crash
     * between the store's commit and the index's) are indexed again from the store's page texts,
     * documents the store no longer has are dropped. Compares page counts per document, so it costs
     * next to nothing when the two agree.
     */
    private void repair() {
        try {
            RecordIndex idx;
            synchronized (this) {
                idx = index;
            }
            // the index first: a document being stored meanwhile is then complete in the store's count
            Map<List<String>, Integer> have = idx.pagesPerDocument();
            Map<List<String>, Integer> want = store.records().pageCounts();
            for (List<String> doc : have.keySet()) {
                if (want.getOrDefault(doc, 0) == 0 && !closing) {
                    idx.removeDocument(doc.get(0), doc.get(1));
                }
            }
            int n = 0;
            for (Map.Entry<List<String>, Integer> e : want.entrySet()) {
                if (closing) {
                    break;
                }
                List<String> doc = e.getKey();
                if (e.getValue() > 0 && !e.getValue().equals(have.get(doc))) {
                    idx.removeDocument(doc.get(0), doc.get(1));
                    store.records().forEachPage(doc.get(0), doc.get(1),
                            (c, d, p, text) -> {
                                try {
                                    idx.put(new PageKey(c, d, p), text);
                                } catch (IOException ex) {
                                    throw new java.io.UncheckedIOException(ex);
                                }
                            });
                    if (++n % 25 == 0) {
                        idx.commit();
                    }
                    repaired = n;
                }
            }
            idx.commit();
        } catch (IOException | StoreException | RuntimeException e) {
            // the next start compares again; searches meanwhile answer from what is indexed
        }
    }

    /**
     * After the repair, on the same background thread: chooses the index's common words anew when it has
     * grown enough (RecordIndex#chooseCommonWords), and indexes again from the store every document whose pages
     * were indexed with other common words, or before pairs of common words existed (an index of format 1).
     * Until that is done, phrases of the new common words are answered from word positions, as before;
     * searches never wait for it. Stops at a document's end when the store closes; the next start goes on
     * with the documents still left.
     */
    private void refreshCommonWords() {
        try {
            RecordIndex idx;
            synchronized (this) {
                idx = index;
            }
            if (closing || !idx.chooseCommonWords()) {
                return;
            }
            for (int round = 0; round < 3 && !closing; round++) {
                Map<List<String>, Integer> have = idx.pagesPerDocument();
                Map<List<String>, Integer> want = store.records().pageCounts();
                int n = 0;
                for (List<String> doc : idx.staleDocuments()) {
                    if (closing) {
                        return;
                    }
                    Integer pages = want.get(doc);
                    if (pages == null || pages == 0 || !pages.equals(have.get(doc))) {
                        // gone from the store, or not the same pages: as the repair does
                        idx.removeDocument(doc.get(0), doc.get(1));
                    }
                    // otherwise each page is replaced in place, so a search meanwhile finds the document whole,
                    // and a close stops at the next page (the document stays stale: the next pass does it again)
                    store.records().forEachPage(doc.get(0), doc.get(1), (c, d, p, text) -> {
                        if (closing) {
                            throw new Closing();
                        }
                        try {
                            idx.put(new PageKey(c, d, p), text);
                        } catch (IOException ex) {
                            throw new java.io.UncheckedIOException(ex);
                        }
                    });
                    if (++n % 25 == 0) {
                        idx.commit();
                    }
                    upgraded = n;
                }
                idx.commit();
                if (idx.commonWordsReady()) {
                    return;
                }
            }
        } catch (IOException | StoreException | RuntimeException e) {
            // the next start goes on; searches meanwhile answer phrases from word positions
        }
    }

    /** Ends the common-words pass at a page when the store closes. */
    private static final class Closing extends RuntimeException {
        Closing() {
            super(null, null, false, false);
        }
    }

    /** Documents indexed again by the last pass for new common words (benchmarks). */
    public int commonWordsReindexed() {
        return upgraded;
    }

    /** Waits for the background repair to finish (tests, benchmarks); returns the documents it re-indexed. */
    public int awaitRepair() throws StoreException, InterruptedException {
        index();
        Thread t;
        synchronized (this) {
            t = repair;
        }
        t.join();
        return repaired;
    }

    /** Searches one case ({@code caseNumber}) or every case (null), best pages first. */
    public List<SearchHit> search(String query, String caseNumber, int limit) throws StoreException {
        return search(query, caseNumber, limit, false);
    }

    /**
     * Searches, best pages first: pages with every word and phrase of the query rank above pages with
     * some of them, by BM25 within each. With {@code fuzzy}, whole words also match words one or two
     * letters off (typos, OCR errors); {@code word~} asks that for one word.
     */
    public List<SearchHit> search(String query, String caseNumber, int limit, boolean fuzzy) throws StoreException {
        Query q = Query.parse(query);
        if (fuzzy) {
            q = q.fuzzy();
        }
        Indexer queued;
        synchronized (this) {
            queued = indexer;
        }
        if (queued != null) {
            queued.run(() -> { }); // the pages handed over so far (at most a short queue) are searched too
        }
        List<RecordIndex.Found> found;
        try {
            found = index().search(q, caseNumber, limit, false);
        } catch (IOException e) {
            throw new StoreException("The search failed: " + e.getMessage(), e);
        }
        Map<String, Map<String, String>> titles = new HashMap<>();
        List<SearchHit> out = new ArrayList<>();
        // the shown hits' page texts, read in one go: the index holds no text
        List<String> texts = store.records().pageTexts(found.stream().map(f -> new RecordRepository.PageRef(
                f.page().caseNumber(), f.page().documentId(), f.page().page())).toList());
        int n = 0;
        for (RecordIndex.Found f : found) {
            PageKey k = f.page();
            String c = k.caseNumber();
            Map<String, String> t = titles.get(c);
            if (t == null) {
                t = new HashMap<>();
                for (var d : store.records().documents(c)) {
                    RecordDocument doc = d.document();
                    t.put(doc.id(), doc.title() != null ? doc.title() : doc.file());
                }
                titles.put(c, t);
            }
            String text = texts.get(n++);
            // marked as the page is: "range of motion" marks range and motion, not every "of" (the preview
            // showed the page's heading, "Date of determination", with "of" in red)
            Highlights.Snippet s = Highlights.snippet(text, Highlights.marks(text, q.withoutCommonWords()));
            out.add(new SearchHit(c, k.documentId(), t.getOrDefault(k.documentId(), k.documentId()), k.page(),
                    s.text(), s.snippetMarks(), s.pageMarks()));
        }
        return out;
    }

    private static final java.util.regex.Pattern NEGATION = java.util.regex.Pattern.compile(
            "\\b(?:not|no|none|never|unknown|unspecified|without|denies|denied)\\b",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * Whether the record's own words around a hit say the thing is absent ("Number of visits to
     * date: not recorded", "no prior therapy"): such a hit does not show that it is documented.
     */
    public static boolean negated(String snippet, List<int[]> marks) {
        for (int[] m : marks) {
            String before = snippet.substring(Math.max(0, m[0] - 25), m[0]);
            String after = snippet.substring(m[1], Math.min(snippet.length(), m[1] + 40));
            if (!NEGATION.matcher(before + " " + after).find()) {
                return false;
            }
        }
        return !marks.isEmpty();
    }

    /**
     * Where a query matches on one page's text, for marking the hits in the viewer: a lone common word
     * ("of" in {@code range of motion}) is not marked when the query has other words.
     */
    public static List<int[]> marks(String pageText, String query) {
        return marks(pageText, query, false);
    }

    /**
     * Where a query matches on one page's text, fuzzy words included (the fuzzy mode); the query's words that stand
     * together ("range of motion" searched as words) are one mark, so F3 steps from place to place, not word to word.
     */
    public static List<int[]> marks(String pageText, String query, boolean fuzzy) {
        Query q = Query.parse(query).withoutCommonWords();
        return Highlights.joined(pageText, Highlights.marks(pageText, fuzzy ? q.fuzzy() : q));
    }

    /**
     * Indexes (or re-indexes) pages of a stored document whose text has changed, e.g. OCR text arriving
     * page by page after the import; durable when this returns. Call it after the store has the text.
     */
    public void indexPages(String caseNumber, String documentId, Map<Integer, String> textByPage)
            throws StoreException {
        try {
            RecordIndex idx = index();
            for (Map.Entry<Integer, String> e : textByPage.entrySet()) {
                idx.put(new PageKey(caseNumber, documentId, e.getKey()), e.getValue());
            }
            idx.commit();
        } catch (IOException e) {
            throw new StoreException("The search index could not be updated: " + e.getMessage(), e);
        }
    }

    void pageAdded(String caseNumber, String documentId, int page, String text) {
        // indexed on the indexer's thread: the import goes on with the next page meanwhile
        indexer().submit(() -> {
            try {
                index().put(new PageKey(caseNumber, documentId, page), text);
            } catch (IOException | StoreException e) {
                // the store keeps the page; the repair at the next start indexes it
            }
        });
    }

    /** The store has committed a document's pages: make the index's copy durable too (returns once it is). */
    void documentStored(String caseNumber, String documentId) {
        documentStoredLater(caseNumber, documentId).run();
    }

    /**
     * As {@link #documentStored}, but returns at once: the index takes in the last pages and commits on its own
     * thread while the caller goes on (an import's analyses); the returned task waits until it has.
     */
    Runnable documentStoredLater(String caseNumber, String documentId) {
        return indexer().later(() -> {
            try {
                index().commit();
            } catch (IOException | StoreException e) {
                // repaired from the store at the next start
            }
        });
    }

    /**
     * The pages of an import, put into the index on a thread of its own in the order they came (a short queue:
     * the import waits when the index falls behind), so that the import's thread reads and stores the next
     * pages meanwhile. Removals and commits go through the same queue and are waited for.
     */
    private static final class Indexer {
        private static final int QUEUE = 64;
        private final java.util.concurrent.BlockingQueue<Runnable> queue =
                new java.util.concurrent.ArrayBlockingQueue<>(QUEUE);
        private final Thread thread;

        Indexer() {
            thread = new Thread(() -> {
                try {
                    while (true) {
                        queue.take().run();
                    }
                } catch (InterruptedException e) {
                    // closed
                }
            }, "search-indexer");
            thread.setDaemon(true);
            thread.start();
        }

        void submit(Runnable task) {
            boolean interrupted = false;
            while (true) {
                try {
                    queue.put(task); // not lost on an interrupt (a cancelled import): its removal follows in order
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        /** Runs {@code task} after everything queued before it and returns when it has run. */
        void run(Runnable task) {
            later(task).run();
        }

        /**
         * Queues {@code task} after everything queued before it; the returned task waits until it has run (through
         * an interrupt: the index must not be left half-updated).
         */
        Runnable later(Runnable task) {
            if (Thread.currentThread() == thread) {
                task.run();
                return () -> { };
            }
            java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
            submit(() -> {
                try {
                    task.run();
                } finally {
                    done.countDown();
                }
            });
            return () -> await(done);
        }

        private static void await(java.util.concurrent.CountDownLatch done) {
            boolean interrupted = false;
            while (true) {
                try {
                    done.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the index must not be left half-updated: finish, then pass it on
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        void stop() {
            run(() -> { });
            thread.interrupt();
        }
    }

    private Indexer indexer;

    private synchronized Indexer indexer() {
        if (indexer == null) {
            indexer = new Indexer();
        }
        return indexer;
    }

    /** Forgets a document's pages, or a whole case's ({@code documentId} null). */
    void documentRemoved(String caseNumber, String documentId) {
        indexer().run(() -> {
            try {
                RecordIndex idx = index();
                if (documentId == null) {
                    idx.removeCase(caseNumber);
                } else {
                    idx.removeDocument(caseNumber, documentId);
                }
                idx.commit();
            } catch (IOException | StoreException e) {
                // the repair at the next start drops what the store no longer has
            }
        });
    }

    /** Stops the repair (at a document's end), commits and closes the index. */
    @Override
    public void close() {
        Indexer queued;
        synchronized (this) {
            queued = indexer;
            indexer = null;
        }
        if (queued != null) {
            queued.stop(); // the pages already handed over go into the index before it closes
        }
        Thread t;
        RecordIndex idx;
        synchronized (this) {
            closing = true;
            t = repair;
            idx = index;
            index = null;
        }
        try {
            if (t != null) {
                t.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (idx != null) {
            try {
                idx.close();
            } catch (IOException e) {
                // committed pages stay; the rest is repaired at the next start
            }
        }
    }
}
