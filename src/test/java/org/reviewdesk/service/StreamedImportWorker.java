package org.reviewdesk.service;

import java.nio.file.Path;
import java.util.List;
import org.reviewdesk.TestData;

/**
 * The process that {@link StreamedImportTest} kills: opens the store, adds one PDF to the sample case and, once
 * the file's first page is committed, prints "first page stored" and waits there (the other pages not stored yet)
 * until it is killed. Arguments: DATA_FOLDER PDF.
 */
public final class StreamedImportWorker {
    private StreamedImportWorker() {
    }

    public static void main(String[] args) throws Exception {
        try (Workbench w = Workbench.open(Path.of(args[0]), TestData.PASSWORD)) {
            w.records().addFiles("EXAMPLE-0001", List.of(Path.of(args[1])), RecordService.Progress.NONE,
                    () -> false, (name, id, total) -> {
                        System.out.println("first page stored");
                        System.out.flush();
                        try {
                            Thread.sleep(600_000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
        }
    }
}
