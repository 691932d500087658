package org.reviewdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.reviewdesk.TestPdfs;
import org.reviewdesk.service.Workbench;

/**
 * For {@code src/test/bench/large-record-benchmark.sh}: {@code make FILE PAGES} writes a scanned-like PDF (each page
 * an uncompressed 1,000 x 1,000 image of noise, 3 MB); {@code view DATA CASE} opens the store (password from
 * REVIEWDESK_PASSWORD), finds the case's largest document and times its first and last page drawn from the store (a
 * block at a time), printing the heap in use after each.
 */
public final class LargeRecord {
    private LargeRecord() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("make")) {
            TestPdfs.scanned(Path.of(args[1]), Integer.parseInt(args[2]));
            System.out.println(Files.size(Path.of(args[1])) / (1024 * 1024) + " MB");
            return;
        }
        long t0 = System.nanoTime();
        try (Workbench w = Workbench.open(Path.of(args[1]), System.getenv("REVIEWDESK_PASSWORD").toCharArray())) {
            long t1 = System.nanoTime();
            var doc = w.records().documents(args[2]).stream()
                    .max(java.util.Comparator.comparingInt(d -> d.pageCount())).orElseThrow();
            String id = doc.document().id();
            System.out.printf("store opened in %d ms; %s, %d pages, %d MB%n", (t1 - t0) / 1_000_000, id,
                    doc.pageCount(), w.records().content(args[2], id).size() / (1024 * 1024));
            for (int page : new int[] {1, 2, doc.pageCount(), doc.pageCount() / 2}) {
                long a = System.nanoTime();
                var img = w.records().pageImage(args[2], id, page, 110);
                long b = System.nanoTime();
                Runtime rt = Runtime.getRuntime();
                System.out.printf("page %d (%dx%d) drawn from the store in %d ms; heap in use %d MB of %d MB%n",
                        page, img.getWidth(), img.getHeight(), (b - a) / 1_000_000,
                        (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024), rt.maxMemory() / (1024 * 1024));
            }
        }
    }
}
