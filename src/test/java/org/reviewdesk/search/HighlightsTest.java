package org.reviewdesk.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A hit's preview shows where the words stand together, not the page's first loose match: the preview of
 * {@code range of motion} showed the page's heading ("Date of determination") with "of" marked in red.
 */
class HighlightsTest {
    private static final String PAGE = "UTILIZATION REVIEW DETERMINATION Date of determination: 01/29/2015 Date of "
            + "injury: 01/22/2014. Cognitive testing placed memory in the average range for age. "
            + "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore "
            + "et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut "
            + "aliquip ex ea commodo consequat. The 01/19/2015 examination documents full cervical range of motion "
            + "and 5/5 strength in the upper extremities.";

    @Test
    void thePreviewStandsWhereTheWordsAreTogetherAndCommonWordsAreNotMarked() {
        Query q = Query.parse("range of motion").withoutCommonWords();
        List<int[]> marks = Highlights.marks(PAGE, q);
        Highlights.Snippet s = Highlights.snippet(PAGE, marks);
        assertTrue(s.text().contains("full cervical range of motion"), s.text());
        List<String> marked = s.snippetMarks().stream().map(m -> s.text().substring(m[0], m[1])).toList();
        assertTrue(marked.containsAll(List.of("range", "motion")) && !marked.contains("of"), marked.toString());
        assertEquals(3, s.pageMarks().size(), "range twice and motion once on the page");
    }

    /** Stepping through a page (F3) meets "range of motion" once, not "range" and then "motion". */
    @Test
    void wordsThatStandTogetherAreOneStep() {
        List<int[]> marks = org.reviewdesk.service.SearchService.marks(PAGE, "range of motion");
        List<String> steps = marks.stream().map(m -> PAGE.substring(m[0], m[1])).toList();
        assertEquals(List.of("range", "range of motion"), steps);
        // not across a paragraph, nor across a word that is not a common one
        String two = "Range\n\nmotion was full. Range limited motion.";
        assertEquals(List.of("Range", "motion", "Range", "motion"), org.reviewdesk.service.SearchService
                .marks(two, "range motion").stream().map(m -> two.substring(m[0], m[1])).toList());
    }

    @Test
    void aSingleWordStillOpensAtItsFirstMatch() {
        Query q = Query.parse("range");
        Highlights.Snippet s = Highlights.snippet(PAGE, Highlights.marks(PAGE, q));
        assertTrue(s.text().contains("average range"), s.text());
    }
}
