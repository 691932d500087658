package org.reviewdesk.search;

import java.util.ArrayList;
import java.util.List;

/**
 * A search query: words that must all occur on the page, {@code "quoted phrases"} whose words
 * must follow each other, and {@code prefix*} words.
 */
public record Query(List<Clause> clauses) {
    /** One part of a query: a phrase of one or more words; the last word may be a prefix. */
    public record Clause(List<String> words, boolean lastIsPrefix) {
        public boolean isPhrase() {
            return words.size() > 1;
        }
    }

    public static Query parse(String text) {
        List<Clause> clauses = new ArrayList<>();
        int i = 0;
        String s = text == null ? "" : text;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int end = s.indexOf('"', i + 1);
                String phrase = end < 0 ? s.substring(i + 1) : s.substring(i + 1, end);
                add(clauses, phrase);
                i = end < 0 ? s.length() : end + 1;
            } else {
                int end = i;
                while (end < s.length() && !Character.isWhitespace(s.charAt(end)) && s.charAt(end) != '"') {
                    end++;
                }
                String word = s.substring(i, end);
                for (Tokenizer.Token t : Tokenizer.tokens(word)) {
                    boolean prefix = word.endsWith("*") && t.end() == word.replaceAll("\\*+$", "").length();
                    clauses.add(new Clause(List.of(t.term()), prefix));
                }
                i = end;
            }
        }
        return new Query(List.copyOf(clauses));
    }

    private static void add(List<Clause> clauses, String phrase) {
        boolean prefix = phrase.strip().endsWith("*");
        List<String> words = Tokenizer.tokens(phrase).stream().map(Tokenizer.Token::term).toList();
        if (!words.isEmpty()) {
            clauses.add(new Clause(words, prefix));
        }
    }

    public boolean isEmpty() {
        return clauses.isEmpty();
    }
}
