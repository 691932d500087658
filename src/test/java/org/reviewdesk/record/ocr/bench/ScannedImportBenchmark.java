package org.reviewdesk.record.ocr.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.reviewdesk.record.ocr.ScannedPackets;
import org.reviewdesk.service.RecordService;
import org.reviewdesk.service.Workbench;

/**
 * A 600-page scanned (image-only, fax-like 200 dpi) PDF through the streamed import, in a process where the store is
 * already open (as in the window): from choosing the file to its first page stored and drawn at the viewer's 110 dpi
 * (page 1 is committed first; no OCR on this path), and to every page stored. The window's own figure (to the page
 * on screen) is {@code first-page-benchmark.sh}. Usage: {@code ScannedImportBenchmark WORKDIR PAGES RUNS}.
 */
public final class ScannedImportBenchmark {
    private ScannedImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int pages = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        Path pdf = work.resolve("scanned-" + pages + ".pdf");
        if (!Files.exists(pdf)) {
            Files.write(pdf, packet(pages));
        }
        System.out.printf("scanned PDF: %d pages, %.1f MB%n", pages, Files.size(pdf) / 1e6);
        char[] password = "benchmark password".toCharArray();
        List<Long> times = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            Path data = work.resolve("data-" + r);
            try (Workbench w = Workbench.create(data, password, false)) {
                long t0 = System.nanoTime();
                long[] firstMs = {-1};
                int[] size = new int[2];
                // streamed: page 1 is stored first; the window draws it then (here: on this thread, as a measure)
                var added = w.records().addFiles("EXAMPLE-0001", List.of(pdf), RecordService.Progress.NONE,
                        () -> false, new RecordService.FirstPage() {
                            @Override
                            public void stored(String name, String id, int total) {
                                try {
                                    BufferedImage first = w.records().uprightPageImage("EXAMPLE-0001", id, 1, 110f);
                                    size[0] = first.getWidth();
                                    size[1] = first.getHeight();
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                                firstMs[0] = (System.nanoTime() - t0) / 1_000_000;
                            }

                            @Override
                            public float renderDpi() {
                                return 110f;
                            }
                        });
                long ms = (System.nanoTime() - t0) / 1_000_000;
                times.add(firstMs[0]);
                System.out.printf("run %d: first page stored and drawn (%dx%d) after %d ms; all %d pages stored "
                        + "after %d ms; %s%n", r + 1, size[0], size[1], firstMs[0], added.get(0).pages(), ms,
                        w.ocr().status("EXAMPLE-0001").label());
            }
        }
        times.sort(null);
        System.out.printf("file chosen to first page stored and drawn (in process, no window): median %d ms "
                + "(runs %s)%n",
                times.get(times.size() / 2), times);
    }

    /** The scanned packet of {@link #packet}, for the window benchmark. */
    public static byte[] packetOf(int pages) throws Exception {
        return packet(pages);
    }

    /** {@code pages} fax-like pages drawn from 20 distinct scans (each page embeds its own image copy). */
    static byte[] packet(int pages) throws Exception {
        List<BufferedImage> distinct = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ScannedPackets.Page p = ScannedPackets.page("Page " + (i + 1) + " of 20", 14, 500 + i);
            BufferedImage g = ScannedPackets.scan(p, new ScannedPackets.Scan(200, 0.4, false, 0.001, 0, true, i));
            BufferedImage bw = new BufferedImage(g.getWidth(), g.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
            bw.getGraphics().drawImage(g, 0, 0, null);
            distinct.add(bw);
        }
        try (PDDocument doc = new PDDocument()) {
            for (int i = 0; i < pages; i++) {
                BufferedImage img = distinct.get(i % distinct.size());
                float scale = 72f / 200;
                PDPage page = new PDPage(new PDRectangle(img.getWidth() * scale, img.getHeight() * scale));
                doc.addPage(page);
                PDImageXObject x = LosslessFactory.createFromImage(doc, img);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawImage(x, 0, 0, img.getWidth() * scale, img.getHeight() * scale);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }
}
