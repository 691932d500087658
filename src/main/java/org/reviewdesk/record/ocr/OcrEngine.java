package org.reviewdesk.record.ocr;

import static org.bytedeco.tesseract.global.tesseract.OEM_LSTM_ONLY;
import static org.bytedeco.tesseract.global.tesseract.PSM_AUTO;
import static org.bytedeco.tesseract.global.tesseract.RIL_BLOCK;
import static org.bytedeco.tesseract.global.tesseract.RIL_PARA;
import static org.bytedeco.tesseract.global.tesseract.RIL_TEXTLINE;
import static org.bytedeco.tesseract.global.tesseract.RIL_WORD;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.tesseract.ResultIterator;
import org.bytedeco.tesseract.TessBaseAPI;

/**
 * One Tesseract instance (English, LSTM) recognising page images held in memory. Not thread-safe: use one
 * engine per thread (see {@link OcrPool}). Each engine works on one thread; run several for several cores.
 * Nothing is logged and nothing is written to disk.
 */
public final class OcrEngine implements AutoCloseable {
    /** Pages whose upright reading is at least this sure are not tried in the other orientations. */
    static final int SURE_CONFIDENCE = 72;

    // The JavaCPP build of Tesseract links no OpenMP runtime (checked with readelf: libtesseract.so.5.5 needs
    // only leptonica, libstdc++, libm, libgcc_s, libc), so one engine uses one thread; the pool gives the cores.

    private final TessBaseAPI api = new TessBaseAPI();
    private boolean closed;

    public OcrEngine() {
        BytePointer data = TrainedData.english();
        int rc = api.Init(data, (int) data.limit(), new BytePointer("eng"), OEM_LSTM_ONLY, (PointerPointer<?>) null,
                0, null, null, false, null);
        if (rc != 0) {
            api.close();
            throw new IllegalStateException("Tesseract could not load its English language data (code " + rc + ")");
        }
        api.SetPageSegMode(PSM_AUTO);
        api.SetVariable("debug_file", "/dev/null");
    }

    /**
     * Recognises a page image. The image is turned upright first when it was scanned sideways or upside down:
     * when the upright reading is unsure, the other three orientations are read too and the surest one wins.
     *
     * @param dpi the image's resolution, for Tesseract's size heuristics
     */
    public OcrPage recognize(BufferedImage image, int dpi) {
        BufferedImage gray = gray(image);
        OcrPage first = read(gray, dpi, 0);
        if (first.words().isEmpty() && blank(gray)) {
            return first; // an empty page: no need to try it turned
        }
        boolean sideways = sideways(first, gray.getWidth(), gray.getHeight());
        if (!sideways && sure(first)) {
            return first;
        }
        // Tesseract also reads the vertical lines of a sideways page, but the page must be shown upright
        OcrPage best = sideways ? null : first;
        for (int rotation : sideways ? new int[] {90, 270} : new int[] {90, 270, 180}) {
            BufferedImage turned = rotate(gray, rotation);
            OcrPage p = read(turned, dpi, rotation);
            if (sideways(p, turned.getWidth(), turned.getHeight())) {
                continue; // read as vertical lines: this turn does not show the page upright
            }
            if (best == null || score(p) > score(best)) {
                best = p;
            }
            if (sure(best)) {
                break;
            }
        }
        return best == null || best.words().isEmpty() ? first : best;
    }

    /** Whether fewer than 1 pixel in 500 is dark (a blank or nearly blank page). */
    static boolean blank(BufferedImage gray) {
        byte[] px = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        int dark = 0;
        int step = 7;
        int sampled = 0;
        for (int i = 0; i < px.length; i += step) {
            sampled++;
            if ((px[i] & 0xff) < 128) {
                dark++;
            }
        }
        return dark * 500L < sampled;
    }

    private static boolean sure(OcrPage p) {
        return p.confidence() >= SURE_CONFIDENCE && p.words().size() >= 3;
    }

    /** Whether most words (of three letters or more) stand taller than wide: text running up or down the page. */
    static boolean sideways(OcrPage p, int width, int height) {
        int tall = 0;
        int counted = 0;
        for (OcrWord w : p.words()) {
            if (w.length() >= 3) {
                counted++;
                if (w.h() * height > 1.2 * w.w() * width) {
                    tall++;
                }
            }
        }
        return counted > 0 && tall * 2 > counted;
    }

    /** Sure characters: the letters of words read with a confidence of 60 or more. */
    private static long score(OcrPage p) {
        long s = 0;
        for (OcrWord w : p.words()) {
            if (w.confidence() >= 60) {
                s += w.length();
            }
        }
        return s;
    }

    /** Reads an image as it is (no rotation), giving its words with boxes relative to this image. */
    OcrPage read(BufferedImage gray, int dpi, int rotation) {
        if (closed) {
            throw new IllegalStateException("this OCR engine is closed");
        }
        int w = gray.getWidth();
        int h = gray.getHeight();
        byte[] pixels = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        int stride = pixels.length / h;
        api.SetImage(pixels, w, h, 1, stride);
        api.SetSourceResolution(dpi);
        try {
            if (api.Recognize(null) != 0) {
                return new OcrPage("", List.of(), rotation, 0);
            }
            StringBuilder text = new StringBuilder();
            List<OcrWord> words = new ArrayList<>();
            ResultIterator it = api.GetIterator();
            if (it == null) {
                return new OcrPage("", List.of(), rotation, 0);
            }
            int[] l = new int[1];
            int[] t = new int[1];
            int[] r = new int[1];
            int[] b = new int[1];
            long confSum = 0;
            try {
                do {
                    BytePointer p = it.GetUTF8Text(RIL_WORD);
                    if (p == null) {
                        continue;
                    }
                    String word = p.getString(java.nio.charset.StandardCharsets.UTF_8).strip();
                    p.deallocate();
                    if (word.isEmpty()) {
                        continue;
                    }
                    if (it.IsAtBeginningOf(RIL_BLOCK) || it.IsAtBeginningOf(RIL_PARA)) {
                        trimEnd(text);
                        if (text.length() > 0) {
                            text.append("\n\n");
                        }
                    } else if (it.IsAtBeginningOf(RIL_TEXTLINE)) {
                        trimEnd(text);
                        if (text.length() > 0) {
                            text.append('\n');
                        }
                    } else if (text.length() > 0 && text.charAt(text.length() - 1) != ' ') {
                        text.append(' ');
                    }
                    int conf = Math.round(it.Confidence(RIL_WORD));
                    it.BoundingBox(RIL_WORD, l, t, r, b);
                    words.add(new OcrWord(text.length(), word.length(), (float) l[0] / w, (float) t[0] / h,
                            (float) (r[0] - l[0]) / w, (float) (b[0] - t[0]) / h, conf));
                    confSum += conf;
                    text.append(word);
                } while (it.Next(RIL_WORD));
            } finally {
                it.close();
            }
            int mean = words.isEmpty() ? 0 : (int) (confSum / words.size());
            return new OcrPage(text.toString(), words, rotation, mean);
        } finally {
            api.Clear();
        }
    }

    private static void trimEnd(StringBuilder b) {
        while (b.length() > 0 && b.charAt(b.length() - 1) == ' ') {
            b.setLength(b.length() - 1);
        }
    }

    /** The image as 8-bit gray (the form Tesseract gets without any encoding). */
    static BufferedImage gray(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage g = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D gr = g.createGraphics();
        gr.setColor(java.awt.Color.WHITE);
        gr.fillRect(0, 0, g.getWidth(), g.getHeight());
        gr.drawImage(image, 0, 0, null);
        gr.dispose();
        return g;
    }

    /** The image turned clockwise by {@code degrees} (a multiple of 90). */
    public static BufferedImage rotate(BufferedImage src, int degrees) {
        int d = ((degrees % 360) + 360) % 360;
        if (d == 0) {
            return src;
        }
        int w = src.getWidth();
        int h = src.getHeight();
        boolean swap = d == 90 || d == 270;
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, src.getType() == 0
                ? BufferedImage.TYPE_INT_RGB : src.getType());
        AffineTransform at = new AffineTransform();
        switch (d) {
            case 90 -> {
                at.translate(h, 0);
                at.rotate(Math.PI / 2);
            }
            case 180 -> {
                at.translate(w, h);
                at.rotate(Math.PI);
            }
            default -> {
                at.translate(0, w);
                at.rotate(-Math.PI / 2);
            }
        }
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(src, at, null);
        g.dispose();
        return out;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            api.End();
            api.close();
        }
    }
}
