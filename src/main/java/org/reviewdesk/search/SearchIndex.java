package org.reviewdesk.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
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
    private final TreeMap<String, Postings> postings = new TreeMap<>();

    public synchronized void add(PageKey key, String text) {
        int id = keys.size();
        keys.add(key);
        String t = text == null ? "" : text;
        texts.add(t);
        Map<String, IntList> positions = new HashMap<>();
        List<Token> tokens = Tokenizer.tokens(t);
        for (int i = 0; i < tokens.size(); i++) {
            positions.computeIfAbsent(tokens.get(i).term(), k -> new IntList()).add(i);
        }
        for (Map.Entry<String, IntList> e : positions.entrySet()) {
            postings.computeIfAbsent(e.getKey(), k -> new Postings()).add(id, e.getValue());
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

    /** Pages matching every clause, optionally within one case, in record order, at most {@code limit}. */
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
        // Hits come in record order (case, document, page as stored), and only as many pages are
        // checked as needed: a common word on every page costs no more than `limit` pages of work.
        List<Hit> hits = new ArrayList<>();
        for (int id : candidates) {
            if (hits.size() >= limit) {
                break;
            }
            if (removed.get(id) || (caseNumber != null && !keys.get(id).caseNumber().equals(caseNumber))) {
                continue;
            }
            String text = texts.get(id);
            List<int[]> marks = marks(text, q);
            if (!marks.isEmpty()) {
                hits.add(hit(keys.get(id), text, marks));
            }
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

    /** Pages where the clause occurs: all its words, and for a phrase, one after the other. */
    private int[] candidates(Clause c) {
        List<List<Postings>> words = new ArrayList<>();
        for (int j = 0; j < c.words().size(); j++) {
            String w = c.words().get(j);
            if (j == c.words().size() - 1 && c.lastIsPrefix()) {
                words.add(new ArrayList<>(postings.subMap(w, true, w + Character.MAX_VALUE, false).values()));
            } else {
                Postings p = postings.get(w);
                words.add(p == null ? List.of() : List.of(p));
            }
            if (words.get(j).isEmpty()) {
                return new int[0];
            }
        }
        int[] pages = null;
        for (List<Postings> alternatives : words) {
            int[] these = union(alternatives);
            pages = pages == null ? these : intersect(pages, these);
        }
        if (!c.isPhrase()) {
            return pages;
        }
        int n = 0;
        for (int page : pages) {
            if (phraseOnPage(words, page)) {
                pages[n++] = page;
            }
        }
        return Arrays.copyOf(pages, n);
    }

    /** Whether some position of the first word is followed by the others, in order. */
    private static boolean phraseOnPage(List<List<Postings>> words, int page) {
        List<int[]> positions = new ArrayList<>();
        for (List<Postings> alternatives : words) {
            positions.add(positions(alternatives, page));
        }
        for (int start : positions.get(0)) {
            boolean all = true;
            for (int j = 1; j < positions.size() && all; j++) {
                all = Arrays.binarySearch(positions.get(j), start + j) >= 0;
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static int[] positions(List<Postings> alternatives, int page) {
        if (alternatives.size() == 1) {
            return alternatives.get(0).positions(page);
        }
        IntList all = new IntList();
        for (Postings p : alternatives) {
            for (int v : p.positions(page)) {
                all.add(v);
            }
        }
        int[] out = all.toArray();
        Arrays.sort(out);
        return out;
    }

    private static int[] union(List<Postings> lists) {
        if (lists.size() == 1) {
            return lists.get(0).pages.toArray();
        }
        BitSet all = new BitSet();
        for (Postings l : lists) {
            for (int i = 0; i < l.pages.size; i++) {
                all.set(l.pages.values[i]);
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

    /** The pages a term occurs on (ascending) and its word positions on each. */
    private static final class Postings {
        final IntList pages = new IntList();
        final IntList offsets = new IntList();
        final IntList positions = new IntList();

        void add(int page, IntList pos) {
            pages.add(page);
            offsets.add(positions.size);
            for (int i = 0; i < pos.size; i++) {
                positions.add(pos.values[i]);
            }
        }

        int[] positions(int page) {
            int i = Arrays.binarySearch(pages.values, 0, pages.size, page);
            if (i < 0) {
                return new int[0];
            }
            int from = offsets.values[i];
            int to = i + 1 < offsets.size ? offsets.values[i + 1] : positions.size;
            return Arrays.copyOfRange(positions.values, from, to);
        }
    }

    /** A growable array of ints. */
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
