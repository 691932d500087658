package org.reviewdesk.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.TestData;
import org.reviewdesk.TestPdfs;
import org.reviewdesk.record.RecordSource;
import org.reviewdesk.store.StoreException;

/**
 * A large PDF is never held whole: it is read where it lies while it is added, streamed into the store, and read
 * back from the store a block at a time to be shown, searched and read by OCR. Here every PDF over 1 KB takes that
 * path, so that small files show the same results as the in-memory path gives.
 */
class LargeRecordTest {
    @TempDir
    Path tmp;
    private Workbench w;

    @BeforeEach
    void open() throws Exception {
        w = Workbench.create(tmp.resolve("data"), TestData.PASSWORD, false);
        w.records().streamFilesLargerThan(1024);
    }

    @AfterEach
    void close() {
        w.close();
    }

    @Test
    void aStreamedPdfIsStoredWholeAndItsPagesAreReadShownAndFound() throws Exception {
        Path pdf = TestPdfs.progressNote(tmp, "pr2.pdf", 30);
        assertTrue(Files.size(pdf) > 1024);
        List<RecordService.AddResult> r = w.records().addFiles("EXAMPLE-0001", List.of(pdf),
                RecordService.Progress.NONE, () -> false);
        assertTrue(r.get(0).added(), r.toString());
        assertEquals(30, r.get(0).pages());
        assertArrayEquals(Files.readAllBytes(pdf), w.records().bytes("EXAMPLE-0001", "pr2"));
        assertTrue(w.records().pageText("EXAMPLE-0001", "pr2", 2).contains("full range of motion"));

        RecordSource stored = w.records().content("EXAMPLE-0001", "pr2");
        assertNull(stored.inMemory(), "read from the store in blocks");
        assertEquals(Files.size(pdf), stored.size());
        byte[] all = Files.readAllBytes(pdf);
        long mid = all.length / 2;
        assertArrayEquals(java.util.Arrays.copyOfRange(all, (int) mid, (int) mid + 500), stored.read(mid, 500));

        // page images drawn from the store's blocks are those drawn from the file in memory
        BufferedImage fromBlocks = w.records().pageImage("EXAMPLE-0001", "pr2", 30, 72);
        try (Workbench other = Workbench.create(tmp.resolve("data2"), TestData.PASSWORD, false)) {
            other.records().addFiles("EXAMPLE-0001", List.of(pdf), RecordService.Progress.NONE, () -> false);
            assertNotNull(other.records().content("EXAMPLE-0001", "pr2").inMemory());
            BufferedImage inMemory = other.records().pageImage("EXAMPLE-0001", "pr2", 30, 72);
            assertEquals(png(inMemory).length > 0, true);
            assertArrayEquals(png(inMemory), png(fromBlocks));
        }
        assertFalse(w.search().search("range of motion", null, 10).isEmpty(), "its pages were indexed");
    }

    /**
     * A packet's large PDF gets its pages read after the import from the store itself, a block at a time: it was read
     * inside the transaction that saves the pages, whose lock on the connection the reading threads waited for
     * (the import hung for good).
     */
    @Test
    void aPacketsLargePdfHasItsPagesReadFromTheStore() throws Exception {
        // 16 pages of 3 MB: the reading goes far past the blocks kept from opening the file
        Path pdf = tmp.resolve("pr2.pdf");
        TestPdfs.scanned(pdf, 16);
        w.records().addFiles("EXAMPLE-0001", List.of(pdf), RecordService.Progress.NONE, () -> false);
        Path packet = tmp.resolve("packet.zip");
        w.cases().export("EXAMPLE-0001", packet);
        try (Workbench other = Workbench.create(tmp.resolve("data3"), TestData.PASSWORD, true)) {
            other.records().streamFilesLargerThan(1024);
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                    () -> other.cases().importPath(packet, false));
            assertNull(other.records().content("EXAMPLE-0001", "pr2").inMemory(), "read in blocks");
            assertEquals(16, other.records().documents("EXAMPLE-0001").stream()
                    .filter(d -> d.document().id().equals("pr2")).findFirst().orElseThrow().pageCount());
        }
    }

    /** A file that changes while it is added (a download still being written) is refused by name; the batch goes on. */
    @Test
    void aFileThatGrowsWhileItIsAddedIsRefusedAndTheNextFileGoesIn() throws Exception {
        Path pdf = TestPdfs.progressNote(tmp, "growing.pdf", 40);
        Path other = TestPdfs.progressNote(tmp, "other.pdf", 2);
        java.util.concurrent.atomic.AtomicBoolean grown = new java.util.concurrent.atomic.AtomicBoolean();
        List<RecordService.AddResult> r = w.records().addFiles("EXAMPLE-0001", List.of(pdf, other),
                (file, i, n, done, total) -> {
                    if (file.equals("growing.pdf") && done == 5 && grown.compareAndSet(false, true)) {
                        try {
                            Files.write(pdf, new byte[] {'\n', '%'}, java.nio.file.StandardOpenOption.APPEND);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                }, () -> false);
        assertTrue(grown.get());
        assertTrue(r.get(0).error() != null && r.get(0).error().startsWith("growing.pdf changed while it was being "
                + "added"), r.toString());
        assertTrue(r.get(1).added(), r.toString());
        assertFalse(w.records().documents("EXAMPLE-0001").stream().anyMatch(d -> d.document().id().equals("growing")));
    }

    @Test
    void theSameLargeFileTwiceIsStoredOnce() throws Exception {
        Path pdf = TestPdfs.progressNote(tmp, "pr2.pdf", 5);
        Path copy = Files.copy(pdf, tmp.resolve("again.pdf"));
        List<RecordService.AddResult> r = w.records().addFiles("EXAMPLE-0001", List.of(pdf, copy),
                RecordService.Progress.NONE, () -> false);
        assertTrue(r.get(0).added());
        assertTrue(r.get(1).duplicate(), r.toString());
    }

    @Test
    void aDamagedLargePdfIsRefusedByNameAndLeavesNothing() throws Exception {
        Path pdf = TestPdfs.progressNote(tmp, "pr2.pdf", 5);
        byte[] b = Files.readAllBytes(pdf);
        Path cut = Files.write(tmp.resolve("cut.pdf"), java.util.Arrays.copyOf(b, b.length / 2));
        int before = w.records().documents("EXAMPLE-0001").size();
        List<RecordService.AddResult> r = w.records().addFiles("EXAMPLE-0001", List.of(cut),
                RecordService.Progress.NONE, () -> false);
        assertTrue(r.get(0).error().startsWith("cut.pdf is damaged or incomplete"), r.toString());
        assertEquals(before, w.records().documents("EXAMPLE-0001").size());
    }

    @Test
    void aFileThatChangesWhileItIsStoredIsRefusedAndNothingIsKept() throws Exception {
        Path pdf = TestPdfs.progressNote(tmp, "pr2.pdf", 5);
        int before = w.records().documents("EXAMPLE-0001").size();
        // the store's last step checks what it streamed against the SHA-256 taken before the pages were read
        var repo = w.store().records();
        var doc = new org.reviewdesk.domain.RecordDocument("changed", "Changed", null, null, null,
                "records/changed.pdf", "00".repeat(32));
        long size = Files.size(pdf);
        repo.beginAdd("EXAMPLE-0001", doc, "PDF", size, "00".repeat(32),
                List.of(new org.reviewdesk.store.RecordRepository.PageRow(1, "page", false)));
        StoreException e = org.junit.jupiter.api.Assertions.assertThrows(StoreException.class, () ->
                repo.finishAdd("EXAMPLE-0001", "changed", () -> Files.newInputStream(pdf), size, "00".repeat(32), 1));
        assertTrue(e.getMessage().contains("changed while it was being added"), e.getMessage());
        assertTrue(repo.importing("EXAMPLE-0001", "changed"), "the last step was not kept");
        repo.removeUnfinished("EXAMPLE-0001", "changed");
        assertEquals(before, w.records().documents("EXAMPLE-0001").size());
    }

    private static byte[] png(BufferedImage img) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static void assertNotNull(Object o) {
        org.junit.jupiter.api.Assertions.assertNotNull(o);
    }
}
