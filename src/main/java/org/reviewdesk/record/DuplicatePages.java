package org.reviewdesk.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Exact and near-duplicate pages across a case (the same note faxed twice, re-scanned with other noise). MinHash
 * signatures over each page's set of normalised words (1-word shingles), with banding, find candidate pairs
 * cheaply; a candidate is a duplicate when its word-sequence similarity (1 - word edit distance / the longer
 * page's words) is at least {@link #THRESHOLD}. Word pairs or a set measure would not do on OCR text: every
 * misread word breaks two pairs, and two scans of one page misread different words. Pages with fewer than
 * {@link #MIN_WORDS} words are never duplicates.
 */
public final class DuplicatePages {
    public static final double THRESHOLD = 0.9;
    static final int MIN_WORDS = 12;
    private static final int BANDS = 40;
    private static final int ROWS = 3;
    private static final int HASHES = BANDS * ROWS;

    /** A page: which file, which page (1-based). */
    public record PageRef(String documentId, int page) {
    }

    /** {@code page} repeats {@code original} (the first of its group in case order) with this similarity. */
    public record Duplicate(PageRef page, PageRef original, double similarity) {
    }

    private DuplicatePages() {
    }

    /**
     * The duplicates among {@code pages} (in case order: documents in order, pages in order).
     * <p>
     * A pair is a duplicate when it shares a MinHash bucket, its word sets' Jaccard is at least 0.5 and its
     * word-sequence similarity at least {@link #THRESHOLD}; each later page points at the earliest page it
     * repeats. Rather than verifying every pair of a bucket (common words put about half of all pages' pairs in
     * some bucket: quadratic in the case's pages), the pairs are found by prefix filtering, which is exact for
     * the similarity threshold: a similarity of 0.9 allows at most a tenth of the longer page's words to be
     * edited, so the two pages share at least nine tenths of their word occurrences, and so at least one of
     * the rarest tenth (plus one) of each page's word occurrences. Only pairs sharing one of those are checked,
     * by the same three conditions; the result is the same as verifying every bucket pair.
     */
    public static List<Duplicate> find(Map<String, List<String>> pagesByDocument) {
        List<PageRef> refs = new ArrayList<>();
        List<int[]> seqs = new ArrayList<>();
        Vocabulary ids = new Vocabulary();
        for (var e : pagesByDocument.entrySet()) {
            for (int i = 0; i < e.getValue().size(); i++) {
                refs.add(new PageRef(e.getKey(), i + 1));
                seqs.add(ids.page(e.getValue().get(i)));
            }
        }
        int n = refs.size();
        long[] seeds = new long[HASHES];
        java.util.Random r = new java.util.Random(0x5eed);
        for (int i = 0; i < HASHES; i++) {
            seeds[i] = r.nextLong() | 1;
        }
        long[] wordHash = new long[ids.size()];
        for (int w = 0; w < wordHash.length; w++) {
            wordHash[w] = mix(ids.hashOf(w) * 0x9E3779B97F4A7C15L);
        }
        // per page: its word set (hashed, sorted, as the shingles) and its bucket keys (sorted), made when a
        // candidate pair first needs them
        long[][] sets = new long[n][];
        long[][] keys = new long[n][];
        int[] df = new int[wordHash.length];
        int[] lastPage = new int[wordHash.length];
        java.util.Arrays.fill(lastPage, -1);
        for (int p = 0; p < n; p++) {
            int[] seq = seqs.get(p);
            if (seq.length < MIN_WORDS) {
                continue;
            }
            for (int w : seq) {
                if (lastPage[w] != p) {
                    lastPage[w] = p;
                    df[w]++;
                }
            }
        }
        // word occurrences as tokens (word, its k-th occurrence on the page), rarest words first
        int[] rank = rankByFrequency(df);
        Postings prefixIndex = new Postings();
        int[] originalOf = new int[n];
        double[] simOf = new double[n];
        java.util.Arrays.fill(originalOf, -1);
        // per earlier page: the probe that last touched it and how many of the probe's prefix tokens it shares
        int[] seen = new int[n];
        int[] shared = new int[n];
        java.util.Arrays.fill(seen, -1);
        int[] touched = new int[n];
        long[][] tokensOf = new long[n][];
        for (int p = 0; p < n; p++) {
            if (seqs.get(p).length < MIN_WORDS) {
                continue; // no shingles: never in a bucket
            }
            long[] tokens = tokens(seqs.get(p), rank);
            tokensOf[p] = tokens;
            int len = tokens.length;
            // len - (len - len / 10 - 1) + 2: two pages that need that many occurrences in common share at
            // least two tokens of these prefixes (the first two common tokens each have the rest after them)
            int prefix = Math.min(len, len / 10 + 3);
            int nTouched = 0;
            for (int t = 0; t < prefix; t++) {
                int list = prefixIndex.find(tokens[t]);
                if (list < 0) {
                    continue;
                }
                int[] earlier = prefixIndex.lists[list];
                for (int k = prefixIndex.sizes[list] - 1; k >= 0; k--) {
                    int a = earlier[k];
                    if (seen[a] != p) {
                        seen[a] = p;
                        shared[a] = 1;
                        touched[nTouched++] = a;
                    } else {
                        shared[a]++;
                    }
                }
            }
            int best = -1;
            double bestSim = 0;
            for (int c = 0; c < nTouched; c++) {
                int a = touched[c];
                if (shared[a] < 2 || (best >= 0 && a >= best)) {
                    continue;
                }
                int la = seqs.get(a).length;
                int longer = Math.max(la, len);
                if (Math.abs(la - len) > longer / 10 + 1) {
                    continue;
                }
                // a similarity of 0.9 needs that many word occurrences in common (an exact bound, so the
                // result is unchanged); most pairs fail it within their rarest words, long before a Jaccard
                if (!overlapAtLeast(tokensOf[a], tokens, longer - longer / 10 - 1)) {
                    continue;
                }
                for (int x : new int[] {a, p}) {
                    if (sets[x] == null) {
                        sets[x] = wordSet(seqs.get(x), wordHash);
                        keys[x] = bucketKeys(sets[x], seeds);
                    }
                }
                if (jaccard(sets[a], sets[p]) < 0.5 || !shareAny(keys[a], keys[p])) {
                    continue;
                }
                double sim = similarity(seqs.get(a), seqs.get(p));
                if (sim >= THRESHOLD) {
                    best = a;
                    bestSim = sim;
                }
            }
            if (best >= 0) {
                originalOf[p] = best;
                simOf[p] = bestSim;
            }
            for (int t = 0; t < prefix; t++) {
                prefixIndex.add(tokens[t], p);
            }
        }
        List<Duplicate> out = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            if (originalOf[p] >= 0) {
                int o = originalOf[p];
                while (originalOf[o] >= 0) {
                    o = originalOf[o];
                }
                out.add(new Duplicate(refs.get(p), refs.get(o), simOf[p]));
            }
        }
        return out;
    }

    /**
     * The words of all pages as ids, in order of first occurrence: exactly the words of {@link #words} told apart
     * by their text, without a String per word occurrence (a case's pages are read again at each import). An
     * ASCII page is split here in one pass; a page with any other character goes through {@link #words}.
     */
    static final class Vocabulary {
        private char[] chars = new char[1 << 16];
        private int used;
        private int[] start = new int[1024];
        private int[] length = new int[1024];
        private int[] hash = new int[1024];
        private int size;
        private int[] table = new int[4096]; // id + 1; 0: empty
        private int[] seq = new int[1024];
        private final char[] word = new char[64];

        int size() {
            return size;
        }

        /** {@code String#hashCode} of word {@code id}. */
        int hashOf(int id) {
            return hash[id];
        }

        String word(int id) {
            return new String(chars, start[id], length[id]);
        }

        /** The page's words as ids (new words get the next ids). */
        int[] page(String text) {
            int count = 0;
            int len = text.length();
            for (int i = 0; i < len; i++) {
                if (text.charAt(i) >= 0x80) {
                    String[] w = words(text);
                    int[] out = new int[w.length];
                    for (int k = 0; k < w.length; k++) {
                        out[k] = id(w[k].toCharArray(), w[k].length(), w[k].hashCode());
                    }
                    return out;
                }
            }
            char[] buffer = word;
            int wl = 0;
            int h = 0;
            for (int i = 0; i <= len; i++) {
                char c = i < len ? text.charAt(i) : ' ';
                if (c >= 'A' && c <= 'Z') {
                    c = (char) (c + ('a' - 'A'));
                }
                if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                    if (wl == buffer.length) {
                        buffer = java.util.Arrays.copyOf(buffer, wl * 2);
                    }
                    buffer[wl++] = c;
                    h = 31 * h + c;
                } else if (wl > 0) {
                    if (count == seq.length) {
                        seq = java.util.Arrays.copyOf(seq, count * 2);
                    }
                    seq[count++] = id(buffer, wl, h);
                    wl = 0;
                    h = 0;
                }
            }
            return java.util.Arrays.copyOf(seq, count);
        }

        private int id(char[] w, int wl, int h) {
            int mask = table.length - 1;
            for (int i = (int) mix(h) & mask; ; i = (i + 1) & mask) {
                int t = table[i];
                if (t == 0) {
                    return add(i, w, wl, h);
                }
                int id = t - 1;
                if (hash[id] == h && length[id] == wl
                        && java.util.Arrays.equals(chars, start[id], start[id] + wl, w, 0, wl)) {
                    return id;
                }
            }
        }

        private int add(int slot, char[] w, int wl, int h) {
            if (size == start.length) {
                start = java.util.Arrays.copyOf(start, size * 2);
                length = java.util.Arrays.copyOf(length, size * 2);
                hash = java.util.Arrays.copyOf(hash, size * 2);
            }
            if (used + wl > chars.length) {
                chars = java.util.Arrays.copyOf(chars, Math.max(chars.length * 2, used + wl));
            }
            System.arraycopy(w, 0, chars, used, wl);
            start[size] = used;
            length[size] = wl;
            hash[size] = h;
            used += wl;
            table[slot] = ++size;
            if (size * 2 > table.length) {
                int[] bigger = new int[table.length * 2];
                int mask = bigger.length - 1;
                for (int id = 0; id < size; id++) {
                    int i = (int) mix(hash[id]) & mask;
                    while (bigger[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    bigger[i] = id + 1;
                }
                table = bigger;
            }
            return size - 1;
        }
    }

    /** Pages by prefix token: an open-addressing table of tokens to growing lists of page numbers. */
    private static final class Postings {
        private long[] keys = new long[1024];
        private int[] slots = new int[1024]; // list number + 1; 0: empty
        private int[][] lists = new int[256][];
        private int[] sizes = new int[256];
        private int count;

        /** The list number of a token, or -1. */
        int find(long token) {
            int mask = keys.length - 1;
            for (int i = slot(token, mask); ; i = (i + 1) & mask) {
                if (slots[i] == 0) {
                    return -1;
                }
                if (keys[i] == token) {
                    return slots[i] - 1;
                }
            }
        }

        void add(long token, int page) {
            int mask = keys.length - 1;
            int i = slot(token, mask);
            while (slots[i] != 0 && keys[i] != token) {
                i = (i + 1) & mask;
            }
            if (slots[i] == 0) {
                if (count == lists.length) {
                    lists = java.util.Arrays.copyOf(lists, count * 2);
                    sizes = java.util.Arrays.copyOf(sizes, count * 2);
                }
                lists[count] = new int[2];
                keys[i] = token;
                slots[i] = ++count;
                if (count * 2 > keys.length) {
                    grow();
                }
                i = -1;
            }
            int list = i < 0 ? count - 1 : slots[i] - 1;
            int[] l = lists[list];
            if (sizes[list] == l.length) {
                lists[list] = l = java.util.Arrays.copyOf(l, l.length * 2);
            }
            l[sizes[list]++] = page;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldSlots = slots;
            keys = new long[oldKeys.length * 2];
            slots = new int[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int k = 0; k < oldKeys.length; k++) {
                if (oldSlots[k] != 0) {
                    int i = slot(oldKeys[k], mask);
                    while (slots[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    keys[i] = oldKeys[k];
                    slots[i] = oldSlots[k];
                }
            }
        }

        private static int slot(long token, int mask) {
            return (int) mix(token) & mask;
        }
    }

    /** A page's word set: its words' hashes (the 1-word shingles), sorted, each once. */
    private static long[] wordSet(int[] seq, long[] wordHash) {
        long[] s = new long[seq.length];
        for (int k = 0; k < seq.length; k++) {
            s[k] = wordHash[seq[k]];
        }
        return distinctSorted(s);
    }

    /** The MinHash bucket of each band for a page's word set (sorted: only "any in common" is asked). */
    private static long[] bucketKeys(long[] set, long[] seeds) {
        long[] sig = new long[HASHES];
        java.util.Arrays.fill(sig, Long.MAX_VALUE);
        for (long x : set) {
            for (int i = 0; i < HASHES; i++) {
                long h = mix(x * seeds[i]);
                if (h < sig[i]) {
                    sig[i] = h;
                }
            }
        }
        long[] key = new long[BANDS];
        for (int b = 0; b < BANDS; b++) {
            long h = b;
            for (int k = 0; k < ROWS; k++) {
                h = h * 31 + sig[b * ROWS + k];
            }
            key[b] = mix(h);
        }
        java.util.Arrays.sort(key);
        return key;
    }

    /** Words ranked rarest first (by the number of pages holding them, then by id): a total order. */
    private static int[] rankByFrequency(int[] df) {
        Integer[] order = new Integer[df.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> df[x] != df[y] ? Integer.compare(df[x], df[y]) : Integer.compare(x, y));
        int[] rank = new int[df.length];
        for (int i = 0; i < order.length; i++) {
            rank[order[i]] = i;
        }
        return rank;
    }

    /** A page's word occurrences as (rank of the word, occurrence number), sorted: the rarest first. */
    private static long[] tokens(int[] seq, int[] rank) {
        long[] r = new long[seq.length];
        for (int k = 0; k < seq.length; k++) {
            r[k] = (long) rank[seq[k]] << 32;
        }
        java.util.Arrays.sort(r);
        for (int k = 1; k < r.length; k++) {
            if ((r[k] >>> 32) == (r[k - 1] >>> 32)) {
                r[k] = r[k - 1] + 1; // the next occurrence of the same word
            }
        }
        return r;
    }

    private static long[] distinctSorted(long[] a) {
        java.util.Arrays.sort(a);
        int m = 0;
        for (int i = 0; i < a.length; i++) {
            if (i == 0 || a[i] != a[i - 1]) {
                a[m++] = a[i];
            }
        }
        return java.util.Arrays.copyOf(a, m);
    }

    /** Whether two sorted arrays have a value in common (two pages share a bucket). */
    private static boolean shareAny(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                return true;
            }
            if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }

    /** The page's words, lower case, punctuation dropped (OCR's stray marks vanish with it). */
    static String[] words(String text) {
        // the runs of letters and digits of the lower-cased text (everything else separates words)
        String t = text.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < t.length(); ) {
            int cp = t.codePointAt(i);
            boolean word = Character.isLetter(cp) || isNumber(cp);
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                out.add(t.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            out.add(t.substring(start));
        }
        return out.toArray(new String[0]);
    }

    /** {@code \p{N}}: decimal digits, letter numbers and other numbers. */
    private static boolean isNumber(int cp) {
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /** 1 - word edit distance / the longer page's word count (words as ids: equal ids, equal words). */
    static double similarity(int[] a, int[] b) {
        int[] prev = new int[b.length + 1];
        int[] cur = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            cur[0] = i;
            int ai = a[i - 1];
            for (int j = 1; j <= b.length; j++) {
                int sub = prev[j - 1] + (ai == b[j - 1] ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        int longer = Math.max(a.length, b.length);
        return longer == 0 ? 0 : 1 - (double) prev[b.length] / longer;
    }

    /**
     * Whether two pages' word occurrences (sorted tokens, see {@link #tokens}) have at least {@code need} in
     * common; gives up as soon as the occurrences left cannot make up the difference.
     */
    static boolean overlapAtLeast(long[] a, long[] b, int need) {
        int common = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (common + Math.min(a.length - i, b.length - j) < need) {
                return false;
            }
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return common >= need;
    }

    /** Jaccard of two sorted sets of distinct values. */
    static double jaccard(long[] a, long[] b) {
        if (a.length == 0 || b.length == 0) {
            return 0;
        }
        int common = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) common / (a.length + b.length - common);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
