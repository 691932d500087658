package org.reviewdesk.letter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.TestData;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.domain.Parties;
import org.reviewdesk.domain.Party;
import org.reviewdesk.exchange.CaseJson;

class LetterPdfTest {
    @TempDir
    Path tmp;

    private static CaseFile seedWithParties() throws Exception {
        CaseFile s = CaseJson.read(Files.readAllBytes(TestData.seedCase()));
        return new CaseFile(s.caseNumber(), s.priority(), s.reviewType(), s.dateAssigned(), s.dateOfInjury(),
                s.urDenialDate(), s.applicationReceived(), s.decisionDate(), s.dueDate(), s.organization(),
                s.reviewer(), new Parties(new Party("Jonathan Q. Patientname"), new Party("Acme Garage"),
                        new Party("Example Claims Co"), new Party("Dr. Requesting")), s.clinicalSummary(), s.items(),
                s.documents(), s.evidence());
    }

    @Test
    void theLetterIsPdfA2bCompliant() throws Exception {
        RenderedLetter r = LetterPdf.render(LetterComposer.compose(seedWithParties()), null);
        PdfA.assertCompliant2b(r.pdf(), "the seed case's letter");
    }

    @Test
    void theLetterIsTaggedWithHeadingsParagraphsAndTheHeaderTable() throws Exception {
        RenderedLetter r = LetterPdf.render(LetterComposer.compose(seedWithParties()), null);
        try (PDDocument doc = Loader.loadPDF(r.pdf())) {
            assertNotNull(doc.getDocumentCatalog().getStructureTreeRoot(), "no structure tree");
            assertTrue(doc.getDocumentCatalog().getMarkInfo().isMarked());
            assertEquals("en-US", doc.getDocumentCatalog().getLanguage());
            List<String> roles = new ArrayList<>();
            collect(doc.getDocumentCatalog().getStructureTreeRoot(), roles);
            assertEquals(3, roles.stream().filter("H1"::equals).count(), roles.toString());
            assertEquals(1, roles.stream().filter("H2"::equals).count(), "one item heading");
            assertTrue(roles.contains("Table") && roles.contains("TH") && roles.contains("TD"), roles.toString());
            assertTrue(roles.stream().filter("P"::equals).count() >= 8, roles.toString());
        }
    }

    private static void collect(PDStructureNode node, List<String> roles) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement e) {
                roles.add(e.getStructureType());
                collect(e, roles);
            }
        }
    }

    @Test
    void metadataHasTheTitleAndNoPartyNames() throws Exception {
        RenderedLetter r = LetterPdf.render(LetterComposer.compose(seedWithParties()), null);
        try (PDDocument doc = Loader.loadPDF(r.pdf())) {
            assertEquals("IMR Final Determination EXAMPLE-0001", doc.getDocumentInformation().getTitle());
            assertTrue(doc.getDocumentCatalog().getViewerPreferences().displayDocTitle());
            String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(xmp.contains("IMR Final Determination EXAMPLE-0001"));
            for (String name : List.of("Patientname", "Acme Garage", "Example Claims", "Requesting")) {
                assertFalse(xmp.contains(name), name + " in the XMP metadata");
                assertFalse(String.valueOf(doc.getDocumentInformation().getCOSObject()).contains(name), name);
            }
        }
        String text = PdfTools.pdftotext(PdfTools.write(tmp, "l.pdf", r.pdf()), null, null);
        assertFalse(text.contains("Patientname"), "parties are never printed");
    }

    @Test
    void everyFontIsEmbeddedAndEveryPageHasItsFooter() throws Exception {
        RenderedLetter r = LetterPdf.render(LetterComposer.compose(seedWithParties()), null);
        try (PDDocument doc = Loader.loadPDF(r.pdf())) {
            assertEquals(r.pages(), doc.getNumberOfPages());
            for (var page : doc.getPages()) {
                assertEquals(612f, page.getMediaBox().getWidth(), 0.01);
                assertEquals(792f, page.getMediaBox().getHeight(), 0.01);
                for (var name : page.getResources().getFontNames()) {
                    PDFont f = page.getResources().getFont(name);
                    assertTrue(f.isEmbedded(), f.getName() + " is not embedded");
                    assertTrue(f.getName().contains("Liberation"), f.getName());
                }
            }
        }
        Path pdf = PdfTools.write(tmp, "l.pdf", r.pdf());
        for (int i = 1; i <= r.pages(); i++) {
            String page = PdfTools.run(List.of("pdftotext", "-f", "" + i, "-l", "" + i, pdf.toString(), "-"));
            assertTrue(page.contains("Page " + i + " of " + r.pages()), page);
        }
        String first = PdfTools.run(List.of("pdftotext", "-f", "1", "-l", "1", pdf.toString(), "-"));
        assertTrue(first.contains("MAXIMUS Federal Services"), "letterhead on the first page");
    }

    @Test
    void theSignatureBoxIsFreeSpaceOnTheLastPage() throws Exception {
        RenderedLetter r = LetterPdf.render(LetterComposer.compose(seedWithParties()), null);
        RenderedLetter.SignatureBox box = r.signatureBox();
        assertEquals(r.pages(), box.page());
        assertTrue(box.y() >= LetterPdf.MARGIN - 0.01, "above the bottom margin: " + box);
        Path pdf = PdfTools.write(tmp, "l.pdf", r.pdf());
        String xml = PdfTools.run(List.of("pdftotext", "-bbox", "-f", "" + box.page(), "-l", "" + box.page(),
                pdf.toString(), "-"));
        float boxTop = 792f - (box.y() + box.height());
        float boxBottom = 792f - box.y();
        var m = java.util.regex.Pattern.compile("yMin=\"([0-9.]+)\" xMax=\"[0-9.]+\" yMax=\"([0-9.]+)\">([^<]+)<")
                .matcher(xml);
        while (m.find()) {
            float yMin = Float.parseFloat(m.group(1));
            float yMax = Float.parseFloat(m.group(2));
            if (!m.group(3).matches("Page|of|\\d+")) {
                assertTrue(yMax <= boxTop || yMin >= boxBottom, "text '" + m.group(3) + "' overlaps the box");
            }
        }
    }
}
