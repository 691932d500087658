package org.reviewdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.TestData;
import org.reviewdesk.domain.DocumentKind;
import org.reviewdesk.record.ocr.OcrWord;
import org.reviewdesk.record.ocr.OcrWords;
import org.reviewdesk.record.ocr.ScannedPackets;

/**
 * A scanned packet (generated from known text: three documents out of date order, pages sideways and upside
 * down, two pages re-scanned with other noise) imported into a real encrypted store and read by OCR: the text
 * is searchable and drawn on the page, the chronology lists the documents in date order, the duplicates are
 * found, and no file of the data folder holds the text.
 */
class ScannedImportTest {
    private static final String CASE = "EXAMPLE-0001";

    @TempDir
    Path tmp;

    @Test
    void aScannedPacketIsReadSplitIntoItsDocumentsDeduplicatedAndSearchable() throws Exception {
        ScannedPackets.Packet packet = ScannedPackets.packet(new ScannedPackets.Scan(200, 0.6, false, 0.002, 0,
                true, 5), true, 2, 5);
        Path file = Files.write(tmp.resolve("packet.pdf"), packet.pdf());
        Path data = tmp.resolve("data");
        try (Workbench w = Workbench.create(data, TestData.PASSWORD, false)) {
            var added = w.records().addFiles(CASE, List.of(file), RecordService.Progress.NONE, () -> false);
            assertTrue(added.get(0).added(), added.toString());
            String id = added.get(0).documentId();
            int pages = packet.pageTexts().size();

            // before OCR: every page waits, search says so
            OcrService.Status before = w.ocr().status(CASE);
            assertEquals(pages, before.pending());
            assertEquals("OCR 0 of " + pages + " pages", before.label());
            assertTrue(w.search().search("paraspinal", CASE, 10).isEmpty());

            List<int[]> progress = new ArrayList<>();
            OcrService.Status after = w.ocr().runNow(CASE, (d, t) -> progress.add(new int[] {d, t}));
            assertEquals(pages, after.done(), after.toString());
            assertFalse(after.unfinished());
            assertEquals(pages, progress.size());
            assertEquals(pages, progress.get(pages - 1)[0]);

            // words read (fax-like, 200 dpi: word accuracy >= 93% over the packet), each page turned upright
            double weighted = 0;
            int known = 0;
            StringBuilder perPage = new StringBuilder();
            for (int p = 1; p <= pages; p++) {
                String text = w.records().pageText(CASE, id, p);
                double acc = ScannedPackets.wordAccuracy(packet.pageTexts().get(p - 1), text);
                int n = ScannedPackets.words(packet.pageTexts().get(p - 1)).length;
                weighted += acc * n;
                known += n;
                perPage.append(String.format(" p%d=%.3f", p, acc));
                assertTrue(acc >= 0.85, "page " + p + " accuracy " + acc);
                assertEquals(packet.rotations().get(p - 1), w.records().pageWords(CASE, id, p).rotation(),
                        "rotation of page " + p);
            }
            assertTrue(weighted / known >= 0.93, "word accuracy" + perPage);

            // the chronology: three documents found at the right pages, listed oldest first
            List<RecordService.ChronologyEntry> chrono = w.records().chronology(CASE).stream()
                    .filter(e -> e.documentId().equals(id)).toList();
            assertEquals(List.of(6, 4, 1), chrono.stream().map(RecordService.ChronologyEntry::firstPage).toList(),
                    chrono.toString());
            assertEquals(List.of(LocalDate.of(2014, 11, 2), LocalDate.of(2015, 1, 19), LocalDate.of(2015, 3, 14)),
                    chrono.stream().map(RecordService.ChronologyEntry::date).toList());
            assertEquals(List.of(DocumentKind.IMAGING_REPORT, DocumentKind.THERAPY_NOTE, DocumentKind.PROGRESS_NOTE),
                    chrono.stream().map(RecordService.ChronologyEntry::kind).toList());
            assertEquals("progress note dated 3/14/15", chrono.get(2).citationName());
            assertEquals(3, chrono.get(2).pages());

            // the two re-scanned pages, and nothing else, are duplicates
            List<RecordService.DuplicatePage> dups = w.records().duplicates(CASE);
            assertEquals(List.of("8->2", "9->5"), dups.stream().map(d -> d.page() + "->" + d.originalPage())
                    .toList(), dups.toString());

            // a phrase of a scanned page is found, and its words have boxes on the page image
            var hits = w.search().search("\"Straight leg raise\"", CASE, 50);
            assertFalse(hits.isEmpty());
            var hit = hits.get(0);
            String text = w.records().pageText(CASE, id, hit.page());
            var words = w.records().pageWords(CASE, id, hit.page());
            assertTrue(words.ocr());
            List<int[]> marks = SearchService.marks(text, "\"Straight leg raise\"");
            assertFalse(marks.isEmpty());
            List<OcrWord> boxes = OcrWords.covering(words.words(), marks.get(0)[0], marks.get(0)[1]);
            assertEquals(3, boxes.size());
            assertEquals("Straight", text.substring(boxes.get(0).start(), boxes.get(0).end()));
            assertTrue(boxes.get(0).x() > 0.05 && boxes.get(0).x() < 0.2, boxes.toString());
        }

        // no file of the data folder holds the recognised text
        List<String> phrases = new ArrayList<>();
        for (String t : packet.pageTexts()) {
            String flat = t.replace('\n', ' ');
            for (int i = 0; i + 20 <= flat.length(); i += 30) {
                phrases.add(flat.substring(i, i + 20));
            }
        }
        try (Stream<Path> s = Files.walk(data)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                String latin = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (String phrase : phrases) {
                    assertFalse(latin.contains(phrase), f + " holds \"" + phrase + "\"");
                }
            }
        }
    }
}
