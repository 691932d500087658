package org.reviewdesk.record;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Record files made in the test, with known content: PDFs, images, and the bad files readers must refuse. */
public final class TestRecords {
    private TestRecords() {
    }

    /** A letter-size PDF with one page per entry; each entry's lines are shown top to bottom in Helvetica. */
    public static byte[] pdf(List<List<String>> pages) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            addPages(doc, pages);
            return save(doc);
        }
    }

    /** A PDF whose page {@code n} reads "This is page n of the record" followed by a few clinical lines. */
    public static byte[] numberedPdf(int pageCount) throws IOException {
        List<List<String>> pages = new ArrayList<>();
        for (int n = 1; n <= pageCount; n++) {
            pages.add(List.of("This is page " + n + " of the record", "Patient reports neck pain, rated 6/10.",
                    "Plan: continue home exercise program; follow-up in four weeks."));
        }
        return pdf(pages);
    }

    /** An encrypted PDF: with a non-empty user password it needs a password to open; with "" only restrictions. */
    public static byte[] protectedPdf(String userPassword, List<List<String>> pages) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            addPages(doc, pages);
            AccessPermission restricted = new AccessPermission();
            restricted.setCanExtractContent(false);
            restricted.setCanModify(false);
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner secret", userPassword, restricted);
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            return save(doc);
        }
    }

    /** A one-page PDF showing a JPEG (kept as DCT data, which PDFBox decodes through ImageIO) and a line of text. */
    public static byte[] pdfWithJpeg(byte[] jpeg) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            addPages(doc, List.of(List.of("Scanned report follows")));
            PDPage page = doc.getPage(0);
            PDImageXObject image = JPEGFactory.createFromByteArray(doc, jpeg);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, AppendMode.APPEND, true)) {
                cs.drawImage(image, 72, 300, image.getWidth(), image.getHeight());
            }
            return save(doc);
        }
    }

    /**
     * A page with "fake bold": each {@code bold} line is drawn, then drawn again 0.3 pt to the right, as some
     * record systems do; the {@code plain} line follows once.
     */
    public static byte[] fakeBoldPdf(List<String> bold, String plain) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                float y = 700;
                for (String line : bold) {
                    for (float dx : new float[] {0f, 0.3f}) {
                        cs.beginText();
                        cs.setFont(font, 11);
                        cs.newLineAtOffset(72 + dx, y);
                        cs.showText(line);
                        cs.endText();
                    }
                    y -= 15;
                }
                cs.beginText();
                cs.setFont(font, 11);
                cs.newLineAtOffset(72, y);
                cs.showText(plain);
                cs.endText();
            }
            return save(doc);
        }
    }

    /** A PDF with {@code pageCount} empty pages. */
    public static byte[] blankPdf(int pageCount) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            for (int i = 0; i < pageCount; i++) {
                doc.addPage(new PDPage(PDRectangle.LETTER));
            }
            return save(doc);
        }
    }

    private static void addPages(PDDocument doc, List<List<String>> pages) throws IOException {
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        for (List<String> lines : pages) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(font, 11);
                cs.setLeading(15);
                cs.newLineAtOffset(72, 720);
                for (String line : lines) {
                    cs.showText(line);
                    cs.newLine();
                }
                cs.endText();
            }
        }
    }

    private static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }

    public static BufferedImage picture(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.drawString("scan", 5, height / 2);
        g.dispose();
        return image;
    }

    public static byte[] png(int width, int height) throws IOException {
        return encode(picture(width, height, Color.WHITE), "png");
    }

    public static byte[] jpeg(int width, int height) throws IOException {
        return encode(picture(width, height, Color.LIGHT_GRAY), "jpeg");
    }

    /** A multi-page TIFF written with the JDK's own TIFF writer, one frame per image. */
    public static byte[] tiff(BufferedImage... frames) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (BufferedImage frame : frames) {
                writer.writeToSequence(new IIOImage(frame, null, null), writer.getDefaultWriteParam());
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(image);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** A PNG whose header (IHDR, with a correct CRC) claims the given size; it carries no pixel data. */
    public static byte[] pngHeaderClaiming(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4 + 12);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        png.putInt(13).put(ihdr.array()).putInt(crc(ihdr.array()));
        byte[] iend = "IEND".getBytes(StandardCharsets.US_ASCII);
        png.putInt(0).put(iend).putInt(crc(iend));
        return png.array();
    }

    /** A real JPEG whose frame header (SOF0) is patched to claim the given size. */
    public static byte[] jpegClaiming(int width, int height) throws IOException {
        byte[] b = jpeg(16, 16);
        for (int i = 2; i + 9 < b.length; i++) {
            if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == 0xC0) {
                // FF C0, length (2), precision (1), height (2), width (2)
                b[i + 5] = (byte) (height >> 8);
                b[i + 6] = (byte) height;
                b[i + 7] = (byte) (width >> 8);
                b[i + 8] = (byte) width;
                return b;
            }
        }
        throw new IllegalStateException("no SOF0 marker in the JPEG");
    }

    /**
     * A hand-made little-endian TIFF of {@code frames} 8-bit grey frames, each declaring the given size and all
     * pointing at the same single byte of pixels: cheap to build, however many frames or pixels it claims.
     */
    public static byte[] tiffClaiming(int frames, int width, int height) {
        int ifdSize = 2 + 9 * 12 + 4;
        ByteBuffer b = ByteBuffer.allocate(10 + frames * ifdSize).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(10);
        b.put((byte) 0x80).put((byte) 0); // the one pixel, and a pad byte to keep IFDs on even offsets
        for (int f = 0; f < frames; f++) {
            int next = f + 1 < frames ? 10 + (f + 1) * ifdSize : 0;
            b.putShort((short) 9);
            entry(b, 256, 4, width);
            entry(b, 257, 4, height);
            entry(b, 258, 3, 8);
            entry(b, 259, 3, 1);
            entry(b, 262, 3, 1);
            entry(b, 273, 4, 8);
            entry(b, 277, 3, 1);
            entry(b, 278, 4, height);
            entry(b, 279, 4, 1);
            b.putInt(next);
        }
        return b.array();
    }

    private static void entry(ByteBuffer b, int tag, int type, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(1);
        if (type == 3) {
            b.putShort((short) value).putShort((short) 0);
        } else {
            b.putInt(value);
        }
    }

    /** A small ZIP, as a .docx is. */
    public static byte[] zip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static int crc(byte[] b) {
        CRC32 crc = new CRC32();
        crc.update(b);
        return (int) crc.getValue();
    }
}
