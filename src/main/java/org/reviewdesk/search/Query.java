package org.reviewdesk.search;

import java.util.ArrayList;
import java.util.List;

/**
 * A search query: words, {@code "quoted phrases"} whose words must follow each other, {@code prefix*}
 * words and {@code fuzzy~} words (which also match words one or two letters off: typos, OCR errors).
 * Pages with every part rank first.
 */
public record Query(List<Clause> clauses) {
    /** One part of a query: a phrase of one or more words; the last word may be a prefix. */
    public record Clause(List<String> words, boolean lastIsPrefix, boolean fuzzy) {
        public Clause(List<String> words, boolean lastIsPrefix) {
            this(words, lastIsPrefix, false);
        }

        /** The same clause, tolerant of typos when it is a single whole word. */
        public Clause fuzzyIfWord() {
            return isPhrase() || lastIsPrefix ? this : new Clause(words, false, true);
        }

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
                String bare = word.replaceAll("[*~]+$", "");
                for (Tokenizer.Token t : Tokenizer.tokens(word)) {
                    boolean last = t.end() == bare.length();
                    boolean prefix = last && word.endsWith("*");
                    boolean fuzzy = last && word.endsWith("~");
                    clauses.add(new Clause(List.of(t.term()), prefix, fuzzy));
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

    /** The query with every whole word tolerant of typos (the fuzzy mode). */
    public Query fuzzy() {
        return new Query(clauses.stream().map(Clause::fuzzyIfWord).toList());
    }

    /**
     * The query without its lone common words ("of", "the": the seed list of {@link RecordIndex}) when it
     * has other parts, for marking a page: {@code range of motion} marks "range" and "motion", not every
     * "of" on the page. Quoted phrases, {@code prefix*} and {@code fuzzy~} words stay as typed.
     */
    public Query withoutCommonWords() {
        java.util.Set<String> common = RecordIndex.seedCommonWords();
        List<Clause> kept = clauses.stream().filter(c -> c.isPhrase() || c.lastIsPrefix() || c.fuzzy()
                || !common.contains(c.words().get(0))).toList();
        return kept.isEmpty() ? this : new Query(kept);
    }

    public boolean isEmpty() {
        return clauses.isEmpty();
    }
}
