package org.reviewdesk.record;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.TestData;

/**
 * Record content never reaches disk: a fresh JVM whose {@code java.io.tmpdir} is an empty, watched folder
 * imports and renders a PDF (with a JPEG image inside, which PDFBox decodes through ImageIO), an encrypted
 * IMR letter, a PNG, a JPEG, a TIFF and a text file. Nothing may appear in that folder, not even for a moment.
 * The only file written anywhere is PDFBox's list of the machine's fonts ({@code .pdfbox.cache} in
 * {@code user.home}), which it keeps to substitute fonts a PDF does not embed; it holds no record content.
 */
class NoScratchFilesTest {
    private static final String FONT_LIST = ".pdfbox.cache";

    @TempDir
    Path dir;

    @Test
    void importingAndShowingRecordsWritesNoTemporaryFile() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path home = Files.createDirectories(dir.resolve("home"));
        List<Path> files = new ArrayList<>();
        files.add(Files.write(in.resolve("notes.pdf"), TestRecords.numberedPdf(40)));
        files.add(Files.write(in.resolve("scan-in-pdf.pdf"), TestRecords.pdfWithJpeg(TestRecords.jpeg(300, 200))));
        files.add(Files.copy(TestData.shared().resolve("data/imr-letters/pdf/CM16-0213037.pdf"),
                in.resolve("letter.pdf")));
        files.add(Files.write(in.resolve("scan.png"), TestRecords.png(200, 100)));
        files.add(Files.write(in.resolve("photo.jpg"), TestRecords.jpeg(200, 100)));
        files.add(Files.write(in.resolve("fax.tif"), TestRecords.tiff(TestRecords.picture(60, 40, Color.WHITE),
                TestRecords.picture(60, 40, Color.GRAY))));
        files.add(Files.write(in.resolve("note.txt"), "Progress note\fPage two".getBytes(StandardCharsets.UTF_8)));
        files.add(Files.write(in.resolve("scanned.pdf"), org.reviewdesk.record.ocr.ScannedPackets.pdf(List.of(
                org.reviewdesk.record.ocr.ScannedPackets.scan(org.reviewdesk.record.ocr.ScannedPackets.page(
                        "Scanned report", 6, 77), new org.reviewdesk.record.ocr.ScannedPackets.Scan(200, 0.4, false,
                        0.001, 0, true, 1))), List.of(200))));

        List<String> seen = new ArrayList<>();
        try (WatchService watch = tmp.getFileSystem().newWatchService()) {
            tmp.register(watch, ENTRY_CREATE, ENTRY_MODIFY);
            runImport(tmp, home, files);
            WatchKey key;
            while ((key = watch.poll(200, TimeUnit.MILLISECONDS)) != null) {
                for (WatchEvent<?> e : key.pollEvents()) {
                    seen.add(key.watchable() + "/" + e.context());
                }
                key.reset();
            }
        }

        assertEquals(List.of(), seen, "files created in java.io.tmpdir during the import");
        assertEquals(List.of(), list(tmp));
        assertTrue(List.of(List.of(), List.of(FONT_LIST)).contains(list(home)), list(home).toString());
        if (Files.exists(home.resolve(FONT_LIST))) {
            String fonts = Files.readString(home.resolve(FONT_LIST), StandardCharsets.ISO_8859_1);
            for (String recordText : List.of("This is page", "Scanned report", "Progress note", "CM16-0213037",
                    "paraspinal", "Straight leg")) {
                assertFalse(fonts.contains(recordText), recordText);
            }
        }
    }

    private static void runImport(Path tmp, Path home, List<Path> files) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        // JavaCPP unpacks Tesseract's native libraries (no record content) into its cache once: not in the
        // watched folders, so that what is left there is only what the import itself wrote
        Path natives = Files.createDirectories(home.getParent().resolve("javacpp-cache"));
        List<String> command = new ArrayList<>(List.of(java, "-Djava.io.tmpdir=" + tmp, "-Duser.home=" + home,
                "-Dorg.bytedeco.javacpp.cachedir=" + natives,
                "-Djava.awt.headless=true", "-cp", classPath, ScratchFreeImport.class.getName()));
        files.forEach(f -> command.add(f.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("letter.pdf: PDF, 2 pages"), output);
        assertTrue(output.contains("fax.tif: IMAGE, 2 pages"), output);
        assertTrue(output.contains("note.txt: TEXT, 2 pages"), output);
        assertTrue(output.matches("(?s).*scanned\\.pdf: OCR read [1-9][0-9]* words.*"), output);
    }

    private static List<String> list(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }
}
