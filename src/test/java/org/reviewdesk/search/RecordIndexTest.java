package org.reviewdesk.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.search.RecordIndex.Found;
import org.reviewdesk.search.RecordIndex.PageKey;

/** The persistent index on a real (encrypted) Lucene directory in a temporary folder. */
class RecordIndexTest {
    private static final String P1 = "Physical examination of the cervical spine revealed full range of motion.";
    private static final String P2 = "Lumbar spine: range of motion limited. Full   flexion was not possible.";
    private static final String P3 = "Lumbosacral strain. Urine drug screen consistent with prescribed opioids.";
    private static final byte[] KEY = key(7);

    @TempDir
    Path dir;

    private final Map<PageKey, String> texts = new LinkedHashMap<>();

    private static byte[] key(int seed) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) seed);
        return k;
    }

    private RecordIndex index() throws IOException {
        RecordIndex i = RecordIndex.open(dir, KEY);
        put(i, new PageKey("C1", "d1", 1), P1);
        put(i, new PageKey("C1", "d1", 2), P2);
        put(i, new PageKey("C2", "d9", 7), P3);
        i.commit();
        return i;
    }

    private void put(RecordIndex i, PageKey k, String text) throws IOException {
        texts.put(k, text);
        i.put(k, text);
    }

    private static List<PageKey> pages(List<Found> hits) {
        return hits.stream().map(Found::page).toList();
    }

    private List<int[]> marks(Found f, String query) {
        return Highlights.marks(texts.get(f.page()), Query.parse(query));
    }

    /** A pasted paragraph of 2,000 words: a plain message, not Lucene's "maxClauseCount is set to 1024". */
    @Test
    void aQueryOfMoreWordsThanOneSearchHoldsIsRefusedInPlainWords() throws IOException {
        StringBuilder q = new StringBuilder();
        for (int w = 0; w < 2000; w++) {
            q.append("word").append(w).append(' ');
        }
        try (RecordIndex i = index()) {
            IOException e = assertThrows(IOException.class, () -> i.search(Query.parse(q.toString()), null, 10, false));
            assertEquals("the query has more words and phrases than one search can hold (1,024); search with fewer",
                    e.getMessage());
            assertEquals(2, i.search(Query.parse("range motion"), null, 10, false).size(), "the index still answers");
        }
    }

    @Test
    void pagesWithEveryWordComeFirstAndPagesWithSomeAfter() throws IOException {
        try (RecordIndex i = index()) {
            List<Found> hits = i.search(Query.parse("range motion"), null, 10, false);
            assertEquals(2, hits.size());
            assertTrue(hits.stream().allMatch(Found::complete));
            List<Found> mixed = i.search(Query.parse("range opioids"), null, 10, false);
            assertEquals(3, mixed.size(), "pages with one of the words are found too, below");
            assertFalse(mixed.stream().anyMatch(Found::complete), "no page has both words");
        }
    }

    @Test
    void thePageWithEveryWordAndThePhraseRanksAbovePagesWithOneWord() throws IOException {
        try (RecordIndex i = RecordIndex.open(dir, KEY)) {
            // pages with one query word, that word many times (BM25 alone would like them)
            for (int p = 1; p <= 6; p++) {
                put(i, new PageKey("C1", "notes", p), "Knee knee knee pain. Knee brace. Knee swelling, knee again.");
                put(i, new PageKey("C1", "pt", p), "Therapy therapy therapy notes; therapy plan; therapy goals.");
            }
            put(i, new PageKey("C1", "other", 1), "Physical and occupational therapy for the knee were discussed.");
            PageKey best = new PageKey("C1", "request", 3);
            put(i, best, "Request: physical therapy for the left knee, 8 sessions.");
            for (int p = 1; p <= 40; p++) {
                put(i, new PageKey("C3", "filler", p), "Unrelated page " + p + " about medication refills.");
            }
            i.commit();
            List<Found> hits = i.search(Query.parse("knee \"physical therapy\""), null, 20, false);
            assertEquals(best, hits.get(0).page(), "the page with the word and the phrase ranks first: " + pages(hits));
            assertTrue(hits.get(0).complete());
            // then the pages with the knee (the phrase is one part: a page with "therapy" alone has no part)
            assertEquals(8, hits.size(), "pages with one part are listed after it: " + pages(hits));
            assertTrue(hits.subList(1, hits.size()).stream().noneMatch(Found::complete));
            assertTrue(hits.get(0).score() > hits.get(1).score());
            // within one word's pages BM25 ranks: the word often on a short page beats once on a page
            List<Found> knee = i.search(Query.parse("knee"), "C1", 20, false);
            assertEquals("notes", knee.get(0).page().documentId());
            assertEquals(8, knee.size());
        }
    }

    @Test
    void aPhraseMatchesOnlyConsecutiveWords() throws IOException {
        try (RecordIndex i = index()) {
            List<Found> hits = i.search(Query.parse("\"full range of motion\""), null, 10, false);
            assertEquals(List.of(new PageKey("C1", "d1", 1)), pages(hits));
            int start = P1.indexOf("full range");
            assertArrayEquals(new int[] {start, start + "full range of motion".length()},
                    marks(hits.get(0), "\"full range of motion\"").get(0));
            assertEquals(List.of(new PageKey("C1", "d1", 1)),
                    pages(i.search(Query.parse("\"cervical sp*\""), null, 10, false)), "a phrase ending in a prefix");
        }
    }

    @Test
    void aPrefixMatchesEveryWordStartingWithIt() throws IOException {
        try (RecordIndex i = index()) {
            List<Found> hits = i.search(Query.parse("lumb*"), null, 10, false);
            assertEquals(2, hits.size());
            Found p3 = hits.stream().filter(h -> h.page().page() == 7).findFirst().orElseThrow();
            assertArrayEquals(new int[] {0, "Lumbosacral".length()}, marks(p3, "lumb*").get(0));
        }
    }

    @Test
    void fuzzyWordsFindTyposAndOcrErrors() throws IOException {
        try (RecordIndex i = index()) {
            assertTrue(i.search(Query.parse("lumbosacarl"), null, 10, false).isEmpty());
            List<Found> hits = i.search(Query.parse("lumbosacarl"), null, 10, true);
            assertEquals(List.of(new PageKey("C2", "d9", 7)), pages(hits));
            assertEquals(List.of(new PageKey("C2", "d9", 7)), pages(i.search(Query.parse("opiods~"), null, 10, false)));
            List<int[]> m = Highlights.marks(P3, Query.parse("opiods~"));
            assertEquals("opioids", P3.substring(m.get(0)[0], m.get(0)[1]));
        }
    }

    @Test
    void searchCanBeLimitedToOneCase() throws IOException {
        try (RecordIndex i = index()) {
            assertEquals(2, i.search(Query.parse("spine"), null, 10, false).size());
            assertTrue(i.search(Query.parse("lumbosacral"), "C1", 10, false).isEmpty());
            assertEquals(1, i.search(Query.parse("lumbosacral"), "C2", 10, false).size());
        }
    }

    @Test
    void snippetMarksPointAtTheMatchedWordsInTheSnippet() {
        Highlights.Snippet s = Highlights.snippet(P2, Highlights.marks(P2, Query.parse("flexion")));
        int[] m = s.snippetMarks().get(0);
        assertEquals("flexion", s.text().substring(m[0], m[1]));
        assertTrue(s.text().contains("Full flexion"), "runs of spaces are folded: " + s.text());
    }

    @Test
    void caseAndAccentsOfTheTextAreKeptInMarks() throws IOException {
        String text = "Le patient présente une DOULEUR lombaire; Douleur ≥ 7/10.";
        try (RecordIndex i = RecordIndex.open(dir, KEY)) {
            put(i, new PageKey("C", "d", 1), text);
            Found h = i.search(Query.parse("douleur"), null, 5, false).get(0);
            List<int[]> m = marks(h, "douleur");
            assertEquals(2, m.size());
            assertEquals("DOULEUR", text.substring(m.get(0)[0], m.get(0)[1]));
            assertEquals(1, i.search(Query.parse("présente"), null, 5, false).size());
        }
    }

    @Test
    void aRemovedDocumentIsNoLongerFoundAndTheIndexPersists() throws IOException {
        try (RecordIndex i = index()) {
            i.removeDocument("C1", "d1");
            i.commit();
        }
        try (RecordIndex again = RecordIndex.open(dir, KEY)) {
            assertTrue(again.search(Query.parse("range"), null, 10, false).isEmpty());
            assertEquals(1, again.pageCount());
            assertEquals(Map.of(List.of("C2", "d9"), 1), again.pagesPerDocument());
            again.removeCase("C2");
            assertEquals(0, again.pageCount());
        }
    }

    @Test
    void theFilesOnDiskHoldNoWordOfThePages() throws IOException {
        try (RecordIndex i = index()) {
            for (int p = 0; p < 300; p++) {
                i.put(new PageKey("C9", "bigdocument", p), P1 + " " + P2 + " " + P3 + " page " + p);
            }
            i.commit();
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.toList();
        }
        assertTrue(files.size() >= 3);
        long total = 0;
        for (Path f : files) {
            String raw = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).toLowerCase();
            total += raw.length();
            // words of 6+ letters: a 3-letter word turns up in random ciphertext by chance (about 1 run in 20)
            for (String word : List.of("cervical", "lumbosacral", "opioids", "flexion", "bigdocument", "lucene")) {
                assertFalse(raw.contains(word), f.getFileName() + " holds \"" + word + "\"");
            }
        }
        assertTrue(total > 10_000, "the index was written: " + total + " bytes");
    }

    @Test
    void aWrongKeyOrATamperedFileDoesNotRead() throws IOException {
        try (RecordIndex i = index()) {
            i.commit();
        }
        assertThrows(IOException.class, () -> RecordIndex.open(dir, key(8)).close());
        Path segments;
        try (Stream<Path> s = Files.list(dir)) {
            segments = s.filter(p -> p.getFileName().toString().endsWith(".cfs")).findFirst().orElseThrow();
        }
        byte[] b = Files.readAllBytes(segments);
        b[b.length / 2] ^= 1;
        Files.write(segments, b);
        assertThrows(IOException.class, () -> RecordIndex.open(dir, KEY).close());
    }
}
