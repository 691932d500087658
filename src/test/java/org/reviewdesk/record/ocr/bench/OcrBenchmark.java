package org.reviewdesk.record.ocr.bench;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.reviewdesk.record.ocr.ScannedPackets;

/**
 * OCR benchmark (src/test/bench/ocr-benchmark.sh): {@code gen DIR N} writes N synthetic scanned pages (300 dpi
 * PNG, slight skew, noise; synthetic text, no patient data); {@code run DIR THREADS} OCRs every PNG of DIR with
 * ReviewDesk's OCR (one Tesseract engine per thread), reading the files like the tesseract command does, and
 * prints the pages and the wall time.
 */
public final class OcrBenchmark {
    private OcrBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "gen" -> gen(dir, Integer.parseInt(args[2]));
            case "run" -> run(dir, Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException("gen DIR N | run DIR THREADS");
        }
    }

    private static void gen(Path dir, int n) throws Exception {
        Files.createDirectories(dir);
        for (int i = 1; i <= n; i++) {
            ScannedPackets.Page p = ScannedPackets.page("Page " + i + " of " + n, 14, 1000 + i);
            BufferedImage img = ScannedPackets.scan(p, new ScannedPackets.Scan(300, (i % 5 - 2) * 0.4, i % 3 == 0,
                    0.001, 0, false, i));
            ImageIO.write(img, "png", dir.resolve(String.format("page-%03d.png", i)).toFile());
            Files.writeString(dir.resolve(String.format("page-%03d.txt.known", i)), p.text());
        }
    }

    private static void run(Path dir, int threads) throws Exception {
        List<Path> pngs;
        try (Stream<Path> s = Files.list(dir)) {
            pngs = s.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        long t0 = System.nanoTime();
        // one multi-frame job per file would be unfair to tesseract; one "document" per page image, like the CLI
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        double[] accuracy = new double[pngs.size()];
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                try (org.reviewdesk.record.ocr.OcrEngine engine = new org.reviewdesk.record.ocr.OcrEngine()) {
                    int i;
                    while ((i = next.getAndIncrement()) < pngs.size()) {
                        byte[] bytes = Files.readAllBytes(pngs.get(i));
                        BufferedImage img = ImageIO.read(new java.io.ByteArrayInputStream(bytes));
                        String text = engine.recognize(img, 300).text();
                        Path known = Path.of(pngs.get(i).toString().replace(".png", ".txt.known"));
                        accuracy[i] = ScannedPackets.wordAccuracy(Files.readString(known), text);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            th.start();
            workers.add(th);
        }
        for (Thread th : workers) {
            th.join();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        double mean = java.util.Arrays.stream(accuracy).average().orElse(0);
        System.out.printf("ReviewDesk OCR: %d pages in %.1f s on %d threads (%.1f pages/min), word accuracy %.4f%n",
                pngs.size(), secs, threads, pngs.size() * 60 / secs, mean);
    }
}
