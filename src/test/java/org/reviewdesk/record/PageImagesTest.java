package org.reviewdesk.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PageImagesTest {
    // a letter page at 72 dpi: 612 x 792 pixels of 4 bytes
    private static final long LETTER_AT_72 = 612L * 792 * 4;

    @Test
    void pdfPageIsRenderedAtTheAskedResolution() throws Exception {
        RecordFile pdf = new RecordFile("doc-1", "notes.pdf", TestRecords.numberedPdf(3));
        try (PageImages images = new PageImages()) {
            BufferedImage at72 = images.page(pdf, 2, 72);
            BufferedImage at144 = images.page(pdf, 2, 144);

            assertEquals(612, at72.getWidth());
            assertEquals(792, at72.getHeight());
            assertEquals(1224, at144.getWidth());
            assertTrue(hasDarkPixels(at72), "the page's text is drawn");
        }
    }

    @Test
    void imagesAndTiffFramesComeAtTheirOwnSize() throws Exception {
        RecordFile png = new RecordFile("png", "scan.png", TestRecords.png(120, 80));
        RecordFile tiff = new RecordFile("tif", "fax.tif", TestRecords.tiff(TestRecords.picture(30, 20, Color.WHITE),
                TestRecords.picture(50, 40, Color.GRAY)));
        try (PageImages images = new PageImages()) {
            assertEquals(120, images.page(png, 1, 150).getWidth());
            assertEquals(30, images.page(tiff, 1, 150).getWidth());
            assertEquals(50, images.page(tiff, 2, 150).getWidth());
            assertEquals(40, images.page(tiff, 2, 150).getHeight());
        }
    }

    @Test
    void aSecondRequestIsServedFromTheCache() throws Exception {
        RecordFile pdf = new RecordFile("doc-1", "notes.pdf", TestRecords.numberedPdf(2));
        try (PageImages images = new PageImages()) {
            long t0 = System.nanoTime();
            BufferedImage first = images.page(pdf, 1, 100);
            long t1 = System.nanoTime();
            BufferedImage second = images.page(new RecordFile("doc-1", "notes.pdf", pdf.bytes()), 1, 100);
            long t2 = System.nanoTime();

            assertSame(first, second);
            assertEquals(1, images.cachedImages());
            assertEquals(ImageCache.sizeOf(first), images.cachedBytes());
            assertTrue(t2 - t1 < (t1 - t0) / 5 + TimeUnit.MILLISECONDS.toNanos(1),
                    "cached " + (t2 - t1) + " ns vs rendered " + (t1 - t0) + " ns");
        }
    }

    @Test
    void theCacheEvictsTheLeastRecentlyUsedPagesToStayWithinItsBound() throws Exception {
        RecordFile pdf = new RecordFile("doc-1", "notes.pdf", TestRecords.numberedPdf(4));
        long bound = LETTER_AT_72 * 2 + LETTER_AT_72 / 2;
        try (PageImages images = new PageImages(bound, 2)) {
            BufferedImage page1 = images.page(pdf, 1, 72);
            BufferedImage page2 = images.page(pdf, 2, 72);
            images.page(pdf, 1, 72); // page 1 is now the most recently used
            images.page(pdf, 3, 72);

            assertEquals(2, images.cachedImages());
            assertTrue(images.cachedBytes() <= bound);
            assertSame(page1, images.page(pdf, 1, 72), "page 1 was used recently and stays");
            assertNotSame(page2, images.page(pdf, 2, 72), "page 2 was evicted and is rendered again");
        }
    }

    @Test
    void anEvictedPageIsRenderedAgain() throws Exception {
        RecordFile pdf = new RecordFile("doc-1", "notes.pdf", TestRecords.numberedPdf(2));
        try (PageImages images = new PageImages(LETTER_AT_72 + 1, 2)) {
            BufferedImage page1 = images.page(pdf, 1, 72);
            images.page(pdf, 2, 72);

            assertEquals(1, images.cachedImages());
            assertNotSame(page1, images.page(pdf, 1, 72));
        }
    }

    @Test
    void onlyAFewDocumentsStayOpen() throws Exception {
        List<RecordFile> records = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            records.add(new RecordFile("doc-" + i, "notes" + i + ".pdf", TestRecords.numberedPdf(2)));
        }
        try (PageImages images = new PageImages(0, 2)) {
            for (RecordFile r : records) {
                images.page(r, 1, 36);
            }
            assertEquals(2, images.openDocuments());

            images.page(records.get(0), 2, 36); // closed earlier, opened again
            assertEquals(2, images.openDocuments());
            images.forget("doc-0");
            assertEquals(1, images.openDocuments());
        }
    }

    @Test
    void prefetchedPageIsThenServedFromTheCache() throws Exception {
        RecordFile pdf = new RecordFile("doc-1", "notes.pdf", TestRecords.numberedPdf(3));
        try (PageImages images = new PageImages()) {
            BufferedImage prefetched = images.prefetch(pdf, 2, 72).get(30, TimeUnit.SECONDS);

            assertSame(prefetched, images.page(pdf, 2, 72));
        }
    }

    @Test
    void concurrentRequestsForTheSamePagesShareOneRendering() throws Exception {
        RecordFile pdf = new RecordFile("doc-1", "notes.pdf", TestRecords.numberedPdf(4));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (PageImages images = new PageImages()) {
            List<Future<BufferedImage>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int page = i % 4 + 1;
                results.add(pool.submit(() -> images.page(pdf, page, 50)));
            }
            for (int i = 0; i < 16; i++) {
                assertSame(images.page(pdf, i % 4 + 1, 50), results.get(i).get(30, TimeUnit.SECONDS));
            }
            assertEquals(4, images.cachedImages());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPageBeyondTheEndIsRefusedWithTheFileName() throws Exception {
        RecordFile pdf = new RecordFile("doc-1", "notes.pdf", TestRecords.numberedPdf(2));
        try (PageImages images = new PageImages()) {
            RecordFileException e = assertThrows(RecordFileException.class, () -> images.page(pdf, 3, 72));
            assertEquals("notes.pdf has no page 3 (it has 2)", e.getMessage());
        }
    }

    @Test
    void aBadFileIsRefusedWhenShown() throws Exception {
        try (PageImages images = new PageImages()) {
            RecordFileException e = assertThrows(RecordFileException.class,
                    () -> images.page(new RecordFile("x", "bomb.png", TestRecords.pngHeaderClaiming(50_000, 50_000)),
                            1, 72));
            assertTrue(e.getMessage().startsWith("bomb.png declares an image of 50000 x 50000 pixels"));
        }
    }

    @Test
    void aHugePageIsRenderedAtALowerResolutionThatFitsTheHeap() throws Exception {
        // 200 x 200 inches: at the OCR's 300 dpi that would be 60,000 x 60,000 pixels (14 GB); the old 100 million
        // pixel cap still made a 400 MB image, more than the packaged app's whole heap
        byte[] pdf;
        try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage(
                    new org.apache.pdfbox.pdmodel.common.PDRectangle(14_400, 14_400)));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            doc.save(out);
            pdf = out.toByteArray();
        }
        try (PageImages images = new PageImages(0, 1)) {
            BufferedImage page = images.page(new RecordFile("big", "drawing.pdf", pdf), 1, 300);
            long pixels = (long) page.getWidth() * page.getHeight();
            assertTrue(pixels <= 25_000_000L, page.getWidth() + " x " + page.getHeight());
            assertTrue(page.getWidth() >= 4_900 && page.getWidth() == page.getHeight(),
                    page.getWidth() + " x " + page.getHeight());
        }
    }

    private static boolean hasDarkPixels(BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFF) < 100) {
                    return true;
                }
            }
        }
        return false;
    }
}
