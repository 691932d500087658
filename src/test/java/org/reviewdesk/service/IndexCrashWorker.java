package org.reviewdesk.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.reviewdesk.TestData;
import org.reviewdesk.record.TestRecords;

/**
 * The process that {@link IndexKillTest} kills: adds 40-page PDFs to a case one after the other, each page
 * with a word unique to its document ({@code markerN}), and prints "stored N" when a document is stored.
 * Arguments: DATA_FOLDER SCRATCH_FOLDER.
 */
public final class IndexCrashWorker {
    private IndexCrashWorker() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path scratch = Path.of(args[1]);
        Files.createDirectories(scratch);
        try (Workbench w = Workbench.storeExists(data) ? Workbench.open(data, TestData.PASSWORD)
                : Workbench.create(data, TestData.PASSWORD, false)) {
            for (int n = w.records().documents("EXAMPLE-0001").size(); ; n++) {
                List<List<String>> pages = new ArrayList<>();
                for (int p = 1; p <= 40; p++) {
                    pages.add(List.of("Progress note marker" + n + " page " + p + ".",
                            "Lumbar spine tenderness, range of motion limited; physical therapy requested."));
                }
                Path pdf = scratch.resolve("note-" + n + ".pdf");
                Files.write(pdf, TestRecords.pdf(pages));
                var r = w.records().addFiles("EXAMPLE-0001", List.of(pdf), RecordService.Progress.NONE, () -> false);
                System.out.println("stored " + n + " " + r.get(0).documentId());
                System.out.flush();
            }
        }
    }
}
