package org.reviewdesk.record;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * The PDF records being viewed, kept open for rendering: at most a few at a time, the least recently used
 * closed first. A PDDocument is not thread-safe, so each renders one page at a time.
 */
final class OpenPdfs {
    private final int max;
    private final LinkedHashMap<String, OpenPdf> open = new LinkedHashMap<>(8, 0.75f, true);

    OpenPdfs(int max) {
        this.max = max;
    }

    BufferedImage render(RecordFile file, int pageNumber, float dpi) throws RecordFileException {
        while (true) {
            OpenPdf doc = acquire(file);
            synchronized (doc) {
                if (!doc.closed) {
                    return doc.render(pageNumber, dpi);
                }
            }
            // evicted between acquiring and locking it: open it again
        }
    }

    int size() {
        synchronized (open) {
            return open.size();
        }
    }

    void close(String recordId) {
        OpenPdf doc;
        synchronized (open) {
            doc = open.remove(recordId);
        }
        if (doc != null) {
            doc.close();
        }
    }

    void closeAll() {
        List<OpenPdf> all;
        synchronized (open) {
            all = new ArrayList<>(open.values());
            open.clear();
        }
        all.forEach(OpenPdf::close);
    }

    private OpenPdf acquire(RecordFile file) throws RecordFileException {
        synchronized (open) {
            OpenPdf doc = open.get(file.id());
            if (doc != null) {
                return doc;
            }
        }
        // loading can take a while: other records keep rendering meanwhile
        OpenPdf fresh = new OpenPdf(file.fileName(), PdfFiles.open(file.fileName(), file.content()));
        List<OpenPdf> toClose = new ArrayList<>();
        OpenPdf doc;
        synchronized (open) {
            doc = open.putIfAbsent(file.id(), fresh);
            if (doc != null) {
                toClose.add(fresh); // another thread opened it first
            } else {
                doc = fresh;
                Iterator<OpenPdf> eldest = open.values().iterator();
                while (open.size() > max && eldest.hasNext()) {
                    OpenPdf e = eldest.next();
                    if (e != fresh) {
                        toClose.add(e);
                        eldest.remove();
                    }
                }
            }
        }
        toClose.forEach(OpenPdf::close);
        return doc;
    }

    /** One open document and its renderer; guarded by its own monitor. */
    private static final class OpenPdf {
        private final String fileName;
        private final PDDocument doc;
        private final PDFRenderer renderer;
        private boolean closed;

        OpenPdf(String fileName, PDDocument doc) {
            this.fileName = fileName;
            this.doc = doc;
            this.renderer = new PDFRenderer(doc);
        }

        /** Renders at {@code dpi}, lowered for pages so large that the image would pass the pixel limit. */
        BufferedImage render(int pageNumber, float dpi) throws RecordFileException {
            if (pageNumber > doc.getNumberOfPages()) {
                throw new RecordFileException(fileName, fileName + " has no page " + pageNumber + " (it has "
                        + doc.getNumberOfPages() + ")");
            }
            try {
                PDRectangle box = doc.getPage(pageNumber - 1).getCropBox();
                double scale = dpi / 72.0;
                double pixels = box.getWidth() * scale * box.getHeight() * scale;
                if (pixels > Limits.MAX_RENDER_PIXELS) {
                    scale *= Math.sqrt(Limits.MAX_RENDER_PIXELS / pixels);
                }
                return renderer.renderImage(pageNumber - 1, (float) scale, ImageType.RGB);
            } catch (IOException | RuntimeException e) {
                throw new RecordFileException(fileName, "Page " + pageNumber + " of " + fileName + " cannot be "
                        + "shown: the file may be damaged; ask the sender for the file again", e);
            } catch (OutOfMemoryError e) {
                // an image on the page decodes to more than the heap holds (a decompression bomb, or a scan of
                // absurd resolution); the failed allocation left nothing behind
                throw new RecordFileException(fileName, "Page " + pageNumber + " of " + fileName + " cannot be "
                        + "shown: an image on it is too large to open", e);
            }
        }

        synchronized void close() {
            closed = true;
            PdfFiles.closeQuietly(doc);
        }
    }
}
