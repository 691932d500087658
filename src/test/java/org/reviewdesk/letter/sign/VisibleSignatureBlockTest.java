package org.reviewdesk.letter.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VisibleSignatureBlockTest {
    /** Where the rendered page goes for a person to look at. */
    private static final Path LOOK_HERE = Path.of(System.getProperty("java.io.tmpdir"), "sign-check");
    private static SigningFixture fixture;
    private static byte[] signed;

    @BeforeAll
    static void signOnce() throws Exception {
        fixture = SigningFixture.get();
        signed = fixture.signedLetter();
    }

    @Test
    void theWidgetSitsOnTheLastPageInItsRectangleWithAnAppearance() throws Exception {
        try (PDDocument document = Loader.loadPDF(signed)) {
            PDField field = document.getDocumentCatalog().getAcroForm().getField(LetterSigner.FIELD_NAME);
            PDSignatureField signatureField = (PDSignatureField) field;
            PDAnnotationWidget widget = signatureField.getWidgets().get(0);
            PDPage last = document.getPage(document.getNumberOfPages() - 1);

            List<PDAnnotation> onPage = last.getAnnotations();
            assertTrue(onPage.stream().anyMatch(a -> a.getCOSObject() == widget.getCOSObject()),
                    "the widget is an annotation of the last page");
            PDRectangle rect = widget.getRectangle();
            assertEquals(TestLetters.BLOCK_X, rect.getLowerLeftX(), 0.01);
            assertEquals(TestLetters.BLOCK_Y, rect.getLowerLeftY(), 0.01);
            assertEquals(TestLetters.BLOCK_W, rect.getWidth(), 0.01);
            assertEquals(TestLetters.BLOCK_H, rect.getHeight(), 0.01);
            assertTrue(widget.isPrinted(), "PDF/A and paper copies need the block printed");

            PDAppearanceStream normal = widget.getAppearance().getNormalAppearance().getAppearanceStream();
            assertNotNull(normal, "a normal appearance stream");
            try (InputStream content = normal.getContents()) {
                assertTrue(content.readAllBytes().length > 0, "the appearance stream draws something");
            }
            assertEquals(5, textShowingOperators(normal),
                    "signed by, date, reason and the certificate fingerprint in two halves: one text run each");
        }
    }

    @Test
    void everyLineIsDrawnOrTheBoxIsRefusedWhateverItsSize() throws Exception {
        // iText silently drops lines that overflow a custom appearance: a letter must never lose its date.
        float[][] sizes = {{260, 56}, {260, 45}, {200, 40}, {180, 50}, {400, 60}, {150, 90}, {120, 36}, {90, 30}};
        for (float[] size : sizes) {
            for (boolean withLocation : new boolean[] {false, true}) {
                SignatureAppearance look = SignatureAppearance.of("Dr. Maria-Theresa Example-Longname, MD", 2,
                        TestLetters.BLOCK_X, TestLetters.BLOCK_Y, size[0], size[1]);
                if (withLocation) {
                    look = look.withLocation("Sacramento, CA");
                }
                String what = size[0] + " x " + size[1] + (withLocation ? " with location" : "");
                byte[] pdf;
                try {
                    pdf = fixture.signer.sign(fixture.letter, fixture.identity, look, null, SigningFixture.SIGNED_AT);
                } catch (SigningException e) {
                    assertTrue(e.getMessage().startsWith("The space for the signature block"), what);
                    continue;
                }
                try (PDDocument document = Loader.loadPDF(pdf)) {
                    PDAnnotationWidget widget = document.getDocumentCatalog().getAcroForm()
                            .getField(LetterSigner.FIELD_NAME).getWidgets().get(0);
                    int drawn = textShowingOperators(widget.getAppearance().getNormalAppearance().getAppearanceStream());
                    // + the two halves of the certificate's SHA-256 fingerprint
                    assertEquals(withLocation ? 6 : 5, drawn, "lines drawn in " + what);
                }
            }
        }
    }

    @Test
    void theRenderedBlockHasInkInsideItsRectangleAndNoneJustOutside() throws Exception {
        BufferedImage page;
        float pageHeight;
        try (PDDocument document = Loader.loadPDF(signed)) {
            int last = document.getNumberOfPages() - 1;
            pageHeight = document.getPage(last).getMediaBox().getHeight();
            page = new PDFRenderer(document).renderImage(last, 1f); // 72 dpi: one pixel per point
        }
        int left = Math.round(TestLetters.BLOCK_X);
        int top = Math.round(pageHeight - TestLetters.BLOCK_Y - TestLetters.BLOCK_H);
        int right = left + Math.round(TestLetters.BLOCK_W);
        int bottom = top + Math.round(TestLetters.BLOCK_H);

        assertTrue(darkPixels(page, left + 3, top + 3, right - 3, bottom - 3) > 150, "text inside the block");
        assertEquals(0, darkPixels(page, left, bottom + 3, right, bottom + 30), "nothing leaks below the block");
        assertEquals(0, darkPixels(page, right + 3, top, right + 60, bottom), "nothing leaks right of the block");

        Files.createDirectories(LOOK_HERE);
        Path pdf = LOOK_HERE.resolve("signed-letter.pdf");
        Files.write(pdf, signed);
        ExternalChecks.pdftoppm(pdf, 2, LOOK_HERE.resolve("signed-letter-page2"));
    }

    /**
     * The block in the box the letter layout reserves is read at 8 pt or more with its five lines (who, when, why
     * and the certificate's SHA-256 on two lines): in the 300 x 52 pt box of before it came out at 6 pt.
     */
    @Test
    void theLettersBoxHoldsTheWholeBlockAtAReadableSize() throws Exception {
        org.reviewdesk.domain.CaseFile seed = org.reviewdesk.exchange.CaseJson.read(
                java.nio.file.Files.readAllBytes(org.reviewdesk.TestData.seedCase()));
        org.reviewdesk.letter.RenderedLetter.SignatureBox box = org.reviewdesk.letter.LetterPdf.render(
                org.reviewdesk.letter.LetterComposer.compose(seed), null).signatureBox();
        SignatureBlock block = SignatureBlock.of(SignatureAppearance.of("Dr. Example Q. Reviewer-Longname", box.page(),
                box.x(), box.y(), box.width(), box.height()), Instant.parse("2026-11-26T23:10:05Z"),
                ZoneId.of("America/Los_Angeles"), "2F:FE:17:2F:A6:B6:EC:5A:EB:3E:81:CD:01:A6:43:0F:84:84:4B:41:79:8E:"
                        + "EF:59:A0:70:9C:1E:C2:F7:2D:0D");
        assertEquals(5, block.lines().size(), block.lines().toString());
        float size = block.fontSize(com.itextpdf.kernel.font.PdfFontFactory.createFont(TestLetters.fontBytes(),
                com.itextpdf.io.font.PdfEncodings.IDENTITY_H,
                com.itextpdf.kernel.font.PdfFontFactory.EmbeddingStrategy.FORCE_EMBEDDED), box.width(), box.height());
        assertTrue(size >= 8f, "the signature block's text: " + size + " pt in " + box.width() + " x " + box.height());
    }

    @Test
    void theBlockSaysWhoSignedWhenAndWhy() {
        SignatureBlock block = SignatureBlock.of(TestLetters.look("Dr. Example Reviewer", 2),
                Instant.parse("2026-11-26T23:10:05Z"), ZoneId.of("UTC"));
        assertEquals(List.of("Digitally signed by Dr. Example Reviewer", "Date: 2026-11-26 23:10 UTC",
                "Reason: IMR final determination"), block.lines());
    }

    @Test
    void theDateIsShownInTheReviewersTimeZoneWithItsAbbreviation() {
        SignatureBlock block = SignatureBlock.of(TestLetters.look("R-4711", 1).withLocation("Sacramento, CA"),
                Instant.parse("2026-11-26T23:10:05Z"), ZoneId.of("America/Los_Angeles"));
        assertEquals(List.of("Digitally signed by R-4711", "Date: 2026-11-26 15:10 PST",
                "Reason: IMR final determination", "Location: Sacramento, CA"), block.lines());
    }

    /** Text runs (Tj, TJ, ', ") in a form XObject and the forms it draws: iText draws one per line. */
    private static int textShowingOperators(PDFormXObject form) throws Exception {
        int count = 0;
        for (Object token : new PDFStreamParser(form).parse()) {
            if (token instanceof Operator op && List.of("Tj", "TJ", "'", "\"").contains(op.getName())) {
                count++;
            }
        }
        PDResources resources = form.getResources();
        if (resources != null) {
            for (COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDFormXObject nested) {
                    count += textShowingOperators(nested);
                }
            }
        }
        return count;
    }

    private static int darkPixels(BufferedImage image, int x0, int y0, int x1, int y1) {
        int count = 0;
        for (int y = Math.max(0, y0); y < Math.min(image.getHeight(), y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(image.getWidth(), x1); x++) {
                int rgb = image.getRGB(x, y);
                int luminance = (((rgb >> 16) & 0xff) * 299 + ((rgb >> 8) & 0xff) * 587 + (rgb & 0xff) * 114) / 1000;
                if (luminance < 160) {
                    count++;
                }
            }
        }
        return count;
    }
}
