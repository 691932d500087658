package org.reviewdesk.record.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.reviewdesk.record.ProgressListener;
import org.reviewdesk.record.RecordReader;

/**
 * The import benchmark of the product issue: text extraction of a 1,000-page text PDF by
 * {@link RecordReader#readPages} in a warm JVM, side by side with {@code pdftotext} on the same file; prints
 * both medians, their ratio and the peak heap. Run with src/test/bench/record-import-benchmark.sh.
 * Arguments: [pages=1000] [warm-up runs=5] [measured runs=9].
 */
public final class RecordImportBenchmark {
    private static final String[] COMPLAINTS = {"neck pain radiating to the right upper extremity",
        "low back pain with intermittent numbness in the left leg", "right shoulder pain worse with overhead reaching",
        "bilateral wrist pain and tingling in the fingers at night", "left knee pain with clicking on stairs"};
    private static final String[] FINDINGS = {"Tenderness to palpation over the paraspinal muscles.",
        "Range of motion limited by pain in flexion and extension.", "Spurling's test negative bilaterally.",
        "Straight leg raise positive on the left at 45 degrees.", "Neer and Hawkins impingement signs positive.",
        "Tinel's and Phalen's signs positive at the right wrist.", "McMurray's test equivocal; mild effusion."};
    private static final String[] PLANS = {"Continue home exercise program and activity modification.",
        "Request authorization for 8 sessions of physical therapy, 2 times a week for 4 weeks.",
        "Refill naproxen 550 mg twice daily with food; omeprazole 20 mg daily.",
        "Request MRI of the lumbar spine without contrast to rule out disc herniation.",
        "Modified duty: no lifting over 15 pounds, no repetitive overhead work.",
        "Follow-up in four weeks or sooner if symptoms worsen."};

    private RecordImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 9;
        byte[] pdf = clinicalPdf(pages);
        Path file = Files.createTempFile("record-benchmark", ".pdf"); // synthetic text, no patient data
        try {
            Files.write(file, pdf);
            run(pdf, file, pages, warmup, runs);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void run(byte[] pdf, Path file, int pages, int warmup, int runs) throws Exception {
        System.out.printf("file: %d pages, %.1f MB, about 40 lines of text a page%n", pages, pdf.length / 1e6);
        for (int i = 0; i < warmup; i++) {
            ours(pdf);
            pdftotext(file);
        }
        System.gc();
        resetPeaks();
        double[] oursMs = new double[runs];
        double[] popplerMs = new double[runs];
        long chars = 0;
        for (int i = 0; i < runs; i++) {
            // alternate the two so that any drift of the machine touches both alike
            long t0 = System.nanoTime();
            chars = ours(pdf);
            long t1 = System.nanoTime();
            long popplerBytes = pdftotext(file);
            long t2 = System.nanoTime();
            oursMs[i] = (t1 - t0) / 1e6;
            popplerMs[i] = (t2 - t1) / 1e6;
            if (i == 0) {
                System.out.printf("text: ours %,d characters, pdftotext %,d bytes%n", chars, popplerBytes);
            }
        }
        long peak = peakHeap();
        double ours = median(oursMs);
        double poppler = median(popplerMs);
        System.out.printf("pdftotext (whole process): median %.0f ms  runs %s%n", poppler, list(popplerMs));
        System.out.printf("RecordReader.readPages (warm JVM): median %.0f ms  runs %s%n", ours, list(oursMs));
        System.out.printf("ratio ours / pdftotext: %.2f (target <= 2.00)%n", ours / poppler);
        System.out.printf("peak heap used during the measured runs: %d MB (max heap %d MB)%n", peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("machine: %d cores, %s %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
    }

    private static long ours(byte[] pdf) throws Exception {
        long[] chars = {0};
        RecordReader.readPages("benchmark.pdf", pdf, page -> chars[0] += page.text().length(),
                ProgressListener.NONE, () -> false);
        return chars[0];
    }

    /** Runs pdftotext writing to a pipe we drain, as an import would read it; returns the bytes of text. */
    private static long pdftotext(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long n = p.getInputStream().transferTo(OutputStream.nullOutputStream());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("pdftotext failed with exit code " + p.exitValue());
        }
        return n;
    }

    /** A synthetic progress-note PDF: Helvetica 10 pt, about 40 varied lines a page. */
    static byte[] clinicalPdf(int pageCount) throws IOException {
        Random random = new Random(42);
        try (PDDocument doc = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int n = 1; n <= pageCount; n++) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 10);
                    cs.setLeading(16);
                    cs.newLineAtOffset(60, 740);
                    for (String line : pageLines(n, random)) {
                        cs.showText(line);
                        cs.newLine();
                    }
                    cs.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static List<String> pageLines(int n, Random r) {
        List<String> lines = new ArrayList<>();
        int month = 1 + n % 12;
        int day = 1 + n % 28;
        lines.add("PRIMARY TREATING PHYSICIAN'S PROGRESS REPORT (PR-2)                    Page " + n);
        lines.add(String.format("Date of visit: %02d/%02d/2015     Claim number: 0%07d     DOI: 06/14/2013", month, day,
                1_000_000 + n));
        lines.add("Patient: Sample Patient    Employer: Coastal Distribution Inc.    Provider: A. Reviewer, MD");
        lines.add("");
        lines.add("SUBJECTIVE:");
        for (int i = 0; i < 6; i++) {
            lines.add("The patient reports " + pick(COMPLAINTS, r) + ", rated " + (3 + r.nextInt(6))
                    + "/10 today, " + (r.nextBoolean() ? "improved" : "unchanged") + " since the last visit.");
        }
        lines.add("OBJECTIVE:");
        for (int i = 0; i < 12; i++) {
            lines.add(pick(FINDINGS, r) + " Grip strength " + (20 + r.nextInt(30)) + " kg right, "
                    + (20 + r.nextInt(30)) + " kg left.");
        }
        lines.add("ASSESSMENT:");
        lines.add("1. Cervical sprain/strain with radiculitis.  2. Lumbar disc displacement without myelopathy.");
        lines.add("3. Right shoulder impingement syndrome.  4. Carpal tunnel syndrome, right.");
        lines.add("PLAN:");
        for (int i = 0; i < 12; i++) {
            lines.add((i + 1) + ". " + pick(PLANS, r));
        }
        lines.add("Work status: modified duty as above. I declare under penalty of perjury that this report is true.");
        return lines;
    }

    private static String pick(String[] options, Random r) {
        return options[r.nextInt(options.length)];
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** The sum of the heap pools' peaks: an upper bound of the heap in use at any one moment. */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String list(double[] ms) {
        StringBuilder s = new StringBuilder();
        for (double v : ms) {
            s.append(s.length() == 0 ? "" : ", ").append(Math.round(v));
        }
        return "[" + s + "]";
    }
}
