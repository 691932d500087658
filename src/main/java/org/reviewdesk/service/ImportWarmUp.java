package org.reviewdesk.service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.reviewdesk.record.Chronology;
import org.reviewdesk.record.DuplicatePages;
import org.reviewdesk.record.MadeUpRecord;
import org.reviewdesk.record.ProgressListener;
import org.reviewdesk.record.RecordFileException;
import org.reviewdesk.record.RecordReader;
import org.reviewdesk.record.TextLayer;
import org.reviewdesk.search.RecordIndex;

/**
 * Runs the import's own code (PDF text, the text-layer check, the chronology split, duplicate pages, the search
 * index's analysis) over a made-up record held in memory, so that a long-lived process compiles it before the
 * reviewer's next import instead of during it. Used by the server kept after a {@code records add} (docs/decisions/
 * 0023): a cold server took 4.2-5.8 s for a 1,000-page import that a warm one does in 1.7-2.2 s. Nothing of it
 * reaches the disk or the store: the text is generated words, the index lives in memory. Waits while
 * {@code busy} (a command runs: it has the cores) and ends early on {@code stop}.
 */
public final class ImportWarmUp {
    /** The made-up record's pages, and how often it is read. */
    static final int PAGES = 200;
    static final int ROUNDS = 4;

    private ImportWarmUp() {
    }

    /** Reads the made-up record {@link #ROUNDS} times; the pages read (0 when stopped before). */
    public static int run(BooleanSupplier busy, BooleanSupplier stop) {
        int read = 0;
        try {
            byte[] pdf = MadeUpRecord.pdf(PAGES, new Random(42));
            try (RecordIndex index = RecordIndex.inMemory()) {
                for (int round = 0; round < ROUNDS && !stop.getAsBoolean(); round++) {
                    List<String> pages = new ArrayList<>();
                    int r = round;
                    RecordReader.readPages("warm-up.pdf", pdf, page -> {
                        waitWhile(busy, stop);
                        String text = page.text();
                        TextLayer.needsOcr(text);
                        pages.add(text);
                        try {
                            index.put(new RecordIndex.PageKey("WARM-UP", "round-" + r, page.pageNumber()), text);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }, ProgressListener.NONE, stop);
                    index.commit();
                    Chronology.split(pages);
                    Map<String, List<String>> byDocument = new LinkedHashMap<>();
                    byDocument.put("a", pages);
                    byDocument.put("b", pages.subList(0, pages.size() / 2));
                    DuplicatePages.find(byDocument);
                    read += pages.size();
                }
            }
            if (!stop.getAsBoolean()) {
                // the made-up record's garbage is gone: give the heap it grew to back to the system while the
                // server waits (G1 uncommits after a full collection)
                System.gc();
            }
        } catch (IOException | RecordFileException | RuntimeException e) {
            // only a head start: the import itself works the same without it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return read;
    }

    private static void waitWhile(BooleanSupplier busy, BooleanSupplier stop) {
        try {
            while (busy.getAsBoolean() && !stop.getAsBoolean()) {
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
