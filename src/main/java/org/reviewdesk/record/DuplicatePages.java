package org.reviewdesk.record;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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

    /** The duplicates among {@code pages} (in case order: documents in order, pages in order). */
    public static List<Duplicate> find(Map<String, List<String>> pagesByDocument) {
        List<PageRef> refs = new ArrayList<>();
        List<Set<Long>> shingles = new ArrayList<>();
        List<String[]> words = new ArrayList<>();
        for (var e : pagesByDocument.entrySet()) {
            for (int i = 0; i < e.getValue().size(); i++) {
                refs.add(new PageRef(e.getKey(), i + 1));
                String[] w = words(e.getValue().get(i));
                words.add(w);
                shingles.add(shingles(w));
            }
        }
        long[] seeds = new long[HASHES];
        java.util.Random r = new java.util.Random(0x5eed);
        for (int i = 0; i < HASHES; i++) {
            seeds[i] = r.nextLong() | 1;
        }
        Map<Long, List<Integer>> buckets = new HashMap<>();
        for (int p = 0; p < refs.size(); p++) {
            Set<Long> s = shingles.get(p);
            if (s.isEmpty()) {
                continue;
            }
            long[] sig = new long[HASHES];
            java.util.Arrays.fill(sig, Long.MAX_VALUE);
            for (long x : s) {
                for (int i = 0; i < HASHES; i++) {
                    long h = mix(x * seeds[i]);
                    if (h < sig[i]) {
                        sig[i] = h;
                    }
                }
            }
            for (int b = 0; b < BANDS; b++) {
                long h = b;
                for (int k = 0; k < ROWS; k++) {
                    h = h * 31 + sig[b * ROWS + k];
                }
                buckets.computeIfAbsent(mix(h), k -> new ArrayList<>()).add(p);
            }
        }
        // union of candidate pairs verified by exact Jaccard; each later page points at the earliest it repeats
        int[] originalOf = new int[refs.size()];
        double[] simOf = new double[refs.size()];
        java.util.Arrays.fill(originalOf, -1);
        Set<Long> checked = new HashSet<>();
        for (List<Integer> bucket : buckets.values()) {
            for (int i = 0; i < bucket.size(); i++) {
                for (int j = i + 1; j < bucket.size(); j++) {
                    int a = Math.min(bucket.get(i), bucket.get(j));
                    int b = Math.max(bucket.get(i), bucket.get(j));
                    if (!checked.add(((long) a << 32) | b)) {
                        continue;
                    }
                    if (jaccard(shingles.get(a), shingles.get(b)) < 0.5) {
                        continue; // not even the same vocabulary
                    }
                    double sim = similarity(words.get(a), words.get(b));
                    if (sim >= THRESHOLD && (originalOf[b] < 0 || a < originalOf[b])) {
                        originalOf[b] = a;
                        simOf[b] = sim;
                    }
                }
            }
        }
        List<Duplicate> out = new ArrayList<>();
        for (int p = 0; p < refs.size(); p++) {
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

    /** The page's words, lower case, punctuation dropped (OCR's stray marks vanish with it). */
    static String[] words(String text) {
        String t = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\s]", " ").trim();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }

    static Set<Long> shingles(String[] words) {
        Set<Long> out = new HashSet<>();
        if (words.length < MIN_WORDS) {
            return out;
        }
        for (String w : words) {
            out.add(mix(w.hashCode() * 0x9E3779B97F4A7C15L));
        }
        return out;
    }

    /** 1 - word edit distance / the longer page's word count. */
    static double similarity(String[] a, String[] b) {
        int[] prev = new int[b.length + 1];
        int[] cur = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length; j++) {
                int sub = prev[j - 1] + (a[i - 1].equals(b[j - 1]) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        int longer = Math.max(a.length, b.length);
        return longer == 0 ? 0 : 1 - (double) prev[b.length] / longer;
    }

    static double jaccard(Set<Long> a, Set<Long> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<Long> small = a.size() < b.size() ? a : b;
        Set<Long> large = small == a ? b : a;
        int common = 0;
        for (long x : small) {
            if (large.contains(x)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
