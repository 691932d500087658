package org.reviewdesk.record;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Whether a page's text layer is usable text or needs OCR (no text layer, or a scanner's invisible garbage). */
public final class TextLayer {
    private static final Pattern TOKEN = Pattern.compile("\\S+");
    /** Punctuation around a token (compiled once: a 1,000-page import strips it from every token). */
    private static final Pattern EDGE_PUNCT = Pattern.compile("^[\\p{Punct}]+|[\\p{Punct}]+$");
    private static final Pattern WORD = Pattern.compile("[\\p{L}]*[aeiouyAEIOUY][\\p{L}]*|[A-Z]{2,5}|\\d{1,4}");

    private TextLayer() {
    }

    /**
     * True when the text is too short to be a page's words (under 20 letters) or when fewer than half of its
     * tokens look like words (letters with a vowel, short capitals, numbers, with punctuation around them).
     */
    public static boolean needsOcr(String text) {
        if (text == null) {
            return true;
        }
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetter(text.charAt(i))) {
                letters++;
            }
        }
        if (letters < 20) {
            return true;
        }
        Matcher m = TOKEN.matcher(text);
        int tokens = 0;
        int words = 0;
        while (m.find()) {
            tokens++;
            String t = EDGE_PUNCT.matcher(m.group()).replaceAll("");
            if (!t.isEmpty() && t.length() <= 25 && WORD.matcher(t).matches()) {
                words++;
            }
        }
        return words * 2 < tokens;
    }
}
