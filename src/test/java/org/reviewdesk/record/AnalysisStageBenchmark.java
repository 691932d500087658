package org.reviewdesk.record;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The analyses a {@code records add} runs on a file's pages (issue 13), in one warm process: the chronology split
 * and the duplicate-page search, now and as they were before (the references of ImportAnalysisEquivalenceTest),
 * alternating, on the pages of a real PDF read by {@link RecordReader}. Prints each run's milliseconds and the
 * process CPU time of each part. Not a unit test: run by src/test/bench/records-add-benchmark.sh (STAGES=1).
 * Arguments: PDF [runs=3].
 */
public final class AnalysisStageBenchmark {
    private AnalysisStageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path pdf = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        byte[] bytes = Files.readAllBytes(pdf);
        List<String> pages = new ArrayList<>();
        RecordReader.readPages(pdf.getFileName().toString(), bytes, p -> pages.add(p.text()), ProgressListener.NONE,
                () -> false);
        Map<String, List<String>> doc = new LinkedHashMap<>();
        doc.put("record", pages);
        var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long[][] ms = new long[4][runs];
        long[][] cpuMs = new long[4][runs];
        for (int r = 0; r < runs; r++) {
            for (int k = 0; k < 4; k++) {
                long c0 = cpu.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                int n = switch (k) {
                    case 0 -> OldChronology.split(pages).size();
                    case 1 -> Chronology.split(pages).size();
                    case 2 -> ImportAnalysisEquivalenceTest.Reference.find(doc).size();
                    default -> DuplicatePages.find(doc).size();
                };
                ms[k][r] = (System.nanoTime() - t0) / 1_000_000;
                cpuMs[k][r] = (cpu.getCurrentThreadCpuTime() - c0) / 1_000_000;
                if (r == 0) {
                    System.out.println(new String[] {"chronology before", "chronology now", "duplicates before",
                        "duplicates now"}[k] + ": " + n + (k < 2 ? " documents" : " duplicate pages"));
                }
            }
        }
        String[] names = {"chronology split, before", "chronology split, now", "duplicate pages, before",
            "duplicate pages, now"};
        System.out.println(pages.size() + " pages, " + runs + " runs each, alternating (wall ms / thread CPU ms):");
        for (int k = 0; k < 4; k++) {
            System.out.println("- " + names[k] + ": " + Arrays.toString(ms[k]) + " / " + Arrays.toString(cpuMs[k]));
        }
    }
}
