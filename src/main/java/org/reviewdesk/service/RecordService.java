package org.reviewdesk.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.reviewdesk.domain.DocumentKind;
import org.reviewdesk.domain.Evidence;
import org.reviewdesk.domain.RecordDocument;
import org.reviewdesk.record.PageImages;
import org.reviewdesk.record.ProgressListener;
import org.reviewdesk.record.RecordSource;
import org.reviewdesk.record.RecordFile;
import org.reviewdesk.record.RecordFileException;
import org.reviewdesk.record.RecordInfo;
import org.reviewdesk.record.RecordReader;
import org.reviewdesk.record.TextLayer;
import org.reviewdesk.record.Chronology;
import org.reviewdesk.record.DuplicatePages;
import org.reviewdesk.record.ocr.OcrWord;
import org.reviewdesk.record.ocr.OcrWords;
import org.reviewdesk.store.RecordRepository;
import org.reviewdesk.domain.StoredDocument;
import org.reviewdesk.store.Store;
import org.reviewdesk.store.StoreException;

/** The clinical record of a case: adding files, their pages and texts, opened pages, excerpts. */
public final class RecordService {
    /** Record files larger than this are refused before they are read. */
    public static final long MAX_FILE_BYTES = 1024L * 1024 * 1024;
    /** A record file read whole (images, text) takes at most this share of the heap (1/3): see {@link #tooLarge}. */
    private static final long HEAP_SHARE = 3;
    /**
     * PDFs larger than this are never held whole: read where they lie while they are added, streamed into the
     * store, and read back a block at a time (a twelfth of the heap, at most 32 MB: the viewer keeps three files).
     */
    static final long IN_MEMORY_BYTES = Math.min(32L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 12);
    /** The id suffix of a streamed file shown while it is added (read from the user's file). */
    private static final String IMPORTING = "#importing";
    /** The block a large stored record is read in. */
    static final int BLOCK_BYTES = 256 * 1024;
    /** The size from which a PDF is streamed (a setting, so that tests can stream small files). */
    private long inMemoryBytes = Long.getLong("reviewdesk.record.inMemoryBytes", IN_MEMORY_BYTES);
    private static final DateTimeFormatter CITE_DATE = DateTimeFormatter.ofPattern("M/d/yy");

    /** What became of one file: stored as a document, recognised as a duplicate, or refused. */
    public record AddResult(String fileName, String documentId, boolean duplicate, int pages, String error) {
        public boolean added() {
            return error == null && !duplicate;
        }
    }

    /** Told how the import goes: which file, and how many of its pages are read. */
    @FunctionalInterface
    public interface Progress {
        void update(String fileName, int fileIndex, int fileCount, int pagesDone, int pageTotal);

        Progress NONE = (f, i, n, d, t) -> { };
    }

    private final Store store;
    private final SearchService search;
    /** Made at the first page image: commands that draw nothing never load java.desktop's image classes. */
    private PageImages images;

    private synchronized PageImages images() {
        if (images == null) {
            images = new PageImages();
        }
        return images;
    }
    /** The bytes of files being imported (not in the store until their last page is): the viewer reads these. */
    private final Map<String, RecordFile> importingFiles = new java.util.concurrent.ConcurrentHashMap<>();
    /** The bytes of the last documents viewed, so that paging does not read the store again. */
    private final Map<String, RecordFile> recent = new java.util.LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RecordFile> eldest) {
            return size() > 3;
        }
    };

    RecordService(Store store, SearchService search) {
        this.store = store;
        this.search = search;
    }

    private RecordRepository repo() {
        return store.records();
    }

    /** Told when a file's first page is in the store: the viewer can show it while the other pages follow. */
    @FunctionalInterface
    public interface FirstPage {
        void stored(String fileName, String documentId, int pageTotal);

        /** The resolution the viewer shows pages at: page 1 is drawn at it while the file is read (0: no). */
        default float renderDpi() {
            return 0;
        }

        FirstPage NONE = (f, d, t) -> { };
    }

    /**
     * Adds record files to a case, one document each. A file that cannot be read is refused with a
     * message naming it and leaves nothing behind; the other files still go in; a file whose bytes the
     * case already holds is recognised and not stored twice.
     */
    public List<AddResult> addFiles(String caseNumber, List<Path> files, Progress progress, BooleanSupplier cancelled)
            throws StoreException {
        return addFiles(caseNumber, files, progress, cancelled, FirstPage.NONE);
    }

    /**
     * As {@link #addFiles(String, List, Progress, BooleanSupplier)}, streamed: each file's document and first
     * page are committed first and {@code firstPage} is told (from this thread), so that the window shows page 1
     * at once; the other pages follow in short transactions (the store stays usable meanwhile). Until its last
     * page is stored the document is marked as importing (no page count, no OCR yet); a cancel or a failure
     * removes it whole, and a document left importing by a stopped program is removed when the store opens.
     */
    public List<AddResult> addFiles(String caseNumber, List<Path> files, Progress progress, BooleanSupplier cancelled,
                                    FirstPage firstPage) throws StoreException {
        refuseIfLocked(caseNumber);
        List<AddResult> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            Path f = files.get(i);
            String name = f.getFileName().toString();
            int index = i;
            try {
                out.add(addOne(caseNumber, f, name, (done, total) -> progress.update(name, index, files.size(),
                        done, total), cancelled, firstPage));
            } catch (RecordFileException e) {
                out.add(new AddResult(name, null, false, 0, e.getMessage()));
            } catch (OutOfMemoryError e) {
                // the file's bytes, its pages and the store's copy did not fit: what was stored of it is removed
                // (addOne's clean-up), and the next file still goes in
                out.add(new AddResult(name, null, false, 0, tooLarge(name, f.toFile().length())));
            } catch (IOException e) {
                out.add(new AddResult(name, null, false, 0, name + " cannot be read: " + e.getMessage()));
            } catch (java.io.UncheckedIOException e) {
                out.add(new AddResult(name, null, false, 0, name + " cannot be read: " + e.getCause().getMessage()));
            }
        }
        return out;
    }

    /** A store error raised while pages are delivered (the page sink cannot throw checked exceptions). */
    private static final class StoreFailure extends RuntimeException {
        StoreFailure(StoreException e) {
            super(e);
        }
    }

    /** Pages of one file on their way into the store: the first one alone (with the document), then in batches. */
    private final class StreamedPages {
        // short transactions: the viewer's reads of the store get their turn between them
        private static final int BATCH = 25;
        private static final long BATCH_NANOS = 200_000_000L;
        private final String caseNumber;
        private final RecordDocument doc;
        private final String mediaKind;
        private final long size;
        private final String sha;
        private final String name;
        private final int total;
        private final FirstPage firstPage;
        private final List<RecordRepository.PageRow> batch = new ArrayList<>();
        /** The pages' texts as stored, in page order. */
        final List<String> texts = new ArrayList<>();
        private boolean begun;
        private int count;
        private long lastFlush;

        StreamedPages(String caseNumber, RecordDocument doc, String mediaKind, long size, String sha, String name,
                      int total, FirstPage firstPage) {
            this.caseNumber = caseNumber;
            this.doc = doc;
            this.mediaKind = mediaKind;
            this.size = size;
            this.sha = sha;
            this.name = name;
            this.total = total;
            this.firstPage = firstPage;
        }

        void page(int number, String text, boolean needsOcr) {
            // as the store has them for the analyses after the import (not read and decrypted again)
            while (texts.size() < number - 1) {
                texts.add("");
            }
            texts.add(text == null ? "" : text);
            batch.add(new RecordRepository.PageRow(number, text, needsOcr));
            search.pageAdded(caseNumber, doc.id(), number, text);
            count++;
            if (!begun || batch.size() >= BATCH || System.nanoTime() - lastFlush > BATCH_NANOS) {
                flush();
            }
        }

        void flush() {
            try {
                if (!begun) {
                    repo().beginAdd(caseNumber, doc, mediaKind, size, sha, List.copyOf(batch));
                    begun = true;
                    batch.clear();
                    lastFlush = System.nanoTime();
                    firstPage.stored(name, doc.id(), total);
                    return;
                }
                repo().addPages(caseNumber, doc.id(), List.copyOf(batch));
                batch.clear();
                lastFlush = System.nanoTime();
            } catch (StoreException e) {
                throw new StoreFailure(e);
            }
        }

        /** Removes what was stored of the file (cancel, failure); the next opening of the store would otherwise. */
        void discard() {
            String key = caseNumber + "/" + doc.id();
            importingFiles.remove(key);
            synchronized (RecordService.this) {
                if (images != null) {
                    images.forget(key);
                    images.forget(key + IMPORTING);
                }
            }
            search.documentRemoved(caseNumber, doc.id());
            if (begun) {
                try {
                    repo().removeUnfinished(caseNumber, doc.id());
                } catch (StoreException e) {
                    // still marked as importing: removed when the store opens next
                }
            }
        }
    }

    private AddResult addOne(String caseNumber, Path f, String name, ProgressListener progress,
                             BooleanSupplier cancelled, FirstPage firstPage)
            throws IOException, RecordFileException, StoreException {
        if (!Files.isRegularFile(f)) {
            throw new RecordFileException(name, name + " is not a file");
        }
        long size = Files.size(f);
        if (size > MAX_FILE_BYTES) {
            throw new RecordFileException(name, name + " is larger than 1 GB; split it before adding it");
        }
        boolean streamed = size > inMemoryBytes && isPdf(f);
        if (!streamed && size > Runtime.getRuntime().maxMemory() / HEAP_SHARE) {
            // an image or text file is held in memory whole while it is read and stored (the store takes a
            // copy): with the installed launcher's heap a 240 MB scan ended the import with an OutOfMemoryError
            throw new RecordFileException(name, tooLarge(name, size));
        }
        // a large PDF is read where it lies, a part at a time, and streamed into the store: never held whole
        byte[] bytes = streamed ? null : Files.readAllBytes(f);
        RecordSource content = streamed ? RecordSource.of(f, size) : RecordSource.of(bytes);
        String sha = streamed ? sha256(f) : sha256(bytes);
        var existing = repo().findBySha(caseNumber, sha);
        if (existing.isPresent()) {
            return new AddResult(name, existing.get(), true, 0, null);
        }
        RecordInfo info;
        try {
            info = RecordReader.inspect(name, content);
        } catch (RecordFileException | java.io.UncheckedIOException e) {
            throw changedOr(f, name, size, e);
        }
        String id = uniqueId(caseNumber, name);
        RecordDocument doc = new RecordDocument(id, info.suggestedTitle(), kindOf(info.suggestedDocumentKind()),
                info.suggestedDate(), null, "records/" + id + extension(name), sha);
        boolean scannable = info.kind() != org.reviewdesk.record.RecordKind.TEXT;
        // the viewer draws the pages from these bytes until the last step stores them; page 1 is drawn now,
        // while the pages are read, so that it is ready when the viewer asks for it
        String key = caseNumber + "/" + id;
        // a streamed file is shown from where it lies under an id of its own: a render still under way when the import
        // ends must not leave the user's file open and cached as the stored document
        RecordFile file = new RecordFile(streamed ? key + IMPORTING : key, doc.file(), content);
        importingFiles.put(key, file);
        if (firstPage.renderDpi() > 0 && scannable && info.pageCount() > 0) {
            images().prefetch(file, 1, firstPage.renderDpi());
        }
        StreamedPages pages = new StreamedPages(caseNumber, doc, info.kind().name(), size, sha, name,
                info.pageCount(), firstPage);
        boolean done = false;
        try {
            RecordReader.readPages(name, content, page -> {
                // a page without usable text waits for OCR in the background; a scanner's garbage is dropped
                boolean ocr = scannable && TextLayer.needsOcr(page.text());
                pages.page(page.pageNumber(), ocr ? "" : page.text(), ocr);
            }, progress, cancelled);
            if (!pages.begun || !pages.batch.isEmpty()) {
                pages.flush();
            }
            if (streamed) {
                try {
                    repo().finishAdd(caseNumber, id, () -> Files.newInputStream(f), size, sha, pages.count);
                } catch (StoreException e) {
                    // the file changed, moved or went while it was stored: that file is refused, not the batch
                    if (changed(f, size, sha)) {
                        throw new RecordFileException(name, CHANGED.formatted(name));
                    }
                    throw e;
                }
                // viewed from the store from now on (a block at a time), not from the file, which may move
                RecordFile stored = importingFiles.remove(key);
                synchronized (RecordService.this) {
                    if (images != null) {
                        images.forget(stored.id());
                    }
                }
            } else {
                repo().finishAdd(caseNumber, id, bytes, pages.count);
                synchronized (recent) {
                    recent.put(key, importingFiles.remove(key));
                }
            }
            done = true;
        } catch (StoreFailure e) {
            throw (StoreException) e.getCause();
        } catch (RecordFileException e) {
            throw streamed ? changedOr(f, name, size, e) : e;
        } catch (java.util.concurrent.CancellationException e) {
            throw new RecordFileException(name, "Adding " + name + " was cancelled; nothing of it was kept");
        } catch (InterruptedException e) {
            Thread.interrupted(); // the clean-up below needs the store; the interrupt is passed on after it
            pages.discard();
            Thread.currentThread().interrupt();
            throw new RecordFileException(name, "Adding " + name + " was cancelled; nothing of it was kept");
        } finally {
            if (!done && !Thread.currentThread().isInterrupted()) {
                pages.discard();
            }
        }
        // the index takes in the last pages and commits (after the store's commit) on its own thread while the
        // analyses run here; the import returns once both are done
        Runnable indexed = search.documentStoredLater(caseNumber, id);
        try {
            analyze(caseNumber, id, pages.texts);
        } finally {
            indexed.run();
        }
        afterAdd.run();
        return new AddResult(name, id, false, pages.count, null);
    }

    /** The message for a file too large for the memory ReviewDesk may use; nothing of it is kept. */
    static String tooLarge(String name, long size) {
        long mb = 1024 * 1024;
        return String.format(java.util.Locale.ROOT, "%s is %,d MB, more than ReviewDesk can add at once in its "
                + "memory (files up to %,d MB); nothing of it was kept: split it into smaller files (e.g. by page "
                + "range) and add those", name, Math.max(1, size / mb), Runtime.getRuntime().maxMemory() / HEAP_SHARE
                / mb);
    }

    /** Whether a document's pages are still being stored (its import runs). */
    public boolean importing(String caseNumber, String documentId) throws StoreException {
        return repo().importing(caseNumber, documentId);
    }

    /**
     * A finalized (or delivered, archived) case is read-only: its record takes no file, no changed
     * details and no excerpt; an amendment is the one way to change it.
     */
    private void refuseIfLocked(String caseNumber) throws StoreException {
        if (store.cases().status(caseNumber).locked()) {
            throw new org.reviewdesk.store.CaseLockedException(caseNumber);
        }
    }

    /** Told when pages were added that may wait for OCR (the OCR service starts on them). */
    private Runnable afterAdd = () -> { };

    void afterAdd(Runnable r) {
        this.afterAdd = r;
    }

    private OcrService ocr;

    void ocr(OcrService service) {
        this.ocr = service;
    }

    /** The background OCR of scanned pages (progress, pause, cancel), for the record pane. */
    public OcrService ocr() {
        return ocr;
    }

    /** Page {@code page} as an image turned upright (as OCR found it; unchanged for pages not read by OCR). */
    public java.awt.image.BufferedImage uprightPageImage(String caseNumber, String documentId, int page, float dpi)
            throws StoreException, RecordFileException {
        java.awt.image.BufferedImage img = pageImage(caseNumber, documentId, page, dpi);
        int rotation = repo().pageLayout(caseNumber, documentId, page).rotation();
        return rotation == 0 ? img : org.reviewdesk.record.ocr.OcrEngine.rotate(img, rotation);
    }

    /** Reads the pages of documents that arrived in a packet without them (text for search and excerpts). */
    public int readMissingPages(Progress progress) throws StoreException {
        int n = 0;
        List<String[]> missing = repo().documentsWithoutPages();
        for (int i = 0; i < missing.size(); i++) {
            String caseNumber = missing.get(i)[0];
            String id = missing.get(i)[1];
            String name = missing.get(i)[2];
            int index = i;
            try {
                // a file read whole (text, an image) larger than the memory allows stays stored without pages, as
                // an unreadable one: read, it ended the import (after the case was stored) and every later one
                long size = repo().contentSize(caseNumber, id);
                RecordSource content = size > wholeReadLimit && !startsAsPdf(caseNumber, id, size) ? null
                        : content(caseNumber, id);
                if (content == null) {
                    continue;
                }
                RecordInfo info = RecordReader.inspect(name, content);
                boolean scannable = info.kind() != org.reviewdesk.record.RecordKind.TEXT;
                // read before the store's transaction: a large file is read from the store itself, a block at a
                // time, which the transaction's lock on the connection would block (and commit early)
                List<org.reviewdesk.record.PageText> read = new ArrayList<>();
                RecordReader.readPages(name, content, read::add,
                        (done, total) -> progress.update(name, index, missing.size(), done, total), () -> false);
                repo().savePages(caseNumber, id, info.kind().name(), writer -> {
                    for (org.reviewdesk.record.PageText page : read) {
                        boolean ocr = scannable && TextLayer.needsOcr(page.text());
                        String text = ocr ? "" : page.text();
                        writer.page(page.pageNumber(), text, ocr);
                        search.pageAdded(caseNumber, id, page.pageNumber(), text);
                    }
                    return read.size();
                });
                search.documentStored(caseNumber, id);
                n++;
                analyze(caseNumber, id);
            } catch (RecordFileException e) {
                // a packet file that cannot be read stays stored as it came, without pages
                search.documentRemoved(caseNumber, id);
            } catch (InterruptedException e) {
                // stopped: the documents not read yet are read at the next opening
                Thread.currentThread().interrupt();
                return n;
            }
        }
        return n;
    }

    public List<StoredDocument> documents(String caseNumber) throws StoreException {
        return repo().documents(caseNumber);
    }

    /** One document of the chronology: a part of a stored file, with its kind, date, author and pages. */
    public record ChronologyEntry(String documentId, String fileTitle, int firstPage, int lastPage, DocumentKind kind,
                                  java.time.LocalDate date, String author, String title, boolean corrected) {
        public int pages() {
            return lastPage - firstPage + 1;
        }

        /** "progress note dated 1/19/15", as an excerpt's citation names it. */
        public String citationName() {
            String k = kind != null && kind != DocumentKind.OTHER ? kind.label().toLowerCase(Locale.ROOT)
                    : title != null ? title : fileTitle;
            return k + (date == null ? "" : " dated " + CITE_DATE.format(date));
        }
    }

    /**
     * Splits a stored file into its documents (unless the reviewer corrected its split) and finds the case's
     * duplicate pages again; runs after import and after OCR has read a file's pages.
     */
    public void analyze(String caseNumber, String documentId) throws StoreException {
        analyze(caseNumber, documentId, null);
    }

    /** As {@link #analyze(String, String)}; {@code pagesOfDocument}: the document's page texts if known, or null. */
    private void analyze(String caseNumber, String documentId, List<String> pagesOfDocument) throws StoreException {
        boolean corrected = repo().segments(caseNumber).stream()
                .anyMatch(g -> g.documentId().equals(documentId) && g.corrected());
        Map<String, List<String>> texts = pagesOfDocument == null ? repo().caseTexts(caseNumber)
                : repo().caseTexts(caseNumber, documentId, pagesOfDocument);
        List<String> pages = texts.getOrDefault(documentId, List.of());
        boolean split = !corrected && !pages.isEmpty();
        // the two analyses are independent: on a long file the chronology runs on a second core meanwhile
        java.util.concurrent.FutureTask<List<Chronology.Part>> parts = new java.util.concurrent.FutureTask<>(
                () -> Chronology.split(pages));
        if (split && pages.size() >= PARALLEL_ANALYSIS_PAGES) {
            Thread t = new Thread(parts, "record-chronology");
            t.setDaemon(true);
            t.start();
        }
        List<DuplicatePages.Duplicate> found = DuplicatePages.find(texts);
        if (split) {
            List<RecordRepository.Segment> segs = new ArrayList<>();
            for (Chronology.Part p : partsOf(parts)) {
                segs.add(new RecordRepository.Segment(documentId, p.firstPage(), p.lastPage(), p.kind(), p.date(),
                        p.author(), p.title(), false));
            }
            repo().saveSegments(caseNumber, documentId, segs);
        }
        List<RecordRepository.Duplicate> dups = new ArrayList<>();
        for (DuplicatePages.Duplicate d : found) {
            dups.add(new RecordRepository.Duplicate(d.page().documentId(), d.page().page(),
                    d.original().documentId(), d.original().page(), d.similarity()));
        }
        repo().saveDuplicates(caseNumber, dups);
    }

    /** Files with at least this many pages have their chronology split on a thread of its own. */
    private static final int PARALLEL_ANALYSIS_PAGES = 64;

    /** The chronology's parts: computed here if no thread was started for them, else waited for. */
    private static List<Chronology.Part> partsOf(java.util.concurrent.FutureTask<List<Chronology.Part>> parts) {
        parts.run(); // does nothing when the thread has run it or runs it now
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return parts.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the split is short: finish it, pass the interrupt on after
                }
            }
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The case's documents found in its files, oldest first (undated last), as the record pane lists them. */
    public List<ChronologyEntry> chronology(String caseNumber) throws StoreException {
        Map<String, StoredDocument> docs = new java.util.LinkedHashMap<>();
        for (StoredDocument d : documents(caseNumber)) {
            docs.put(d.document().id(), d);
        }
        List<ChronologyEntry> out = new ArrayList<>();
        Set<String> split = new java.util.HashSet<>();
        for (RecordRepository.Segment g : repo().segments(caseNumber)) {
            StoredDocument d = docs.get(g.documentId());
            if (d == null) {
                continue;
            }
            split.add(g.documentId());
            // a part that is the whole file keeps the file's author when the split found none (the one set at
            // import or in Document details): the correction dialog showed an empty author for such documents
            boolean whole = g.firstPage() == 1 && (d.pageCount() == null || g.lastPage() >= d.pageCount());
            String author = g.author() != null || !whole ? g.author() : d.document().author();
            out.add(new ChronologyEntry(g.documentId(), titleOf(d), g.firstPage(), g.lastPage(), kindOf(g.kind()),
                    g.date(), author, g.title(), g.corrected()));
        }
        for (StoredDocument d : docs.values()) {
            if (!split.contains(d.document().id())) {
                RecordDocument r = d.document();
                int n = d.pageCount() == null ? 1 : Math.max(1, d.pageCount());
                out.add(new ChronologyEntry(r.id(), titleOf(d), 1, n, r.kind(), r.date(), r.author(), r.title(),
                        false));
            }
        }
        out.sort(java.util.Comparator.comparing(ChronologyEntry::date,
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
        return out;
    }

    private static String titleOf(StoredDocument d) {
        return d.document().title() != null ? d.document().title() : d.document().file();
    }

    /**
     * The reviewer's correction of one document of the chronology (its pages stay as they are): kind, date,
     * author and title ({@code title} null keeps the one it has).
     */
    public void correctEntry(String caseNumber, ChronologyEntry e, DocumentKind kind, java.time.LocalDate date,
                             String author, String title) throws StoreException {
        refuseIfLocked(caseNumber);
        List<RecordRepository.Segment> segs = new ArrayList<>();
        for (RecordRepository.Segment g : repo().segments(caseNumber)) {
            if (!g.documentId().equals(e.documentId())) {
                continue;
            }
            segs.add(g.firstPage() == e.firstPage()
                    ? new RecordRepository.Segment(g.documentId(), g.firstPage(), g.lastPage(),
                            kind == null ? null : kind.name(), date, author, title == null ? g.title() : title, true)
                    : withCorrected(g));
        }
        repo().saveSegments(caseNumber, e.documentId(), segs);
    }

    /** Merges a document of the chronology with the one that follows it in its file. */
    public void mergeWithNext(String caseNumber, ChronologyEntry e) throws StoreException {
        refuseIfLocked(caseNumber);
        List<RecordRepository.Segment> segs = new ArrayList<>();
        RecordRepository.Segment pending = null;
        for (RecordRepository.Segment g : repo().segments(caseNumber)) {
            if (!g.documentId().equals(e.documentId())) {
                continue;
            }
            if (pending != null) {
                segs.add(new RecordRepository.Segment(pending.documentId(), pending.firstPage(), g.lastPage(),
                        pending.kind(), pending.date(), pending.author(), pending.title(), true));
                pending = null;
            } else if (g.firstPage() == e.firstPage()) {
                pending = g;
            } else {
                segs.add(withCorrected(g));
            }
        }
        if (pending != null) {
            segs.add(pending);
        }
        repo().saveSegments(caseNumber, e.documentId(), segs);
    }

    /** Splits a document of the chronology so that a new one starts at {@code page}. */
    public void splitAt(String caseNumber, ChronologyEntry e, int page) throws StoreException {
        refuseIfLocked(caseNumber);
        if (page <= e.firstPage() || page > e.lastPage()) {
            throw new IllegalArgumentException("A document can only be split at one of its pages after the first");
        }
        List<RecordRepository.Segment> segs = new ArrayList<>();
        for (RecordRepository.Segment g : repo().segments(caseNumber)) {
            if (!g.documentId().equals(e.documentId())) {
                continue;
            }
            if (g.firstPage() == e.firstPage()) {
                segs.add(new RecordRepository.Segment(g.documentId(), g.firstPage(), page - 1, g.kind(), g.date(),
                        g.author(), g.title(), true));
                String text = pageText(caseNumber, e.documentId(), page);
                var p = Chronology.split(List.of(text)).get(0);
                segs.add(new RecordRepository.Segment(g.documentId(), page, g.lastPage(), p.kind(), p.date(),
                        p.author(), p.title(), true));
            } else {
                segs.add(withCorrected(g));
            }
        }
        repo().saveSegments(caseNumber, e.documentId(), segs);
    }

    private static RecordRepository.Segment withCorrected(RecordRepository.Segment g) {
        return new RecordRepository.Segment(g.documentId(), g.firstPage(), g.lastPage(), g.kind(), g.date(),
                g.author(), g.title(), true);
    }

    /** The document of the chronology a page belongs to, if the file was split. */
    public java.util.Optional<ChronologyEntry> entryOf(String caseNumber, String documentId, int page)
            throws StoreException {
        return chronology(caseNumber).stream().filter(e -> e.documentId().equals(documentId)
                && e.firstPage() <= page && page <= e.lastPage()).findFirst();
    }

    /** A page ({@code documentId}, {@code page}) that repeats an earlier one of the case. */
    public record DuplicatePage(String documentId, int page, String originalDocumentId, int originalPage,
                                double similarity) {
    }

    /** Pages that repeat an earlier page of the case. */
    public List<DuplicatePage> duplicates(String caseNumber) throws StoreException {
        return repo().duplicates(caseNumber).stream().map(d -> new DuplicatePage(d.documentId(), d.page(),
                d.originalDocumentId(), d.originalPage(), d.similarity())).toList();
    }

    /** Where the words of a page are on its upright image, and the turn that shows the page upright. */
    public record PageWords(List<OcrWord> words, int rotation, boolean ocr) {
    }

    /** A page's word boxes: from OCR for scanned pages, from the PDF text layer otherwise (empty for others). */
    public PageWords pageWords(String caseNumber, String documentId, int page) throws StoreException {
        RecordRepository.PageLayout l = repo().pageLayout(caseNumber, documentId, page);
        if ("DONE".equals(l.ocrState())) {
            return new PageWords(OcrWords.decode(l.words()), l.rotation(), true);
        }
        if (l.ocrState() != null) {
            return new PageWords(List.of(), 0, true);
        }
        try {
            RecordFile f = recordFile(caseNumber, documentId);
            return new PageWords(org.reviewdesk.record.PdfWords.words(f, page, pageText(caseNumber, documentId,
                    page)), 0, false);
        } catch (RecordFileException e) {
            return new PageWords(List.of(), 0, false);
        }
    }

    /** Remembers the rectangle of the page image an excerpt was taken from. */
    public void saveExcerptRegion(String caseNumber, int position, double x, double y, double w, double h)
            throws StoreException {
        repo().saveExcerptRegion(caseNumber, position, x, y, w, h);
    }

    public Map<Integer, double[]> excerptRegions(String caseNumber) throws StoreException {
        return repo().excerptRegions(caseNumber);
    }

    public byte[] bytes(String caseNumber, String documentId) throws StoreException {
        return repo().bytes(caseNumber, documentId);
    }

    public String pageText(String caseNumber, String documentId, int page) throws StoreException {
        return repo().pageText(caseNumber, documentId, page);
    }

    public void updateMetadata(String caseNumber, RecordDocument d) throws StoreException {
        refuseIfLocked(caseNumber);
        repo().updateMetadata(caseNumber, d);
    }

    public void markOpened(String caseNumber, String documentId, int page) throws StoreException {
        repo().markOpened(caseNumber, documentId, page);
    }

    public Map<String, Set<Integer>> opened(String caseNumber) throws StoreException {
        return repo().opened(caseNumber);
    }

    /** Age, sex and occupation as the record states them, for the summary's first sentence. */
    public record WorkerFacts(Integer age, String sex, String occupation) {
    }

    private static final java.util.regex.Pattern AGE_SEX = java.util.regex.Pattern.compile(
            "(\\d{1,2})[- ]year[- ]old(?:,?\\s+(?:right|left)-handed)?\\s+(male|female|man|woman)",
            java.util.regex.Pattern.CASE_INSENSITIVE);
    private static final java.util.regex.Pattern OCCUPATION = java.util.regex.Pattern.compile(
            "(?:Occupation:\\s*|working as an? |works as an? )([A-Za-z][A-Za-z -]{2,30}?)(?=[\\n.,;]|\\s{2}| who| at )",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    public WorkerFacts workerFacts(String caseNumber) throws StoreException {
        Integer age = null;
        String sex = null;
        String occupation = null;
        for (StoredDocument d : documents(caseNumber)) {
            int pages = d.pageCount() == null ? 0 : Math.min(d.pageCount(), 3);
            for (int p = 1; p <= pages && (age == null || occupation == null); p++) {
                String text = pageText(caseNumber, d.document().id(), p);
                var m = AGE_SEX.matcher(text);
                if (age == null && m.find()) {
                    age = Integer.valueOf(m.group(1));
                    String s = m.group(2).toLowerCase(Locale.ROOT);
                    sex = s.equals("man") ? "male" : s.equals("woman") ? "female" : s;
                }
                var o = OCCUPATION.matcher(text);
                if (occupation == null && o.find()) {
                    occupation = o.group(1).strip().toLowerCase(Locale.ROOT);
                }
            }
        }
        return new WorkerFacts(age, sex, occupation);
    }

    /** The titles of the case's documents the reviewer has never opened. */
    public List<String> neverOpened(String caseNumber) throws StoreException {
        Map<String, Set<Integer>> opened = opened(caseNumber);
        List<String> out = new ArrayList<>();
        for (StoredDocument d : documents(caseNumber)) {
            if (!opened.containsKey(d.document().id())) {
                out.add(d.document().title() != null ? d.document().title() : d.document().file());
            }
        }
        return out;
    }

    /** The case's evidence excerpts, in order. */
    public List<Evidence> excerpts(String caseNumber) throws StoreException {
        return store.cases().load(caseNumber).map(c -> c.evidenceList()).orElse(List.of());
    }

    /** Page {@code page} of a document as an image at {@code dpi}, from a bounded cache. */
    public java.awt.image.BufferedImage pageImage(String caseNumber, String documentId, int page, float dpi)
            throws StoreException, RecordFileException {
        return images().page(recordFile(caseNumber, documentId), page, dpi);
    }

    /** The record file of a document, its bytes kept for the last few documents viewed. */
    private RecordFile recordFile(String caseNumber, String documentId) throws StoreException {
        String key = caseNumber + "/" + documentId;
        RecordFile importing = importingFiles.get(key);
        if (importing != null) {
            return importing;
        }
        synchronized (recent) {
            RecordFile f = recent.get(key);
            if (f != null) {
                return f;
            }
        }
        StoredDocument d = documents(caseNumber).stream().filter(x -> x.document().id().equals(documentId))
                .findFirst().orElseThrow(() -> new StoreException("Case " + caseNumber + " has no document "
                        + documentId));
        RecordFile f = new RecordFile(key, d.document().file(), content(caseNumber, documentId));
        synchronized (recent) {
            recent.put(key, f);
        }
        return f;
    }

    /**
     * A stored document's file: in memory when it is small, else read from the store a block at a time (a large
     * PDF), so that viewing, OCR and reading it need memory of a few blocks, whatever its size.
     */
    public RecordSource content(String caseNumber, String documentId) throws StoreException {
        long size = repo().contentSize(caseNumber, documentId);
        if (size > inMemoryBytes) {
            byte[] head = new byte[(int) Math.min(size, 1024 + 5)];
            int n = repo().readContent(caseNumber, documentId, 0, head, 0, head.length);
            // images and text are read whole (they were stored from memory); PDFs are read in parts
            if (isPdf(head, n)) {
                return stored(repo(), caseNumber, documentId, size);
            }
        }
        return RecordSource.of(bytes(caseNumber, documentId));
    }

    /** A stored document's file of {@code size} bytes, read from the store a block at a time. */
    static RecordSource stored(RecordRepository repo, String caseNumber, String documentId, long size) {
        return RecordSource.inBlocks(size, BLOCK_BYTES, (position, into, offset, len) -> {
            try {
                return repo.readContent(caseNumber, documentId, position, into, offset, len);
            } catch (StoreException e) {
                throw new IOException(e.getMessage(), e);
            }
        });
    }

    private final long wholeReadLimit = Runtime.getRuntime().maxMemory() / HEAP_SHARE;

    private boolean startsAsPdf(String caseNumber, String documentId, long size) throws StoreException {
        byte[] head = new byte[(int) Math.min(size, 1024 + 5)];
        int n = repo().readContent(caseNumber, documentId, 0, head, 0, head.length);
        return isPdf(head, n);
    }

    /** For tests: PDFs larger than {@code bytes} are streamed. */
    void streamFilesLargerThan(long bytes) {
        this.inMemoryBytes = bytes;
    }

    private static final String CHANGED = "%s changed while it was being added (it may still be downloading or "
            + "scanning); nothing of it was kept: add it again once it is complete";

    /** Whether a file being added is no longer the one read (its size, or with {@code sha} its content). */
    private static boolean changed(Path f, long size, String sha) {
        try {
            return !Files.isRegularFile(f) || Files.size(f) != size || (sha != null && !sha256(f).equals(sha));
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * The refusal of a streamed file that failed while it was read: "changed while it was being added" when it did
     * (a download or scan still being written), else the failure as it was.
     */
    private static RecordFileException changedOr(Path f, String name, long size, Exception e) {
        if (changed(f, size, null)) {
            return new RecordFileException(name, CHANGED.formatted(name));
        }
        if (e instanceof RecordFileException r) {
            return r;
        }
        return new RecordFileException(name, name + " cannot be read: " + e.getMessage());
    }

    private static boolean isPdf(Path f) throws IOException {
        byte[] head = new byte[1024 + 5]; // a header that starts within the first kilobyte, as FileFormat reads it
        int n;
        try (var in = Files.newInputStream(f)) {
            n = in.readNBytes(head, 0, head.length);
        }
        return isPdf(head, n);
    }

    private static boolean isPdf(byte[] head, int n) {
        // the PDF header may follow some junk within the first kilobyte, as FileFormat reads it
        return n > 0 && new String(head, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1).contains("%PDF-");
    }

    public int addExcerpt(String caseNumber, Evidence e) throws StoreException {
        refuseIfLocked(caseNumber);
        if (repo().importing(caseNumber, e.documentId())) {
            throw new StoreException("The pages of this file are still being stored; take the excerpt once the "
                    + "import has finished");
        }
        return repo().addEvidence(caseNumber, e);
    }

    public void deleteExcerpt(String caseNumber, int index) throws StoreException {
        refuseIfLocked(caseNumber);
        repo().deleteEvidence(caseNumber, index);
    }

    /**
     * The sentence that cites an excerpt by the document of the chronology its page belongs to (a packet's
     * part, e.g. the progress note dated 1/19/15 on pages 4-6), falling back to the file's own details.
     */
    public String citation(String caseNumber, Evidence e) throws StoreException {
        var entry = entryOf(caseNumber, e.documentId(), e.page());
        if (entry.isPresent() && (entry.get().kind() != null && entry.get().kind() != DocumentKind.OTHER
                || entry.get().date() != null)) {
            return "Per the " + entry.get().citationName() + ", \"" + e.quote().strip().replaceAll("\\s+", " ")
                    + "\"";
        }
        RecordDocument d = documents(caseNumber).stream().map(StoredDocument::document)
                .filter(x -> x.id().equals(e.documentId())).findFirst()
                .orElseThrow(() -> new StoreException("Case " + caseNumber + " has no document " + e.documentId()));
        return citation(d, e);
    }

    /** The sentence that cites an excerpt, e.g. {@code Per the progress note dated 1/19/15, "..."}. */
    public static String citation(RecordDocument d, Evidence e) {
        String source = d.kind() != null && d.kind() != DocumentKind.OTHER
                ? d.kind().label().toLowerCase(Locale.ROOT)
                : d.title() != null ? d.title() : "record";
        String dated = d.date() == null ? "" : " dated " + CITE_DATE.format(d.date());
        return "Per the " + source + dated + ", \"" + e.quote().strip().replaceAll("\\s+", " ") + "\"";
    }

    private String uniqueId(String caseNumber, String fileName) throws StoreException {
        String base = fileName.replaceAll("\\.[A-Za-z0-9]{1,5}$", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (base.isEmpty()) {
            base = "document";
        }
        if (base.length() > 60) {
            base = base.substring(0, 60);
        }
        Set<String> taken = new java.util.HashSet<>();
        for (StoredDocument d : documents(caseNumber)) {
            taken.add(d.document().id());
        }
        String id = base;
        for (int n = 2; taken.contains(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
    }

    private static DocumentKind kindOf(String key) {
        try {
            return DocumentKind.valueOf(key);
        } catch (IllegalArgumentException | NullPointerException e) {
            return DocumentKind.OTHER;
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SHA-256 of a file, read in parts. */
    static String sha256(Path file) throws IOException {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[256 * 1024];
            try (var in = Files.newInputStream(file)) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    d.update(buf, 0, n);
                }
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
