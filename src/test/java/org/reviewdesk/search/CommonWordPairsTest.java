package org.reviewdesk.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.search.RecordIndex.Found;
import org.reviewdesk.search.RecordIndex.PageKey;

/**
 * Phrases of common words looked up by their pairs (field {@code pairs}): the same pages as matching word
 * positions would find, for phrases of two and three common words, phrases mixing common and other words,
 * prefixes; the common words chosen from the index's own frequencies; an index of format 1 (no pairs)
 * answering before and after it is indexed again.
 */
class CommonWordPairsTest {
    private static final byte[] KEY = key(3);
    /** Seed (function) words and others; "knee" and "brace" become common by frequency in the big index. */
    private static final String[] COMMON = {"the", "of", "was", "not", "and", "with", "to", "a"};
    private static final String[] OTHER = {"patient", "knee", "brace", "pain", "lumbar", "therapy"};

    @TempDir
    Path dir;

    private static byte[] key(int seed) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) seed);
        return k;
    }

    /** Random pages of a small vocabulary, with punctuation and upper case, so that every phrase occurs. */
    private static Map<PageKey, String> pages(int n, long seed, String[] vocabulary) {
        Random r = new Random(seed);
        Map<PageKey, String> out = new LinkedHashMap<>();
        for (int p = 1; p <= n; p++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0, len = 5 + r.nextInt(25); i < len; i++) {
                String w = vocabulary[r.nextInt(vocabulary.length)];
                sb.append(r.nextInt(9) == 0 ? w.toUpperCase() : w).append(r.nextInt(7) == 0 ? ". " : " ");
            }
            out.put(new PageKey("C" + (p % 3), "d" + (p % 7), p), sb.toString());
        }
        return out;
    }

    private static String[] vocabulary() {
        List<String> v = new ArrayList<>(List.of(COMMON));
        v.addAll(List.of(OTHER));
        return v.toArray(new String[0]);
    }

    /** The pages a phrase is on, by reading their text (what the highlighting marks). */
    private static Set<PageKey> expected(Map<PageKey, String> pages, String query, String caseNumber) {
        Query q = Query.parse(query);
        return pages.entrySet().stream()
                .filter(e -> caseNumber == null || e.getKey().caseNumber().equals(caseNumber))
                .filter(e -> !Highlights.marks(e.getValue(), q).isEmpty())
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private static Set<PageKey> found(RecordIndex i, String query, String caseNumber) throws IOException {
        return i.search(Query.parse(query), caseNumber, 10_000, false).stream().map(Found::page)
                .collect(Collectors.toSet());
    }

    private static List<String> phrases(String[] words, Random r, int n) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int len = 2 + r.nextInt(2);
            StringBuilder sb = new StringBuilder("\"");
            for (int j = 0; j < len; j++) {
                sb.append(j > 0 ? " " : "").append(words[r.nextInt(words.length)]);
            }
            out.add(sb.append('"').toString());
        }
        return out;
    }

    private static boolean usesPairs(RecordIndex i, String phrase) throws IOException {
        Query.Clause c = Query.parse(phrase).clauses().get(0);
        return RecordIndex.clause(c, null, i.readyCommonWords()).toString().contains("pairs:");
    }

    @Test
    void phrasesOfCommonWordsFindTheSamePagesAsWordPositions() throws IOException {
        Map<PageKey, String> pages = pages(400, 11, vocabulary());
        try (RecordIndex i = RecordIndex.open(dir, KEY)) {
            for (var e : pages.entrySet()) {
                i.put(e.getKey(), e.getValue());
            }
            i.commit();
            assertTrue(i.readyCommonWords().containsAll(List.of(COMMON)), "a new index starts with the seed words");
            assertTrue(usesPairs(i, "\"of the\""));
            assertTrue(usesPairs(i, "\"was not the\""));
            assertFalse(usesPairs(i, "\"the patient\""), "patient is not a common word here");
            Random r = new Random(5);
            List<String> queries = new ArrayList<>(phrases(COMMON, r, 60));
            queries.addAll(phrases(vocabulary(), r, 60));
            for (String p : phrases(vocabulary(), r, 40)) {
                // the last word cut to a prefix: its completions common words (pairs) or not (positions)
                String bare = p.substring(0, p.length() - 1);
                queries.add(bare.substring(0, bare.length() - Math.min(2, bare.length() - bare.lastIndexOf(' ') - 2))
                        + "*\"");
            }
            queries.addAll(List.of("\"of the\"", "\"the of\"", "\"the the\"", "\"was not a\"", "\"of th*\"",
                    "\"was not t*\"", "\"with a*\"", "\"of w*\"",
                    "\"the kne*\"", "knee \"of the\"", "\"with the\" \"was not\"", "\"of the\" lumbar*"));
            int nonEmpty = 0;
            for (String q : queries) {
                for (String c : Arrays.asList(null, "C1")) {
                    Set<PageKey> want = expected(pages, q, c);
                    if (Query.parse(q).clauses().size() == 1) {
                        assertEquals(want, found(i, q, c), q + " in " + c);
                    } else {
                        // several parts: the pages with every part are the complete hits
                        Set<PageKey> complete = i.search(Query.parse(q), c, 10_000, false).stream()
                                .filter(Found::complete).map(Found::page).collect(Collectors.toSet());
                        Set<PageKey> all = new HashSet<>(pages.keySet());
                        for (Query.Clause part : Query.parse(q).clauses()) {
                            all.retainAll(expected(pages, quoted(part), c));
                        }
                        assertEquals(all, complete, q + " in " + c);
                    }
                    nonEmpty += want.isEmpty() ? 0 : 1;
                }
            }
            assertTrue(nonEmpty > queries.size(), "most phrases occur: " + nonEmpty);
        }
    }

    private static String quoted(Query.Clause c) {
        return "\"" + String.join(" ", c.words()) + (c.lastIsPrefix() ? "*" : "") + "\"";
    }

    @Test
    void aPhraseOfCommonWordsRanksThePageWithItMoreOftenFirstAndHighlightsIt() throws IOException {
        try (RecordIndex i = RecordIndex.open(dir, KEY)) {
            i.put(new PageKey("C1", "d", 1), "The knee of the patient. Range of the knee: full. Most of the day.");
            i.put(new PageKey("C1", "d", 2), "Of the knee: nothing. The of.");
            i.put(new PageKey("C1", "d", 3), "the the of of");
            i.commit();
            List<Found> hits = i.search(Query.parse("\"of the\""), null, 10, false);
            assertEquals(List.of(new PageKey("C1", "d", 1), new PageKey("C1", "d", 2)),
                    hits.stream().map(Found::page).toList());
            String text = "Most of   the day.";
            List<int[]> marks = Highlights.marks(text, Query.parse("\"of the\""));
            assertEquals(1, marks.size());
            assertEquals("of   the", text.substring(marks.get(0)[0], marks.get(0)[1]));
        }
    }

    @Test
    void anIndexOfTheFirstFormatAnswersByPositionsUntilIndexedAgainThenByPairs() throws IOException {
        Map<PageKey, String> pages = pages(300, 17, vocabulary());
        Format1Index.write(dir, KEY, pages);
        List<String> queries = phrases(COMMON, new Random(9), 40);
        queries.add("\"of the\"");
        Map<String, Set<PageKey>> want = new LinkedHashMap<>();
        for (String q : queries) {
            want.put(q, expected(pages, q, null));
        }
        try (RecordIndex i = RecordIndex.open(dir, KEY)) {
            assertEquals(300, i.pageCount());
            assertTrue(i.readyCommonWords().isEmpty(), "format 1 has no pairs: no phrase may use them");
            assertFalse(usesPairs(i, "\"of the\""));
            for (String q : queries) {
                assertEquals(want.get(q), found(i, q, null), "before: " + q);
            }
            assertTrue(i.chooseCommonWords(), "pages are to be indexed again");
            Set<List<String>> stale = i.staleDocuments();
            assertEquals(pages.keySet().stream().map(k -> List.of(k.caseNumber(), k.documentId()))
                    .collect(Collectors.toSet()), stale, "every document of format 1");
            // half of them indexed again (a kill here): still answered by positions, and after a reopen too
            int n = 0;
            for (var e : pages.entrySet()) {
                if (n++ % 2 == 0) {
                    i.put(e.getKey(), e.getValue());
                }
            }
            i.commit();
            assertFalse(i.commonWordsReady(), "stale pages are left");
            for (String q : queries) {
                assertEquals(want.get(q), found(i, q, null), "half way: " + q);
            }
        }
        try (RecordIndex i = RecordIndex.open(dir, KEY)) {
            assertTrue(i.readyCommonWords().isEmpty());
            assertFalse(i.chooseCommonWords() && i.staleDocuments().isEmpty());
            for (var e : pages.entrySet()) {
                i.put(e.getKey(), e.getValue());
            }
            i.commit();
            assertTrue(i.staleDocuments().isEmpty());
            assertTrue(i.commonWordsReady());
            assertTrue(usesPairs(i, "\"of the\""));
            for (String q : queries) {
                assertEquals(want.get(q), found(i, q, null), "after: " + q);
            }
        }
        try (RecordIndex i = RecordIndex.open(dir, KEY)) {
            assertEquals(RecordIndex.seedCommonWords(), i.readyCommonWords(), "the upgrade is durable");
            assertFalse(i.chooseCommonWords(), "nothing left to do");
        }
    }

    @Test
    void pagesAddedByAnOlderReviewDeskAfterTheUpgradeAreFoundAndIndexedAgain() throws IOException {
        Map<PageKey, String> pages = pages(50, 31, vocabulary());
        try (RecordIndex i = RecordIndex.open(dir, KEY)) {
            for (var e : pages.entrySet()) {
                i.put(e.getKey(), e.getValue());
            }
            i.commit();
            assertTrue(usesPairs(i, "\"of the\""));
        }
        PageKey old = new PageKey("C7", "older", 1);
        Format1Index.append(dir, KEY, Map.of(old, "Written by format 1: range of the knee."));
        pages.put(old, "Written by format 1: range of the knee.");
        try (RecordIndex i = RecordIndex.open(dir, KEY)) {
            assertTrue(i.readyCommonWords().isEmpty(), "a page without pairs: none are trusted");
            assertTrue(found(i, "\"of the\"", null).contains(old));
            assertEquals(expected(pages, "\"of the\"", null), found(i, "\"of the\"", null));
            assertTrue(i.chooseCommonWords());
            assertEquals(Set.of(List.of("C7", "older")), i.staleDocuments());
            i.put(old, pages.get(old));
            assertTrue(i.commonWordsReady());
            assertTrue(usesPairs(i, "\"of the\""));
            assertEquals(expected(pages, "\"of the\"", null), found(i, "\"of the\"", null));
        }
    }

    @Test
    void theCommonWordsAreChosenFromTheIndexsOwnFrequenciesOnceItIsLarge() throws IOException {
        // "knee" and "brace" on most pages, "lumbar" on few: chosen by frequency, not from a list
        String[] vocabulary = {"knee", "brace", "knee", "brace", "the", "of", "sprain", "x1", "x2", "x3", "x4",
            "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12", "x13", "x14", "x15"};
        Map<PageKey, String> pages = pages(RecordIndex.CHOOSE_FROM_PAGES + 50, 23, vocabulary);
        int k = 0;
        for (PageKey p : new ArrayList<>(pages.keySet())) {
            if (k++ % 40 == 0) {
                pages.put(p, pages.get(p) + " lumbar strain");
            }
        }
        try (RecordIndex i = RecordIndex.open(dir, KEY)) {
            for (var e : pages.entrySet()) {
                i.put(e.getKey(), e.getValue());
            }
            i.commit();
            assertFalse(usesPairs(i, "\"knee brace\""));
            assertTrue(i.chooseCommonWords());
            Set<String> chosen = i.indexingCommonWords();
            assertTrue(chosen.containsAll(List.of("knee", "brace", "the", "of")), chosen.toString());
            assertFalse(chosen.contains("lumbar"), "on 1 page in 40");
            assertFalse(chosen.contains("and"), "a seed word not in these pages");
            assertEquals(Set.of("the", "of"), i.readyCommonWords(), "until indexed again: the words both sets share");
            assertEquals(expected(pages, "\"knee brace\"", null), found(i, "\"knee brace\"", null));
            for (var e : pages.entrySet()) {
                i.put(e.getKey(), e.getValue());
            }
            i.commit();
            assertTrue(i.commonWordsReady());
            assertTrue(usesPairs(i, "\"knee brace\""));
            for (String q : List.of("\"knee brace\"", "\"brace knee the\"", "\"of knee\"", "\"knee lumbar strain\"")) {
                assertEquals(expected(pages, q, null), found(i, q, null), q);
            }
            assertFalse(i.chooseCommonWords(), "chosen again only when the index has grown fourfold");
        }
    }

    @Test
    void thePairFilesHoldNoWordOfThePages() throws IOException {
        try (RecordIndex i = RecordIndex.open(dir, KEY)) {
            for (int p = 0; p < 300; p++) {
                i.put(new PageKey("C1", "d", p), "it was not the cervicalgia of the lumbosacral region with the opioids");
            }
            i.commit();
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.toList();
        }
        for (Path f : files) {
            String raw = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).toLowerCase();
            for (String word : List.of("was not", "of the", "with the", "cervicalgia", "lumbosacral", "pairs")) {
                assertFalse(raw.contains(word), f.getFileName() + " holds \"" + word + "\"");
            }
        }
    }
}
