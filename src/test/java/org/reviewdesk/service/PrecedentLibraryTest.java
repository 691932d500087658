package org.reviewdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.TestData;
import org.reviewdesk.precedent.Precedent;
import org.reviewdesk.precedent.PrecedentIndex;

/** The precedent library on a real encrypted store: import, re-import, bad letters, similar items, the record. */
class PrecedentLibraryTest {
    private static final Path LETTERS = TestData.shared().resolve("data/imr-letters");

    @TempDir
    Path tmp;

    @Test
    void importingTheLettersTwiceAddsNothingTwiceAndBadFilesAreListedWithReasons() throws Exception {
        Path folder = tmp.resolve("letters");
        Files.createDirectories(folder.resolve("sub"));
        for (String n : List.of("CM16-0213037", "CM16-0240524", "CM17-0014449")) {
            Files.copy(LETTERS.resolve("pdf/" + n + ".pdf"), folder.resolve(n + ".pdf"));
        }
        Files.copy(LETTERS.resolve("txt/CM16-0213037.txt"), folder.resolve("sub/CM16-0213037.txt"));
        Files.writeString(folder.resolve("sub/notes.txt"), "Progress note: patient reports pain.");
        Files.write(folder.resolve("cut.pdf"), java.util.Arrays.copyOf(Files.readAllBytes(
                LETTERS.resolve("pdf/CM16-0219557.pdf")), 4000));
        Files.writeString(folder.resolve("ignored.docx"), "not a letter file");
        Path data = tmp.resolve("data");
        try (Workbench w = Workbench.create(data, TestData.PASSWORD, false)) {
            List<String> progress = new ArrayList<>();
            PrecedentService.ImportReport r = w.precedents().importLetters(List.of(folder),
                    (done, total, file) -> progress.add(done + "/" + total), () -> false);
            assertEquals(6, r.filesRead());
            assertEquals(List.of("CM16-0213037", "CM16-0240524", "CM17-0014449"), r.added());
            assertEquals(List.of("CM16-0213037"), r.alreadyInLibrary(), "the text copy of a letter in the folder");
            assertEquals(List.of("cut.pdf", "notes.txt"), r.failures().stream().map(PrecedentService.Failure::file)
                    .toList());
            assertTrue(r.failures().get(0).reason().contains("damaged"), r.failures().get(0).reason());
            assertTrue(r.failures().get(1).reason().contains("no case number"), r.failures().get(1).reason());
            assertEquals(6, progress.size());
            assertTrue(progress.contains("6/6"));

            PrecedentService.ImportReport again = w.precedents().importLetters(List.of(folder),
                    PrecedentService.Progress.NONE, () -> false);
            assertEquals(List.of(), again.added());
            assertEquals(3, w.precedents().letterCount());
            assertThrows(java.util.concurrent.CancellationException.class, () -> w.precedents().importLetters(
                    List.of(LETTERS.resolve("txt")), PrecedentService.Progress.NONE, () -> true));
            assertEquals(3, w.precedents().letterCount(), "a cancelled import adds nothing");
        }
        try (Workbench w = Workbench.open(data, TestData.PASSWORD)) {
            Precedent p = w.precedents().find("CM16-0213037").orElseThrow();
            assertEquals(LocalDate.of(2016, 12, 9), p.decisionDate());
            assertEquals(2, p.items().size());
            assertEquals("MRI of the right shoulder without contrast", p.items().get(0).request());
            assertTrue(w.auditEntries().stream().anyMatch(e -> e.action().equals("PRECEDENTS_IMPORTED")));
        }
    }

    @Test
    void theSampleItemFindsSimilarDecisionsAndABoostForThePicker() throws Exception {
        try (Workbench w = Workbench.create(tmp.resolve("data"), TestData.PASSWORD, false)) {
            w.precedents().importLetters(List.of(LETTERS.resolve("txt")), PrecedentService.Progress.NONE, () -> false);
            assertEquals(194, w.precedents().letterCount());
            var sample = w.cases().get("EXAMPLE-0001");
            var item = sample.items().get(0);
            PrecedentService.Similar s = w.precedents().similar(item.request(), sample.clinicalSummary(),
                    item.treatmentCategory(), sample.caseNumber());
            assertTrue(s.hits().size() >= 5 && s.hits().size() <= 15, "hits: " + s.hits().size());
            assertTrue(s.summaryLine().startsWith(s.hits().size() + " similar: " + s.upheld() + " upheld, "),
                    s.summaryLine());
            assertTrue(s.summaryLine().contains("; most cited: MTUS Chronic Pain Medical Treatment 2016, Physical "
                    + "medicine treatment"), s.summaryLine());
            PrecedentIndex.Hit first = s.hits().get(0);
            assertTrue(first.entry().item().request().toLowerCase().contains("therapy"), first.entry().item().request());
            // the most similar first (the order after it is PrecedentIndexTest's)
            assertTrue(s.hits().stream().allMatch(h -> h.score() <= first.score()));
            Map<String, Double> boost = w.precedents().citationBoost(item.request(), sample.clinicalSummary(),
                    item.treatmentCategory(), sample.caseNumber());
            assertEquals("mtus-chronic-pain-2016", boost.keySet().iterator().next());
            assertEquals(1.0, boost.values().iterator().next());
            assertTrue(boost.values().stream().allMatch(v -> v > 0 && v <= 1));

            // the free-text search with a category keeps to it
            List<PrecedentIndex.Hit> opioids = w.precedents().search("norco", "opioid", 10);
            assertFalse(opioids.isEmpty());
            assertTrue(opioids.stream().allMatch(h -> h.entry().category().equals("opioid")));
            assertTrue(w.precedents().search("zzzz-not-a-word", null, 10).isEmpty());
        }
    }

    @Test
    void aFinalizedOwnCaseBecomesAPrecedentAndTheRecordCountsIt() throws Exception {
        try (Workbench w = Workbench.create(tmp.resolve("data"), TestData.PASSWORD, false)) {
            w.precedents().importLetters(List.of(LETTERS.resolve("txt")), PrecedentService.Progress.NONE, () -> false);
            assertEquals(439, w.precedents().index().size());
            var open = w.cases().importPath(TestData.letterCases().get(0), false);
            ReviewerRecord r0 = w.precedents().reviewerRecord(LocalDate.of(2026, 12, 1));
            assertEquals(2, r0.openCases().size());
            assertEquals(null, r0.averageDaysToSign());
            // the sample case is assigned yesterday (issue 14): open, and not overdue on day one
            assertTrue(r0.toCsv().lines().anyMatch(l -> l.startsWith("open case,EXAMPLE-0001,")
                    && !l.contains("overdue")), r0.toCsv());

            w.letters().createIdentity("Reviewer 4711");
            w.letters().finalizeCase("EXAMPLE-0001", null);
            assertEquals(440, w.precedents().index().size(), "the finalized sample's item joined the library");
            assertTrue(w.precedents().index().entries().stream().anyMatch(e -> e.precedent().source()
                    == Precedent.Source.OWN && e.precedent().caseNumber().equals("EXAMPLE-0001")));
            var sample = w.cases().get("EXAMPLE-0001");
            ReviewerRecord r = w.precedents().reviewerRecord(LocalDate.of(2026, 12, 1));
            assertEquals(List.of(open.caseNumber()), r.openCases().stream().map(ReviewerRecord.OpenCase::caseNumber)
                    .toList());
            assertEquals(1, r.signedCases());
            assertEquals((double) java.time.temporal.ChronoUnit.DAYS.between(sample.dateAssigned(),
                    sample.decisionDate()), r.averageDaysToSign());
            int own = r.categories().stream().mapToInt(ReviewerRecord.CategoryRow::ownTotal).sum();
            int pub = r.categories().stream().mapToInt(ReviewerRecord.CategoryRow::publicTotal).sum();
            assertEquals(open.decidedCount() + 1, own, "the letter case's decided items and the sample's");
            assertEquals(439, pub);
            assertEquals(49, r.categories().stream().mapToInt(ReviewerRecord.CategoryRow::publicOverturned).sum());
            assertEquals(2, r.casesPerWeek().values().stream().mapToInt(Integer::intValue).sum());
            assertTrue(r.toCsv().startsWith("section,key,value1,value2,value3,value4\n"));
        }
    }

    @Test
    void noFileInTheDataFolderHoldsAnyPhraseOfTheImportedLetters() throws Exception {
        Path data = tmp.resolve("data");
        List<String> phrases = new ArrayList<>();
        try (Workbench w = Workbench.create(data, TestData.PASSWORD, true)) {
            w.precedents().importLetters(List.of(LETTERS.resolve("txt")), PrecedentService.Progress.NONE, () -> false);
            w.precedents().index();
            for (Precedent p : w.precedents().precedents()) {
                phrases.addAll(phrasesOf(p.clinicalSummary()));
                p.items().forEach(i -> {
                    phrases.addAll(phrasesOf(i.rationale()));
                    phrases.addAll(phrasesOf(i.request()));
                });
            }
            scan(data, phrases);
        }
        scan(data, phrases);
    }

    private static void scan(Path data, List<String> phrases) throws Exception {
        assertTrue(phrases.size() > 2000, "too few phrases to be a real check: " + phrases.size());
        List<Path> files;
        try (Stream<Path> s = Files.walk(data)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        assertFalse(files.isEmpty());
        java.util.Set<String> wanted = new java.util.HashSet<>(phrases);
        // the check finds a phrase when one is there
        assertThrows(org.opentest4j.AssertionFailedError.class, () -> assertNoWindowIn(data, "x" + phrases.get(7)
                + "y", wanted));
        java.util.Set<String> wantedLatin = new java.util.HashSet<>();
        phrases.forEach(ph -> wantedLatin.add(new String(ph.getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1)));
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            // every 24-character window of the file, read three ways, looked up among the phrases
            assertNoWindowIn(f, new String(bytes, StandardCharsets.ISO_8859_1), wantedLatin);
            assertNoWindowIn(f, new String(bytes, StandardCharsets.UTF_16BE), wanted);
            assertNoWindowIn(f, new String(bytes, StandardCharsets.UTF_16LE), wanted);
        }
    }

    private static void assertNoWindowIn(Path f, String content, java.util.Set<String> phrases) {
        for (int i = 0; i + 24 <= content.length(); i++) {
            String window = content.substring(i, i + 24);
            assertFalse(phrases.contains(window), f.getFileName() + " holds letter text in plain form: \""
                    + window + "\"");
        }
    }

    private static List<String> phrasesOf(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (int i = 0; i + 24 <= text.length(); i += 40) {
            out.add(text.substring(i, i + 24));
        }
        return out;
    }
}
