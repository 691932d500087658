package org.reviewdesk.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.reviewdesk.service.RecordService;
import org.reviewdesk.service.Workbench;

/**
 * The archive benchmark's Java side (run by src/test/bench/archive-benchmark.sh).
 * <ul>
 * <li>{@code import DATA PDF_DIR CASE_JSON [MAX_FILES]}: one case per generated PDF (BENCH-0000...), each PDF
 * added through {@link RecordService#addFiles} as the window and {@code records add} do; resumable.</li>
 * <li>{@code index DATA PAGES OUT}: the first PAGES page texts of the store indexed as format 1, with the seed
 * common words and with common words chosen from them: indexing CPU time and size (IndexBuildBenchmark).</li>
 * <li>{@code queries DATA FILE}: each query of FILE (one a line, e.g. src/test/bench/phrase-queries.txt) on the
 * index alone, after the background pass; wall and CPU time of the second of two rounds.</li>
 * <li>{@code search DATA [CASE]}: unlock, the first search (time from unlock), then 160 queries of words
 * (common, middling, rare), phrases (of common words too) and prefixes over every case, p50/p95 each.</li>
 * </ul>
 * The password comes from REVIEWDESK_PASSWORD.
 */
public final class ArchiveBenchmark {
    private ArchiveBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        char[] pw = System.getenv("REVIEWDESK_PASSWORD").toCharArray();
        switch (args[0]) {
            case "import" -> importAll(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), pw,
                    args.length > 4 ? Integer.parseInt(args[4]) : Integer.MAX_VALUE);
            case "search" -> search(Path.of(args[1]), pw);
            case "queries" -> queries(Path.of(args[1]), Path.of(args[2]), pw);
            case "index" -> {
                // the first PAGES pages' texts of a store, indexed three ways into OUT (what pairs cost)
                java.util.Map<org.reviewdesk.search.RecordIndex.PageKey, String> pages;
                try (org.reviewdesk.store.Store store = org.reviewdesk.store.Store.open(Path.of(args[1]), pw)) {
                    pages = org.reviewdesk.search.IndexBuildBenchmark.pages(store, Integer.parseInt(args[2]));
                }
                System.out.printf("%d pages, %.1f MB of text%n", pages.size(),
                        pages.values().stream().mapToLong(String::length).sum() / 1048576.0);
                org.reviewdesk.search.IndexBuildBenchmark.run(pages, Path.of(args[3]));
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void importAll(Path data, Path pdfs, Path caseJson, char[] pw, int max) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(pdfs)) {
            files = s.filter(p -> p.toString().endsWith(".pdf")).sorted().limit(max).toList();
        }
        String json = Files.readString(caseJson, StandardCharsets.UTF_8);
        String number = json.replaceAll("(?s).*\"caseNumber\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        Path scratch = Files.createTempDirectory("archive-bench-case"); // public letter text, no patient data
        long t0 = System.nanoTime();
        long pages = 0;
        try (Workbench w = Workbench.storeExists(data) ? Workbench.open(data, pw)
                : Workbench.create(data, pw, true)) {
            for (int i = 0; i < files.size(); i++) {
                String caseNumber = String.format("BENCH-%04d", i);
                if (!w.cases().contains(caseNumber)) {
                    Path c = scratch.resolve(caseNumber + ".json");
                    Files.writeString(c, json.replace(number, caseNumber));
                    w.cases().importPath(c, false);
                    Files.delete(c);
                }
                if (!w.records().documents(caseNumber).isEmpty()) {
                    continue;
                }
                var r = w.records().addFiles(caseNumber, List.of(files.get(i)), RecordService.Progress.NONE,
                        () -> false);
                pages += r.get(0).pages();
                if (i % 10 == 0) {
                    System.out.printf("%d files, %d pages this run, %.0f s, heap used %d MB%n", i + 1, pages,
                            (System.nanoTime() - t0) / 1e9, used() >> 20);
                }
            }
            System.out.printf("imported %d pages in %.0f s; index pages %d%n", pages, (System.nanoTime() - t0) / 1e9,
                    w.search().index().pageCount());
        }
        Files.deleteIfExists(scratch);
    }

    private static void queries(Path data, Path file, char[] pw) throws Exception {
        List<String> queries = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                .toList();
        try (Workbench w = Workbench.open(data, pw)) {
            w.search().awaitRepair();
            var index = w.search().index();
            var threads = ManagementFactory.getThreadMXBean();
            for (int round = 0; round < 2; round++) {
                for (String q : queries) {
                    long c = threads.getCurrentThreadCpuTime();
                    long t = System.nanoTime();
                    int n = index.search(org.reviewdesk.search.Query.parse(q), null, 50, false).size();
                    if (round == 1) {
                        System.out.printf("%-28s %7.1f ms wall %7.1f ms CPU (%d hits)%n", q, (System.nanoTime() - t) / 1e6,
                                (threads.getCurrentThreadCpuTime() - c) / 1e6, n);
                    }
                }
            }
        }
    }

    private static long used() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static void search(Path data, char[] pw) throws Exception {
        long t0 = System.nanoTime();
        try (Workbench w = Workbench.open(data, pw)) {
            long t1 = System.nanoTime();
            var first = w.search().search("therapy lumbar", null, 50);
            long t2 = System.nanoTime();
            System.out.printf("unlock %.0f ms; first search after unlock %.0f ms (%d hits); index pages %d%n",
                    (t1 - t0) / 1e6, (t2 - t1) / 1e6, first.size(), w.search().index().pageCount());
            // the background repair, and the re-indexing for new common words (an index of format 1, or one
            // grown fourfold since its common words were chosen): measured, then the searches on the result
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long t3 = System.nanoTime();
            w.search().awaitRepair();
            System.out.printf("background repair and common-words pass: %.1f s wall, %.1f s process CPU, %d documents "
                    + "indexed again; common words: %d indexed, %d ready%n", (System.nanoTime() - t3) / 1e9,
                    (os.getProcessCpuTime() - cpu0) / 1e9, w.search().commonWordsReindexed(),
                    w.search().index().indexingCommonWords().size(), w.search().index().readyCommonWords().size());
            String[] vocabTop = ArchiveGenerator.vocabulary();
            int in = 0;
            for (int k = 0; k < 30; k++) {
                in += w.search().index().readyCommonWords().contains(vocabTop[k]) ? 1 : 0;
            }
            System.out.printf("of the 30 words the phrase queries draw from, %d are common words of the index%n", in);
            String[] vocab = ArchiveGenerator.vocabulary();
            Random r = new Random(42);
            Map<String, List<String>> kinds = new LinkedHashMap<>();
            List<String> words = new ArrayList<>();
            List<String> phrases = new ArrayList<>();
            List<String> prefixes = new ArrayList<>();
            List<String> multi = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                // ranks spread over the Zipf curve: common (top 100), middling (100-3000), rare (3000+)
                int rank = i % 3 == 0 ? r.nextInt(100) : i % 3 == 1 ? 100 + r.nextInt(2900) : 3000 + r.nextInt(20_000);
                words.add(vocab[rank]);
                phrases.add("\"" + vocab[r.nextInt(30)] + " " + vocab[r.nextInt(30)] + "\"");
                String p = vocab[i % 2 == 0 ? r.nextInt(200) : 200 + r.nextInt(20_000)];
                prefixes.add(p.substring(0, Math.min(p.length(), 3 + r.nextInt(2))) + "*");
                multi.add(vocab[r.nextInt(100)] + " " + vocab[100 + r.nextInt(3000)] + " \"" + vocab[r.nextInt(20)]
                        + " " + vocab[r.nextInt(20)] + "\"");
            }
            kinds.put("words", words);
            kinds.put("phrases of common words", phrases);
            kinds.put("prefixes", prefixes);
            kinds.put("two words and a phrase", multi);
            // warm-up, as a reviewer's session would be after a few searches
            for (String q : words.subList(0, 10)) {
                w.search().search(q, null, 50);
            }
            List<Double> all = new ArrayList<>();
            for (var e : kinds.entrySet()) {
                double[] ms = new double[e.getValue().size()];
                int i = 0;
                long hits = 0;
                for (String q : e.getValue()) {
                    long a = System.nanoTime();
                    hits += w.search().search(q, null, 50).size();
                    ms[i++] = (System.nanoTime() - a) / 1e6;
                }
                Arrays.sort(ms);
                for (double m : ms) {
                    all.add(m);
                }
                System.out.printf("%-26s %3d queries: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d hits shown)%n",
                        e.getKey(), ms.length, ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.95) - 1],
                        ms[ms.length - 1], hits);
                double[] idx = new double[e.getValue().size()];
                double[] cpu = new double[e.getValue().size()];
                var threads = ManagementFactory.getThreadMXBean();
                i = 0;
                for (String q : e.getValue()) {
                    long c = threads.getCurrentThreadCpuTime();
                    long a = System.nanoTime();
                    w.search().index().search(org.reviewdesk.search.Query.parse(q), null, 50, false);
                    idx[i] = (System.nanoTime() - a) / 1e6;
                    cpu[i++] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
                }
                Arrays.sort(idx);
                Arrays.sort(cpu);
                System.out.printf("%-26s     index alone: p50 %.1f ms, p95 %.1f ms; CPU p50 %.1f ms, p95 %.1f ms%n", "",
                        idx[idx.length / 2], idx[(int) Math.ceil(idx.length * 0.95) - 1], cpu[cpu.length / 2],
                        cpu[(int) Math.ceil(cpu.length * 0.95) - 1]);
            }
            double[] a = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("all %d queries (50 hits each, snippets from the store): p50 %.1f ms, p95 %.1f ms%n",
                    a.length, a[a.length / 2], a[(int) Math.ceil(a.length * 0.95) - 1]);
            System.gc();
            var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            System.out.printf("heap after GC: %d MB used of %d MB max%n", heap.getUsed() >> 20, heap.getMax() >> 20);
        }
    }
}
