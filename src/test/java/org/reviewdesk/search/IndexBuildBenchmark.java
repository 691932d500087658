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
        Path a0 = Files.createDirectories(out.resolve("format1-0"));
        Format1Index.write(a0, key, pages);
        Map<Integer, Set<String>> chosen = new java.util.TreeMap<>();
        try (EncryptedDirectory d = new EncryptedDirectory(a0, key); DirectoryReader r = DirectoryReader.open(d)) {
            for (int max : new int[] {64, RecordIndex.MAX_COMMON, 256}) {
                chosen.put(max, RecordIndex.frequentWords(r, max));
            }
        }
        Map<String, Work> variants = new LinkedHashMap<>();
        Map<String, Path> folders = new LinkedHashMap<>();
        int[] n = {0};
        java.util.function.Function<String, Path> folder = what -> folders.computeIfAbsent(what, k -> {
            try {
                return Files.createDirectories(out.resolve("v" + (n[0]++)));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        variants.put("format 1 (words only)", () -> Format1Index.writeAsImported(folder.apply("format 1 (words only)"),
                key, pages));
        variants.put("format 2, no common words", () -> build(folder.apply("format 2, no common words"), key, Set.of(), pages));
        variants.put("format 2, seed common words (" + RecordIndex.seedCommonWords().size() + ")", () -> {
            try (RecordIndex i = RecordIndex.open(folder.apply("seed"), key)) {
                putAll(i, pages);
            }
        });
        for (var e : chosen.entrySet()) {
            String what = "format 2, the " + e.getValue().size() + " most frequent words"
                    + (e.getKey() == RecordIndex.MAX_COMMON ? " (as built)" : "");
            variants.put(what, () -> build(folder.apply(what), key, e.getValue(), pages));
        }
        // three rounds, each variant into a fresh folder; the least indexing-thread CPU of the rounds is reported
        // (the machine may be shared; the first round also warms the JIT)
        Map<String, double[]> best = new LinkedHashMap<>();
        for (int round = 0; round < 3; round++) {
            for (var v : variants.entrySet()) {
                for (Path f : folders.values()) {
                    clear(f);
                }
                double[] m = measure(v.getValue(), out);
                best.merge(v.getKey(), m, (x, y) -> x[1] <= y[1] ? x : y);
            }
        }
        for (var e : best.entrySet()) {
            double[] m = e.getValue();
            System.out.printf("%-50s %5.1f s wall, indexing thread CPU %5.2f s, process CPU %5.1f s, %5.1f MB on disk%n",
                    e.getKey(), m[0], m[1], m[2], m[3]);
        }
    }

    private static void build(Path folder, byte[] key, Set<String> common, Map<PageKey, String> pages)
            throws java.io.IOException {
        try (RecordIndex i = RecordIndex.openNew(folder, key, common)) {
            putAll(i, pages);
        }
    }

    private static void clear(Path f) throws java.io.IOException {
        try (Stream<Path> s = Files.list(f)) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
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

    /** Wall s, indexing thread CPU s, process CPU s, MB on disk (of everything under {@code out}'s variants). */
    private static double[] measure(Work work, Path out) throws Exception {
        var threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.gc();
        long cpu = threads.getCurrentThreadCpuTime();
        long process = os.getProcessCpuTime();
        long t = System.nanoTime();
        work.run();
        long wall = System.nanoTime() - t;
        long thread = threads.getCurrentThreadCpuTime() - cpu;
        long proc = os.getProcessCpuTime() - process;
        long size;
        try (Stream<Path> s = Files.walk(out)) {
            size = s.filter(p -> Files.isRegularFile(p) && !p.startsWith(out.resolve("format1-0")))
                    .mapToLong(p -> p.toFile().length()).sum();
        }
        return new double[] {wall / 1e9, thread / 1e9, proc / 1e9, size / 1048576.0};
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
