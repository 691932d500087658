package org.reviewdesk.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reviewdesk.record.ocr.OcrWord;
import org.reviewdesk.record.ocr.ScannedPackets;

/** Without OCR (fast): which pages need OCR, the split of a packet, duplicate pages, PDF text-layer word boxes. */
class PacketAnalysisTest {
    @Test
    void pagesWithoutWordsNeedOcrAndPagesWithWordsDoNot() {
        assertTrue(TextLayer.needsOcr(""));
        assertTrue(TextLayer.needsOcr("  3  \n"));
        assertTrue(TextLayer.needsOcr("xq#zv kkrt@@ 7f7f7f7f7f7f7f7f7f7f7f7f7f ~~~ qwrtzpl¤ bcdfgh jklmnp zxcvbnm qwrtyp"));
        assertFalse(TextLayer.needsOcr("PROGRESS NOTE\nDate of Service: 03/14/2015\nThe patient reports low back pain."));
    }

    /** The known text of the generated packet (3 documents out of date order, pages 8 and 9 repeat 2 and 5). */
    private static List<String> packetTexts() {
        List<String> texts = new ArrayList<>();
        for (ScannedPackets.Doc d : ScannedPackets.threeDocuments()) {
            d.pages().forEach(p -> texts.add(p.text()));
        }
        texts.add(texts.get(1));
        texts.add(texts.get(4));
        return texts;
    }

    @Test
    void aPacketIsSplitAtItsDocumentsWithKindDateAndAuthor() {
        List<Chronology.Part> parts = Chronology.split(packetTexts());
        assertEquals(List.of(1, 4, 6), parts.stream().map(Chronology.Part::firstPage).toList());
        assertEquals(List.of(3, 5, 9), parts.stream().map(Chronology.Part::lastPage).toList());
        assertEquals(List.of("PROGRESS_NOTE", "THERAPY_NOTE", "IMAGING_REPORT"),
                parts.stream().map(Chronology.Part::kind).toList());
        assertEquals(List.of(LocalDate.of(2015, 3, 14), LocalDate.of(2015, 1, 19), LocalDate.of(2014, 11, 2)),
                parts.stream().map(Chronology.Part::date).toList());
        assertEquals("Alan Reyes, MD", parts.get(0).author());
        assertEquals("Maria Chen, PT", parts.get(1).author());
    }

    @Test
    void aFaxCoverANewDateOfServiceAndANewProviderStartADocument() {
        List<Chronology.Part> parts = Chronology.split(List.of(
                "FAX COVER SHEET\nTo: IMR reviewer\nPages: 4",
                "Date of Service: 02/02/2015\nProvider: Alan Reyes, MD\nThe patient returns for follow-up.",
                "The patient continues the home exercise program and reports less pain.",
                "Date of Service: 02/16/2015\nProvider: Alan Reyes, MD\nPain is improved.",
                "Provider: Susan Patel, MD\nThe lumbar spine shows mild degenerative change."));
        assertEquals(List.of(1, 2, 4, 5), parts.stream().map(Chronology.Part::firstPage).toList());
    }

    @Test
    void duplicatePagesAreFoundAndDifferentPagesAreNot() {
        List<String> texts = packetTexts();
        // the repeated pages come back from OCR slightly different: a few words misread
        texts.set(7, texts.get(7).replace("patient", "patlent").replace("Physical", "Phvsical"));
        Map<String, List<String>> byDoc = new LinkedHashMap<>();
        byDoc.put("packet", texts);
        byDoc.put("other", List.of(texts.get(0).replace("Page 1 of 3", "Page 7 of 9"), "short page"));
        var dups = DuplicatePages.find(byDoc);
        List<String> found = dups.stream().map(d -> d.page().documentId() + ":" + d.page().page() + "->"
                + d.original().documentId() + ":" + d.original().page()).toList();
        assertEquals(List.of("packet:8->packet:2", "packet:9->packet:5", "other:1->packet:1"), found);
        assertTrue(dups.stream().allMatch(d -> d.similarity() >= DuplicatePages.THRESHOLD));
    }

    @Test
    void pdfTextLayerWordsHaveBoxesAndPlacesInThePageText() throws Exception {
        byte[] pdf = TestRecords.pdf(List.of(List.of("Straight leg raise is positive", "Plan: home exercise")));
        RecordFile f = new RecordFile("t", "t.pdf", pdf);
        String[] text = {null};
        RecordReader.readPages("t.pdf", pdf, p -> text[0] = p.text(), ProgressListener.NONE, () -> false);
        List<OcrWord> words = PdfWords.words(f, 1, text[0]);
        assertEquals(8, words.size(), words.toString());
        OcrWord first = words.get(0);
        assertEquals("Straight", text[0].substring(first.start(), first.end()));
        OcrWord plan = words.get(5);
        assertEquals("Plan:", text[0].substring(plan.start(), plan.end()));
        assertTrue(plan.y() > first.y(), "the second line lies below the first");
        assertTrue(first.x() > 0 && first.x() < 0.3 && first.w() > 0.03 && first.h() > 0.005, first.toString());
    }
}
