package org.reviewdesk.record.ocr;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.reviewdesk.record.PageImages;
import org.reviewdesk.record.RecordFile;
import org.reviewdesk.record.RecordFileException;

/**
 * OCR of some pages of one record file (PDF or image) held in memory, on several threads: each thread has its
 * own Tesseract engine and its own open copy of the document, renders a page (PDF pages at {@link #DPI}) and
 * recognises it; the results reach the caller's thread one at a time. Page images never leave memory. Worker
 * threads run at low priority so that the window stays responsive.
 */
public final class PageOcr {
    /** PDF pages are rendered at this resolution for OCR. */
    public static final int DPI = 300;

    /** One page's outcome: its reading, or why it could not be read. */
    public record Result(int page, OcrPage ocr, String error) {
    }

    /** Receives results on the caller's thread. */
    @FunctionalInterface
    public interface Sink {
        void accept(Result result) throws Exception;
    }

    private PageOcr() {
    }

    /**
     * Recognises {@code pages} (1-based) of the file on {@code threads} threads, delivering each result to
     * {@code sink} on this thread, in the order they finish. Stops early (without error) when {@code stop} turns
     * true; pages not delivered are simply not done.
     */
    public static void run(String fileName, byte[] bytes, List<Integer> pages, int threads, BooleanSupplier stop,
                           Sink sink) throws Exception {
        run(fileName, org.reviewdesk.record.RecordSource.of(bytes), pages, threads, stop, sink);
    }

    /** As {@link #run(String, byte[], List, int, BooleanSupplier, Sink)}, wherever the content is. */
    public static void run(String fileName, org.reviewdesk.record.RecordSource content, List<Integer> pages,
                           int threads, BooleanSupplier stop, Sink sink) throws Exception {
        if (pages.isEmpty()) {
            return;
        }
        int n = Math.max(1, Math.min(threads, pages.size()));
        RecordFile file = new RecordFile("ocr:" + System.identityHashCode(content), fileName, content);
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean halt = new AtomicBoolean();
        BlockingQueue<Result> out = new ArrayBlockingQueue<>(n * 2);
        Thread[] workers = new Thread[n];
        AtomicInteger running = new AtomicInteger(n);
        for (int t = 0; t < n; t++) {
            workers[t] = new Thread(() -> {
                OcrEngine engine = null;
                try (PageImages images = new PageImages(0, 1)) {
                    int i;
                    while (!halt.get() && !stop.getAsBoolean() && (i = next.getAndIncrement()) < pages.size()) {
                        int page = pages.get(i);
                        Result r;
                        try {
                            BufferedImage img = images.page(file, page, DPI);
                            if (engine == null) {
                                engine = new OcrEngine();
                            }
                            r = new Result(page, engine.recognize(img, dpiOf(fileName, img)), null);
                        } catch (RecordFileException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
                            // an error too: a worker that died would leave the page waiting for OCR for good,
                            // and every later OCR run would die on it again
                            r = new Result(page, null, "page " + page + " could not be read for OCR");
                        }
                        while (!halt.get() && !out.offer(r, 200, TimeUnit.MILLISECONDS)) {
                            // the caller is busy storing: wait
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    if (engine != null) {
                        engine.close();
                    }
                    running.decrementAndGet();
                }
            }, "ocr-" + t);
            workers[t].setDaemon(true);
            workers[t].setPriority(Thread.MIN_PRIORITY);
            workers[t].start();
        }
        try {
            while (true) {
                Result r = out.poll(100, TimeUnit.MILLISECONDS);
                if (r != null) {
                    sink.accept(r);
                } else if (running.get() == 0 && out.isEmpty()) {
                    break;
                }
            }
        } finally {
            halt.set(true);
            for (Thread w : workers) {
                w.join(60_000);
            }
        }
    }

    /** PDF pages come rendered at {@link #DPI}; images are taken as 300 dpi scans unless they are small. */
    private static int dpiOf(String fileName, BufferedImage img) {
        if (fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")) {
            return DPI;
        }
        return img.getWidth() < 2000 ? 200 : 300;
    }
}
