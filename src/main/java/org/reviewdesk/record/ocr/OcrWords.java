package org.reviewdesk.record.ocr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Word boxes in a compact text form for the store: one word a line, {@code start length x y w h confidence},
 * coordinates as fractions of the upright page with four decimals. Holds no text of its own (the words are
 * places in the page's text), but it is kept in the encrypted store with the page all the same.
 */
public final class OcrWords {
    private OcrWords() {
    }

    public static String encode(List<OcrWord> words) {
        StringBuilder b = new StringBuilder(words.size() * 32);
        for (OcrWord w : words) {
            b.append(w.start()).append(' ').append(w.length()).append(' ')
                    .append(String.format(Locale.ROOT, "%.4f %.4f %.4f %.4f", w.x(), w.y(), w.w(), w.h()))
                    .append(' ').append(w.confidence()).append('\n');
        }
        return b.toString();
    }

    public static List<OcrWord> decode(String s) {
        List<OcrWord> out = new ArrayList<>();
        if (s == null || s.isEmpty()) {
            return out;
        }
        for (String line : s.split("\n")) {
            String[] f = line.split(" ");
            if (f.length != 7) {
                continue;
            }
            out.add(new OcrWord(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Float.parseFloat(f[2]),
                    Float.parseFloat(f[3]), Float.parseFloat(f[4]), Float.parseFloat(f[5]), Integer.parseInt(f[6])));
        }
        return out;
    }

    /** The words overlapping the character range [from, to) of the page's text. */
    public static List<OcrWord> covering(List<OcrWord> words, int from, int to) {
        List<OcrWord> out = new ArrayList<>();
        for (OcrWord w : words) {
            if (w.start() < to && w.end() > from) {
                out.add(w);
            }
        }
        return out;
    }
}
