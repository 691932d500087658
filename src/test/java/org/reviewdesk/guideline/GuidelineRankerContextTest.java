package org.reviewdesk.guideline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the Cite dialog opens with: the governing MTUS section first, the body chapter and the postsurgical rules near. */
class GuidelineRankerContextTest {
    private static final GuidelineRanker RANKER = GuidelineLibrary.shipped().ranker();

    private static List<SearchHit> first5(String request) {
        List<SearchHit> all = RANKER.forItem(request, CategorySuggester.suggest(request).key(), Map.of());
        return all.subList(0, Math.min(5, all.size()));
    }

    @Test
    void theMtusSectionThatGovernsOpensTheListBeforeTheOdg() {
        assertEquals("mtus-chronic-pain-2009 / Epidural steroid injections (ESIs)",
                first5("Left L4-5 epidural steroid injection").get(0).label());
        assertEquals("mtus-chronic-pain-2016 / Lidoderm (lidocaine patch)", first5("Lidoderm 5% patch #30").get(0).label());
    }

    @Test
    void theBodyPartsMtusChapterIsAmongTheFirstFive() {
        assertTrue(first5("Right knee brace").stream().anyMatch(h -> h.entry().id().equals("mtus-knee-2004")));
        assertTrue(first5("Left L4-5 epidural steroid injection").stream()
                .anyMatch(h -> h.entry().id().equals("mtus-low-back-2004")));
    }

    @Test
    void oneBodyChapterTakesAtMostThreeOfTheFirstFiveAndConsultationsShowTheReferralSection() {
        List<SearchHit> top = first5("Spine surgeon evaluation for the low back");
        List<String> labels = top.stream().map(SearchHit::label).toList();
        assertTrue(top.stream().filter(h -> h.entry().id().equals("mtus-low-back-2004")).count() <= 3, labels.toString());
        assertTrue(labels.contains("mtus-general-approaches-2004 / Cornerstones of Disability Prevention and Management"),
                labels.toString());
        // A guideline of topics is not limited: the opioid guideline's own sections may fill the list.
        assertEquals(5, first5("Percocet 10/325 #120").stream()
                .filter(h -> h.entry().id().equals("mtus-opioid-2016")).count());
    }

    @Test
    void aSectionNamedForTheBodyPartInAnotherChapterIsNotPushedDown() {
        assertTrue(first5("Sacroiliac joint injection").stream()
                .anyMatch(h -> h.label().equals("odg-hip-pelvis / Sacroiliac joint blocks")));
        // The labrum is in the hip as well as the shoulder: "labral" names no body part on its own.
        assertTrue(first5("MR arthrogram of the right hip for labral tear").stream()
                .noneMatch(h -> h.entry().id().equals("mtus-shoulder-2004")));
    }

    @Test
    void therapyAfterSurgeryOpensOnThePostsurgicalGuidelines() {
        List<SearchHit> top = first5("Post-op physical therapy 12 sessions right knee");
        assertEquals("mtus-postsurgical-2009", top.get(0).entry().id(), top.toString());
        assertTrue(top.stream().anyMatch(h -> h.label().equals("mtus-postsurgical-2009 / Knee")), top.toString());
    }

    @Test
    void aTypedQueryIsRankedByItsWordsAlone() {
        List<SearchHit> typed = RANKER.rank("proton pump", "Left L4-5 epidural steroid injection", "injection", Map.of());
        assertTrue(typed.get(0).label().contains("Proton Pump"), typed.get(0).label());
    }

    @Test
    void anItemOfAKindOpensWithTheEntriesItsChecklistNames() {
        for (String request : List.of("Semi-electric hospital bed", "Platelet rich plasma injection to the right knee",
                "Cold therapy unit 7 day rental after shoulder surgery", "Lidoderm 5% patch #30")) {
            List<String> named = Checklists.forItem(CategorySuggester.suggest(request), request).entries();
            List<SearchHit> top = first5(request);
            assertTrue(top.stream().anyMatch(h -> named.contains(h.entry().id()) || h.section() != null
                    && named.contains(h.entry().id() + "#" + h.section().name())), request + ": " + top);
        }
    }
}
