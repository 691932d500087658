package org.reviewdesk.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.reviewdesk.search.Query.Clause;
import org.reviewdesk.search.Tokenizer.Token;

/**
 * An inverted index of record pages, held in memory only: it is built from the page texts kept in
 * the encrypted store and never written anywhere. Thread-safe.
 */
public final class SearchIndex {
    private static final int SNIPPET = 180;

    /** Which page: case, document, 1-based page number. */
    public record PageKey(String caseNumber, String documentId, int page) {
    }

    /** A hit: the page, a snippet with the matched words' ranges, and the ranges on the whole page. */
    public record Hit(PageKey page, String snippet, List<int[]> snippetMarks, List<int[]> pageMarks) {
    }

    private final List<PageKey> keys = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();
    private final BitSet removed = new BitSet();
    private final TreeMap<String, IntList> postings = new TreeMap<>();

    public synchronized void add(PageKey key, String text) {
        int id = keys.size();
        keys.add(key);
        String t = text == null ? "" : text;
        texts.add(t);
        for (String term : Tokenizer.terms(t)) {
            postings.computeIfAbsent(term, k -> new IntList()).add(id);
        }
    }

    /** Forgets every page of a document (the pages stay allocated until the index is rebuilt). */
    public synchronized void removeDocument(String caseNumber, String documentId) {
        for (int i = 0; i < keys.size(); i++) {
            PageKey k = keys.get(i);
            if (k.caseNumber().equals(caseNumber) && (documentId == null || k.documentId().equals(documentId))) {
                removed.set(i);
                texts.set(i, "");
            }
        }
    }

    public synchronized int pageCount() {
        return keys.size() - removed.cardinality();
    }

    /** Pages matching every clause, optionally within one case, best first, at most {@code limit}. */
    public synchronized List<Hit> search(Query q, String caseNumber, int limit) {
        if (q.isEmpty()) {
            return List.of();
        }
        int[] candidates = null;
        for (Clause c : q.clauses()) {
            int[] pages = candidates(c);
            candidates = candidates == null ? pages : intersect(candidates, pages);
            if (candidates.length == 0) {
                return List.of();
            }
        }
        List<int[]> scored = new ArrayList<>();
        for (int id : candidates) {
            if (removed.get(id) || (caseNumber != null && !keys.get(id).caseNumber().equals(caseNumber))) {
                continue;
            }
            List<int[]> marks = marks(texts.get(id), q);
            if (marks.isEmpty()) {
                continue;
            }
            scored.add(new int[] {id, marks.size()});
        }
        scored.sort(Comparator.<int[]>comparingInt(s -> -s[1]).thenComparingInt(s -> s[0]));
        List<Hit> hits = new ArrayList<>();
        for (int[] s : scored.subList(0, Math.min(limit, scored.size()))) {
            String text = texts.get(s[0]);
            hits.add(hit(keys.get(s[0]), text, marks(text, q)));
        }
        return hits;
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
                    match = last && c.lastIsPrefix() ? term.startsWith(w.get(j)) : term.equals(w.get(j));
                }
                if (match) {
                    out.add(new int[] {tokens.get(i).start(), tokens.get(i + w.size() - 1).end()});
                }
            }
        }
        out.sort(Comparator.comparingInt(m -> m[0]));
        return out;
    }

    private int[] candidates(Clause c) {
        int[] result = null;
        for (int j = 0; j < c.words().size(); j++) {
            String w = c.words().get(j);
            int[] pages;
            if (j == c.words().size() - 1 && c.lastIsPrefix()) {
                pages = union(postings.subMap(w, true, w + Character.MAX_VALUE, false));
            } else {
                IntList l = postings.get(w);
                pages = l == null ? new int[0] : l.toArray();
            }
            result = result == null ? pages : intersect(result, pages);
        }
        return result == null ? new int[0] : result;
    }

    private static int[] union(Map<String, IntList> lists) {
        if (lists.size() == 1) {
            return lists.values().iterator().next().toArray();
        }
        BitSet all = new BitSet();
        for (IntList l : lists.values()) {
            for (int i = 0; i < l.size; i++) {
                all.set(l.values[i]);
            }
        }
        return all.stream().toArray();
    }

    private static int[] intersect(int[] a, int[] b) {
        int[] out = new int[Math.min(a.length, b.length)];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                out[n++] = a[i];
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static Hit hit(PageKey key, String text, List<int[]> marks) {
        int first = marks.get(0)[0];
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
        return new Hit(key, snippet.toString(), snippetMarks, marks);
    }

    /** A growable array of ascending page ids. */
    private static final class IntList {
        int[] values = new int[4];
        int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
