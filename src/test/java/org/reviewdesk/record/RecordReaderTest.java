package org.reviewdesk.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.reviewdesk.TestData;

class RecordReaderTest {
    /** Everything a read delivered, in the order it came. */
    private static final class Collected implements PageSink, ProgressListener {
        final List<PageText> pages = new ArrayList<>();
        final List<int[]> progress = new ArrayList<>();

        @Override
        public void accept(PageText page) {
            pages.add(page);
        }

        @Override
        public void pagesRead(int done, int total) {
            progress.add(new int[] {done, total});
        }

        List<Integer> numbers() {
            return pages.stream().map(PageText::pageNumber).toList();
        }
    }

    private static Collected read(String name, byte[] bytes) throws Exception {
        Collected c = new Collected();
        RecordReader.readPages(name, bytes, c, c, () -> false);
        return c;
    }

    private static List<Integer> oneTo(int n) {
        List<Integer> l = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            l.add(i);
        }
        return l;
    }

    @Test
    void pdfPagesArriveInOrderWithTheirOwnText() throws Exception {
        Collected c = read("notes.pdf", TestRecords.numberedPdf(150));

        assertEquals(oneTo(150), c.numbers());
        for (PageText p : c.pages) {
            assertTrue(p.text().startsWith("This is page " + p.pageNumber() + " of the record\n"), p.text());
            assertTrue(p.text().contains("follow-up in four weeks"));
        }
    }

    @Test
    void pdfTextKeepsTheLineOrderOfThePage() throws Exception {
        byte[] pdf = TestRecords.pdf(List.of(List.of("SUBJECTIVE: neck pain", "OBJECTIVE: tenderness",
                "ASSESSMENT: cervical strain", "PLAN: physical therapy")));

        Collected c = read("visit.pdf", pdf);

        assertEquals("SUBJECTIVE: neck pain\nOBJECTIVE: tenderness\nASSESSMENT: cervical strain\n"
                + "PLAN: physical therapy", c.pages.get(0).text());
    }

    @Test
    void textDrawnTwiceAsFakeBoldIsReadOnce() throws Exception {
        byte[] pdf = TestRecords.fakeBoldPdf(List.of("DIAGNOSIS: lumbar strain", "Plan:"),
                "Hello 1111 bookkeeper, repeated letters stay");

        assertEquals("DIAGNOSIS: lumbar strain\nPlan:\nHello 1111 bookkeeper, repeated letters stay",
                read("bold.pdf", pdf).pages.get(0).text());
    }

    @Test
    void progressCountsEveryPageUpToTheTotal() throws Exception {
        Collected c = read("notes.pdf", TestRecords.numberedPdf(40));

        assertEquals(40, c.progress.size());
        for (int i = 0; i < 40; i++) {
            assertEquals(i + 1, c.progress.get(i)[0]);
            assertEquals(40, c.progress.get(i)[1]);
        }
    }

    @Test
    void cancellingStopsTheReadingEarly() throws Exception {
        byte[] pdf = TestRecords.numberedPdf(400);
        AtomicBoolean cancel = new AtomicBoolean();
        AtomicInteger delivered = new AtomicInteger();

        assertThrows(CancellationException.class, () -> RecordReader.readPages("long.pdf", pdf, page -> {
            if (delivered.incrementAndGet() == 5) {
                cancel.set(true);
            }
        }, ProgressListener.NONE, cancel::get));

        assertEquals(5, delivered.get(), "delivered " + delivered.get() + " pages after cancelling");
    }

    @Test
    void aFailingSinkStopsTheReadingAndItsExceptionReachesTheCaller() throws Exception {
        byte[] pdf = TestRecords.numberedPdf(200);
        AtomicInteger delivered = new AtomicInteger();

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RecordReader.readPages("a.pdf",
                pdf, page -> {
                    if (delivered.incrementAndGet() == 3) {
                        throw new IllegalStateException("store full");
                    }
                }, ProgressListener.NONE, () -> false));

        assertEquals("store full", e.getMessage());
        assertEquals(3, delivered.get());
    }

    @Test
    void pdfRestrictedWithAnEmptyUserPasswordIsRead() throws Exception {
        byte[] pdf = TestRecords.protectedPdf("", List.of(List.of("Restricted but readable")));

        Collected c = read("restricted.pdf", pdf);

        assertEquals("Restricted but readable", c.pages.get(0).text());
        assertEquals(RecordKind.PDF, RecordReader.inspect("restricted.pdf", pdf).kind());
    }

    @Test
    void realImrLetterEncryptedWithRestrictionsIsRead() throws Exception {
        byte[] letter = Files.readAllBytes(TestData.shared().resolve("data/imr-letters/pdf/CM16-0213037.pdf"));

        Collected c = read("CM16-0213037.pdf", letter);
        RecordInfo info = RecordReader.inspect("CM16-0213037.pdf", letter);

        assertEquals(2, c.pages.size());
        assertEquals(2, info.pageCount());
        assertTrue(c.pages.get(0).text().contains("CM16-0213037"));
        assertTrue(c.pages.get(0).text().contains("HOW THE IMR FINAL DETERMINATION WAS MADE"));
    }

    @Test
    void textFileIsPagedAtFormFeeds() throws Exception {
        byte[] text = "First page\r\nline two\fSecond page\fThird page\n\f".getBytes(StandardCharsets.UTF_8);

        Collected c = read("notes.txt", text);

        assertEquals(List.of(new PageText(1, "First page\nline two"), new PageText(2, "Second page"),
                new PageText(3, "Third page")), c.pages);
        assertEquals(3, RecordReader.inspect("notes.txt", text).pageCount());
    }

    @Test
    void textFileWithoutFormFeedsIsPagedEverySixtyLines() throws Exception {
        StringBuilder s = new StringBuilder();
        for (int i = 1; i <= 150; i++) {
            s.append("line ").append(i).append('\n');
        }

        Collected c = read("long.txt", s.toString().getBytes(StandardCharsets.UTF_8));

        assertEquals(oneTo(3), c.numbers());
        assertTrue(c.pages.get(0).text().startsWith("line 1\n") && c.pages.get(0).text().endsWith("line 60"));
        assertTrue(c.pages.get(1).text().startsWith("line 61\n") && c.pages.get(1).text().endsWith("line 120"));
        assertTrue(c.pages.get(2).text().endsWith("line 150"));
        assertEquals(3, c.progress.get(2)[1]);
    }

    @Test
    void textWithoutLineBreaksIsCutIntoPagesOfBoundedLength() throws Exception {
        byte[] text = "x".repeat(250_000).getBytes(StandardCharsets.US_ASCII);

        Collected c = read("export.txt", text);

        assertEquals(List.of(100_000, 100_000, 50_000), c.pages.stream().map(p -> p.text().length()).toList());
    }

    @Test
    void textThatIsNotUtf8IsReadAsWindows1252() throws Exception {
        byte[] text = "Pati\u00e9nt caf\u00e9 \u2013 n\u00famero".getBytes(Charset.forName("windows-1252"));

        assertEquals("Pati\u00e9nt caf\u00e9 \u2013 n\u00famero", read("note.txt", text).pages.get(0).text());
    }

    @Test
    void utf8TextWithAByteOrderMarkLosesTheMark() throws Exception {
        byte[] text = "\uFEFFDr. M\u00fcller \u2014 note".getBytes(StandardCharsets.UTF_8);

        assertEquals("Dr. M\u00fcller \u2014 note", read("note.txt", text).pages.get(0).text());
    }

    @Test
    void imagesAreOnePageEachWithoutText() throws Exception {
        assertEquals(List.of(new PageText(1, "")), read("scan.png", TestRecords.png(40, 30)).pages);
        assertEquals(List.of(new PageText(1, "")), read("scan.jpg", TestRecords.jpeg(40, 30)).pages);
        assertEquals(RecordKind.IMAGE, RecordReader.inspect("scan.png", TestRecords.png(40, 30)).kind());
    }

    @Test
    void multiPageTiffGivesOnePagePerFrame() throws Exception {
        byte[] tiff = TestRecords.tiff(TestRecords.picture(30, 20, Color.WHITE),
                TestRecords.picture(50, 40, Color.GRAY), TestRecords.picture(20, 20, Color.BLUE));

        Collected c = read("fax.tif", tiff);

        assertEquals(oneTo(3), c.numbers());
        assertEquals(3, c.progress.get(2)[0]);
        assertEquals(3, RecordReader.inspect("fax.tif", tiff).pageCount());
    }

    @Test
    void kindComesFromTheContentNotTheName() throws Exception {
        assertEquals(RecordKind.PDF, RecordReader.inspect("scan0001", TestRecords.numberedPdf(1)).kind());
        assertEquals(RecordKind.IMAGE, RecordReader.inspect("attachment.dat", TestRecords.png(10, 10)).kind());
        assertEquals(RecordKind.TEXT, RecordReader.inspect("note", "Progress note".getBytes(StandardCharsets.UTF_8))
                .kind());
    }
}
