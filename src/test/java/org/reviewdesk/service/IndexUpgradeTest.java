package org.reviewdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.TestData;
import org.reviewdesk.record.TestRecords;
import org.reviewdesk.search.Format1Index;
import org.reviewdesk.search.Highlights;
import org.reviewdesk.search.Query;
import org.reviewdesk.search.RecordIndex;
import org.reviewdesk.search.RecordIndex.PageKey;
import org.reviewdesk.store.Store;

/**
 * A data folder whose index was written before pairs of common words (format 1) opens at once, answers
 * phrases right while the background pass indexes its documents again from the store, and afterwards looks
 * phrases of common words up by their pairs, with the same hits; the upgrade is durable.
 */
class IndexUpgradeTest {
    @TempDir
    Path tmp;

    private static final List<String> QUERIES = List.of("\"of the\"", "\"was not the\"", "\"the patient\"",
            "\"of the\" knee", "\"range of th*\"", "\"it was\"");

    /** A store of 3 documents (36 pages) whose index is of the first format: every page is to be indexed again. */
    private Map<PageKey, String> storeWithAFormat1Index(Path data) throws Exception {
        try (Workbench w = Workbench.create(data, TestData.PASSWORD, false)) {
            for (int doc = 0; doc < 3; doc++) {
                List<List<String>> pages = new ArrayList<>();
                for (int p = 1; p <= 12; p++) {
                    pages.add(List.of("Progress note " + doc + " page " + p + ".",
                            p % 3 == 0 ? "Range of the knee was not the same; it was worse." : "Knee pain of",
                            p % 4 == 0 ? "the patient was not seen." : "The knee: range of motion full."));
                }
                Path pdf = tmp.resolve("note-" + doc + ".pdf");
                Files.write(pdf, TestRecords.pdf(pages));
                w.records().addFiles("EXAMPLE-0001", List.of(pdf), RecordService.Progress.NONE, () -> false);
            }
        }
        Map<PageKey, String> texts = new LinkedHashMap<>();
        byte[] key;
        try (Store s = Store.open(data, TestData.PASSWORD)) {
            key = s.indexKey();
            s.records().forEachPage((c, d, p, text) -> texts.put(new PageKey(c, d, p), text == null ? "" : text));
        }
        assertTrue(texts.size() >= 36, "the record pages: " + texts.size());
        Path index = Store.indexDir(data);
        try (Stream<Path> s = Files.walk(index)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Format1Index.write(index, key, texts);

        return texts;
    }

    @Test
    void anIndexOfTheFirstFormatIsUpgradedInTheBackgroundAndAnswersBeforeAndAfter() throws Exception {
        Path data = tmp.resolve("data");
        Map<PageKey, String> texts = storeWithAFormat1Index(data);
        try (Workbench w = Workbench.open(data, TestData.PASSWORD)) {
            // answered at once, by word positions or (once the pass is done: quickly, for 36 pages) by pairs;
            // the state before the pass is tested in CommonWordPairsTest
            for (String q : QUERIES) {
                assertFinds(w, texts, q, "at once");
            }
            w.search().awaitRepair();
            RecordIndex idx = w.search().index();
            assertEquals(RecordIndex.seedCommonWords(), idx.readyCommonWords(), "every page has its pairs");
            assertTrue(idx.staleDocuments().isEmpty());
            assertTrue(w.search().commonWordsReindexed() >= 3, "the documents were indexed again");
            assertEquals(texts.size(), idx.pageCount(), "no page lost or doubled");
            for (String q : QUERIES) {
                assertFinds(w, texts, q, "after");
            }
            var hit = w.search().search("\"was not the\"", null, 5).get(0);
            assertEquals("was not the", hit.snippet().substring(hit.snippetMarks().get(0)[0],
                    hit.snippetMarks().get(0)[1]).toLowerCase(), "the phrase is marked in the snippet");
        }
        try (Workbench w = Workbench.open(data, TestData.PASSWORD)) {
            w.search().awaitRepair();
            assertEquals(0, w.search().commonWordsReindexed(), "upgraded once: nothing to do at the next start");
            assertFalse(w.search().index().readyCommonWords().isEmpty());
            for (String q : QUERIES) {
                assertFinds(w, texts, q, "reopened");
            }
        }
    }

    @Test
    void aShortLivedProcessLeavesTheReindexingToTheNextProcessThatStays() throws Exception {
        Path data = tmp.resolve("data");
        Map<PageKey, String> texts = storeWithAFormat1Index(data);
        try (Workbench w = Workbench.open(data, TestData.PASSWORD)) {
            w.search().shortLived(true);
            w.search().awaitRepair();
            assertEquals(0, w.search().commonWordsReindexed(), "a command does not index the store again");
            assertFalse(w.search().index().staleDocuments().isEmpty(), "left for later");
            for (String q : QUERIES) {
                assertFinds(w, texts, q, "in a command");
            }
        }
        try (Workbench w = Workbench.open(data, TestData.PASSWORD)) {
            w.search().awaitRepair();
            assertTrue(w.search().commonWordsReindexed() >= 3, "the window or a server does it");
            assertTrue(w.search().index().staleDocuments().isEmpty());
        }
    }

    private static Set<List<Object>> expected(Map<PageKey, String> texts, String query) {
        Query q = Query.parse(query);
        return texts.entrySet().stream().filter(e -> e.getKey().caseNumber().equals("EXAMPLE-0001")).filter(e -> {
            for (Query.Clause c : q.clauses()) {
                if (Highlights.marks(e.getValue(), new Query(List.of(c))).isEmpty()) {
                    return false;
                }
            }
            return true;
        }).map(e -> List.<Object>of(e.getKey().documentId(), e.getKey().page())).collect(Collectors.toSet());
    }

    /**
     * The pages that rank first, as many as should have every part of the query (a page with every part ranks
     * above pages with some); a query of one part finds no other page.
     */
    private static void assertFinds(Workbench w, Map<PageKey, String> texts, String query, String when)
            throws Exception {
        Set<List<Object>> want = expected(texts, query);
        var hits = w.search().search(query, "EXAMPLE-0001", 1000);
        Set<List<Object>> top = hits.stream().limit(want.size())
                .map(h -> List.<Object>of(h.documentId(), h.page())).collect(Collectors.toSet());
        assertEquals(want, top, when + ": " + query);
        if (Query.parse(query).clauses().size() == 1) {
            assertEquals(want.size(), hits.size(), when + ", no other page: " + query);
        }
        assertFalse(want.isEmpty(), "the phrase is in the record: " + query);
    }
}
