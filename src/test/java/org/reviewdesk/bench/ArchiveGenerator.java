package org.reviewdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Generates the synthetic record PDFs of the archive benchmark: {@code files} PDFs of {@code pages} pages
 * each, text drawn from a vocabulary of {@link #VOCABULARY} words with a Zipf-like distribution (rank r
 * with probability proportional to 1/r^1.07), so that posting lists look like those of real records:
 * a few words on almost every page, most words rare. Each file has its own seed. Synthetic text only.
 * Arguments: OUT_DIR FILES PAGES [THREADS].
 */
public final class ArchiveGenerator {
    static final int VOCABULARY = 24_000;
    /** Common words first, so that phrases of common words ("the patient", "physical therapy") exist. */
    private static final String[] COMMON = ("the of and to in patient a with was is for on pain no at by "
            + "right left as be not this from or were has have physical therapy back lumbar spine knee shoulder "
            + "neck cervical examination history treatment request medical report date visit follow up work "
            + "injury status mri reviewed denied approved medication daily twice mg tablet range motion "
            + "tenderness strength normal positive negative bilateral chronic acute symptoms worse better "
            + "sessions weeks months doctor clinic plan assessment diagnosis utilization review guidelines "
            + "mtus acoem odg evidence based functional improvement restrictions modified duty home exercise "
            + "program radiating numbness tingling extremity lower upper surgery injection epidural facet "
            + "opioid naproxen tramadol gabapentin omeprazole cyclobenzaprine urine drug screen").split(" ");

    private ArchiveGenerator() {
    }

    /** The benchmark's word list: the common words, then pronounceable made-up words, all distinct. */
    static String[] vocabulary() {
        Set<String> words = new LinkedHashSet<>(List.of(COMMON));
        String[] onsets = {"b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "v", "br", "cr", "dr",
            "gl", "pl", "pr", "st", "tr", "ch", "th", "sp"};
        String[] vowels = {"a", "e", "i", "o", "u", "ae", "io", "ou"};
        String[] codas = {"", "n", "r", "s", "l", "x", "m", "t", "nd", "st"};
        Random r = new Random(20261201L);
        while (words.size() < VOCABULARY) {
            int syllables = 2 + r.nextInt(3);
            StringBuilder w = new StringBuilder();
            for (int i = 0; i < syllables; i++) {
                w.append(onsets[r.nextInt(onsets.length)]).append(vowels[r.nextInt(vowels.length)]);
            }
            w.append(codas[r.nextInt(codas.length)]);
            words.add(w.toString());
        }
        return words.toArray(new String[0]);
    }

    /** Cumulative Zipf weights over the vocabulary's ranks. */
    static double[] zipf(int n) {
        double[] cum = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1.0 / Math.pow(i + 1, 1.07);
            cum[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cum[i] /= sum;
        }
        return cum;
    }

    static String word(String[] vocab, double[] cum, Random r) {
        int i = java.util.Arrays.binarySearch(cum, r.nextDouble());
        return vocab[Math.min(vocab.length - 1, i < 0 ? -i - 1 : i)];
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int files = Integer.parseInt(args[1]);
        int pages = Integer.parseInt(args[2]);
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        Files.createDirectories(out);
        String[] vocab = vocabulary();
        double[] cum = zipf(vocab.length);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> jobs = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int f = 0; f < files; f++) {
            int file = f;
            jobs.add(pool.submit(() -> {
                Path target = out.resolve(String.format("record-%04d.pdf", file));
                if (Files.exists(target)) {
                    return null;
                }
                Path part = out.resolve(String.format("record-%04d.pdf.part", file));
                write(part, pages, new Random(1_000_003L * file + 17), vocab, cum, file);
                Files.move(part, target);
                if (file % 10 == 0) {
                    System.out.printf("file %d done (%.0f s)%n", file, (System.nanoTime() - t0) / 1e9);
                }
                return null;
            }));
        }
        for (Future<?> j : jobs) {
            j.get();
        }
        pool.shutdown();
        System.out.printf("%d files of %d pages in %.1f s%n", files, pages, (System.nanoTime() - t0) / 1e9);
    }

    private static void write(Path file, int pages, Random r, String[] vocab, double[] cum, int n)
            throws Exception {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 9);
                    cs.setLeading(12);
                    cs.newLineAtOffset(50, 740);
                    cs.showText("Record " + n + " page " + (p + 1) + " progress note");
                    cs.newLine();
                    for (int line = 0; line < 38; line++) {
                        StringBuilder sb = new StringBuilder();
                        while (sb.length() < 95) {
                            sb.append(word(vocab, cum, r)).append(' ');
                        }
                        cs.showText(sb.toString().strip());
                        cs.newLine();
                    }
                    cs.endText();
                }
            }
            doc.save(file.toFile());
        }
    }
}
