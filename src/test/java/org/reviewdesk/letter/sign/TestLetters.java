package org.reviewdesk.letter.sign;

import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.kernel.font.PdfFontFactory.EmbeddingStrategy;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.pdf.PdfAConformance;
import com.itextpdf.kernel.pdf.PdfDocumentInfo;
import com.itextpdf.kernel.pdf.PdfOutputIntent;
import com.itextpdf.kernel.pdf.PdfViewerPreferences;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.AreaBreak;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.pdfa.PdfADocument;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Builds PDF/A-2b letters like the ones the letter layout produces: tagged, embedded font, sRGB intent. */
final class TestLetters {
    /** Where the layout reserves the signature block: bottom of the last page, above a footer. */
    static final float BLOCK_X = 72f;
    static final float BLOCK_Y = 90f;
    static final float BLOCK_W = 260f;
    static final float BLOCK_H = 56f;

    private TestLetters() {
    }

    static byte[] fontBytes() {
        try (InputStream in = TestLetters.class.getResourceAsStream(LetterSigner.FONT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("test font missing: " + LetterSigner.FONT_RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A letter of {@code pages} pages, each with a few paragraphs, the last leaving room at the bottom. */
    static byte[] letter(int pages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] icc = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        PdfOutputIntent intent = new PdfOutputIntent("Custom", "", "http://www.color.org", "sRGB IEC61966-2.1",
                new ByteArrayInputStream(icc));
        try (PdfADocument pdf = new PdfADocument(new PdfWriter(out), PdfAConformance.PDF_A_2B, intent)) {
            pdf.setTagged();
            pdf.getCatalog().setLang(new com.itextpdf.kernel.pdf.PdfString("en-US"));
            pdf.getCatalog().setViewerPreferences(new PdfViewerPreferences().setDisplayDocTitle(true));
            PdfDocumentInfo info = pdf.getDocumentInfo();
            info.setTitle("Final Determination Letter - Case EI-2026-000123");
            info.setAuthor("ReviewDesk test");
            PdfFont font = PdfFontFactory.createFont(fontBytes(), PdfEncodings.IDENTITY_H,
                    EmbeddingStrategy.FORCE_EMBEDDED);
            try (Document doc = new Document(pdf, PageSize.LETTER)) {
                doc.setFont(font).setFontSize(11);
                for (int page = 1; page <= pages; page++) {
                    if (page > 1) {
                        doc.add(new AreaBreak());
                    }
                    doc.add(new Paragraph("Independent Medical Review - Final Determination, page " + page)
                            .setFontSize(14));
                    for (int i = 1; i <= 4; i++) {
                        doc.add(new Paragraph("Paragraph " + i + " on page " + page + ". The reviewer examined the "
                                + "medical records, the health plan's denial and the applicable guidelines. "
                                + "Café, naïve and résumé check that accented text stays embedded."));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static SignatureAppearance look(String name, int page) {
        return SignatureAppearance.of(name, page, BLOCK_X, BLOCK_Y, BLOCK_W, BLOCK_H);
    }
}
