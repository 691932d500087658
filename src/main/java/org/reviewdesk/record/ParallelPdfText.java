package org.reviewdesk.record;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Extracts a PDF's text on several threads and delivers it in page order. Pages are cut into small chunks
 * that workers claim in order; each worker loads the document once. At most a few chunks wait for delivery
 * (a semaphore is the window), so memory stays bounded whatever the page count.
 */
final class ParallelPdfText {
    private static final int MAX_WORKERS = 4;
    private static final int CHUNKS_IN_FLIGHT_PER_WORKER = 2;
    private static final int MAX_CHUNK = 16;
    private static final long POLL_MILLIS = 50;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final String fileName;
    private final RecordSource content;
    private final BooleanSupplier cancelled;
    private final int total;
    private final int chunk;
    private final int chunks;
    private final int workers;
    private final AtomicInteger nextChunk = new AtomicInteger();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Semaphore window;
    private final BlockingQueue<Chunk> done = new LinkedBlockingQueue<>();

    private record Chunk(int index, String[] pages, Throwable failure) {
    }

    ParallelPdfText(String fileName, RecordSource content, int pageCount, BooleanSupplier cancelled) {
        this.fileName = fileName;
        this.content = content;
        this.cancelled = cancelled;
        this.total = pageCount;
        int cores = Math.min(MAX_WORKERS, Runtime.getRuntime().availableProcessors());
        // a second worker pays for its own document load: only worth it beyond a handful of pages
        this.workers = Math.max(1, Math.min(cores, pageCount / 8));
        // small chunks keep the workers evenly busy and deliveries smooth; each is one PDFTextStripper pass
        this.chunk = Math.max(1, Math.min(MAX_CHUNK, pageCount / (workers * 4)));
        this.chunks = (pageCount + chunk - 1) / chunk;
        this.window = new Semaphore(workers * CHUNKS_IN_FLIGHT_PER_WORKER);
    }

    /** Reads every page; {@code opened} (already checked) serves the first worker and stays open. */
    void read(PDDocument opened, PageSink sink, ProgressListener progress)
            throws RecordFileException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "record-text-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            for (int w = 0; w < workers; w++) {
                boolean first = w == 0;
                pool.execute(() -> work(first ? opened : null));
            }
            deliver(sink, progress);
        } finally {
            stop.set(true);
            pool.shutdownNow();
            // the first worker uses the caller's document: let it finish its page before the caller closes it
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    private void deliver(PageSink sink, ProgressListener progress) throws RecordFileException, InterruptedException {
        Map<Integer, Chunk> early = new HashMap<>();
        int expected = 0;
        int pagesDone = 0;
        while (expected < chunks) {
            checkCancelled();
            Chunk c = done.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            if (c == null) {
                continue;
            }
            if (c.failure != null) {
                throw failure(c);
            }
            early.put(c.index, c);
            for (Chunk next = early.remove(expected); next != null; next = early.remove(expected)) {
                int firstPage = next.index * chunk + 1;
                for (int i = 0; i < next.pages.length; i++) {
                    checkCancelled();
                    sink.accept(new PageText(firstPage + i, next.pages[i]));
                    progress.pagesRead(++pagesDone, total);
                }
                window.release();
                expected++;
            }
        }
    }

    private void checkCancelled() {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("reading " + fileName + " was cancelled");
        }
    }

    private void work(PDDocument given) {
        PDDocument doc = given;
        int current = -1;
        try {
            if (doc == null) {
                doc = PdfFiles.load(fileName, content);
            }
            PageTextStripper stripper = new PageTextStripper(() -> stop.get() || cancelled.getAsBoolean());
            while (!stop.get()) {
                window.acquire();
                current = nextChunk.getAndIncrement();
                if (current >= chunks || stop.get()) {
                    window.release();
                    return;
                }
                int from = current * chunk + 1;
                done.add(new Chunk(current, stripper.extract(doc, from, Math.min(total, from + chunk - 1)), null));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the reader has finished or given up
        } catch (CancellationException e) {
            // stopped between pages: cancelled, or another worker failed and reported it
        } catch (RecordFileException | IOException | RuntimeException | Error e) {
            stop.set(true);
            done.add(new Chunk(current, null, e));
        } finally {
            if (doc != null && doc != given) {
                PdfFiles.closeQuietly(doc);
            }
        }
    }

    private RecordFileException failure(Chunk c) {
        Throwable e = c.failure;
        if (e instanceof OutOfMemoryError || e instanceof StackOverflowError) {
            return PdfFiles.tooComplex(fileName, e);
        }
        if (e instanceof Error err) {
            throw err;
        }
        if (e instanceof RecordFileException rfe) {
            return rfe;
        }
        if (c.index < 0) {
            return PdfFiles.damaged(fileName, e);
        }
        int from = c.index * chunk + 1;
        return PdfFiles.unreadable(fileName, from, Math.min(total, from + chunk - 1), e);
    }
}
