package org.reviewdesk.letter;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/** The text of a letter PDF, whitespace collapsed, to compare what a signed letter says with a case file. */
public final class LetterText {
    private LetterText() {
    }

    /** All pages' text with runs of whitespace as one space; throws IOException for a file that is not a PDF. */
    public static String of(byte[] pdf) throws IOException {
        StringBuilder b = new StringBuilder();
        try (PdfDocument d = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            for (int i = 1; i <= d.getNumberOfPages(); i++) {
                b.append(PdfTextExtractor.getTextFromPage(d.getPage(i))).append(' ');
            }
        } catch (RuntimeException e) {
            throw new IOException("the letter is not a readable PDF", e);
        }
        return normalize(b.toString());
    }

    public static String normalize(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
