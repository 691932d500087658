package org.reviewdesk.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits text into lower-case words (letters and digits), keeping where each word starts and ends. */
public final class Tokenizer {
    private Tokenizer() {
    }

    /** A word and its character range in the text. */
    public record Token(String term, int start, int end) {
    }

    public static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(new Token(normalize(text.substring(start, i)), start, i));
            }
        }
        return out;
    }

    /** The distinct terms of a text, for the index. */
    public static java.util.Set<String> terms(String text) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (Token t : tokens(text)) {
            out.add(t.term());
        }
        return out;
    }

    static String normalize(String word) {
        return word.toLowerCase(Locale.ROOT);
    }
}
