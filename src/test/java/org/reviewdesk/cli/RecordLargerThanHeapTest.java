package org.reviewdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record file is held in memory whole while it is read and stored (the store takes a copy), so one that takes
 * more than a third of the heap is refused before it is read, with one line naming it and saying to split it; the
 * other files of the same command still go in and the store holds nothing of it. Before, a 240 MB scanned PDF under
 * the installed launcher's 448 MB heap ended {@code records add} with an OutOfMemoryError and its stack trace (here:
 * a 40 MB scanned PDF under 96 MB).
 */
class RecordLargerThanHeapTest {
    private static final String PW = "record larger than heap password";

    @TempDir
    Path tmp;

    private CommandProcess.Run run(String... args) throws Exception {
        return CommandProcess.run(tmp, PW, List.of("-Xmx96m"), 240, args);
    }

    /** A valid PDF of {@code pages} scanned pages, each an uncompressed 1,000 x 1,000 RGB image of noise (3 MB). */
    static void scannedPdf(Path file, int pages) throws Exception {
        Random random = new Random(7);
        byte[] pixels = new byte[1000 * 1000 * 3];
        List<Long> offsets = new ArrayList<>();
        List<Integer> kids = new ArrayList<>();
        try (OutputStream os = Files.newOutputStream(file)) {
            long[] pos = {0};
            class Out {
                void w(byte[] b) throws Exception {
                    os.write(b);
                    pos[0] += b.length;
                }

                void w(String s) throws Exception {
                    w(s.getBytes(StandardCharsets.ISO_8859_1));
                }

                int obj(String head, byte[] stream) throws Exception {
                    offsets.add(pos[0]);
                    int n = offsets.size() + 2;
                    w(n + " 0 obj\n" + head);
                    if (stream != null) {
                        w("\nstream\n");
                        w(stream);
                        w("\nendstream");
                    }
                    w("\nendobj\n");
                    return n;
                }
            }
            Out o = new Out();
            o.w("%PDF-1.4\n");
            for (int p = 0; p < pages; p++) {
                random.nextBytes(pixels);
                int img = o.obj("<< /Type /XObject /Subtype /Image /Width 1000 /Height 1000 /ColorSpace /DeviceRGB "
                        + "/BitsPerComponent 8 /Length " + pixels.length + " >>", pixels);
                byte[] content = "q 612 0 0 792 0 0 cm /Im0 Do Q".getBytes(StandardCharsets.ISO_8859_1);
                int c = o.obj("<< /Length " + content.length + " >>", content);
                kids.add(o.obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents " + c + " 0 R "
                        + "/Resources << /XObject << /Im0 " + img + " 0 R >> >> >>", null));
            }
            // objects 1 (catalog) and 2 (page tree) come last in the file
            long catalog = pos[0];
            o.w("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
            long tree = pos[0];
            StringBuilder k = new StringBuilder();
            kids.forEach(n -> k.append(n).append(" 0 R "));
            o.w("2 0 obj\n<< /Type /Pages /Kids [" + k + "] /Count " + pages + " >>\nendobj\n");
            long xref = pos[0];
            ByteArrayOutputStream x = new ByteArrayOutputStream();
            int size = offsets.size() + 3;
            x.writeBytes(("xref\n0 " + size + "\n0000000000 65535 f \n").getBytes(StandardCharsets.ISO_8859_1));
            x.writeBytes(String.format("%010d 00000 n \n%010d 00000 n \n", catalog, tree)
                    .getBytes(StandardCharsets.ISO_8859_1));
            for (long off : offsets) {
                x.writeBytes(String.format("%010d 00000 n \n", off).getBytes(StandardCharsets.ISO_8859_1));
            }
            x.writeBytes(("trailer\n<< /Size " + size + " /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            o.w(x.toByteArray());
        }
    }

    @Test
    void aRecordFileLargerThanAThirdOfTheHeapIsRefusedAndTheOthersGoIn() throws Exception {
        Path data = tmp.resolve("data");
        String d = data.toString();
        assertEquals(0, run("--data", d, "init").status());
        String before = run("--data", d, "records", "list", "EXAMPLE-0001").out();
        Path big = tmp.resolve("big-scan.pdf");
        scannedPdf(big, 14);
        assertTrue(Files.size(big) > 40L * 1024 * 1024, "the file is larger than the heap's third");
        Path small = Files.writeString(tmp.resolve("note.txt"), "Progress note. Lumbar strain, improving.\n");

        CommandProcess.Run r = run("--data", d, "records", "add", "EXAMPLE-0001", big.toString(), small.toString(),
                "--no-ocr");
        assertEquals(1, r.status(), r.out() + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("Error:") || r.err().contains("\tat "),
                "no stack trace:\n" + r.err());
        List<String> errors = r.err().lines().filter(l -> l.startsWith("error:")).toList();
        assertEquals(1, errors.size(), r.err());
        assertTrue(errors.get(0).matches("error: big-scan\\.pdf is 4\\d MB, more than ReviewDesk can add at once in "
                + "its memory \\(files up to \\d\\d MB\\); nothing of it was kept: split it into smaller files.*"),
                errors.get(0));
        assertTrue(r.out().contains("note.txt: added"), "the other file went in:\n" + r.out());

        String after = run("--data", d, "records", "list", "EXAMPLE-0001").out();
        assertFalse(after.contains("big-scan"), after);
        assertEquals(before.lines().count() + 1, after.lines().count(), "only the note was added:\n" + after);
    }
}
