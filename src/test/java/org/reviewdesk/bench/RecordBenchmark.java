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

        // pdftotext side by side, median of 5
        long[] ptt = new long[5];
        for (int i = 0; i < ptt.length; i++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder("pdftotext", pdf.toString(), dir.resolve("out.txt").toString()).start();
            p.waitFor();
            ptt[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        Files.deleteIfExists(dir.resolve("out.txt"));
        Arrays.sort(ptt);

        try (Workbench w = Workbench.create(dir.resolve("data"), pw, false)) {
            // ten different 1,000-page documents: 3 warm the JIT up, 3 are measured, 4 fill the store
            long[] measured = new long[3];
            String id = null;
            List<String> ids = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                Path doc = i == 4 ? pdf : dir.resolve("record-" + i + ".pdf");
                if (i != 4) {
                    generate(doc, 1000, i + 100);
                }
                long t0 = System.nanoTime();
                var r = w.records().addFiles("EXAMPLE-0001", List.of(doc), RecordService.Progress.NONE, () -> false);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (!r.get(0).added()) {
                    throw new IllegalStateException(r.toString());
                }
                ids.add(r.get(0).documentId());
                if (i >= 4 && i <= 6) {
                    measured[i - 4] = ms;
                }
                if (i == 4) {
                    id = r.get(0).documentId();
                    heap("heap after importing 4,000 pages");
                }
                if (i <= 3) {
                    System.out.printf("warm-up import %d: %d ms%n", i, ms);
                }
                Files.delete(doc);
            }
            Arrays.sort(measured);
            System.out.printf("import 1000 pages (extract, index, store, encrypted), warm: %s ms, median %d ms; "
                    + "pdftotext %s ms, median %d ms; ratio %.2f%n", Arrays.toString(measured), measured[1],
                    Arrays.toString(ptt), ptt[2], measured[1] / (double) ptt[2]);

            // page images: the JIT warmed on three documents, then the first page of three documents not
            // opened yet (median), another page, and the next page after the viewer's prefetch
            for (int i = 0; i < 3; i++) {
                for (int p = 1; p <= 5; p++) {
                    w.records().pageImage("EXAMPLE-0001", ids.get(i), p, 110f);
                }
            }
            long[] firsts = new long[3];
            for (int i = 0; i < 3; i++) {
                long f0 = System.nanoTime();
                w.records().pageImage("EXAMPLE-0001", ids.get(4 + i), 1, 110f);
                firsts[i] = (System.nanoTime() - f0) / 1_000_000;
            }
            Arrays.sort(firsts);
            long first = firsts[1];
            System.out.printf("first page of a document not opened before: %s ms%n", Arrays.toString(firsts));
            long c0 = System.nanoTime();
            w.records().pageImage("EXAMPLE-0001", id, 700, 110f);
            long other = (System.nanoTime() - c0) / 1_000_000;
            w.records().pageImage("EXAMPLE-0001", id, 701, 110f);
            long n0 = System.nanoTime();
            w.records().pageImage("EXAMPLE-0001", id, 701, 110f);
            long next = (System.nanoTime() - n0) / 1_000;
            System.out.printf("page image at 110 dpi: first page of a 1,000-page document, median %d ms, another page %d ms, "
                    + "next page after prefetch %.2f ms%n", first, other, next / 1000.0);
            for (int p = 1; p <= 40; p++) {
                w.records().pageImage("EXAMPLE-0001", id, p, 110f);
            }
            heap("heap after viewing 40 pages of it");
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
