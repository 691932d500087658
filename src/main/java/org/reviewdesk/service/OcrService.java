package org.reviewdesk.service;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.reviewdesk.record.ocr.OcrPage;
import org.reviewdesk.record.ocr.OcrWords;
import org.reviewdesk.record.ocr.PageOcr;
import org.reviewdesk.store.RecordRepository;
import org.reviewdesk.store.Store;
import org.reviewdesk.store.StoreException;

/**
 * OCR of the record pages that have no usable text, in the background: page by page into the encrypted store
 * (text, word boxes, the turn that shows the page upright), each page handed to search as it arrives. Pages
 * waiting for OCR are marked in the store, so the work resumes after a restart. The reviewer can pause it (for
 * everything) and cancel it (for a case; started again with {@link #restart}). One Tesseract engine per core,
 * on low-priority threads; page images stay in memory.
 */
public final class OcrService implements AutoCloseable {
    /** How far the OCR of a case is. */
    public record Status(int done, int total, int pending, int cancelled, int failed, boolean paused) {
        public boolean unfinished() {
            return pending > 0;
        }

        /** "OCR 120 of 600 pages" (and "paused", "cancelled"), or "" when the case has no scanned pages. */
        public String label() {
            if (total == 0) {
                return "";
            }
            String s = "OCR " + done + " of " + total + " pages";
            if (pending > 0 && paused) {
                s += " (paused)";
            } else if (cancelled > 0) {
                s += " (" + cancelled + " cancelled)";
            }
            if (failed > 0) {
                s += ", " + failed + (failed == 1 ? " page" : " pages") + " unreadable";
            }
            return s;
        }
    }

    /**
     * Told about each page read (case number, document id, page), from the OCR thread; page 0 when all the
     * waiting pages of a file were read and its chronology and duplicates found again.
     */
    @FunctionalInterface
    public interface PageListener {
        void pageRead(String caseNumber, String documentId, int page);
    }

    private final Store store;
    private final SearchService search;
    private final RecordService records;
    private final int threads;
    private final Object lock = new Object();
    private final List<PageListener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean paused;
    private volatile boolean closed;
    private volatile String cancelling;
    private volatile String focus;
    private boolean kicked;
    private Thread worker;

    OcrService(Store store, SearchService search, RecordService records) {
        this(store, search, records, Runtime.getRuntime().availableProcessors());
    }

    OcrService(Store store, SearchService search, RecordService records, int threads) {
        this.store = store;
        this.search = search;
        this.records = records;
        this.threads = Math.max(1, threads);
    }

    private RecordRepository repo() {
        return store.records();
    }

    /** Starts the background OCR (the window does this once unlocked); pages waiting from before resume. */
    public void start() {
        synchronized (lock) {
            if (worker != null || closed) {
                return;
            }
            worker = new Thread(this::loop, "ocr-queue");
            worker.setDaemon(true);
            worker.setPriority(Thread.MIN_PRIORITY);
            worker.start();
        }
    }

    /** Tells the background OCR that pages may be waiting (after an import). */
    public void kick() {
        synchronized (lock) {
            kicked = true;
            lock.notifyAll();
        }
    }

    /** Reads the pages of this case first. */
    public void focus(String caseNumber) {
        focus = caseNumber;
    }

    public void addListener(PageListener l) {
        listeners.add(l);
    }

    public void removeListener(PageListener l) {
        listeners.remove(l);
    }

    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
        kick();
    }

    public boolean paused() {
        return paused;
    }

    /** Stops the OCR of a case's waiting pages; they keep no text until {@link #restart}ed. */
    public void cancel(String caseNumber) throws StoreException {
        cancelling = caseNumber;
        repo().setCaseOcr(caseNumber, false);
        kick();
    }

    /** Starts the OCR of a case's cancelled pages again. */
    public void restart(String caseNumber) throws StoreException {
        if (caseNumber.equals(cancelling)) {
            cancelling = null;
        }
        repo().setCaseOcr(caseNumber, true);
        kick();
    }

    public Status status(String caseNumber) throws StoreException {
        RecordRepository.OcrCounts c = repo().ocrCounts(caseNumber);
        return new Status(c.done(), c.total(), c.pending(), c.cancelled(), c.failed(), paused);
    }

    /**
     * Reads every page of the case waiting for OCR on this thread (with the pool), for the command line;
     * {@code progress} gets (pages done, pages in total) after each page.
     */
    public Status runNow(String caseNumber, java.util.function.BiConsumer<Integer, Integer> progress)
            throws Exception {
        for (RecordRepository.OcrJob job : repo().pendingOcr(caseNumber)) {
            if (!job.caseNumber().equals(caseNumber)) {
                continue;
            }
            process(job, () -> false, () -> {
                try {
                    Status s = status(caseNumber);
                    progress.accept(s.done() + s.failed(), s.total());
                } catch (StoreException e) {
                    // progress is a courtesy
                }
            });
        }
        return status(caseNumber);
    }

    private void loop() {
        while (!closed) {
            try {
                synchronized (lock) {
                    while (!closed && (paused || !kicked)) {
                        lock.wait(paused ? 1000 : 30_000);
                        if (!paused && !kicked) {
                            kicked = true; // look again now and then (pages from a packet imported elsewhere)
                        }
                    }
                    kicked = false;
                }
                if (closed) {
                    return;
                }
                List<RecordRepository.OcrJob> jobs = repo().pendingOcr(focus);
                for (RecordRepository.OcrJob job : jobs) {
                    if (closed || paused) {
                        break;
                    }
                    process(job, () -> closed || paused || job.caseNumber().equals(cancelling), () -> { });
                    if (!closed && !paused) {
                        kicked = true; // more may have come meanwhile
                    }
                    break; // look again: the focus may have changed
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // a store error (e.g. locked during a backup) must not kill the queue: wait and try again
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException ie) {
                    return;
                }
                kick();
            }
        }
    }

    private void process(RecordRepository.OcrJob job, java.util.function.BooleanSupplier stop, Runnable afterPage)
            throws Exception {
        // a large scanned PDF is read from the store a block at a time, not held whole
        org.reviewdesk.record.RecordSource content = records.content(job.caseNumber(), job.documentId());
        String name = job.fileName() == null ? job.documentId() : job.fileName();
        java.util.concurrent.atomic.AtomicInteger indexed = new java.util.concurrent.atomic.AtomicInteger();
        PageOcr.run(name, content, job.pages(), threads, stop, r -> {
            if (r.ocr() != null) {
                OcrPage p = r.ocr();
                if (repo().saveOcr(job.caseNumber(), job.documentId(), r.page(), p.text(),
                        OcrWords.encode(p.words()), p.rotation(), p.confidence())) {
                    search.pageAdded(job.caseNumber(), job.documentId(), r.page(), p.text());
                    if (indexed.incrementAndGet() % 20 == 0) {
                        search.documentStored(job.caseNumber(), job.documentId()); // durable every 20 pages
                    }
                }
            } else {
                repo().ocrFailed(job.caseNumber(), job.documentId(), r.page());
            }
            afterPage.run();
            for (PageListener l : listeners) {
                l.pageRead(job.caseNumber(), job.documentId(), r.page());
            }
        });
        search.documentStored(job.caseNumber(), job.documentId());
        if (!stop.getAsBoolean()) {
            records.analyze(job.caseNumber(), job.documentId());
            for (PageListener l : listeners) {
                l.pageRead(job.caseNumber(), job.documentId(), 0); // page 0: the whole file was read and split
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        kick();
        Thread w;
        synchronized (lock) {
            w = worker;
        }
        if (w != null) {
            try {
                w.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
