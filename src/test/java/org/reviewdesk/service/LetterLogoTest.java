package org.reviewdesk.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.TestData;
import org.reviewdesk.store.StoreException;

/**
 * The letterhead logo (Settings) is drawn into every letter: a file that is not a PNG or JPEG, is damaged, too
 * large, declares a huge image, or that the letter cannot draw, is refused with a plain message and the logo kept
 * so far stays. Before, any bytes were kept, and then no letter of any case rendered (preview, Sign &amp; Export,
 * {@code letter}) until the logo was replaced.
 */
class LetterLogoTest {
    @TempDir
    Path tmp;

    private static byte[] png(int w, int h, int type) throws Exception {
        BufferedImage img = new BufferedImage(w, h, type);
        img.getGraphics().fillRect(0, 0, w / 2, h / 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static void chunk(DataOutputStream d, String type, byte[] data) throws Exception {
        d.writeInt(data.length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        d.write(t);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }

    /** A PNG of a few hundred bytes declaring 50,000 x 50,000 grey pixels (2.5 GB decoded). */
    private static byte[] pngBomb() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(out);
        d.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(ihdr);
        h.writeInt(50_000);
        h.writeInt(50_000);
        h.write(new byte[] {8, 0, 0, 0, 0});
        chunk(d, "IHDR", ihdr.toByteArray());
        Deflater z = new Deflater(9);
        z.setInput(new byte[1_000_000]);
        z.finish();
        byte[] buf = new byte[100_000];
        int n = z.deflate(buf);
        chunk(d, "IDAT", Arrays.copyOf(buf, n));
        chunk(d, "IEND", new byte[0]);
        return out.toByteArray();
    }

    @Test
    void aLogoThatIsNoImageOrCannotBeDrawnIsRefusedAndTheLettersStillRender() throws Exception {
        byte[] good = png(300, 80, BufferedImage.TYPE_INT_RGB);
        byte[] alpha = png(120, 40, BufferedImage.TYPE_INT_ARGB);
        byte[] truncatedJpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F'};
        byte[] big = Arrays.copyOf(good, 3 * 1024 * 1024);
        Object[][] bad = {
            {"%PDF-1.7 a letter saved as logo.png".getBytes(StandardCharsets.US_ASCII), "not a PNG or JPEG image"},
            {pngBomb(), "the image is 50,000 x 50,000 pixels; a letterhead logo is at most 4,000 pixels a side"},
            {truncatedJpeg, "the image is damaged"},
            {Arrays.copyOf(good, good.length / 2), "the image is damaged or cut off"},
            {big, "the file is 3,072 KB; a letterhead logo is at most 2,048 KB"},
        };
        try (Workbench w = Workbench.create(tmp.resolve("data"), TestData.PASSWORD, false)) {
            LetterService letters = w.letters();
            letters.saveLogo(good);
            for (Object[] b : bad) {
                StoreException e = assertThrows(StoreException.class, () -> letters.saveLogo((byte[]) b[0]),
                        (String) b[1]);
                assertTrue(e.getMessage().startsWith("The logo was not saved: "), e.getMessage());
                assertTrue(e.getMessage().contains((String) b[1]), e.getMessage());
                assertArrayEquals(good, letters.logo().orElseThrow(), "the logo kept so far stays");
                assertTrue(letters.unsigned("EXAMPLE-0001").length > 1000, "the letter still renders");
            }
            // a PNG with an alpha channel: kept only if the letter (PDF/A) can draw it
            try {
                letters.saveLogo(alpha);
            } catch (StoreException e) {
                assertTrue(e.getMessage().contains("cannot be drawn into a letter"), e.getMessage());
            }
            assertTrue(letters.unsigned("EXAMPLE-0001").length > 1000, "the letter renders with the logo kept");
            // a file chosen in Settings: one larger than a logo can be is refused before it is read
            byte[] kept = letters.logo().orElseThrow();
            Path huge = tmp.resolve("huge.png");
            try (var raf = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
                raf.setLength(3L * 1024 * 1024 * 1024); // sparse: 3 GB on paper, nothing on disk
            }
            StoreException e = assertThrows(StoreException.class, () -> letters.saveLogo(huge));
            assertTrue(e.getMessage().contains("the file is 3,145,728 KB; a letterhead logo is at most 2,048 KB"),
                    e.getMessage());
            assertArrayEquals(kept, letters.logo().orElseThrow(), "the logo kept so far stays");
            Path file = Files.write(tmp.resolve("logo.png"), good);
            letters.saveLogo(file);
            assertArrayEquals(good, letters.logo().orElseThrow());
        }
    }
}
