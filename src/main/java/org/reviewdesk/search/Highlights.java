package org.reviewdesk.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.reviewdesk.search.Query.Clause;
import org.reviewdesk.search.Tokenizer.Token;

/**
 * Where a query matches on one page's text, and the snippet around the first match: computed from the
 * page text read from the store for the hits that are shown, never from the index (which holds no text).
 */
public final class Highlights {
    private static final int SNIPPET = 180;

    /** A snippet with the matched words' ranges in it, and the ranges on the whole page. */
    public record Snippet(String text, List<int[]> snippetMarks, List<int[]> pageMarks) {
    }

    private Highlights() {
    }

    /** The ranges of a query's matches on one page text (for highlighting a page the viewer shows). */
    public static List<int[]> marks(String text, Query q) {
        List<Token> tokens = Tokenizer.tokens(text);
        List<int[]> out = new ArrayList<>();
        for (Clause c : q.clauses()) {
            List<String> w = c.words();
            for (int i = 0; i + w.size() <= tokens.size(); i++) {
                boolean match = true;
                for (int j = 0; j < w.size() && match; j++) {
                    String term = tokens.get(i + j).term();
                    boolean last = j == w.size() - 1;
                    if (last && c.lastIsPrefix()) {
                        match = term.startsWith(w.get(j));
                    } else if (c.fuzzy()) {
                        match = withinEdits(term, w.get(j), RecordIndex.maxEdits(w.get(j)));
                    } else {
                        match = term.equals(w.get(j));
                    }
                }
                if (match) {
                    out.add(new int[] {tokens.get(i).start(), tokens.get(i + w.size() - 1).end()});
                }
            }
        }
        out.sort(Comparator.comparingInt(m -> m[0]));
        return out;
    }

    /**
     * The marks with neighbours joined: two marks separated only by spaces, punctuation and at most one common word
     * ("range of motion" searched as words) become one, so that a reviewer stepping through a page's hits meets each
     * place once instead of word by word. Marks stay in order; overlapping ones are joined too.
     */
    public static List<int[]> joined(String text, List<int[]> marks) {
        if (marks.size() < 2) {
            return marks;
        }
        java.util.Set<String> common = RecordIndex.seedCommonWords();
        List<int[]> out = new ArrayList<>();
        int[] cur = marks.get(0).clone();
        for (int i = 1; i < marks.size(); i++) {
            int[] next = marks.get(i);
            if (next[0] <= cur[1] || onlyCommonWordsBetween(text, cur[1], next[0], common)) {
                cur[1] = Math.max(cur[1], next[1]);
            } else {
                out.add(cur);
                cur = next.clone();
            }
        }
        out.add(cur);
        return out;
    }

    private static boolean onlyCommonWordsBetween(String text, int from, int to, java.util.Set<String> common) {
        if (to - from > 24) {
            return false;
        }
        String between = text.substring(from, to);
        if (between.replace(" ", "").replace("\t", "").replace("\r", "").contains("\n\n")) {
            return false; // a blank line: another paragraph
        }
        List<Token> words = Tokenizer.tokens(between);
        if (words.size() > 1) {
            return false;
        }
        for (Token t : words) {
            if (!common.contains(t.term())) {
                return false;
            }
        }
        return true;
    }

    /** The index of the mark with the most different matched texts within a snippet's reach after it. */
    static int best(String text, List<int[]> marks) {
        int best = 0;
        int most = 0;
        int n = Math.min(marks.size(), 2000);
        for (int i = 0; i < n; i++) {
            java.util.Set<String> words = new java.util.HashSet<>();
            int start = marks.get(i)[0];
            for (int j = i; j < n && marks.get(j)[0] < start + SNIPPET * 2 / 3; j++) {
                words.add(text.substring(marks.get(j)[0], marks.get(j)[1]).toLowerCase(java.util.Locale.ROOT));
            }
            if (words.size() > most) {
                most = words.size();
                best = i;
            }
        }
        return best;
    }

    /** Whether two words are at most {@code max} edits apart (insert, delete, replace, swap neighbours). */
    static boolean withinEdits(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return false;
        }
        if (max == 0 || a.equals(b)) {
            return a.equals(b);
        }
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return false;
            }
        }
        return d[n][m] <= max;
    }

    /**
     * The snippet around the page's best match: the mark whose neighbourhood holds the most different matched
     * words (for {@code range motion}, where both stand together rather than the first "range" of "average range");
     * the first such mark on a tie, the page's start when nothing is marked.
     */
    public static Snippet snippet(String text, List<int[]> marks) {
        int first = marks.isEmpty() ? 0 : marks.get(best(text, marks))[0];
        int from = Math.max(0, first - SNIPPET / 3);
        while (from > 0 && !Character.isWhitespace(text.charAt(from - 1))) {
            from--;
        }
        int to = Math.min(text.length(), from + SNIPPET);
        while (to < text.length() && !Character.isWhitespace(text.charAt(to))) {
            to++;
        }
        String prefix = from > 0 ? "…" : "";
        String raw = text.substring(from, to);
        StringBuilder snippet = new StringBuilder(prefix);
        int[] map = new int[raw.length() + 1];
        boolean space = false;
        for (int i = 0; i < raw.length(); i++) {
            map[i] = snippet.length();
            char ch = raw.charAt(i);
            if (Character.isWhitespace(ch)) {
                if (!space) {
                    snippet.append(' ');
                }
                space = true;
            } else {
                snippet.append(ch);
                space = false;
            }
        }
        map[raw.length()] = snippet.length();
        if (to < text.length()) {
            snippet.append('…');
        }
        List<int[]> snippetMarks = new ArrayList<>();
        for (int[] m : marks) {
            if (m[0] >= from && m[1] <= to) {
                snippetMarks.add(new int[] {map[m[0] - from], map[m[1] - from]});
            }
        }
        return new Snippet(snippet.toString(), snippetMarks, marks);
    }
}
