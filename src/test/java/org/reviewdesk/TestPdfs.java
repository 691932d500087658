package org.reviewdesk;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.AreaBreak;
import com.itextpdf.layout.element.Paragraph;
import java.nio.file.Path;

/** Record PDFs with known text, made in the test. */
public final class TestPdfs {
    private TestPdfs() {
    }

    /** A progress note of {@code pages} pages; page 2 says "full range of motion of the lumbar spine". */
    public static Path progressNote(Path dir, String name, int pages) throws Exception {
        Path p = dir.resolve(name);
        try (PdfDocument pdf = new PdfDocument(new PdfWriter(p.toString())); Document doc = new Document(pdf)) {
            for (int i = 1; i <= pages; i++) {
                if (i > 1) {
                    doc.add(new AreaBreak());
                }
                doc.add(new Paragraph("PROGRESS REPORT (PR-2) Date of visit: 01/19/2015"));
                doc.add(new Paragraph("Page " + i + " of the progress note."));
                if (i == 2) {
                    doc.add(new Paragraph("Physical examination revealed full range of motion of the lumbar spine."));
                }
            }
        }
        return p;
    }
}
