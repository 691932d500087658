package org.reviewdesk.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.reviewdesk.TestData;

/**
 * The fast page text (glyphs assembled as they arrive) is exactly PDFBox's own (its {@code writePage} over the
 * page's glyph lists): on the 194 public IMR letters as the state published them, the sample case's records, and
 * generated pages that stress the word and line rules (words placed one by one without spaces, kerned runs,
 * mixed sizes, superscripts, columns, text drawn out of order, a rotated page, fake bold).
 */
class PageTextEquivalenceTest {

    private static String[] fast(PDDocument doc) throws IOException {
        return new PageTextStripper(() -> false).extract(doc, 1, doc.getNumberOfPages());
    }

    private static String[] exact(PDDocument doc) throws IOException {
        return new PageTextStripper(() -> false, true).extract(doc, 1, doc.getNumberOfPages());
    }

    private static void assertSameText(String name, byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertArrayEquals(exact(doc), fast(doc), name);
        }
    }

    @Test
    void thePublicLettersReadTheSameBothWays() throws IOException {
        List<Path> pdfs;
        try (Stream<Path> s = Files.list(TestData.shared().resolve("data/imr-letters/pdf"))) {
            pdfs = s.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
        }
        assertEquals(194, pdfs.size());
        int pages = 0;
        for (Path p : pdfs) {
            byte[] bytes = Files.readAllBytes(p);
            assertSameText(p.getFileName().toString(), bytes);
            try (PDDocument doc = Loader.loadPDF(bytes)) {
                pages += doc.getNumberOfPages();
            }
        }
        assertTrue(pages > 400, pages + " pages");
    }

    @Test
    void theSampleRecordsReadTheSameBothWays() throws IOException {
        for (String name : List.of("progress-note-2015-01-19.pdf", "utilization-review-2015-01-29.pdf")) {
            try (InputStream in = getClass().getResourceAsStream("/org/reviewdesk/sample/records/" + name)) {
                assertSameText(name, in.readAllBytes());
            }
        }
    }

    @Test
    void theExactWayIsPdfboxItself() throws IOException {
        // the reference the fast way is held to: PDFBox's stripper with the same settings, page by page
        byte[] pdf = stressPdf();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String[] exact = exact(doc);
            for (int n = 1; n <= doc.getNumberOfPages(); n++) {
                PDFTextStripper plain = new PDFTextStripper();
                plain.setLineSeparator("\n");
                plain.setSortByPosition(false);
                plain.setShouldSeparateByBeads(false);
                plain.setSuppressDuplicateOverlappingText(false);
                plain.setStartPage(n);
                plain.setEndPage(n);
                String text = plain.getText(doc).strip();
                if (n != FAKE_BOLD_PAGE) {
                    assertEquals(text, exact[n - 1], "page " + n);
                }
            }
        }
    }

    @Test
    void generatedPagesThatStressTheRulesReadTheSameBothWays() throws IOException {
        byte[] pdf = stressPdf();
        assertSameText("stress.pdf", pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String[] text = fast(doc);
            assertTrue(text[0].contains("Lumbar MRI without contrast"), text[0]); // words placed one by one
            assertEquals("Diagnosis: lumbar strain\nPlan: physical therapy", text[FAKE_BOLD_PAGE - 1]);
            // a Latin ligature is written out, as PDFBox does; right-to-left text is PDFBox's own reading
            assertEquals("The file was reviewed", text[LIGATURE_PAGE - 1]);
            assertTrue(text[RTL_PAGE - 1].startsWith("Interpreter note:"), text[RTL_PAGE - 1]);
        }
        assertSameText("numbered.pdf", TestRecords.numberedPdf(40));
        assertSameText("blank.pdf", TestRecords.blankPdf(3));
    }

    private static final int FAKE_BOLD_PAGE = 7;
    private static final int LIGATURE_PAGE = 8;
    private static final int RTL_PAGE = 9;

    /** Pages built to hit each branch of the word and line rules. */
    private static byte[] stressPdf() throws IOException {
        PDType1Font helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        PDType1Font times = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
        PDType1Font courier = new PDType1Font(Standard14Fonts.FontName.COURIER);
        try (PDDocument doc = new PDDocument()) {
            // 1: words placed one by one with gaps and no space glyphs; a gap below the word threshold
            page(doc, 0, cs -> {
                float x = 72;
                for (String w : "Lumbar MRI without contrast is requested".split(" ")) {
                    text(cs, helvetica, 11, x, 700, w);
                    x += helvetica.getStringWidth(w) / 1000 * 11 + 3.2f;
                }
                text(cs, helvetica, 11, 72, 680, "Tight");
                text(cs, helvetica, 11, 72 + helvetica.getStringWidth("Tight") / 1000 * 11 + 0.4f, 680, "ly");
                text(cs, helvetica, 11, 72 + helvetica.getStringWidth("Tight") / 1000 * 11 + 1.2f, 660, "next");
            });
            // 2: kerned runs (TJ arrays) with small and large adjustments
            page(doc, 0, cs -> {
                cs.beginText();
                cs.setFont(times, 12);
                cs.newLineAtOffset(72, 700);
                cs.showTextWithPositioning(new Object[] {"Date", -120f, "of", -400f, "service:", -30f, "01/19/2015"});
                cs.newLineAtOffset(0, -14);
                cs.showTextWithPositioning(new Object[] {"N", 80f, "o", -5f, "rco", -900f, "10/325", 200f, "mg"});
                cs.endText();
            });
            // 3: sizes mixed on a line, a superscript and a subscript, a font change mid-word
            page(doc, 0, cs -> {
                text(cs, helvetica, 11, 72, 700, "Pain 7/10");
                text(cs, helvetica, 6, 72 + helvetica.getStringWidth("Pain 7/10") / 1000 * 11, 705, "a");
                text(cs, courier, 14, 140, 700, "VAS");
                text(cs, times, 8, 180, 696, "2");
                text(cs, helvetica, 11, 190, 700, "after");
                text(cs, times, 11, 190 + helvetica.getStringWidth("after") / 1000 * 11, 700, "noon");
                text(cs, helvetica, 24, 72, 650, "HEADING");
                text(cs, helvetica, 9, 72, 630, "small print under it");
            });
            // 4: two columns drawn column by column, and a line drawn right to left word by word
            page(doc, 0, cs -> {
                for (int i = 0; i < 6; i++) {
                    text(cs, helvetica, 10, 72, 700 - i * 12, "left column line " + i);
                }
                for (int i = 0; i < 6; i++) {
                    text(cs, helvetica, 10, 320, 700 - i * 12, "right column line " + i);
                }
                String[] words = {"drawn", "from", "the", "right"};
                float[] xs = {72, 110, 140, 162};
                for (int i = words.length - 1; i >= 0; i--) {
                    text(cs, helvetica, 10, xs[i], 600, words[i]);
                }
                text(cs, helvetica, 10, 72, 580, "back  up  the page");
                text(cs, helvetica, 10, 72, 620, "then above");
            });
            // 5: a rotated page (landscape record)
            page(doc, 90, cs -> {
                text(cs, helvetica, 11, 72, 500, "Rotated page: cervical spine x-rays");
                text(cs, helvetica, 11, 72, 486, "second line");
            });
            // 6: a page without text
            page(doc, 0, cs -> { });
            // 7: fake bold, which the overprint filter drops either way
            page(doc, 0, cs -> {
                for (float dx : new float[] {0f, 0.3f}) {
                    text(cs, helvetica, 11, 72 + dx, 700, "Diagnosis: lumbar strain");
                }
                text(cs, helvetica, 11, 72, 685, "Plan: physical therapy");
            });
            // 8 and 9: a font with a Latin ligature and Hebrew (the letters' own Liberation Sans, embedded)
            PDFont liberation;
            try (InputStream in = PageTextEquivalenceTest.class.getResourceAsStream(
                    "/org/reviewdesk/letter/fonts/LiberationSans-Regular.ttf")) {
                liberation = PDType0Font.load(doc, in);
            }
            PDFont unicode = liberation;
            page(doc, 0, cs -> text(cs, unicode, 12, 72, 700, "The \uFB01le was reviewed"));
            page(doc, 0, cs -> {
                text(cs, unicode, 12, 72, 700, "Interpreter note: \u05E9\u05DC\u05D5\u05DD means hello");
                text(cs, unicode, 12, 72, 680, "\u05D1\u05D3\u05D9\u05E7\u05D4 12/01/2026");
            });
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private interface Drawing {
        void draw(PDPageContentStream cs) throws IOException;
    }

    private static void page(PDDocument doc, int rotation, Drawing d) throws IOException {
        PDPage page = new PDPage(PDRectangle.LETTER);
        page.setRotation(rotation);
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            d.draw(cs);
        }
    }

    private static void text(PDPageContentStream cs, PDFont font, float size, float x, float y, String s)
            throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }

}
