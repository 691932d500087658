package org.reviewdesk.record;

import java.awt.image.BufferedImage;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Page images of records for the viewer: PDF pages rendered at a resolution, PNG/JPEG images and TIFF frames
 * decoded, all cached in a least-recently-used cache bounded by pixel memory. Thread-safe; call it off the
 * FX thread. Images are shared: do not draw on them.
 */
public final class PageImages implements AutoCloseable {
    /**
     * The page-image cache's bound: a sixth of the heap cap, at most 256 MB (issue 13: the cache fits the launcher's
     * heap cap, 448 MB gives about 75 MB, some eighteen pages at the viewer's resolution).
     */
    public static final long DEFAULT_CACHE_BYTES = Math.min(256L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 6);
    public static final int DEFAULT_OPEN_DOCUMENTS = 2;
    // prefetching is a hint: when the reader pages faster than we render, the oldest requests are dropped
    private static final int PREFETCH_QUEUE = 4;

    static {
        MemoryOnly.ensure();
    }

    private final ImageCache cache;
    private final OpenPdfs pdfs;
    private final ConcurrentHashMap<ImageCache.Key, CompletableFuture<BufferedImage>> inFlight =
            new ConcurrentHashMap<>();
    private final ThreadPoolExecutor prefetcher;

    public PageImages() {
        this(DEFAULT_CACHE_BYTES, DEFAULT_OPEN_DOCUMENTS);
    }

    public PageImages(long maxCacheBytes, int maxOpenDocuments) {
        if (maxCacheBytes < 0 || maxOpenDocuments < 1) {
            throw new IllegalArgumentException("cache bytes must be >= 0 and open documents >= 1");
        }
        cache = new ImageCache(maxCacheBytes);
        pdfs = new OpenPdfs(maxOpenDocuments);
        prefetcher = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(PREFETCH_QUEUE),
                r -> {
                    Thread t = new Thread(r, "record-prefetch");
                    t.setDaemon(true);
                    return t;
                }, PageImages::dropOldest);
        prefetcher.allowCoreThreadTimeOut(true);
    }

    /**
     * The image of page {@code pageNumber} (1-based). PDF pages are rendered at {@code dpi}; images and TIFF
     * frames come at their own pixel size. A cached image is returned as is (the same instance).
     */
    public BufferedImage page(RecordFile record, int pageNumber, float dpi) throws RecordFileException {
        if (pageNumber < 1) {
            throw new IllegalArgumentException("page numbers start at 1: " + pageNumber);
        }
        ImageCache.Key key = new ImageCache.Key(record.id(), pageNumber, dpi);
        BufferedImage hit = cache.get(key);
        if (hit != null) {
            return hit;
        }
        CompletableFuture<BufferedImage> mine = new CompletableFuture<>();
        CompletableFuture<BufferedImage> other = inFlight.putIfAbsent(key, mine);
        if (other != null) {
            return await(other); // someone (often the prefetcher) is rendering this page right now
        }
        try {
            BufferedImage image = cache.get(key); // it may have landed between the first look and now
            if (image == null) {
                image = render(record, pageNumber, dpi);
                cache.put(key, image);
            }
            mine.complete(image);
            return image;
        } catch (RecordFileException | RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    /** Renders a page in the background (typically the next one) so that {@link #page} finds it cached. */
    public CompletableFuture<BufferedImage> prefetch(RecordFile record, int pageNumber, float dpi) {
        BufferedImage hit = cache.get(new ImageCache.Key(record.id(), pageNumber, dpi));
        if (hit != null) {
            return CompletableFuture.completedFuture(hit);
        }
        Prefetch task = new Prefetch(this, record, pageNumber, dpi);
        prefetcher.execute(task);
        return task.result;
    }

    /** Drops a record's cached images and closes its document, e.g. when its case is closed. */
    public void forget(String recordId) {
        cache.removeRecord(recordId);
        pdfs.close(recordId);
    }

    public long cachedBytes() {
        return cache.bytes();
    }

    public int cachedImages() {
        return cache.size();
    }

    public int openDocuments() {
        return pdfs.size();
    }

    @Override
    public void close() {
        prefetcher.shutdownNow().forEach(r -> ((Prefetch) r).result.cancel(false));
        cache.clear();
        pdfs.closeAll();
    }

    private BufferedImage render(RecordFile record, int pageNumber, float dpi) throws RecordFileException {
        FileFormat format = FileFormat.detect(record.fileName(), record.content().head());
        return switch (format.kind()) {
            case PDF -> pdfs.render(record, pageNumber, dpi);
            case IMAGE -> ImageFiles.readFrame(record.fileName(), record.bytes(), format, pageNumber);
            case TEXT -> throw new IllegalArgumentException(record.fileName() + " is a text file: it has no images");
        };
    }

    private static BufferedImage await(CompletableFuture<BufferedImage> f) throws RecordFileException {
        try {
            return f.join();
        } catch (CompletionException e) {
            Throwable c = e.getCause();
            if (c instanceof RecordFileException rfe) {
                throw rfe;
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    private static void dropOldest(Runnable rejected, ThreadPoolExecutor pool) {
        if (pool.isShutdown()) {
            ((Prefetch) rejected).result.cancel(false);
            return;
        }
        if (pool.getQueue().poll() instanceof Prefetch oldest) {
            oldest.result.cancel(false);
        }
        pool.execute(rejected);
    }

    /** One background render; its future completes with the image or the failure. */
    private record Prefetch(PageImages images, RecordFile record, int pageNumber, float dpi,
                            CompletableFuture<BufferedImage> result) implements Runnable {
        Prefetch(PageImages images, RecordFile record, int pageNumber, float dpi) {
            this(images, record, pageNumber, dpi, new CompletableFuture<>());
        }

        @Override
        public void run() {
            try {
                result.complete(images.page(record, pageNumber, dpi));
            } catch (RecordFileException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        }
    }
}
