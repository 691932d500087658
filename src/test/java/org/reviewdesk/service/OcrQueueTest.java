package org.reviewdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.TestData;
import org.reviewdesk.record.ocr.ScannedPackets;

/**
 * The background OCR as the window drives it: pages wait in the store (and still wait after a restart), cancel
 * stops a case's pages until restarted, pause holds all work, resume reads the pages and tells listeners.
 */
class OcrQueueTest {
    private static final String CASE = "EXAMPLE-0001";

    @TempDir
    Path tmp;

    @Test
    void waitingPagesSurviveARestartCancelAndPauseHoldThemAndResumeReadsThem() throws Exception {
        ScannedPackets.Packet packet = ScannedPackets.smallPacket(new ScannedPackets.Scan(200, 0.3, false, 0.001, 0,
                false, 9));
        Path file = Files.write(tmp.resolve("scan.pdf"), packet.pdf());
        Path data = tmp.resolve("data");
        try (Workbench w = Workbench.create(data, TestData.PASSWORD, false)) {
            w.records().addFiles(CASE, List.of(file), RecordService.Progress.NONE, () -> false);
            assertEquals(3, w.ocr().status(CASE).pending());
        }
        try (Workbench w = Workbench.open(data, TestData.PASSWORD)) {
            OcrService ocr = w.ocr();
            assertEquals(3, ocr.status(CASE).pending(), "pages still wait after a restart");

            ocr.cancel(CASE);
            OcrService.Status cancelled = ocr.status(CASE);
            assertEquals(0, cancelled.pending());
            assertEquals(3, cancelled.cancelled());
            assertEquals("OCR 0 of 3 pages (3 cancelled)", cancelled.label());
            assertEquals(0, ocr.runNow(CASE, (d, t) -> { }).done(), "cancelled pages are not read");
            ocr.restart(CASE);
            assertEquals(3, ocr.status(CASE).pending());

            List<String> told = new CopyOnWriteArrayList<>();
            ocr.addListener((c, d, p) -> told.add(d + ":" + p));
            ocr.pause();
            ocr.start();
            ocr.kick();
            Thread.sleep(1500);
            assertEquals(0, ocr.status(CASE).done(), "nothing is read while paused");
            assertEquals("OCR 0 of 3 pages (paused)", ocr.status(CASE).label());

            ocr.resume();
            long end = System.nanoTime() + 150_000_000_000L;
            while (ocr.status(CASE).unfinished() && System.nanoTime() < end) {
                Thread.sleep(200);
            }
            assertEquals(3, ocr.status(CASE).done());
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!told.contains("scan:0") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(told.containsAll(List.of("scan:1", "scan:2", "scan:3", "scan:0")), told.toString());
            assertTrue(w.records().pageText(CASE, "scan", 2).contains("PHYSICAL THERAPY NOTE"));
            assertEquals(3, w.records().chronology(CASE).stream().filter(e -> e.documentId().equals("scan")).count());
        }
    }
}
