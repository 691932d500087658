package org.reviewdesk.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reviewdesk.search.SearchIndex.Hit;
import org.reviewdesk.search.SearchIndex.PageKey;

class SearchIndexTest {
    private static final String P1 = "Physical examination of the cervical spine revealed full range of motion.";
    private static final String P2 = "Lumbar spine: range of motion limited. Full   flexion was not possible.";
    private static final String P3 = "Lumbosacral strain. Urine drug screen consistent with prescribed opioids.";

    private static SearchIndex index() {
        SearchIndex i = new SearchIndex();
        i.add(new PageKey("C1", "d1", 1), P1);
        i.add(new PageKey("C1", "d1", 2), P2);
        i.add(new PageKey("C2", "d9", 7), P3);
        return i;
    }

    @Test
    void wordsMustAllOccurOnThePage() {
        List<Hit> hits = index().search(Query.parse("range motion"), null, 10);
        assertEquals(2, hits.size());
        assertEquals(List.of(new PageKey("C1", "d1", 1), new PageKey("C1", "d1", 2)),
                hits.stream().map(Hit::page).sorted(java.util.Comparator.comparingInt(PageKey::page)).toList());
        assertTrue(index().search(Query.parse("range opioids"), null, 10).isEmpty());
    }

    @Test
    void aPhraseMatchesOnlyConsecutiveWords() {
        List<Hit> hits = index().search(Query.parse("\"full range of motion\""), null, 10);
        assertEquals(1, hits.size());
        assertEquals(new PageKey("C1", "d1", 1), hits.get(0).page());
        int start = P1.indexOf("full range");
        assertArrayEquals(new int[] {start, start + "full range of motion".length()}, hits.get(0).pageMarks().get(0));
    }

    @Test
    void aPrefixMatchesEveryWordStartingWithIt() {
        List<Hit> hits = index().search(Query.parse("lumb*"), null, 10);
        assertEquals(2, hits.size());
        Hit p3 = hits.stream().filter(h -> h.page().page() == 7).findFirst().orElseThrow();
        assertArrayEquals(new int[] {0, "Lumbosacral".length()}, p3.pageMarks().get(0));
    }

    @Test
    void searchCanBeLimitedToOneCase() {
        assertEquals(2, index().search(Query.parse("spine"), null, 10).size());
        assertTrue(index().search(Query.parse("lumbosacral"), "C1", 10).isEmpty());
        assertEquals(1, index().search(Query.parse("lumbosacral"), "C2", 10).size());
    }

    @Test
    void snippetMarksPointAtTheMatchedWordsInTheSnippet() {
        Hit h = index().search(Query.parse("flexion"), null, 10).get(0);
        int[] m = h.snippetMarks().get(0);
        assertEquals("flexion", h.snippet().substring(m[0], m[1]));
        assertTrue(h.snippet().contains("Full flexion"), "runs of spaces are folded: " + h.snippet());
    }

    @Test
    void caseAndAccentsOfTheTextAreKeptInMarks() {
        SearchIndex i = new SearchIndex();
        String text = "Le patient présente une DOULEUR lombaire; Douleur ≥ 7/10.";
        i.add(new PageKey("C", "d", 1), text);
        Hit h = i.search(Query.parse("douleur"), null, 5).get(0);
        assertEquals(2, h.pageMarks().size());
        assertEquals("DOULEUR", text.substring(h.pageMarks().get(0)[0], h.pageMarks().get(0)[1]));
        assertEquals(1, i.search(Query.parse("présente"), null, 5).size());
    }

    @Test
    void aRemovedDocumentIsNoLongerFound() {
        SearchIndex i = index();
        i.removeDocument("C1", "d1");
        assertTrue(i.search(Query.parse("range"), null, 10).isEmpty());
        assertEquals(1, i.pageCount());
    }
}
