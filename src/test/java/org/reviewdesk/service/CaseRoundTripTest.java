package org.reviewdesk.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.TestData;
import org.reviewdesk.domain.CaseFile;

class CaseRoundTripTest {
    @TempDir
    Path tmp;

    @Test
    void everyLetterCaseAndTheSeedCaseComeBackUnchangedAfterImportAndExport() throws Exception {
        Path data = tmp.resolve("data");
        try (Workbench w = Workbench.create(data, TestData.PASSWORD, true)) {
            for (Path p : TestData.allCases()) {
                w.cases().importPath(p, false);
            }
        }
        // a fresh process would open the store again: do the same, then export
        try (Workbench w = Workbench.open(data, TestData.PASSWORD)) {
            assertEquals(TestData.allCases().size(), w.cases().list().size());
            for (Path p : TestData.allCases()) {
                String original = Files.readString(p, StandardCharsets.UTF_8);
                String number = w.cases().peekCaseNumber(p);
                Path out = tmp.resolve(number + ".json");
                w.cases().export(number, out);
                assertEquals(original.strip(), Files.readString(out, StandardCharsets.UTF_8).strip(),
                        "export of " + p.getFileName() + " differs from the imported file");
            }
        }
    }

    @Test
    void aPacketExportedAndImportedIntoAnEmptyStoreGivesTheSameCaseWithRecordsByteForByte() throws Exception {
        Path zip = tmp.resolve("sample.zip");
        CaseFile before;
        List<byte[]> recordsBefore = new ArrayList<>();
        try (Workbench w = Workbench.create(tmp.resolve("a"), TestData.PASSWORD, false)) {
            before = w.cases().get("EXAMPLE-0001");
            for (var d : before.documentList()) {
                recordsBefore.add(w.cases().record("EXAMPLE-0001", d.id()));
            }
            w.cases().export("EXAMPLE-0001", zip);
        }
        assertEquals(3, recordsBefore.size());
        try (Workbench w = Workbench.create(tmp.resolve("b"), TestData.PASSWORD, true)) {
            assertEquals("EXAMPLE-0001", w.cases().importPath(zip, false).caseNumber());
            CaseFile after = w.cases().get("EXAMPLE-0001");
            assertEquals(before, after);
            for (int i = 0; i < before.documentList().size(); i++) {
                assertArrayEquals(recordsBefore.get(i), w.cases().record("EXAMPLE-0001",
                        after.documentList().get(i).id()));
            }
        }
    }

    @Test
    void aFolderPacketImportsWithItsRecords() throws Exception {
        Path folder = tmp.resolve("packet");
        Files.createDirectories(folder.resolve("records"));
        Files.writeString(folder.resolve("records/note.txt"), "Progress note text");
        Files.writeString(folder.resolve("case.json"), """
                {"format": "reviewdesk-case/1", "caseNumber": "CM99-0000001", "items": [],
                 "documents": [{"id": "n1", "kind": "PROGRESS_NOTE", "file": "records/note.txt"}]}""");
        try (Workbench w = Workbench.create(tmp.resolve("d"), TestData.PASSWORD, true)) {
            w.cases().importPath(folder, false);
            assertEquals("Progress note text",
                    new String(w.cases().record("CM99-0000001", "n1"), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aRecordHashInUpperCaseAsWindowsWritesItIsAccepted() throws Exception {
        Path folder = tmp.resolve("upper");
        Files.createDirectories(folder.resolve("records"));
        byte[] text = "Progress note text".getBytes(StandardCharsets.UTF_8);
        Files.write(folder.resolve("records/note.txt"), text);
        String upper = java.util.HexFormat.of().withUpperCase().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(text));
        Files.writeString(folder.resolve("case.json"), """
                {"format": "reviewdesk-case/1", "caseNumber": "CM99-0000002", "items": [],
                 "documents": [{"id": "n1", "file": "records/note.txt", "sha256": "%s"}]}""".formatted(upper));
        try (Workbench w = Workbench.create(tmp.resolve("d2"), TestData.PASSWORD, true)) {
            w.cases().importPath(folder, false);
            assertEquals("Progress note text",
                    new String(w.cases().record("CM99-0000002", "n1"), StandardCharsets.UTF_8));
            assertEquals(upper.toLowerCase(java.util.Locale.ROOT),
                    w.cases().get("CM99-0000002").documentList().get(0).sha256());
        }
    }

    @Test
    void importingTheSameCaseNumberAgainIsRefusedUnlessReplacing() throws Exception {
        try (Workbench w = Workbench.create(tmp.resolve("d"), TestData.PASSWORD, true)) {
            w.cases().importPath(TestData.seedCase(), false);
            var e = org.junit.jupiter.api.Assertions.assertThrows(
                    org.reviewdesk.store.DuplicateCaseException.class,
                    () -> w.cases().importPath(TestData.seedCase(), false));
            assertTrue(e.getMessage().contains("EXAMPLE-0001"));
            assertEquals(1, w.cases().list().size());
            w.cases().importPath(TestData.seedCase(), true);
            assertEquals(1, w.cases().list().size());
        }
    }

    @Test
    void noFileInTheDataFolderHoldsAnyPhraseOfTheImportedCases() throws Exception {
        Path data = tmp.resolve("data");
        List<String> phrases = new ArrayList<>();
        try (Workbench w = Workbench.create(data, TestData.PASSWORD, false)) {
            for (var d : w.cases().get("EXAMPLE-0001").documentList()) {
                phrases.addAll(phrasesOf(new String(w.cases().record("EXAMPLE-0001", d.id()), StandardCharsets.UTF_8)));
            }
            for (Path p : TestData.allCases()) {
                CaseFile c = w.cases().importPath(p, true);
                phrases.addAll(phrasesOf(c.clinicalSummary()));
                c.items().forEach(i -> {
                    phrases.addAll(phrasesOf(i.rationale()));
                    phrases.addAll(phrasesOf(i.request()));
                });
            }
            // a record added after the imports: the words of its pages go into the search index, whose
            // files are scanned too (with the pages of every case's documents)
            String someCase = w.cases().list().get(0).caseNumber();
            List<List<String>> pages = new ArrayList<>();
            for (int p = 1; p <= 30; p++) {
                pages.add(List.of("Page " + p + ": the injured worker reports lumbar pain radiating to the left leg,",
                        "worse with prolonged sitting; straight leg raise positive at 40 degrees; plan: physical",
                        "therapy twice weekly for six weeks and a lumbar epidural steroid injection at L4-L5."));
            }
            Path note = tmp.resolve("scan-note.pdf");
            Files.write(note, org.reviewdesk.record.TestRecords.pdf(pages));
            w.records().addFiles(someCase, List.of(note), RecordService.Progress.NONE, () -> false);
            Files.delete(note);
            for (var summary : w.cases().list()) {
                for (var d : w.records().documents(summary.caseNumber())) {
                    for (int p = 1; d.pageCount() != null && p <= d.pageCount(); p++) {
                        phrases.addAll(phrasesOf(w.records().pageText(summary.caseNumber(), d.document().id(), p)));
                    }
                }
            }
            assertTrue(w.search().index().pageCount() >= 30);
            assertScanFindsNothing(data, phrases);
        }
        try (Stream<Path> s = Files.list(data.resolve("index"))) {
            assertTrue(s.count() >= 3, "the index files are there to be scanned");
        }
        assertScanFindsNothing(data, phrases);
        try (Stream<Path> files = Files.list(data)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".trace.db")), "an H2 trace file");
        }
    }

    private static void assertScanFindsNothing(Path data, List<String> phrases) throws Exception {
        assertTrue(phrases.size() > 500, "too few phrases to be a real check: " + phrases.size());
        List<Path> files;
        try (Stream<Path> s = Files.walk(data)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        assertFalse(files.isEmpty());
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            String latin = new String(bytes, StandardCharsets.ISO_8859_1);
            String utf16 = new String(bytes, StandardCharsets.UTF_16BE);
            String utf16le = new String(bytes, StandardCharsets.UTF_16LE);
            for (String phrase : phrases) {
                String asLatin = new String(phrase.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
                assertFalse(latin.contains(asLatin) || utf16.contains(phrase) || utf16le.contains(phrase),
                        f.getFileName() + " holds record text in plain form: \"" + phrase + "\"");
            }
        }
    }

    /** Overlapping 24-character windows of a text: any plaintext copy would contain some of them. */
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
