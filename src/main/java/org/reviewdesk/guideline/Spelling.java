package org.reviewdesk.guideline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * A spelling check for the letter's own texts (the clinical summary and each rationale): words that are neither in
 * the general word list (SCOWL to level 70), nor in the medical list, nor the reviewer's own words, nor in the
 * case's record, with the nearest words as suggestions (docs/spelling.md).
 *
 * <p>What is not checked, because a letter is full of it and a word list cannot know it: words in capitals
 * (MTUS, ODG, ACOEM), words with a digit or a capital inside (L4-5, McKenzie), and a capitalised word inside a
 * sentence (a name: of the patient, a physician, a place or a brand). A word the record contains is the record's
 * spelling, accepted.
 */
public final class Spelling {
    /** A word not known, where it is in the text (start inclusive, end exclusive), and the nearest known words. */
    public record Misspelling(String word, int start, int end, List<String> suggestions) {
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}](?:[\\p{L}']*[\\p{L}])?");
    private static final int MAX_SUGGESTIONS = 5;
    private static final byte MEDICAL = 50;
    private static volatile Spelling shipped;

    /**
     * The general list, compact (about 540,000 words in 8 MB: as Strings in a map they took about 60 MB of the heap):
     * the words' UTF-8 bytes one after another, sorted, with where each starts, and each word's level (lower is
     * commoner); searched by halves.
     */
    private final byte[] blob;
    private final int[] starts;
    private final byte[] levels;
    private final int count;
    /** The medical list and the reviewer's own words, lower case. */
    private final java.util.Set<String> more;

    private Spelling(byte[] blob, int[] starts, byte[] levels, int count, java.util.Set<String> more) {
        this.blob = blob;
        this.starts = starts;
        this.levels = levels;
        this.count = count;
        this.more = more;
    }

    /** The shipped lists, read once. */
    public static Spelling shipped() {
        Spelling s = shipped;
        if (s == null) {
            synchronized (Spelling.class) {
                s = shipped;
                if (s == null) {
                    shipped = s = read();
                }
            }
        }
        return s;
    }

    /** The reviewer's own words (lower case) and, once made, the shipped lists with them: changed together. */
    private record Own(java.util.Set<String> words, Spelling built) {
    }

    private static final java.util.concurrent.atomic.AtomicReference<Own> OWN =
            new java.util.concurrent.atomic.AtomicReference<>(new Own(java.util.Set.of(), null));

    /** The lists the checks use: the shipped ones and the reviewer's own words ({@link #useOwnWords}). */
    public static Spelling inUse() {
        Own o = OWN.get();
        if (o.built() != null) {
            return o.built();
        }
        Spelling s = shipped().with(o.words());
        // kept only if the words did not change meanwhile (else the next call builds from the new ones)
        OWN.compareAndSet(o, new Own(o.words(), s));
        return s;
    }

    /** Whether the word lists are read (the first check reads them: about 0.2 s). */
    public static boolean ready() {
        return shipped != null;
    }

    /** The reviewer's own words from now on (the store's list, read when it opens; empty: none). */
    public static void useOwnWords(Collection<String> words) {
        java.util.Set<String> all = new java.util.HashSet<>();
        for (String w : words) {
            String t = w.strip();
            if (!t.isEmpty()) {
                all.add(t.toLowerCase(Locale.ROOT));
            }
        }
        OWN.set(new Own(java.util.Set.copyOf(all), null));
    }

    /** These lists and {@code extra} words (the reviewer's own): accepted in any case. */
    public Spelling with(Collection<String> extra) {
        if (extra.isEmpty()) {
            return this;
        }
        java.util.Set<String> all = new java.util.HashSet<>(more);
        for (String m : extra) {
            String t = m.strip();
            if (!t.isEmpty()) {
                all.add(t.toLowerCase(Locale.ROOT));
            }
        }
        return new Spelling(blob, starts, levels, count, all);
    }

    private static Spelling read() {
        try (InputStream raw = Spelling.class.getResourceAsStream("spelling/words-en.txt.gz");
                InputStream medical = Spelling.class.getResourceAsStream("spelling/medical-words.txt")) {
            if (raw == null || medical == null) {
                throw new IllegalStateException("the spelling word lists are missing from the build");
            }
            byte[] all = new GZIPInputStream(raw).readAllBytes();
            java.io.ByteArrayOutputStream words = new java.io.ByteArrayOutputStream(all.length);
            int[] starts = new int[1 << 16];
            byte[] levels = new byte[1 << 16];
            int n = 0;
            int at = 0;
            while (at < all.length) {
                int eol = at;
                while (eol < all.length && all[eol] != '\n') {
                    eol++;
                }
                if (all[at] != '#' && eol > at) {
                    int tab = at;
                    while (tab < eol && all[tab] != '\t') {
                        tab++;
                    }
                    if (n + 1 >= starts.length) {
                        starts = java.util.Arrays.copyOf(starts, starts.length * 2);
                        levels = java.util.Arrays.copyOf(levels, levels.length * 2);
                    }
                    starts[n] = words.size();
                    words.write(all, at, tab - at);
                    levels[n] = tab < eol ? Byte.parseByte(new String(all, tab + 1, eol - tab - 1,
                            StandardCharsets.US_ASCII).strip()) : MEDICAL;
                    n++;
                }
                at = eol + 1;
            }
            starts[n] = words.size();
            java.util.Set<String> med = new java.util.HashSet<>();
            for (String line : new String(medical.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String w = line.strip();
                if (!w.isEmpty() && !w.startsWith("#")) {
                    med.add(w.toLowerCase(Locale.ROOT));
                }
            }
            return new Spelling(words.toByteArray(), java.util.Arrays.copyOf(starts, n + 1),
                    java.util.Arrays.copyOf(levels, n), n, med);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The level of {@code w} exactly as listed, or -1. */
    private int level(String w) {
        byte[] k = w.getBytes(StandardCharsets.UTF_8);
        int lo = 0;
        int hi = count - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = java.util.Arrays.compareUnsigned(blob, starts[mid], starts[mid + 1], k, 0, k.length);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return levels[mid];
            }
        }
        return more.contains(w) ? MEDICAL : -1;
    }

    private boolean listed(String w) {
        return level(w) >= 0;
    }

    /** Whether {@code word} is known as written (a capitalised word also in its lower-case form). */
    public boolean knows(String word) {
        String w = word.endsWith("'s") || word.endsWith("’s") ? word.substring(0, word.length() - 2) : word;
        w = w.replace('’', '\'');
        if (w.endsWith("'")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.isEmpty() || listed(w)) {
            return true;
        }
        // "Therefore" at a sentence's start is "therefore"; "paris" is not "Paris"
        return listed(w.toLowerCase(Locale.ROOT));
    }

    /**
     * The words of {@code text} that are not known; {@code elsewhere} accepts a word from another source (the
     * case's record); it is asked only about words the lists lack, once per word.
     */
    public List<Misspelling> check(String text, Predicate<String> elsewhere) {
        List<Misspelling> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        Map<String, Boolean> asked = new HashMap<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String w = m.group();
            if (w.length() < 2 || skipped(text, m.start(), m.end(), w) || knows(w)) {
                continue;
            }
            String key = w.toLowerCase(Locale.ROOT);
            if (asked.computeIfAbsent(key, k -> elsewhere != null && elsewhere.test(w))) {
                continue;
            }
            out.add(new Misspelling(w, m.start(), m.end(), suggest(w)));
        }
        return out;
    }

    /** Capitals, digits or capitals inside, and names: not checked (see the class). */
    private static boolean skipped(String text, int start, int end, String w) {
        if (start > 0 && Character.isLetterOrDigit(text.charAt(start - 1))
                || end < text.length() && Character.isDigit(text.charAt(end))) {
            return true; // part of "L4S1", "C5-6" or "2nd"
        }
        if (start > 0 && (text.charAt(start - 1) == '-' || text.charAt(start - 1) == '/')
                && start > 1 && Character.isDigit(text.charAt(start - 2))) {
            return true; // "5-mg", "3/week"
        }
        boolean hyphenated = start > 0 && text.charAt(start - 1) == '-' || end < text.length() && text.charAt(end) == '-';
        if (hyphenated && w.length() <= 3) {
            return true; // a short part of a compound: "post-op", "co-morbid", "non-", "x-ray"
        }
        if (w.length() <= 2 && end < text.length() && text.charAt(end) == '.') {
            return true; // an abbreviation written with periods: "i.e.", "e.g.", "b.i.d."
        }
        int capitals = 0;
        for (int i = 0; i < w.length(); i++) {
            if (Character.isUpperCase(w.charAt(i))) {
                capitals++;
            }
        }
        if (capitals == 0) {
            return false;
        }
        if (capitals > 1 || !Character.isUpperCase(w.charAt(0))) {
            return true; // MTUS, McKenzie, iPhone
        }
        return !sentenceStart(text, start); // a capitalised word inside a sentence: a name
    }

    private static final Set<String> TITLES = Set.of("Dr", "Mr", "Mrs", "Ms", "Mx", "St", "Prof", "Drs");

    private static boolean sentenceStart(String text, int at) {
        for (int i = at - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '"' || c == '“' || c == '(' || c == '\'') {
                continue;
            }
            if (c == '.') {
                // "Dr. Kowalczyk", "Mr. Lee": a title's period does not end a sentence
                int j = i;
                while (j > 0 && Character.isLetter(text.charAt(j - 1))) {
                    j--;
                }
                String before = text.substring(j, i);
                return !TITLES.contains(before);
            }
            return c == '!' || c == '?' || c == ':' || c == '\n';
        }
        return true;
    }

    /**
     * The known words one edit away (a letter left out, added, changed, or two swapped), commonest first. Two edits
     * away took 0.2 s a word (a quarter of a million candidates): too slow for checks that run as the reviewer types.
     */
    public List<String> suggest(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        List<String> found = known(edits(lower));
        boolean capital = Character.isUpperCase(word.charAt(0));
        List<String> out = new ArrayList<>();
        for (String f : found) {
            String shown = capital && Character.isLowerCase(f.charAt(0))
                    ? Character.toUpperCase(f.charAt(0)) + f.substring(1) : f;
            if (!out.contains(shown)) {
                out.add(shown);
            }
            if (out.size() == MAX_SUGGESTIONS) {
                break;
            }
        }
        return out;
    }

    private List<String> known(Set<String> candidates) {
        List<String> k = new ArrayList<>();
        Map<String, Integer> level = new HashMap<>();
        for (String c : candidates) {
            int l = level(c);
            if (l >= 0) {
                k.add(c);
                level.put(c, l);
            }
        }
        k.sort(Comparator.comparingInt((String c) -> level.get(c)).thenComparing(Comparator.naturalOrder()));
        return k;
    }

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz'";

    private static Set<String> edits(String w) {
        Set<String> e = new LinkedHashSet<>();
        for (int i = 0; i <= w.length(); i++) {
            String a = w.substring(0, i);
            String b = w.substring(i);
            if (!b.isEmpty()) {
                e.add(a + b.substring(1));
            }
            if (b.length() > 1) {
                e.add(a + b.charAt(1) + b.charAt(0) + b.substring(2));
            }
            for (int c = 0; c < LETTERS.length(); c++) {
                char ch = LETTERS.charAt(c);
                if (!b.isEmpty()) {
                    e.add(a + ch + b.substring(1));
                }
                e.add(a + ch + b);
            }
        }
        e.remove(w);
        return e;
    }
}
