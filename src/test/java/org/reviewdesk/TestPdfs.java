package org.reviewdesk;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.AreaBreak;
import com.itextpdf.layout.element.Paragraph;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Record PDFs with known text, made in the test. */
public final class TestPdfs {
    private TestPdfs() {
    }

    /** A progress note of {@code pages} pages; page 2 says "full range of motion of the lumbar spine". */
    public static Path progressNote(Path dir, String name, int pages) throws Exception {
        Path p = dir.resolve(name);
        try (PdfDocument pdf = new PdfDocument(new PdfWriter(p.toString())); Document doc = new Document(pdf)) {
            for (int i = 1; i <= pages; i++) {
                if (i > 1) {
                    doc.add(new AreaBreak());
                }
                doc.add(new Paragraph("PROGRESS REPORT (PR-2) Date of visit: 01/19/2015"));
                doc.add(new Paragraph("Page " + i + " of the progress note."));
                if (i == 2) {
                    doc.add(new Paragraph("Physical examination revealed full range of motion of the lumbar spine."));
                }
            }
        }
        return p;
    }

    /** A valid PDF of {@code pages} scanned pages, each an uncompressed 1,000 x 1,000 RGB image of noise (3 MB). */
    public static void scanned(Path file, int pages) throws Exception {
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
}
