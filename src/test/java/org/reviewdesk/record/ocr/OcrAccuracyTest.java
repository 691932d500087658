package org.reviewdesk.record.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tesseract through JavaCPP on generated scans of known text: word accuracy and orientation. */
class OcrAccuracyTest {
    private static OcrEngine engine;

    @BeforeAll
    static void start() {
        engine = new OcrEngine();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static double accuracy(ScannedPackets.Page page, ScannedPackets.Scan scan) {
        BufferedImage img = ScannedPackets.scan(page, scan);
        OcrPage p = engine.recognize(img, scan.dpi());
        return ScannedPackets.wordAccuracy(page.text(), p.text());
    }

    @Test
    void threeHundredDpiScansWithSkewBlurAndNoiseReadAtLeast97Percent() {
        long known = 0;
        double weighted = 0;
        for (int i = 0; i < 2; i++) {
            ScannedPackets.Page page = ScannedPackets.page("Page " + (i + 1) + " of 2", 12, 100 + i);
            ScannedPackets.Scan scan = new ScannedPackets.Scan(300, i == 0 ? 0.8 : -1.2, true, 0.002, 0, false, i);
            int words = ScannedPackets.words(page.text()).length;
            weighted += accuracy(page, scan) * words;
            known += words;
        }
        double acc = weighted / known;
        assertTrue(acc >= 0.97, "word accuracy at 300 dpi " + acc);
    }

    @Test
    void faxLikeTwoHundredDpiScansReadAtLeast93Percent() {
        ScannedPackets.Page page = ScannedPackets.page("Page 1 of 1", 12, 200);
        double acc = accuracy(page, new ScannedPackets.Scan(200, 0.7, false, 0.002, 0, true, 7));
        assertTrue(acc >= 0.93, "word accuracy fax-like at 200 dpi " + acc);
    }

    @Test
    void sidewaysAndUpsideDownPagesAreTurnedUpright() {
        ScannedPackets.Page page = ScannedPackets.page("Page 1 of 1", 10, 300);
        for (int turns : new int[] {1, 2, 3}) {
            BufferedImage img = ScannedPackets.scan(page, new ScannedPackets.Scan(200, 0.5, false, 0.001, turns,
                    false, turns));
            OcrPage p = engine.recognize(img, 200);
            assertEquals((4 - turns) * 90 % 360, p.rotation(), "rotation for " + turns + " quarter turns");
            assertTrue(ScannedPackets.wordAccuracy(page.text(), p.text()) >= 0.93, p.text());
        }
        OcrPage upright = engine.recognize(ScannedPackets.scan(page, new ScannedPackets.Scan(200, 0, false, 0, 0,
                false, 1)), 200);
        assertEquals(0, upright.rotation());
    }

    @Test
    void wordBoxesLieOnTheWordsAndPointIntoTheText() {
        ScannedPackets.Page page = ScannedPackets.page("Page 1 of 1", 4, 400);
        OcrPage p = engine.recognize(ScannedPackets.scan(page, ScannedPackets.Scan.clean300()), 300);
        assertTrue(p.words().size() > 20);
        for (OcrWord w : p.words()) {
            assertTrue(w.x() >= 0 && w.y() >= 0 && w.x() + w.w() <= 1.0001 && w.y() + w.h() <= 1.0001, w.toString());
            assertTrue(w.end() <= p.text().length());
        }
        // the header sits 1 inch from the top left: its first word's box starts near (1/8.5, 1/11)
        OcrWord first = p.words().get(0);
        assertEquals("Page", p.text().substring(first.start(), first.end()));
        assertEquals(1 / 8.5, first.x(), 0.01);
        assertTrue(first.y() > 0.08 && first.y() < 0.12, "y " + first.y());
    }
}
