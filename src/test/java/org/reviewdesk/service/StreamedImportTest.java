package org.reviewdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.TestData;
import org.reviewdesk.domain.Evidence;
import org.reviewdesk.domain.StoredDocument;
import org.reviewdesk.record.TestRecords;
import org.reviewdesk.store.StoreException;

/**
 * The streamed import (issue 11): a file's first page is in the store, readable and drawable while the other
 * pages are still being read; the store stays consistent: a cancel after the first page, and a kill -9 of the
 * process in the middle of the import, leave nothing of the file (the other documents and the case intact, the
 * reviewer told at the next opening).
 */
class StreamedImportTest {
    private static final String CASE = "EXAMPLE-0001";

    @TempDir
    Path tmp;

    static List<List<String>> pages(int n, String marker) {
        List<List<String>> pages = new ArrayList<>();
        for (int p = 1; p <= n; p++) {
            pages.add(List.of("Progress note " + marker + " page " + p + ".",
                    "Lumbar spine tenderness, range of motion limited."));
        }
        return pages;
    }

    @Test
    void theFirstPageIsStoredAndReadableBeforeTheOthers() throws Exception {
        Path pdf = Files.write(tmp.resolve("long-note.pdf"), TestRecords.pdf(pages(300, "streamed")));
        try (Workbench w = Workbench.create(tmp.resolve("data"), TestData.PASSWORD, false)) {
            RecordService r = w.records();
            AtomicReference<String> seen = new AtomicReference<>();
            List<String> problems = new ArrayList<>();
            var results = r.addFiles(CASE, List.of(pdf), RecordService.Progress.NONE, () -> false,
                    (name, id, total) -> {
                        try {
                            StoredDocument d = r.documents(CASE).stream().filter(x -> x.document().id().equals(id))
                                    .findFirst().orElseThrow();
                            if (d.pageCount() != null) {
                                problems.add("the page count is set before the last page: " + d.pageCount());
                            }
                            if (!r.importing(CASE, id)) {
                                problems.add("not marked as importing");
                            }
                            if (!r.pageText(CASE, id, 1).contains("streamed page 1.")) {
                                problems.add("page 1 not readable: " + r.pageText(CASE, id, 1));
                            }
                            if (!r.pageText(CASE, id, total).isEmpty()) {
                                problems.add("the last page is already stored");
                            }
                            // the viewer draws page 1 now (from the importer's bytes: the store gets them last)
                            var img = r.pageImage(CASE, id, 1, 40f);
                            if (img.getWidth() < 10) {
                                problems.add("page image " + img.getWidth());
                            }
                            // an excerpt waits until the import has finished
                            try {
                                r.addExcerpt(CASE, new Evidence(id, 1, "Progress note", null, null));
                                problems.add("an excerpt was taken from a file still being stored");
                            } catch (StoreException expected) {
                                // refused with a message
                            }
                            seen.set(id + " " + total);
                        } catch (Exception e) {
                            problems.add(e.toString());
                        }
                    });
            assertEquals(List.of(), problems);
            assertEquals("long-note 300", seen.get());
            assertTrue(results.get(0).added(), results.toString());
            assertEquals(300, results.get(0).pages());
            StoredDocument d = r.documents(CASE).stream().filter(x -> x.document().id().equals("long-note"))
                    .findFirst().orElseThrow();
            assertEquals(300, d.pageCount());
            assertFalse(r.importing(CASE, "long-note"));
            assertEquals(Files.readAllBytes(pdf).length, r.bytes(CASE, "long-note").length);
            assertTrue(r.pageText(CASE, "long-note", 300).contains("streamed page 300."));
            assertEquals(1, w.search().search("\"streamed page 300\"", CASE, 10).size());
        }
    }

    @Test
    void aCancelAfterTheFirstPageLeavesNothingOfTheFile() throws Exception {
        Path pdf = Files.write(tmp.resolve("cancelled.pdf"), TestRecords.pdf(pages(400, "gone")));
        try (Workbench w = Workbench.create(tmp.resolve("data"), TestData.PASSWORD, false)) {
            RecordService r = w.records();
            List<StoredDocument> before = r.documents(CASE);
            AtomicBoolean cancel = new AtomicBoolean();
            var results = r.addFiles(CASE, List.of(pdf), RecordService.Progress.NONE, cancel::get,
                    (name, id, total) -> cancel.set(true));
            assertTrue(cancel.get(), "the first page was stored before the cancel");
            assertNotNull(results.get(0).error());
            assertTrue(results.get(0).error().contains("cancelled; nothing of it was kept"), results.get(0).error());
            assertEquals(before, r.documents(CASE));
            assertEquals("", r.pageText(CASE, "cancelled", 1));
            assertEquals(0, w.search().search("gone", CASE, 10).size());
            // the same file goes in whole afterwards
            var again = r.addFiles(CASE, List.of(pdf), RecordService.Progress.NONE, () -> false);
            assertTrue(again.get(0).added(), again.toString());
            assertEquals(400, again.get(0).pages());
        }
    }

    @Test
    void aKillInTheMiddleOfTheImportLeavesNothingOfTheFileAndTheReviewerIsTold() throws Exception {
        Path data = tmp.resolve("data");
        Path pdf = Files.write(tmp.resolve("killed.pdf"), TestRecords.pdf(pages(200, "killed")));
        List<StoredDocument> before;
        try (Workbench w = Workbench.create(data, TestData.PASSWORD, false)) {
            before = w.records().documents(CASE);
        }
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), StreamedImportWorker.class.getName(),
                data.toString(), pdf.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertEquals("first page stored", line);
            p.destroyForcibly(); // SIGKILL while the file's other pages wait
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
        try (Workbench w = Workbench.open(data, TestData.PASSWORD)) {
            assertEquals(before, w.records().documents(CASE));
            assertEquals("", w.records().pageText(CASE, "killed", 1));
            assertTrue(w.openingNotes().stream().anyMatch(n -> n.contains("killed.pdf") && n.contains(CASE)
                    && n.contains("interrupted")), w.openingNotes().toString());
            assertTrue(w.auditLog().stream().anyMatch(e -> e.action().equals("RECORD_IMPORT_INTERRUPTED")));
            assertNull(w.ocr().status(CASE).unfinished() ? "OCR waits for a removed file" : null);
            w.search().awaitRepair();
            assertEquals(0, w.search().search("killed", CASE, 10).size());
            var again = w.records().addFiles(CASE, List.of(pdf), RecordService.Progress.NONE, () -> false);
            assertTrue(again.get(0).added(), again.toString());
            assertEquals(200, again.get(0).pages());
        }
        // the next opening has nothing more to say
        try (Workbench w = Workbench.open(data, TestData.PASSWORD)) {
            assertTrue(w.openingNotes().stream().noneMatch(n -> n.contains("interrupted")));
            assertEquals(200, w.records().documents(CASE).stream().filter(d -> d.document().id().equals("killed"))
                    .findFirst().orElseThrow().pageCount());
        }
    }
}
