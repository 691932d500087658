package org.reviewdesk.guideline;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Flesch-Kincaid grade level of a text, with a vowel-group syllable heuristic. */
public final class ReadingGrade {

    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9'’-]*");
    // A sentence ends at . ! or ? followed by a blank or the end; "5.5" and "e.g." inside a sentence do not end it.
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+[\"”’)]*(?=\\s+[A-Z0-9\"“(]|\\s*$)");
    private static final Pattern VOWELS = Pattern.compile("[aeiouy]+");

    private ReadingGrade() {
    }

    /** 0.39 × words per sentence + 11.8 × syllables per word − 15.59; 0 for a text without words. */
    public static double fleschKincaid(String text) {
        if (text == null) {
            return 0;
        }
        int words = 0;
        int syllables = 0;
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words++;
            syllables += syllables(m.group());
        }
        if (words == 0) {
            return 0;
        }
        int sentences = 0;
        Matcher s = SENTENCE_END.matcher(text.strip());
        while (s.find()) {
            sentences++;
        }
        sentences = Math.max(1, sentences);
        return 0.39 * words / sentences + 11.8 * syllables / words - 15.59;
    }

    /** The number of words of a text. */
    public static int words(String text) {
        int n = 0;
        Matcher m = WORD.matcher(text == null ? "" : text);
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Vowel groups, less a silent final e; numbers and abbreviations count one. */
    static int syllables(String word) {
        String w = word.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (w.isEmpty()) {
            return 1;
        }
        int count = 0;
        Matcher m = VOWELS.matcher(w);
        while (m.find()) {
            count++;
        }
        // Silent endings: "make", "used", "makes" (but not "table", "wanted", "boxes").
        boolean silentE = w.endsWith("e") && !w.endsWith("le") && !w.endsWith("ee");
        boolean silentEd = w.endsWith("ed") && !w.endsWith("ted") && !w.endsWith("ded");
        boolean silentEs = w.endsWith("es") && !w.matches(".*(s|x|z|ch|sh|ce|ge)es");
        if (w.length() > 2 && count > 1 && (silentE || silentEd || silentEs)) {
            count--;
        }
        return Math.max(1, count);
    }
}
