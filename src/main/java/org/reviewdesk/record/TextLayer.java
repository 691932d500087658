package org.reviewdesk.record;

import java.util.regex.Pattern;

/** Whether a page's text layer is usable text or needs OCR (no text layer, or a scanner's invisible garbage). */
public final class TextLayer {
    /** Punctuation around a token (compiled once: a 1,000-page import strips it from every token). */
    private static final Pattern EDGE_PUNCT = Pattern.compile("^[\\p{Punct}]+|[\\p{Punct}]+$");
    private static final Pattern WORD = Pattern.compile("[\\p{L}]*[aeiouyAEIOUY][\\p{L}]*|[A-Z]{2,5}|\\d{1,4}");

    private TextLayer() {
    }

    /** {@code \s}: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** {@code \p{Punct}}: ASCII punctuation. */
    private static boolean isPunct(char c) {
        return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~';
    }

    /** A token of ASCII characters {@code text[start, end)}: as {@link #slowWord}, without the patterns. */
    static boolean asciiWord(String text, int start, int end) {
        return asciiWord(text.toCharArray(), start, end);
    }

    private static boolean asciiWord(char[] text, int start, int end) {
        while (start < end && isPunct(text[start])) {
            start++;
        }
        while (end > start && isPunct(text[end - 1])) {
            end--;
        }
        int len = end - start;
        if (len == 0 || len > 25) {
            return false;
        }
        boolean letters = true;
        boolean vowel = false;
        boolean upper = true;
        boolean digits = true;
        for (int k = start; k < end; k++) {
            char c = text[k];
            boolean lower = c >= 'a' && c <= 'z';
            boolean up = c >= 'A' && c <= 'Z';
            letters &= lower || up;
            upper &= up;
            digits &= c >= '0' && c <= '9';
            vowel |= isVowel(c);
        }
        return letters && vowel || upper && len >= 2 && len <= 5 || digits && len <= 4;
    }

    /** One of {@code aeiouyAEIOUY}. */
    private static boolean isVowel(char c) {
        return switch (c | 0x20) {
            case 'a', 'e', 'i', 'o', 'u', 'y' -> true; // c | 0x20 is one of these only for these letters
            default -> false;
        };
    }

    /** Whether a token looks like a word: letters with a vowel, 2-5 capitals or up to 4 digits, punctuation around. */
    static boolean slowWord(String token) {
        String t = EDGE_PUNCT.matcher(token).replaceAll("");
        return !t.isEmpty() && t.length() <= 25 && WORD.matcher(t).matches();
    }

    /**
     * True when the text is too short to be a page's words (under 20 letters) or when fewer than half of its
     * tokens look like words (letters with a vowel, short capitals, numbers, with punctuation around them).
     */
    public static boolean needsOcr(String text) {
        if (text == null) {
            return true;
        }
        // scanned as a char array: much cheaper than charAt where only the first JIT tier compiles the loop
        char[] chars = text.toCharArray();
        int n = chars.length;
        int letters = 0;
        for (int i = 0; i < n && letters < 20; i++) {
            if (Character.isLetter(chars[i])) {
                letters++;
            }
        }
        if (letters < 20) {
            return true;
        }
        // the tokens (runs of non-space), scanned by hand: ASCII tokens (nearly all) without a regex, others
        // through the patterns (same result: \S, \p{Punct} and the word pattern on ASCII, checked by a test)
        int tokens = 0;
        int words = 0;
        int i = 0;
        while (i < n) {
            while (i < n && isSpace(chars[i])) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            boolean ascii = true;
            while (i < n && !isSpace(chars[i])) {
                ascii &= chars[i] < 0x80;
                i++;
            }
            tokens++;
            if (ascii ? asciiWord(chars, start, i) : slowWord(text.substring(start, i))) {
                words++;
            }
        }
        return words * 2 < tokens;
    }
}
