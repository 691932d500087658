package org.reviewdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.TestData;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.domain.Evidence;
import org.reviewdesk.domain.StoredDocument;

/** Adding record files to a case: every path, bad files refused by name, duplicates, excerpts, search. */
class RecordImportTest {
    @TempDir
    Path tmp;
    private Workbench w;

    @BeforeEach
    void open() throws Exception {
        w = Workbench.create(tmp.resolve("data"), TestData.PASSWORD, false);
    }

    @AfterEach
    void close() {
        w.close();
    }

    static Path pdf(Path dir, String name, int pages) throws Exception {
        return org.reviewdesk.TestPdfs.progressNote(dir, name, pages);
    }

    private static Path png(Path dir, String name) throws Exception {
        BufferedImage img = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        Path p = dir.resolve(name);
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    @Test
    void aPdfATextFileAndAnImageBecomeDocumentsWithPagesAndSuggestions() throws Exception {
        Path pdf = pdf(tmp, "pr2.pdf", 3);
        Path txt = Files.writeString(tmp.resolve("note.txt"), "UTILIZATION REVIEW DETERMINATION\nDate: 01/29/2015\n"
                + "The request is non-certified.");
        Path png = png(tmp, "xray.png");
        List<RecordService.AddResult> r = w.records().addFiles("EXAMPLE-0001", List.of(pdf, txt, png),
                RecordService.Progress.NONE, () -> false);
        assertTrue(r.stream().allMatch(RecordService.AddResult::added), r.toString());
        assertEquals(List.of(3, 1, 1), r.stream().map(RecordService.AddResult::pages).toList());

        List<StoredDocument> docs = w.records().documents("EXAMPLE-0001");
        StoredDocument d = docs.stream().filter(x -> x.document().id().equals("pr2")).findFirst().orElseThrow();
        assertEquals(3, d.pageCount());
        assertEquals("PDF", d.mediaKind());
        assertEquals(java.time.LocalDate.of(2015, 1, 19), d.document().date());
        assertEquals(org.reviewdesk.domain.DocumentKind.PROGRESS_NOTE, d.document().kind());
        assertTrue(w.records().pageText("EXAMPLE-0001", "pr2", 2).contains("full range of motion"));
        assertArrayEquals(Files.readAllBytes(pdf), w.records().bytes("EXAMPLE-0001", "pr2"));
        assertEquals(300, w.records().pageImage("EXAMPLE-0001", "xray", 1, 72).getWidth());
        assertTrue(w.records().pageImage("EXAMPLE-0001", "pr2", 1, 72).getWidth() > 500);
    }

    private static void assertArrayEquals(byte[] a, byte[] b) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(a, b);
    }

    /** The import analyses the pages it has just read, not read again from the store: the same result. */
    @Test
    void theAnalysesOfAnImportAreTheSameAsFromTheStoredPages() throws Exception {
        List<List<String>> first = new java.util.ArrayList<>();
        for (int p = 1; p <= 6; p++) {
            first.add(List.of("PROGRESS NOTE Date of service: 0" + p + "/12/2015", "Page " + p + " of 6",
                    "The patient reports low back pain radiating to the left leg, worse with sitting " + p + ".",
                    "Examination shows tenderness of the lumbar paraspinals and a positive straight leg raise."));
        }
        List<List<String>> second = new java.util.ArrayList<>(first.subList(2, 5)); // pages faxed again
        second.add(List.of("PHYSICAL THERAPY DAILY NOTE Date: 07/01/2015",
                "Therapeutic exercise and manual therapy were given for the lumbar spine today, visit 4 of 12."));
        Path a = Files.write(tmp.resolve("notes.pdf"), org.reviewdesk.record.TestRecords.pdf(first));
        Path b = Files.write(tmp.resolve("faxed.pdf"), org.reviewdesk.record.TestRecords.pdf(second));
        w.records().addFiles("EXAMPLE-0001", List.of(a, png(tmp, "scan.png"), b), RecordService.Progress.NONE,
                () -> false);
        var duplicates = w.records().duplicates("EXAMPLE-0001");
        var chronology = w.records().chronology("EXAMPLE-0001");
        assertEquals(3, duplicates.stream().filter(d -> d.documentId().equals("faxed")).count(), duplicates.toString());
        w.records().analyze("EXAMPLE-0001", "faxed");
        assertEquals(duplicates, w.records().duplicates("EXAMPLE-0001"));
        assertEquals(chronology, w.records().chronology("EXAMPLE-0001"));
    }

    @Test
    void badFilesAreRefusedByNameTheOthersGoInAndNothingHalfWrittenRemains() throws Exception {
        Path good = pdf(tmp, "good.pdf", 2);
        Path empty = Files.write(tmp.resolve("empty.pdf"), new byte[0]);
        Path fake = Files.writeString(tmp.resolve("letter.pdf"), "this is not a PDF at all");
        byte[] whole = Files.readAllBytes(pdf(tmp, "whole.pdf", 5));
        Path truncated = Files.write(tmp.resolve("truncated.pdf"), java.util.Arrays.copyOf(whole, whole.length / 3));
        Path exe = Files.write(tmp.resolve("setup.exe"), new byte[] {'M', 'Z', 0, 0, 1, 2, 3});
        int before = w.records().documents("EXAMPLE-0001").size();

        List<RecordService.AddResult> r = w.records().addFiles("EXAMPLE-0001",
                List.of(empty, fake, good, truncated, exe), RecordService.Progress.NONE, () -> false);

        assertEquals(List.of(false, false, true, false, false), r.stream().map(RecordService.AddResult::added).toList());
        for (int i : new int[] {0, 1, 3, 4}) {
            String error = r.get(i).error();
            assertTrue(error != null && error.contains(r.get(i).fileName()), "the message names the file: " + error);
        }
        assertEquals(before + 1, w.records().documents("EXAMPLE-0001").size());
        assertTrue(w.search().search("truncated", "EXAMPLE-0001", 10).isEmpty());
    }

    @Test
    void theSameFileAddedTwiceIsStoredOnce() throws Exception {
        Path a = pdf(tmp, "a.pdf", 1);
        Path copy = Files.copy(a, tmp.resolve("copy-of-a.pdf"));
        w.records().addFiles("EXAMPLE-0001", List.of(a), RecordService.Progress.NONE, () -> false);
        List<RecordService.AddResult> again = w.records().addFiles("EXAMPLE-0001", List.of(copy),
                RecordService.Progress.NONE, () -> false);
        assertTrue(again.get(0).duplicate());
        assertEquals("a", again.get(0).documentId());
        assertEquals(4, w.records().documents("EXAMPLE-0001").size(), "3 sample documents and one PDF");
    }

    @Test
    void aCancelledImportLeavesNothingOfTheFileItWasReading() throws Exception {
        Path big = pdf(tmp, "big.pdf", 40);
        int before = w.records().documents("EXAMPLE-0001").size();
        boolean[] stop = {false};
        List<RecordService.AddResult> r = w.records().addFiles("EXAMPLE-0001", List.of(big),
                (name, i, n, done, total) -> stop[0] = done >= 5, () -> stop[0]);
        assertFalse(r.isEmpty() && r.get(0).added(), r.toString());
        assertEquals(before, w.records().documents("EXAMPLE-0001").size());
    }

    @Test
    void searchFindsPagesWithTheWordsMarked() throws Exception {
        w.records().addFiles("EXAMPLE-0001", List.of(pdf(tmp, "pr2.pdf", 3)), RecordService.Progress.NONE,
                () -> false);
        List<SearchService.SearchHit> hits = w.search().search("\"full range of motion\" lumb*", "EXAMPLE-0001", 10);
        // the one page with the phrase and the prefix first; pages with the phrase only after it
        assertEquals(3, hits.size(), hits.toString());
        assertTrue(hits.subList(1, 3).stream().allMatch(x -> x.pageMarks().size() == 1), hits.toString());
        SearchService.SearchHit h = hits.get(0);
        assertEquals("pr2", h.documentId());
        assertEquals(2, h.page());
        String page = w.records().pageText("EXAMPLE-0001", "pr2", 2);
        assertEquals(2, h.pageMarks().size());
        assertEquals("full range of motion", page.substring(h.pageMarks().get(0)[0], h.pageMarks().get(0)[1]));
        assertEquals("lumbar", page.substring(h.pageMarks().get(1)[0], h.pageMarks().get(1)[1]));
        // the sample case's synthetic records are searchable too, and across cases
        assertFalse(w.search().search("neuropsychological", null, 10).isEmpty());
    }

    @Test
    void theIndexFolderAndItsFilesAreTheOwnersOnly() throws Exception {
        w.records().addFiles("EXAMPLE-0001", List.of(pdf(tmp, "pr2.pdf", 3)), RecordService.Progress.NONE,
                () -> false);
        assertFalse(w.search().search("lumbar", "EXAMPLE-0001", 10).isEmpty());
        Path index = tmp.resolve("data").resolve("index");
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(index)));
        try (var files = Files.list(index)) {
            List<Path> all = files.toList();
            assertFalse(all.isEmpty());
            for (Path f : all) {
                assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(f)), f.toString());
            }
        }
    }

    @Test
    void anExcerptIsStoredExportedInTheCaseFileAndImportedBack() throws Exception {
        String quote = "Number of physical therapy visits completed to date: not recorded in this report.";
        assertTrue(w.records().pageText("EXAMPLE-0001", "progress-2015-01-19", 1).contains(quote));
        w.records().addExcerpt("EXAMPLE-0001", new Evidence("progress-2015-01-19", 1, quote, "no PT count", 0));
        Path zip = tmp.resolve("packet.zip");
        w.cases().export("EXAMPLE-0001", zip);

        String json;
        try (var z = new java.util.zip.ZipFile(zip.toFile())) {
            json = new String(z.getInputStream(z.getEntry("case.json")).readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(json.contains("\"evidence\": ["), json);
        assertTrue(json.contains("\"quote\": \"" + quote + "\""), json);

        try (Workbench other = Workbench.create(tmp.resolve("other"), TestData.PASSWORD, true)) {
            other.cases().importPath(zip, false);
            CaseFile c = other.cases().get("EXAMPLE-0001");
            assertEquals(List.of(new Evidence("progress-2015-01-19", 1, quote, "no PT count", 0)), c.evidenceList());
            assertTrue(other.records().pageText("EXAMPLE-0001", "progress-2015-01-19", 1).contains(quote),
                    "the imported packet's records are read for search and excerpts");
            assertEquals("Per the progress note dated 1/19/15, \"" + quote + "\"",
                    RecordService.citation(c.documentList().get(0), c.evidenceList().get(0)));
        }
    }

    @Test
    void documentsNeverOpenedAreReported() throws Exception {
        assertEquals(3, w.records().neverOpened("EXAMPLE-0001").size());
        w.records().markOpened("EXAMPLE-0001", "progress-2015-01-19", 1);
        List<String> left = w.records().neverOpened("EXAMPLE-0001");
        assertEquals(2, left.size());
        assertFalse(left.contains("Progress report (PR-2) - synthetic sample"));
        assertNull(null);
    }
}
