package org.reviewdesk.guideline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Near-duplicate ODG entries (the same guideline spelled another way) are one entry with aliases. */
class GuidelineAliasesTest {
    private static final GuidelineLibrary LIB = GuidelineLibrary.shipped();
    private static final GuidelineRanker RANKER = LIB.ranker();

    private static SearchHit hit(String id, String section) {
        GuidelineEntry e = LIB.byId(id).orElseThrow(() -> new AssertionError("no entry " + id));
        if (section == null) {
            return new SearchHit(e, null);
        }
        return new SearchHit(e, e.sections().stream().filter(s -> s.name().equals(section)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " has no section " + section)));
    }

    @Test
    void spellingsOfTheSameOdgTopicAreAliases() {
        SearchHit mri = hit("odg-low-back-chapter-2", "Magnetic Resonance Imaging (MRI)");
        assertTrue(RANKER.sameGuideline(mri, hit("odg-low-back-2", "MRI")));
        assertTrue(RANKER.sameGuideline(mri, hit("odg-low-back-mris", null)));
        assertTrue(RANKER.aliasesOf(mri).size() >= 5, RANKER.aliasesOf(mri).toString());
        assertTrue(RANKER.sameGuideline(hit("odg-hips-pelvis-chapter", "X-Ray"), hit("odg-hip-pelvis-2", "X-Ray")));
    }

    @Test
    void misprintedMtusSectionsAreAliasesOfTheCorrectOnesButStayInTheLibrary() {
        assertTrue(RANKER.sameGuideline(hit("mtus-low-back-2004", "Diagnositc Criteria"),
                hit("mtus-low-back-2004", "Diagnostic Criteria")));
        assertTrue(RANKER.sameGuideline(hit("mtus-low-back-2004", "Inital Care"),
                hit("mtus-low-back-2004", "Initial Care")));
        // Different MTUS chapters never merge.
        assertFalse(RANKER.sameGuideline(hit("mtus-low-back-2004", "Special Studies"),
                hit("mtus-neck-2004", "Special Studies")));
    }

    @Test
    void differentTopicsOrBodyPartsStayApart() {
        assertFalse(RANKER.sameGuideline(hit("odg-low-back-2", "MRI"), hit("odg-elbow-2", "MRI")));
        assertFalse(RANKER.sameGuideline(hit("odg-low-back-chapter", null), hit("odg-neck-and-upper-back-low-back",
                null)), "a citation of two chapters is its own entry");
        assertFalse(RANKER.sameGuideline(hit("odg-low-back-2", "MRI"), hit("odg-low-back-2", "Preoperative lab testing")));
    }

    @Test
    void theCiteDialogListsEachGuidelineOnce() {
        List<SearchHit> ranked = RANKER.forItem("MRI of the lumbar spine", "imaging", Map.of());
        Set<String> seen = new HashSet<>();
        for (SearchHit h : ranked.subList(0, Math.min(20, ranked.size()))) {
            assertTrue(seen.add(RANKER.groupKey(h)), "listed twice: " + h.label());
        }
        assertEquals("mtus-low-back-2004 / Special Studies", ranked.get(0).label());
    }
}
