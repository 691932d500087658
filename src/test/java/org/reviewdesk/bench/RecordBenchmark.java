package org.reviewdesk.bench;

import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.AreaBreak;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.io.font.constants.StandardFonts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.reviewdesk.service.RecordService;
import org.reviewdesk.service.Workbench;

/**
 * The clinical record's speed targets, measured on a real encrypted store: importing a generated
 * 1,000-page text PDF (extraction, indexing, storing) against pdftotext on the same file; search
 * over 10,000 pages (95th percentile); first and next page images; heap with a 1,000-page case.
 * Run with src/test/bench/record-benchmark.sh.
 */
public final class RecordBenchmark {
    private static final String[] WORDS = ("patient reports pain lumbar cervical spine tenderness range motion "
            + "strength flexion extension physical therapy sessions chiropractic acupuncture medication tramadol "
            + "meloxicam ibuprofen gabapentin urine drug screen opioid functional improvement work status modified "
            + "duty examination reveals spasm radiculopathy numbness tingling bilateral upper lower extremities "
            + "MRI x-ray impression disc protrusion stenosis follow up weeks months plan continue request "
            + "authorization denied certified guideline MTUS ACOEM ODG chronic acute injury industrial").split(" ");

    private RecordBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("reviewdesk-bench");
        char[] pw = "bench password".toCharArray();
        Path pdf = dir.resolve("record-1000.pdf");
        generate(pdf, 1000, 1);
        System.out.printf("generated %s: 1000 pages, %.1f MB%n", pdf.getFileName(), Files.size(pdf) / 1e6);

        // pdftotext side by side, median of 3
        long[] ptt = new long[3];
        for (int i = 0; i < ptt.length; i++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder("pdftotext", pdf.toString(), dir.resolve("out.txt").toString()).start();
            p.waitFor();
            ptt[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        Files.deleteIfExists(dir.resolve("out.txt"));
        Arrays.sort(ptt);

        try (Workbench w = Workbench.create(dir.resolve("data"), pw, false)) {
            // warm up the reader and the store once with another 1000-page file
            Path warm = dir.resolve("warm.pdf");
            generate(warm, 1000, 99);
            var r0 = w.records().addFiles("EXAMPLE-0001", List.of(warm), RecordService.Progress.NONE, () -> false);
            long t0 = System.nanoTime();
            var r = w.records().addFiles("EXAMPLE-0001", List.of(pdf), RecordService.Progress.NONE, () -> false);
            long importMs = (System.nanoTime() - t0) / 1_000_000;
            if (!r.get(0).added()) {
                throw new IllegalStateException(r.toString());
            }
            System.out.printf("import 1000 pages (extract, index, store, encrypted): %d ms; pdftotext median %d ms "
                    + "(%s); ratio %.2f%n", importMs, ptt[1], Arrays.toString(ptt), importMs / (double) ptt[1]);
            heap("heap after importing 1000 pages");

            // page images: first page cold, next page after the viewer's prefetch
            String id = r.get(0).documentId();
            long f0 = System.nanoTime();
            w.records().pageImage("EXAMPLE-0001", id, 500, 110f);
            long first = (System.nanoTime() - f0) / 1_000_000;
            w.records().pageImage("EXAMPLE-0001", id, 501, 110f);
            long n0 = System.nanoTime();
            w.records().pageImage("EXAMPLE-0001", id, 501, 110f);
            long next = (System.nanoTime() - n0) / 1_000;
            long c0 = System.nanoTime();
            w.records().pageImage("EXAMPLE-0001", id, 700, 110f);
            long other = (System.nanoTime() - c0) / 1_000_000;
            System.out.printf("page image at 110 dpi: first page of a document %d ms, another page cold %d ms, "
                    + "next page after prefetch %.2f ms%n", first, other, next / 1000.0);
            long s0 = System.nanoTime();
            w.records().pageImage("EXAMPLE-0001", r0.get(0).documentId(), 1, 110f);
            System.out.printf("first page of another document (warm process): %d ms%n",
                    (System.nanoTime() - s0) / 1_000_000);
            for (int p = 1; p <= 40; p++) {
                w.records().pageImage("EXAMPLE-0001", id, p, 110f);
            }
            heap("heap after viewing 40 pages of it");

            // 9 more 1000-page documents: 10,000 pages in the store
            for (int i = 2; i <= 10; i++) {
                Path more = dir.resolve("record-" + i + ".pdf");
                generate(more, 1000, i);
                w.records().addFiles("EXAMPLE-0001", List.of(more), RecordService.Progress.NONE, () -> false);
                Files.delete(more);
            }
        }
        // a fresh process opening the store: the index is built from the encrypted pages on first search
        try (Workbench w = Workbench.open(dir.resolve("data"), pw)) {
            long l0 = System.nanoTime();
            int pages = w.search().index().pageCount();
            System.out.printf("search index built from the store: %d pages in %d ms%n", pages,
                    (System.nanoTime() - l0) / 1_000_000);
            String[] queries = {"lumbar", "\"range of motion\"", "tramadol urine", "radicul*", "\"functional improvement\"",
                "MTUS guideline", "chiro*", "\"disc protrusion\" stenosis", "meloxicam", "numbness tingling bilateral"};
            List<Double> times = new ArrayList<>();
            int hits = 0;
            for (int round = 0; round < 30; round++) {
                for (String q : queries) {
                    long s0 = System.nanoTime();
                    hits += w.search().search(q, round % 2 == 0 ? null : "EXAMPLE-0001", 50).size();
                    times.add((System.nanoTime() - s0) / 1e6);
                }
            }
            List<Double> measured = new ArrayList<>(times.subList(queries.length * 5, times.size()));
            measured.sort(Double::compare);
            System.out.printf("search over %d pages: %d queries, median %.1f ms, p95 %.1f ms, max %.1f ms "
                    + "(%d hits returned in all)%n", pages, measured.size(), measured.get(measured.size() / 2),
                    measured.get((int) (measured.size() * 0.95) - 1), measured.get(measured.size() - 1), hits);
            heap("heap with the 10,000-page index loaded");
        }
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void heap(String what) {
        Runtime rt = Runtime.getRuntime();
        rt.gc();
        System.out.printf("%s: %d MB used (max %d MB)%n", what, (rt.totalMemory() - rt.freeMemory()) >> 20,
                rt.maxMemory() >> 20);
    }

    /** A text PDF of clinical-looking sentences, about 40 lines a page. */
    static void generate(Path file, int pages, long seed) throws Exception {
        Random rnd = new Random(seed);
        try (PdfDocument pdf = new PdfDocument(new PdfWriter(file.toString())); Document doc = new Document(pdf)) {
            doc.setFont(PdfFontFactory.createFont(StandardFonts.TIMES_ROMAN)).setFontSize(10);
            for (int p = 1; p <= pages; p++) {
                if (p > 1) {
                    doc.add(new AreaBreak());
                }
                doc.add(new Paragraph("PROGRESS REPORT  Date of visit: " + (1 + p % 12) + "/" + (1 + p % 28)
                        + "/2015  Page " + p).setMargin(0));
                StringBuilder b = new StringBuilder();
                for (int s = 0; s < 28; s++) {
                    int n = 8 + rnd.nextInt(10);
                    for (int i = 0; i < n; i++) {
                        b.append(WORDS[rnd.nextInt(WORDS.length)]).append(i == n - 1 ? ". " : " ");
                    }
                }
                doc.add(new Paragraph(b.toString()).setMargin(0));
            }
        }
    }
}
