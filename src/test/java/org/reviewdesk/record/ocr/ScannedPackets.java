package org.reviewdesk.record.ocr;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Scanned-looking record pages and packets made in memory from known text: pages drawn at 200 or 300 dpi,
 * slightly rotated, blurred, salted with noise, some sideways or upside down, some fax-like black and white;
 * packets of several documents interleaved out of date order with duplicated pages re-scanned with other noise.
 * The text is synthetic (no patient data).
 */
public final class ScannedPackets {
    /** How a page is scanned. */
    public record Scan(int dpi, double skewDegrees, boolean blur, double noise, int quarterTurns, boolean fax,
                       long seed) {
        public static Scan clean300() {
            return new Scan(300, 0, false, 0, 0, false, 1);
        }
    }

    /** A page to be scanned: its known lines. */
    public record Page(List<String> lines) {
        public String text() {
            return String.join("\n", lines);
        }
    }

    /** One document of a packet: its kind, date, author and pages. */
    public record Doc(String kind, String date, String author, List<Page> pages) {
    }

    /** A packet: the PDF, its pages' known text in packet order, where each document starts, duplicated pages. */
    public record Packet(byte[] pdf, List<String> pageTexts, List<Integer> documentStarts,
                         List<int[]> duplicatePairs, List<Integer> rotations) {
    }

    private static final String[] SENTENCES = {
        "The patient reports persistent low back pain radiating to the left leg.",
        "Pain is rated 7 out of 10 without medication and 4 out of 10 with medication.",
        "Physical examination shows tenderness over the lumbar paraspinal muscles.",
        "Straight leg raise is positive on the left at 45 degrees.",
        "Range of motion of the lumbar spine is decreased in flexion and extension.",
        "Sensation is intact to light touch in both lower extremities.",
        "Motor strength is 5 out of 5 in all major muscle groups.",
        "The patient completed six sessions of physical therapy with partial improvement.",
        "Current medications include ibuprofen 800 mg three times daily.",
        "Magnetic resonance imaging showed a disc protrusion at L4-L5.",
        "The treatment plan includes a home exercise program and follow-up in four weeks.",
        "A request is made for eight additional sessions of physical therapy.",
        "The patient is able to work with restrictions on lifting over twenty pounds.",
        "There is no evidence of functional improvement documented since the last visit.",
        "Gabapentin was started for neuropathic symptoms in the left lower extremity.",
        "Urine drug screen was consistent with prescribed medications.",
        "The patient denies bowel or bladder dysfunction.",
        "Cervical spine examination reveals spasm and guarding on rotation.",
        "Shoulder abduction is limited to 120 degrees with pain at end range.",
        "The injured worker was advised to continue modified duty.",
    };

    private ScannedPackets() {
    }

    /** A page of {@code lines} sentences picked by {@code seed}, under a header line. */
    public static Page page(String header, int lines, long seed) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>();
        out.add(header);
        for (int i = 0; i < lines; i++) {
            out.add(SENTENCES[r.nextInt(SENTENCES.length)]);
        }
        return new Page(out);
    }

    /** The page as a clean image at {@code dpi}: US letter, 1-inch margins, 12-point serif type. */
    public static BufferedImage render(Page page, int dpi) {
        int w = (int) Math.round(8.5 * dpi);
        int h = (int) Math.round(11 * dpi);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        float pt = dpi / 72f;
        g.setFont(new Font(Font.SERIF, Font.PLAIN, Math.round(12 * pt)));
        int x = dpi;
        int y = dpi + Math.round(12 * pt);
        int lineHeight = Math.round(22 * pt);
        int maxWidth = w - 2 * dpi;
        for (String line : page.lines()) {
            // wrap long sentences at spaces
            StringBuilder current = new StringBuilder();
            for (String word : line.split(" ")) {
                String tryLine = current.isEmpty() ? word : current + " " + word;
                if (g.getFontMetrics().stringWidth(tryLine) > maxWidth && !current.isEmpty()) {
                    g.drawString(current.toString(), x, y);
                    y += lineHeight;
                    current = new StringBuilder(word);
                } else {
                    current = new StringBuilder(tryLine);
                }
            }
            g.drawString(current.toString(), x, y);
            y += lineHeight;
        }
        g.dispose();
        return img;
    }

    /** The page scanned as {@code scan} says. */
    public static BufferedImage scan(Page page, Scan scan) {
        BufferedImage img = render(page, scan.dpi());
        Random r = new Random(scan.seed());
        if (scan.skewDegrees() != 0) {
            img = skew(img, scan.skewDegrees());
        }
        if (scan.blur()) {
            float[] k = new float[9];
            java.util.Arrays.fill(k, 1f / 9);
            BufferedImage blurred = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            new ConvolveOp(new Kernel(3, 3, k), ConvolveOp.EDGE_NO_OP, null).filter(img, blurred);
            img = blurred;
        }
        if (scan.noise() > 0) {
            byte[] px = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
            int n = (int) (px.length * scan.noise());
            for (int i = 0; i < n; i++) {
                px[r.nextInt(px.length)] = (byte) (r.nextBoolean() ? 0 : 255);
            }
        }
        if (scan.fax()) {
            BufferedImage bw = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
            Graphics2D g = bw.createGraphics();
            g.drawImage(img, 0, 0, null);
            g.dispose();
            BufferedImage back = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g2 = back.createGraphics();
            g2.drawImage(bw, 0, 0, null);
            g2.dispose();
            img = back;
        }
        if (scan.quarterTurns() % 4 != 0) {
            img = OcrEngine.rotate(img, 90 * (scan.quarterTurns() % 4));
        }
        return img;
    }

    private static BufferedImage skew(BufferedImage src, double degrees) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, AffineTransform.getRotateInstance(Math.toRadians(degrees), src.getWidth() / 2.0,
                src.getHeight() / 2.0), null);
        g.dispose();
        return out;
    }

    /** An image-only ("scanned") PDF of the images, each on a page of its own size at {@code dpi}. */
    public static byte[] pdf(List<BufferedImage> images, List<Integer> dpis) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            for (int i = 0; i < images.size(); i++) {
                BufferedImage img = images.get(i);
                float scale = 72f / dpis.get(i);
                PDPage p = new PDPage(new PDRectangle(img.getWidth() * scale, img.getHeight() * scale));
                doc.addPage(p);
                PDImageXObject x = LosslessFactory.createFromImage(doc, img);
                try (PDPageContentStream cs = new PDPageContentStream(doc, p)) {
                    cs.drawImage(x, 0, 0, img.getWidth() * scale, img.getHeight() * scale);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** Three documents of a packet: a progress note, a physical therapy note and an MRI report. */
    public static List<Doc> threeDocuments() {
        return List.of(
                new Doc("PROGRESS_NOTE", "03/14/2015", "Dr. Alan Reyes", List.of(
                        header("PROGRESS NOTE", "03/14/2015", "Alan Reyes, MD", 1, 3, 11),
                        body(2, 3, 12), body(3, 3, 13))),
                new Doc("PT_NOTE", "01/19/2015", "Maria Chen, PT", List.of(
                        header("PHYSICAL THERAPY NOTE", "01/19/2015", "Maria Chen, PT", 1, 2, 21),
                        body(2, 2, 22))),
                new Doc("IMAGING", "11/02/2014", "Dr. Susan Patel", List.of(
                        header("MRI REPORT", "11/02/2014", "Susan Patel, MD", 1, 2, 31),
                        body(2, 2, 32))));
    }

    private static Page header(String title, String date, String author, int page, int of, long seed) {
        Page b = page("Page " + page + " of " + of, 8, seed);
        List<String> lines = new ArrayList<>();
        lines.add(title);
        lines.add("Date of Service: " + date);
        lines.add("Provider: " + author);
        lines.addAll(b.lines());
        return new Page(lines);
    }

    private static Page body(int page, int of, long seed) {
        return page("Page " + page + " of " + of, 10, seed);
    }

    /**
     * A packet of {@link #threeDocuments()} glued in the order given (not date order), every page scanned
     * with {@code base} varied per page (seed, small skew, some pages sideways or upside down), and pages
     * {@code duplicate} repeated at the end re-scanned with other noise.
     */
    public static Packet packet(Scan base, boolean turnSomePages, int... duplicate) throws IOException {
        List<BufferedImage> images = new ArrayList<>();
        List<Integer> dpis = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        List<Integer> rotations = new ArrayList<>();
        List<Page> all = new ArrayList<>();
        int n = 0;
        for (Doc d : threeDocuments()) {
            starts.add(n + 1);
            for (Page p : d.pages()) {
                n++;
                all.add(p);
                int turns = turnSomePages && n % 3 == 2 ? (n % 2 == 0 ? 1 : 3) : turnSomePages && n == 6 ? 2 : 0;
                Scan s = new Scan(base.dpi(), (n % 2 == 0 ? 1 : -1) * Math.min(1.5, base.skewDegrees() + 0.2 * n
                        % 1.2), base.blur(), base.noise(), turns, base.fax(), base.seed() + n);
                images.add(scan(p, s));
                dpis.add(base.dpi());
                texts.add(p.text());
                rotations.add((4 - turns) % 4 * 90);
            }
        }
        List<int[]> dups = new ArrayList<>();
        for (int original : duplicate) {
            n++;
            Page p = all.get(original - 1);
            Scan s = new Scan(base.dpi(), -base.skewDegrees() - 0.3, base.blur(), base.noise() + 0.004, 0, base.fax(),
                    base.seed() + 1000 + n);
            images.add(scan(p, s));
            dpis.add(base.dpi());
            texts.add(p.text());
            rotations.add(0);
            dups.add(new int[] {original, n});
        }
        return new Packet(pdf(images, dpis), texts, starts, dups, rotations);
    }

    /** A small packet: the first page of each of {@link #threeDocuments()}, upright, in the given scan. */
    public static Packet smallPacket(Scan scan) throws IOException {
        List<BufferedImage> images = new ArrayList<>();
        List<Integer> dpis = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        List<Integer> rotations = new ArrayList<>();
        int n = 0;
        for (Doc d : threeDocuments()) {
            n++;
            Page p = d.pages().get(0);
            images.add(scan(p, new Scan(scan.dpi(), scan.skewDegrees(), scan.blur(), scan.noise(), 0, scan.fax(),
                    scan.seed() + n)));
            dpis.add(scan.dpi());
            texts.add(p.text());
            starts.add(n);
            rotations.add(0);
        }
        return new Packet(pdf(images, dpis), texts, starts, List.of(), rotations);
    }

    /** Word accuracy of {@code recognised} against {@code known}: 1 - word edit distance / known words. */
    public static double wordAccuracy(String known, String recognised) {
        String[] a = words(known);
        String[] b = words(recognised);
        int[] prev = new int[b.length + 1];
        int[] cur = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length; j++) {
                int sub = prev[j - 1] + (a[i - 1].equals(b[j - 1]) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return a.length == 0 ? 1 : Math.max(0, 1 - (double) prev[b.length] / a.length);
    }

    /** Words as compared: split at white space, surrounding punctuation ignored, case kept. */
    public static String[] words(String s) {
        return java.util.Arrays.stream(s.split("\\s+")).map(w -> w.replaceAll("^[\\p{Punct}]+|[\\p{Punct}]+$", ""))
                .filter(w -> !w.isEmpty()).toArray(String[]::new);
    }
}
