package org.reviewdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.TestData;
import org.reviewdesk.domain.StoredDocument;

/** The chronology's correction of one document, as its dialog offers it: what it shows and what it keeps. */
class ChronologyCorrectionTest {
    @TempDir
    Path tmp;

    @Test
    void aWholeFileShowsTheFilesAuthorAndACorrectedTitleIsKept() throws Exception {
        try (Workbench w = Workbench.create(tmp.resolve("data"), TestData.PASSWORD, false)) {
            String c = "EXAMPLE-0001";
            Map<String, StoredDocument> docs = w.records().documents(c).stream()
                    .collect(Collectors.toMap(d -> d.document().id(), Function.identity()));
            var entries = w.records().chronology(c);
            int withAuthor = 0;
            for (RecordService.ChronologyEntry e : entries) {
                StoredDocument d = docs.get(e.documentId());
                boolean whole = e.firstPage() == 1 && e.lastPage() >= (d.pageCount() == null ? 1 : d.pageCount());
                if (whole && d.document().author() != null) {
                    assertEquals(d.document().author(), e.author(), e.documentId());
                    withAuthor++;
                }
            }
            assertTrue(withAuthor > 0, "the sample has documents with an author: " + entries);

            RecordService.ChronologyEntry first = entries.get(0);
            w.records().correctEntry(c, first, first.kind(), first.date(), "Dr. Corrected", "Evaluation, corrected");
            RecordService.ChronologyEntry after = w.records().chronology(c).stream()
                    .filter(e -> e.documentId().equals(first.documentId()) && e.firstPage() == first.firstPage())
                    .findFirst().orElse(null);
            assertNotNull(after);
            assertEquals("Evaluation, corrected", after.title());
            assertEquals("Dr. Corrected", after.author());
            assertTrue(after.corrected());
        }
    }
}
