package org.reviewdesk.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bad-file corpus: each file is refused by both entry points, with a message naming it. */
class BadRecordFilesTest {
    private static RecordFileException refused(String name, byte[] bytes) {
        RecordFileException read = assertThrows(RecordFileException.class,
                () -> RecordReader.readPages(name, bytes, p -> { }, ProgressListener.NONE, () -> false));
        RecordFileException inspect = assertThrows(RecordFileException.class, () -> RecordReader.inspect(name, bytes));
        assertEquals(read.getMessage(), inspect.getMessage());
        assertTrue(read.getMessage().startsWith(name + " ") || read.getMessage().contains(" " + name),
                read.getMessage());
        assertEquals(name, read.fileName());
        return read;
    }

    private static void assertMentions(RecordFileException e, String expected) {
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void emptyFileIsRefused() {
        assertMentions(refused("empty.pdf", new byte[0]), "empty.pdf is empty (0 bytes)");
    }

    @Test
    void truncatedPdfIsRefused() throws Exception {
        byte[] pdf = TestRecords.numberedPdf(30);

        assertMentions(refused("cut.pdf", Arrays.copyOf(pdf, pdf.length * 3 / 5)), "cut.pdf is damaged or incomplete");
    }

    @Test
    void pdfWithAHeaderAndNothingReadableIsRefused() {
        byte[] junk = new byte[4000];
        new Random(7).nextBytes(junk);
        byte[] pdf = concat("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), junk,
                "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));

        assertMentions(refused("broken.pdf", pdf), "broken.pdf is damaged or incomplete");
    }

    @Test
    void pdfWithoutPagesIsRefusedAsSuch() throws Exception {
        assertMentions(refused("blank-scan.pdf", TestRecords.blankPdf(0)), "blank-scan.pdf has no pages");
    }

    @Test
    void garbageNamedPdfIsRefused() {
        byte[] junk = new byte[2000];
        new Random(3).nextBytes(junk);

        assertMentions(refused("scan.pdf", junk), "scan.pdf is named .pdf but is not a PDF file");
        assertMentions(refused("image.PDF", TestRecords.pngHeaderClaiming(10, 10)),
                "image.PDF is named .pdf but is not a PDF file");
    }

    @Test
    void passwordProtectedPdfIsRefused() throws Exception {
        byte[] pdf = TestRecords.protectedPdf("patient123", List.of(List.of("secret")));

        assertMentions(refused("locked.pdf", pdf),
                "locked.pdf is protected by a password; remove the protection and add it again");
    }

    @Test
    void wordDocumentIsRefused() throws Exception {
        assertMentions(refused("report.docx", TestRecords.zip()), "report.docx is a Word, Excel or ZIP file");
    }

    @Test
    void programIsRefused() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';

        assertMentions(refused("setup.exe", exe), "setup.exe is a program, not a medical record");
    }

    @Test
    void unknownBinaryIsRefused() {
        byte[] junk = new byte[1000];
        new Random(11).nextBytes(junk);
        junk[0] = 0;

        assertMentions(refused("data.bin", junk), "data.bin is not a file type ReviewDesk can read");
    }

    @Test
    void imageNamedForAnImageButHoldingSomethingElseIsRefused() {
        assertMentions(refused("xray.jpg", "just some words".getBytes(StandardCharsets.UTF_8)),
                "xray.jpg is named .jpg but is not a PNG, JPEG or TIFF image");
    }

    @Test
    void pngDeclaringFiftyThousandPixelsASideIsRefusedWithoutDecodingIt() {
        byte[] bomb = TestRecords.pngHeaderClaiming(50_000, 50_000);
        Runtime rt = Runtime.getRuntime();
        long before = rt.totalMemory() - rt.freeMemory();

        RecordFileException e = refused("bomb.png", bomb);

        assertMentions(e, "bomb.png declares an image of 50000 x 50000 pixels");
        // 2.5 gigapixels would take gigabytes; refusing from the header takes next to nothing
        long grown = rt.totalMemory() - rt.freeMemory() - before;
        assertTrue(grown < 200L * 1024 * 1024, "memory grew by " + grown);
    }

    @Test
    void pngTallerThanTheSideLimitIsRefused() {
        assertMentions(refused("strip.png", TestRecords.pngHeaderClaiming(100, 40_000)),
                "declares an image of 100 x 40000 pixels");
    }

    @Test
    void jpegDeclaringAHugeSizeIsRefused() throws Exception {
        assertMentions(refused("huge.jpg", TestRecords.jpegClaiming(60_000, 60_000)),
                "huge.jpg declares an image of 60000 x 60000 pixels");
    }

    @Test
    void tiffDeclaringAHugeSizeIsRefused() {
        assertMentions(refused("huge.tif", TestRecords.tiffClaiming(1, 20_000, 20_000)),
                "huge.tif declares an image of 20000 x 20000 pixels");
    }

    @Test
    void tiffWithMoreThanFiveThousandFramesIsRefused() {
        assertMentions(refused("many.tif", TestRecords.tiffClaiming(Limits.MAX_FRAMES + 1, 1, 1)),
                "many.tif has more than 5000 pages");
    }

    @Test
    void tiffWithFiveThousandFramesIsRead() throws Exception {
        assertEquals(Limits.MAX_FRAMES,
                RecordReader.inspect("many.tif", TestRecords.tiffClaiming(Limits.MAX_FRAMES, 1, 1)).pageCount());
    }

    @Test
    void pdfWithMoreThanTwentyThousandPagesIsRefused() throws Exception {
        assertMentions(refused("huge.pdf", TestRecords.blankPdf(Limits.MAX_PAGES + 1)),
                "huge.pdf has 20001 pages, more than the 20000 ReviewDesk reads");
    }

    @Test
    void textFileWithMoreThanTwentyThousandPagesIsRefused() {
        byte[] text = "page\f".repeat(Limits.MAX_PAGES + 1).getBytes(StandardCharsets.US_ASCII);

        assertMentions(refused("dump.txt", text), "dump.txt has 20001 pages, more than the 20000 ReviewDesk reads");
    }

    private static byte[] concat(byte[]... parts) {
        int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
