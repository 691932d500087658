package org.reviewdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The marks on a page the viewer shows for a search: lone common words are not marked beside other words, and the
 * query's words that stand together (with at most one common word between) are one mark, one F3 step.
 */
class PageMarksTest {
    private static final String PAGE = "Range of motion of the lumbar spine is limited. Flexion of 40 degrees. "
            + "The range of motion improved.";

    private static List<String> marked(String query, boolean fuzzy) {
        return SearchService.marks(PAGE, query, fuzzy).stream().map(m -> PAGE.substring(m[0], m[1])).toList();
    }

    @Test
    void commonWordsBesideOtherWordsAreNotMarked() {
        assertEquals(List.of("Range of motion", "range of motion"), marked("range of motion", false));
        assertEquals(List.of("Range of motion", "range of motion"), marked("range of motion", true));
        assertEquals(2, SearchService.marks(PAGE, "range of motion").size());
        // words apart stay apart, and no lone "of" is marked
        assertEquals(List.of("Range", "Flexion", "range"), marked("range of flexion", false));
    }

    @Test
    void aQuotedPhraseStillMarksItsCommonWords() {
        assertEquals(List.of("Range of motion", "range of motion"), marked("\"range of motion\"", false));
        assertEquals(List.of("Range of motion", "lumbar", "range of motion"),
                marked("\"range of motion\" lumbar", false));
    }

    @Test
    void aQueryOfCommonWordsOnlyIsMarkedAsTyped() {
        assertEquals(List.of("of", "of", "of", "of"), marked("of", false));
        assertEquals(List.of("of", "of the", "of", "The", "of"), marked("of the", false));
    }
}
