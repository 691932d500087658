package org.reviewdesk.precedent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.reviewdesk.domain.Decision;

/** The order in which similar decisions are shown. */
class PrecedentIndexTest {
    private static PrecedentIndex.Hit hit(String name, Decision d, float score, String... guidelines) {
        PrecedentItem item = new PrecedentItem(1, name, d, null, null, null);
        Precedent p = new Precedent(name, Precedent.Source.PUBLIC, null, null, null, null, null, null, List.of(item));
        CitationKeys.Keys keys = new CitationKeys.Keys(Set.of(guidelines), Set.of());
        return new PrecedentIndex.Hit(new PrecedentIndex.Entry(p, item, "imaging", List.of(), keys,
                CitationKeys.Keys.NONE), score);
    }

    private static List<String> names(List<PrecedentIndex.Hit> hits) {
        List<String> out = new ArrayList<>();
        hits.forEach(h -> out.add(h.entry().precedent().caseNumber()));
        return out;
    }

    private static Precedent letter(String caseNumber, String request, String reviewerGuideline) {
        return new Precedent(caseNumber, Precedent.Source.PUBLIC, null, null, null, null, null,
                "Low back pain after lifting at work.", List.of(new PrecedentItem(1, request, Decision.UPHELD,
                        null, reviewerGuideline, "Not medically necessary.")));
    }

    @Test
    void theGuidelineUtilizationReviewCitedRaisesPrecedentsCitingItInAnySpelling() {
        String mtus = "Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Physical medicine "
                + "treatment.";
        String odg = "The Expert Reviewer based their decision on recommendation(s) outside of the MTUS Guidelines. "
                + "Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Low back section, "
                + "Physical therapy.";
        List<Precedent> all = List.of(letter("CM00-0000001", "Physical therapy for the lumbar spine, 12 sessions", mtus),
                letter("CM00-0000002", "Physical therapy for the lumbar spine, 12 sessions", mtus),
                letter("CM00-0000003", "Physical therapy for the lumbar spine, 8 sessions", odg),
                letter("CM00-0000009", "Physical therapy for the lumbar spine, 12 sessions", mtus));
        try (PrecedentIndex index = PrecedentIndex.build(all, org.reviewdesk.guideline.GuidelineLibrary.shipped())) {
            PrecedentIndex.Weights plain = PrecedentIndex.Weights.DEFAULT.withDiversity(0, 0);
            // the UR cited the ODG low back chapter, spelled differently from the precedent's citation
            String ur = "The Claims Administrator based their decision on recommendation(s) outside of the MTUS "
                    + "Guidelines. Decision based on Non-MTUS Citation ODG Low Back Chapter, Physical Therapy.";
            List<PrecedentIndex.Hit> without = index.similar(new PrecedentIndex.Query(
                    "Physical therapy for the lumbar spine, 12 sessions", "Low back pain.", null, null, "CM00-0000009"),
                    plain, 3);
            List<PrecedentIndex.Hit> with = index.similar(new PrecedentIndex.Query(
                    "Physical therapy for the lumbar spine, 12 sessions", "Low back pain.", null, ur, "CM00-0000009"),
                    plain, 3);
            assertEquals("CM00-0000003", without.get(2).entry().precedent().caseNumber(), "8 sessions: less similar");
            assertEquals("CM00-0000003", with.get(0).entry().precedent().caseNumber());
            assertEquals(3, with.size(), "the case itself is left out");
        }
    }

    @Test
    void aCloseDecisionTheOtherWayOrUnderAnotherGuidelineComesForward() {
        List<PrecedentIndex.Hit> ranked = List.of(
                hit("a", Decision.UPHELD, 10f, "mtus:low-back"),
                hit("b", Decision.UPHELD, 9.8f, "mtus:low-back"),
                hit("c", Decision.UPHELD, 9.6f, "mtus:low-back"),
                hit("d", Decision.UPHELD, 9.4f, "mtus:low-back"),
                hit("e", Decision.UPHELD, 9.2f, "mtus:low-back"),
                hit("f", Decision.OVERTURNED, 8.5f, "mtus:low-back"),
                hit("g", Decision.UPHELD, 8.2f, "odg:low-back"),
                hit("h", Decision.OVERTURNED, 3f, "odg:neck"));
        PrecedentIndex.Weights w = PrecedentIndex.Weights.DEFAULT;
        // f (overturned, 85% of the best) and g (another guideline, 82%) come before the copies of a's answer;
        // h is far less similar and stays last
        assertEquals(List.of("a", "f", "g", "b", "c", "d", "e", "h"), names(PrecedentIndex.diversified(ranked, w, 8)));
        assertEquals(List.of("a", "f", "g", "b", "c"), names(PrecedentIndex.diversified(ranked, w, 5)));
        // without the weights the order is the score's
        assertEquals(List.of("a", "b", "c", "d", "e", "f", "g", "h"),
                names(PrecedentIndex.diversified(ranked, w.withDiversity(0, 0), 8)));
        assertEquals(List.of(), PrecedentIndex.diversified(List.of(), w, 5));
    }
}
