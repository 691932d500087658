package org.reviewdesk.search;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.reviewdesk.search.RecordIndex.PageKey;

/**
 * What the pairs of common words cost at indexing (issue #13, ADR 0007): the same page texts indexed as
 * format 1 (words only), as a new index with the seed common words, and with the common words chosen from
 * these pages' frequencies; CPU time of the indexing thread, process CPU (merges included), size on disk.
 * Run by {@code ArchiveBenchmark index DATA PAGES OUT}.
 */
public final class IndexBuildBenchmark {
    private IndexBuildBenchmark() {
    }

    public static void run(Map<PageKey, String> pages, Path out) throws Exception {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        // warm-up (JIT), not reported as a figure: the first variant would otherwise pay for it
        Path w = Files.createDirectories(out.resolve("warm-up"));
        measure("warm-up: format 1 (words only)", w, () -> Format1Index.write(w, key, pages));
        Path a = Files.createDirectories(out.resolve("format1"));
        measure("format 1 (words only)", a, () -> Format1Index.write(a, key, pages));
        Path b = Files.createDirectories(out.resolve("seed"));
        measure("format 2, seed common words (" + RecordIndex.seedCommonWords().size() + ")", b, () -> {
            try (RecordIndex i = RecordIndex.open(b, key)) {
                putAll(i, pages);
            }
        });
        Path none = Files.createDirectories(out.resolve("none"));
        measure("format 2, no common words (the pairs field tokenized, empty)", none, () -> {
            try (RecordIndex i = RecordIndex.openNew(none, key, Set.of())) {
                putAll(i, pages);
            }
        });
        for (int max : new int[] {64, RecordIndex.MAX_COMMON, 256}) {
            Set<String> chosen;
            try (EncryptedDirectory d = new EncryptedDirectory(a, key); DirectoryReader r = DirectoryReader.open(d)) {
                chosen = RecordIndex.frequentWords(r, max);
            }
            Path c = Files.createDirectories(out.resolve("chosen-" + max));
            measure("format 2, the " + chosen.size() + " most frequent words of these pages"
                    + (max == RecordIndex.MAX_COMMON ? " (as built)" : ""), c, () -> {
                try (RecordIndex i = RecordIndex.openNew(c, key, chosen)) {
                    putAll(i, pages);
                }
            });
        }
        Path again = Files.createDirectories(out.resolve("format1-again"));
        measure("format 1 (words only), again", again, () -> Format1Index.write(again, key, pages));
    }

    private static void putAll(RecordIndex i, Map<PageKey, String> pages) throws java.io.IOException {
        int n = 0;
        String doc = null;
        for (var e : pages.entrySet()) {
            i.put(e.getKey(), e.getValue());
            // committed per stored document, as the import does
            if (doc != null && !doc.equals(e.getKey().documentId())) {
                i.commit();
            }
            doc = e.getKey().documentId();
            n++;
        }
        i.commit();
    }

    interface Work {
        void run() throws Exception;
    }

    private static void measure(String what, Path folder, Work work) throws Exception {
        var threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.gc();
        long cpu = threads.getCurrentThreadCpuTime();
        long process = os.getProcessCpuTime();
        long t = System.nanoTime();
        work.run();
        long wall = System.nanoTime() - t;
        long size;
        try (Stream<Path> s = Files.walk(folder)) {
            size = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        System.out.printf("%-58s %6.1f s wall, indexing thread CPU %6.1f s, process CPU %6.1f s, %6.1f MB on disk%n",
                what, wall / 1e9, (threads.getCurrentThreadCpuTime() - cpu) / 1e9, (os.getProcessCpuTime() - process) / 1e9,
                size / 1048576.0);
    }

    /** The first {@code max} pages of a store, in store order. */
    public static Map<PageKey, String> pages(org.reviewdesk.store.Store store, int max) throws Exception {
        Map<PageKey, String> out = new LinkedHashMap<>();
        try {
            store.records().forEachPage((c, d, p, text) -> {
                if (out.size() >= max) {
                    throw new Enough();
                }
                out.put(new PageKey(c, d, p), text == null ? "" : text);
            });
        } catch (Exception e) {
            Throwable t = e;
            while (t != null && !(t instanceof Enough)) {
                t = t.getCause();
            }
            if (t == null) {
                throw e;
            }
            // that many
        }
        return out;
    }

    private static final class Enough extends RuntimeException {
        Enough() {
            super(null, null, false, false);
        }
    }
}
