package org.reviewdesk.record;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Page images of a PDF held in memory (letter previews); nothing is written to disk (no scratch files). */
public final class PageRenderer {
    static {
        MemoryOnly.ensure();
    }

    private PageRenderer() {
    }

    public static List<BufferedImage> render(byte[] pdf, float dpi) throws IOException {
        try (PDDocument doc = Loader.loadPDF(new RandomAccessReadBuffer(pdf), "", null, null,
                MemoryOnly.streamCache())) {
            PDFRenderer r = new PDFRenderer(doc);
            List<BufferedImage> pages = new ArrayList<>();
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                pages.add(r.renderImageWithDPI(i, dpi, ImageType.RGB));
            }
            return pages;
        }
    }
}
