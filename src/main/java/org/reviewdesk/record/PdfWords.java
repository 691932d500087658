package org.reviewdesk.record;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.reviewdesk.record.ocr.OcrWord;

/**
 * The words of a PDF page's text layer with their boxes (from PDFBox's text positions), as places in the page's
 * stored text and rectangles on the page image, like OCR words; nothing is written anywhere.
 */
public final class PdfWords {
    static {
        MemoryOnly.ensure();
    }

    private PdfWords() {
    }

    /** The words of page {@code page} (1-based) located in {@code pageText}, the text stored for that page. */
    public static List<OcrWord> words(RecordFile file, int page, String pageText) throws RecordFileException {
        String fileName = file.fileName();
        RecordSource content = file.content();
        if (FileFormat.detect(fileName, content.head()).kind() != RecordKind.PDF || pageText == null || pageText.isEmpty()) {
            return List.of();
        }
        PDDocument doc = PdfFiles.open(fileName, content);
        try {
            if (page < 1 || page > doc.getNumberOfPages()) {
                return List.of();
            }
            PDPage p = doc.getPage(page - 1);
            PDRectangle box = p.getCropBox();
            boolean turned = p.getRotation() % 180 != 0;
            float width = turned ? box.getHeight() : box.getWidth();
            float height = turned ? box.getWidth() : box.getHeight();
            Collector c = new Collector();
            c.setStartPage(page);
            c.setEndPage(page);
            c.getText(doc);
            List<OcrWord> out = new ArrayList<>();
            int cursor = 0;
            for (Collector.Word w : c.words) {
                int at = pageText.indexOf(w.text, cursor);
                if (at < 0) {
                    continue;
                }
                cursor = at + w.text.length();
                out.add(new OcrWord(at, w.text.length(), w.x0 / width, w.y0 / height, (w.x1 - w.x0) / width,
                        (w.y1 - w.y0) / height, 100));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            throw PdfFiles.unreadable(fileName, page, page, e);
        } finally {
            PdfFiles.closeQuietly(doc);
        }
    }

    /** Groups the text positions PDFBox reports into words (split at white space). */
    private static final class Collector extends PDFTextStripper {
        record Word(String text, float x0, float y0, float x1, float y1) {
        }

        final List<Word> words = new ArrayList<>();

        Collector() throws IOException {
            setSortByPosition(false);
            setShouldSeparateByBeads(false);
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) {
            StringBuilder b = new StringBuilder();
            float x0 = 0;
            float y0 = 0;
            float x1 = 0;
            float y1 = 0;
            for (TextPosition t : positions) {
                String u = t.getUnicode();
                if (u == null || u.isBlank()) {
                    flush(b, x0, y0, x1, y1);
                    b.setLength(0);
                    continue;
                }
                float left = t.getXDirAdj();
                float right = left + t.getWidthDirAdj();
                float bottom = t.getYDirAdj();
                float top = bottom - Math.max(t.getHeightDir(), t.getFontSizeInPt() * 0.7f);
                if (b.length() == 0) {
                    x0 = left;
                    y0 = top;
                    x1 = right;
                    y1 = bottom;
                } else {
                    x0 = Math.min(x0, left);
                    y0 = Math.min(y0, top);
                    x1 = Math.max(x1, right);
                    y1 = Math.max(y1, bottom);
                }
                b.append(u);
            }
            flush(b, x0, y0, x1, y1);
        }

        private void flush(StringBuilder b, float x0, float y0, float x1, float y1) {
            if (b.length() > 0) {
                words.add(new Word(b.toString(), x0, y0, x1, y1 + 2));
            }
        }
    }
}
