package org.reviewdesk.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The import's analyses were made fast (issue 13) without changing a result: each is checked here against the
 * previous implementation, kept in this test as the reference, on generated pages with exact and near
 * duplicates, OCR-like noise, punctuation, digits, dates and non-ASCII letters.
 */
class ImportAnalysisEquivalenceTest {
    private static final String[] EXTRA = {"naïve", "Ärzte", "İstanbul", "ﬁle", "x²", "Ⅻ", "résumé", "o'brien",
        "03/14/2015", "2015-03-14", "Jan. 5, 2014", "5th March 2013", "DOS:", "#", "--", "(L4-5)", "MRI,", "1/2/15",
        "Date", "of", "service", "DOB", "02/30/2015", "12-1-1999", "Sept 31, 2010", "emoji😀word", "AB", "ABCDEF"};

    private static List<String> vocabulary(Random r, int size) {
        List<String> v = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            StringBuilder b = new StringBuilder();
            int len = 2 + r.nextInt(8);
            for (int k = 0; k < len; k++) {
                b.append((char) ('a' + r.nextInt(26)));
            }
            v.add(r.nextInt(10) == 0 ? b.substring(0, 1).toUpperCase(Locale.ROOT) + b.substring(1) : b.toString());
        }
        v.addAll(Arrays.asList(EXTRA));
        return v;
    }

    private static String page(Random r, List<String> vocab, int words) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            // Zipf-like: common words are picked far more often
            int idx = (int) Math.min(vocab.size() - 1, Math.floor(Math.pow(vocab.size(), r.nextDouble())) - 1);
            b.append(vocab.get(idx)).append(r.nextInt(12) == 0 ? "\n" : r.nextInt(15) == 0 ? ", " : " ");
        }
        return b.toString();
    }

    /** A copy with some words replaced, dropped or added (two scans of one page, a re-typed note). */
    private static String edited(Random r, String text, List<String> vocab, double rate) {
        String[] w = text.split(" ");
        StringBuilder b = new StringBuilder();
        for (String x : w) {
            double d = r.nextDouble();
            if (d < rate / 3) {
                continue;
            }
            b.append(d < 2 * rate / 3 ? vocab.get(r.nextInt(vocab.size())) : x).append(' ');
            if (d > 1 - rate / 3) {
                b.append(vocab.get(r.nextInt(vocab.size()))).append(' ');
            }
        }
        return b.toString();
    }

    /** A copy whose rarest words (those the filter looks at first) are replaced, {@code rate} of them. */
    private static String rareEdited(Random r, String text, List<String> vocab, double rate) {
        String[] w = text.split(" ");
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < vocab.size(); i++) {
            index.putIfAbsent(vocab.get(i), i);
        }
        Integer[] order = new Integer[w.length];
        for (int i = 0; i < w.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Integer.compare(index.getOrDefault(w[y].strip(), 0),
                index.getOrDefault(w[x].strip(), 0)));
        for (int k = 0; k < Math.round(rate * w.length); k++) {
            w[order[k]] = vocab.get(r.nextInt(vocab.size()));
        }
        return String.join(" ", w);
    }

    private static Map<String, List<String>> documents(long seed) {
        Random r = new Random(seed);
        List<String> vocab = vocabulary(r, 300 + r.nextInt(3000));
        List<String> all = new ArrayList<>();
        Map<String, List<String>> docs = new LinkedHashMap<>();
        int nDocs = 1 + r.nextInt(4);
        for (int d = 0; d < nDocs; d++) {
            List<String> pages = new ArrayList<>();
            int n = 5 + r.nextInt(60);
            for (int p = 0; p < n; p++) {
                String text;
                int kind = all.isEmpty() ? 9 : r.nextInt(10);
                String earlier = all.isEmpty() ? "" : all.get(r.nextInt(all.size()));
                text = switch (kind) {
                    case 0 -> earlier; // an exact repeat
                    case 1 -> edited(r, earlier, vocab, 0.03 + r.nextDouble() * 0.15); // near the threshold
                    case 4 -> rareEdited(r, earlier, vocab, 0.07 + r.nextDouble() * 0.05); // the rarest words
                    case 2 -> page(r, vocab, r.nextInt(14)); // too short to count
                    case 3 -> earlier.toUpperCase(Locale.ROOT).replace(' ', '.'); // same words, other marks
                    default -> page(r, vocab, 20 + r.nextInt(250));
                };
                pages.add(text);
                all.add(text);
            }
            docs.put("doc-" + d, pages);
        }
        return docs;
    }

    @Test
    void duplicatePagesAreTheSameAsVerifyingEveryBucketPair() {
        int found = 0;
        for (long seed = 1; seed <= 8; seed++) {
            Map<String, List<String>> docs = documents(seed);
            List<DuplicatePages.Duplicate> expected = Reference.find(docs);
            assertEquals(expected, DuplicatePages.find(docs), "seed " + seed);
            found += expected.size();
        }
        assertFalse(found < 30, "the generated pages hold duplicates: " + found);
    }

    @Test
    void wordsAreTheSameAsTheRegexSplit() {
        Random r = new Random(7);
        List<String> vocab = vocabulary(r, 200);
        for (int i = 0; i < 200; i++) {
            String text = page(r, vocab, r.nextInt(80)) + (i % 3 == 0 ? "\u0001\u00a0\t x" : "");
            assertEquals(Arrays.asList(Reference.words(text)), Arrays.asList(DuplicatePages.words(text)), text);
        }
    }

    /** The case's pages as word ids without a String per word: the same words, told apart the same way. */
    @Test
    void vocabularyIdsAreTheWordsOfTheSplit() {
        Random r = new Random(13);
        List<String> vocab = vocabulary(r, 300);
        vocab.add("W".repeat(70) + "x9"); // longer than the first word buffer
        DuplicatePages.Vocabulary ids = new DuplicatePages.Vocabulary();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < 400; i++) {
            String text = page(r, vocab, r.nextInt(150)) + (i % 5 == 0 ? "\u00a0naïve x" : i % 7 == 0 ? "END9" : "");
            String[] words = DuplicatePages.words(text);
            int[] page = ids.page(text);
            assertEquals(words.length, page.length, text);
            for (int k = 0; k < words.length; k++) {
                assertEquals(words[k], ids.word(page[k]), text);
                assertEquals(words[k].hashCode(), ids.hashOf(page[k]));
                // ids in order of first occurrence, one per distinct word
                assertEquals(seen.computeIfAbsent(words[k], w -> seen.size()), page[k]);
            }
        }
        assertEquals(seen.size(), ids.size());
    }

    private static final String[] RECORD_LINES = {"PROGRESS NOTE", "Date of Service: 03/14/2015", "DOS: 1/19/15",
        "Provider: Alan Reyes, MD", "Signed by Maria Chen, PT", "Page 1 of 3", "Page 2 of 3", "page 3 of 3",
        "FAX COVER SHEET", "fax transmission cover", "PHYSICAL THERAPY DAILY NOTE", "MRI LUMBAR SPINE",
        "DOB: 04/02/1961", "Date of injury: 05/06/2012", "seen on January 19, 2015", "2014-11-02", "19th Feb 2013",
        "Exam date - 12/1/2014", "Received 02/02/2016", "Electronically signed by Dr. Susan Patel", "Sept 3 2011",
        "Visit Date: 13/45/2015", "Dated 7-4-76", "10/10/2099", "mar 5 2015", "the 1st of May, 2015", "",
        // words inside words and odd case, which the scans before the patterns must not miss
        "update of service 02/03/2015", "PAGE 2 OF 4", "xdos: 1/2/2015", "revisit date 4/5/2016", "DeCeMbEr 2, 2014",
        "reexam Date: 6/7/2013", "coverSHEET", "ePage 1 of 2", "\u0130 Dos 3/3/2013"};

    private static List<String> recordPages(Random r, List<String> vocab, int n) {
        List<String> pages = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            StringBuilder b = new StringBuilder();
            int lines = r.nextInt(8);
            for (int k = 0; k < lines; k++) {
                b.append(r.nextInt(3) == 0 ? page(r, vocab, r.nextInt(12)) : RECORD_LINES[r.nextInt(RECORD_LINES.length)])
                        .append(r.nextBoolean() ? "\n" : " ");
            }
            if (r.nextInt(4) > 0) {
                b.append(page(r, vocab, r.nextInt(120)));
            }
            pages.add(r.nextInt(15) == 0 ? "  \n" : b.toString());
        }
        return pages;
    }

    @Test
    void theChronologySplitAndItsDatesAreTheSameAsBefore() {
        Random r = new Random(11);
        List<String> vocab = vocabulary(r, 400);
        int parts = 0;
        for (int i = 0; i < 60; i++) {
            List<String> pages = recordPages(r, vocab, 1 + r.nextInt(30));
            List<String> expected = OldChronology.split(pages).stream().map(Object::toString).toList();
            List<String> actual = Chronology.split(pages).stream().map(Object::toString).toList();
            assertEquals(expected, actual, String.join("\n---\n", pages));
            parts += expected.size();
            for (String page : pages) {
                assertEquals(OldDates.find(page), DateSuggestion.find(page), page);
            }
        }
        assertFalse(parts < 200, "the generated files split into documents: " + parts);
    }

    private static final Pattern TOKEN = Pattern.compile("\\S+");
    private static final Pattern EDGE_PUNCT = Pattern.compile("^[\\p{Punct}]+|[\\p{Punct}]+$");
    private static final Pattern WORD = Pattern.compile("[\\p{L}]*[aeiouyAEIOUY][\\p{L}]*|[A-Z]{2,5}|\\d{1,4}");

    /** TextLayer.needsOcr before issue 13's speed-up. */
    private static boolean oldNeedsOcr(String text) {
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetter(text.charAt(i))) {
                letters++;
            }
        }
        if (letters < 20) {
            return true;
        }
        Matcher m = TOKEN.matcher(text);
        int tokens = 0;
        int words = 0;
        while (m.find()) {
            tokens++;
            String t = EDGE_PUNCT.matcher(m.group()).replaceAll("");
            if (!t.isEmpty() && t.length() <= 25 && WORD.matcher(t).matches()) {
                words++;
            }
        }
        return words * 2 < tokens;
    }

    @Test
    void theTextLayerCheckIsTheSameAsThePatterns() {
        Random r = new Random(5);
        String alphabet = "aeiouyAEIOUYbcdxzBCDXZ0123456789!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ \t\n\u000b\f\r\u0001\u007f"
                + "é\u00a0\u2028ßİ€";
        int ocr = 0;
        for (int i = 0; i < 3000; i++) {
            StringBuilder b = new StringBuilder();
            int len = r.nextInt(i % 3 == 2 ? 40 : 200);
            for (int k = 0; k < len; k++) {
                b.append(alphabet.charAt(r.nextInt(i % 2 == 0 ? 22 : alphabet.length())));
            }
            String text = i % 3 == 2 ? page(r, vocabulary(r, 50), 10 + r.nextInt(30)) + b : b.toString();
            assertEquals(oldNeedsOcr(text), TextLayer.needsOcr(text), text);
            ocr += oldNeedsOcr(text) ? 1 : 0;
            // single tokens: every branch of the word check
            String token = text.strip().replaceAll("\\s", "");
            token = token.substring(0, Math.min(token.length(), r.nextInt(30)));
            String padded = "word ".repeat(5) + token;
            assertEquals(oldNeedsOcr(padded), TextLayer.needsOcr(padded), token);
            assertEquals(!token.isEmpty() && TextLayer.slowWord(token),
                    token.isEmpty() || token.chars().anyMatch(c -> c >= 0x80) ? TextLayer.slowWord(token)
                            && !token.isEmpty() : TextLayer.asciiWord(token, 0, token.length()), token);
        }
        assertFalse(ocr < 300 || ocr > 2700, "both answers occur: " + ocr);
    }

    /** The previous implementation, verbatim in its logic (every bucket pair verified). */
    /** Random case flips of a word: the chronology's word scan ignores ASCII case, as the patterns do. */
    private static String flipped(Random r, String w) {
        StringBuilder b = new StringBuilder();
        for (char c : w.toCharArray()) {
            b.append(r.nextBoolean() ? Character.toUpperCase(c) : c);
        }
        return b.toString();
    }

    @Test
    void theChronologyWordScanIsTheSameAsLowerCaseContains() {
        String[] words = {"page", "date", "dos", "provider", "physician", "therapist", "author", "radiologist",
            "signed", "dictated", "cover", "facsimile"};
        // the letters of those words, other letters, the two characters whose lower case is ASCII (dotted
        // capital I, Kelvin sign), accents and spaces
        String alphabet = "pagedtosrvihcnulmfPAGEDTOSRVIHCNULMFxz \u0130\u212a\u00e9\n";
        Random r = new Random(17);
        int found = 0;
        for (int i = 0; i < 5000; i++) {
            StringBuilder b = new StringBuilder();
            int len = r.nextInt(30);
            for (int k = 0; k < len; k++) {
                if (r.nextInt(6) == 0) {
                    String w = words[r.nextInt(words.length)];
                    // whole, or cut short (a near miss)
                    b.append(flipped(r, r.nextBoolean() ? w : w.substring(0, 1 + r.nextInt(w.length() - 1))));
                } else {
                    b.append(alphabet.charAt(r.nextInt(alphabet.length())));
                }
            }
            String text = b.toString();
            String lower = text.toLowerCase(Locale.ROOT);
            int expected = 0;
            for (int k = 0; k < words.length; k++) {
                if (lower.contains(words[k])) {
                    expected |= 1 << k;
                }
            }
            assertEquals(expected, Chronology.wordsIn(text.toCharArray(), text.length()), text);
            found += Integer.bitCount(expected);
        }
        assertFalse(found < 1000, "the generated texts hold the words: " + found);
    }

    static final class Reference {
        static List<DuplicatePages.Duplicate> find(Map<String, List<String>> pagesByDocument) {
            List<DuplicatePages.PageRef> refs = new ArrayList<>();
            List<Set<Long>> shingles = new ArrayList<>();
            List<String[]> words = new ArrayList<>();
            for (var e : pagesByDocument.entrySet()) {
                for (int i = 0; i < e.getValue().size(); i++) {
                    refs.add(new DuplicatePages.PageRef(e.getKey(), i + 1));
                    String[] w = words(e.getValue().get(i));
                    words.add(w);
                    shingles.add(shingles(w));
                }
            }
            long[] seeds = new long[120];
            Random r = new Random(0x5eed);
            for (int i = 0; i < 120; i++) {
                seeds[i] = r.nextLong() | 1;
            }
            Map<Long, List<Integer>> buckets = new HashMap<>();
            for (int p = 0; p < refs.size(); p++) {
                Set<Long> s = shingles.get(p);
                if (s.isEmpty()) {
                    continue;
                }
                long[] sig = new long[120];
                Arrays.fill(sig, Long.MAX_VALUE);
                for (long x : s) {
                    for (int i = 0; i < 120; i++) {
                        long h = mix(x * seeds[i]);
                        if (h < sig[i]) {
                            sig[i] = h;
                        }
                    }
                }
                for (int b = 0; b < 40; b++) {
                    long h = b;
                    for (int k = 0; k < 3; k++) {
                        h = h * 31 + sig[b * 3 + k];
                    }
                    buckets.computeIfAbsent(mix(h), k -> new ArrayList<>()).add(p);
                }
            }
            int[] originalOf = new int[refs.size()];
            double[] simOf = new double[refs.size()];
            Arrays.fill(originalOf, -1);
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
                            continue;
                        }
                        double sim = similarity(words.get(a), words.get(b));
                        if (sim >= 0.9 && (originalOf[b] < 0 || a < originalOf[b])) {
                            originalOf[b] = a;
                            simOf[b] = sim;
                        }
                    }
                }
            }
            List<DuplicatePages.Duplicate> out = new ArrayList<>();
            for (int p = 0; p < refs.size(); p++) {
                if (originalOf[p] >= 0) {
                    int o = originalOf[p];
                    while (originalOf[o] >= 0) {
                        o = originalOf[o];
                    }
                    out.add(new DuplicatePages.Duplicate(refs.get(p), refs.get(o), simOf[p]));
                }
            }
            return out;
        }

        static String[] words(String text) {
            String t = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\s]", " ").trim();
            return t.isEmpty() ? new String[0] : t.split("\\s+");
        }

        static Set<Long> shingles(String[] words) {
            Set<Long> out = new HashSet<>();
            if (words.length < 12) {
                return out;
            }
            for (String w : words) {
                out.add(mix(w.hashCode() * 0x9E3779B97F4A7C15L));
            }
            return out;
        }

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
}
