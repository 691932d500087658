package org.reviewdesk.record;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Reads record files (PDF, plain text, PNG, JPEG, TIFF), held in memory or (large PDFs) read a block at a
 * time: a first look with suggestions, and
 * the text of every page, streamed in page order. Nothing is written to disk and no text is logged.
 */
public final class RecordReader {
    static {
        MemoryOnly.ensure();
    }

    private RecordReader() {
    }

    /** The kind and page count of a file, and a date, document kind and title suggested by its first page. */
    public static RecordInfo inspect(String fileName, byte[] bytes) throws RecordFileException {
        return inspect(fileName, RecordSource.of(bytes));
    }

    /**
     * As {@link #inspect(String, byte[])}, wherever the content is. Content not held in memory must be a PDF
     * (read a block at a time); other kinds are read whole.
     */
    public static RecordInfo inspect(String fileName, RecordSource content) throws RecordFileException {
        FileFormat format = FileFormat.detect(fileName, content.head());
        int pages;
        String firstPage;
        switch (format.kind()) {
            case PDF -> {
                PDDocument doc = PdfFiles.open(fileName, content);
                try {
                    pages = doc.getNumberOfPages();
                    firstPage = new PageTextStripper(() -> false).extract(doc, 1, 1)[0];
                } catch (IOException | RuntimeException e) {
                    throw PdfFiles.unreadable(fileName, 1, 1, e);
                } catch (OutOfMemoryError | StackOverflowError e) {
                    throw PdfFiles.tooComplex(fileName, e);
                } finally {
                    PdfFiles.closeQuietly(doc);
                }
            }
            case TEXT -> {
                byte[] bytes = whole(fileName, content);
                pages = textPageCount(fileName, bytes);
                firstPage = TextPages.firstPage(bytes);
            }
            default -> {
                pages = ImageFiles.frameCount(fileName, whole(fileName, content), format);
                firstPage = ""; // no OCR: scans carry no text
            }
        }
        return new RecordInfo(fileName, format.kind(), pages, DateSuggestion.find(firstPage),
                KindSuggestion.guess(firstPage), TitleSuggestion.from(firstPage, fileName));
    }

    /**
     * Delivers the text of every page to {@code sink}, in page order, without holding the whole document's
     * text: PDF pages are extracted on several threads, text files are decoded as they go, images give one
     * empty page per image or TIFF frame. {@code sink} and {@code progress} are called on this thread;
     * {@code cancelled} is also asked from worker threads, so it must be thread-safe.
     *
     * @throws CancellationException when {@code cancelled} turned true; pages already delivered stay delivered
     * @throws InterruptedException  when this thread was interrupted
     */
    public static void readPages(String fileName, byte[] bytes, PageSink sink, ProgressListener progress,
                                 BooleanSupplier cancelled) throws RecordFileException, InterruptedException {
        readPages(fileName, RecordSource.of(bytes), sink, progress, cancelled);
    }

    /** As {@link #readPages(String, byte[], PageSink, ProgressListener, BooleanSupplier)}, wherever the content is. */
    public static void readPages(String fileName, RecordSource content, PageSink sink, ProgressListener progress,
                                 BooleanSupplier cancelled) throws RecordFileException, InterruptedException {
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(cancelled, "cancelled");
        FileFormat format = FileFormat.detect(fileName, content.head());
        switch (format.kind()) {
            case PDF -> readPdf(fileName, content, sink, progress, cancelled);
            case TEXT -> readText(fileName, whole(fileName, content), sink, progress, cancelled);
            default -> readImage(fileName, whole(fileName, content), format, sink, progress, cancelled);
        }
    }

    /** The whole content of a kind that is read whole; large content (kept elsewhere) is only ever a PDF. */
    private static byte[] whole(String fileName, RecordSource content) throws RecordFileException {
        return new RecordFile(fileName, fileName, content).bytes();
    }

    private static void readPdf(String fileName, RecordSource content, PageSink sink, ProgressListener progress,
                                BooleanSupplier cancelled) throws RecordFileException, InterruptedException {
        PDDocument doc = PdfFiles.open(fileName, content);
        try {
            new ParallelPdfText(fileName, content, doc.getNumberOfPages(), cancelled).read(doc, sink, progress);
        } finally {
            PdfFiles.closeQuietly(doc);
        }
    }

    private static void readText(String fileName, byte[] bytes, PageSink sink, ProgressListener progress,
                                 BooleanSupplier cancelled) throws RecordFileException {
        int total = textPageCount(fileName, bytes);
        TextPages.read(bytes, (page, text) -> {
            sink.accept(new PageText(page, text.toString().strip()));
            progress.pagesRead(page, total);
        }, cancelled);
    }

    private static int textPageCount(String fileName, byte[] bytes) throws RecordFileException {
        int pages = TextPages.count(bytes);
        if (pages > Limits.MAX_PAGES) {
            throw Limits.tooManyPages(fileName, pages);
        }
        return pages;
    }

    private static void readImage(String fileName, byte[] bytes, FileFormat format, PageSink sink,
                                  ProgressListener progress, BooleanSupplier cancelled) throws RecordFileException {
        int frames = ImageFiles.frameCount(fileName, bytes, format);
        for (int page = 1; page <= frames; page++) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("reading " + fileName + " was cancelled");
            }
            sink.accept(new PageText(page, ""));
            progress.pagesRead(page, frames);
        }
    }
}
