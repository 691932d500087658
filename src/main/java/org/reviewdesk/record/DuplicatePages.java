package org.reviewdesk.record;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Exact and near-duplicate pages across a case (the same note faxed twice, re-scanned with other noise): pages
 * are compared by their sets of word pairs (2-word shingles of the normalised words); MinHash signatures with
 * banding find the candidate pairs, and a pair is a duplicate when the exact Jaccard similarity of its shingle
 * sets is at least {@link #THRESHOLD}. Pages with fewer than {@link #MIN_WORDS} words are never duplicates.
 */
public final class DuplicatePages {
    public static final double THRESHOLD = 0.9;
    static final int MIN_WORDS = 12;
    private static final int BANDS = 20;
    private static final int ROWS = 4;
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
        for (var e : pagesByDocument.entrySet()) {
            for (int i = 0; i < e.getValue().size(); i++) {
                refs.add(new PageRef(e.getKey(), i + 1));
                shingles.add(shingles(e.getValue().get(i)));
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
                    double sim = jaccard(shingles.get(a), shingles.get(b));
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

    static Set<Long> shingles(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\s]", " ").trim().split("\\s+");
        Set<Long> out = new HashSet<>();
        if (words.length < MIN_WORDS) {
            return out;
        }
        for (int i = 0; i + 1 < words.length; i++) {
            out.add(mix(words[i].hashCode() * 0x9E3779B97F4A7C15L + words[i + 1].hashCode()));
        }
        return out;
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
