package org.reviewdesk.guideline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.reviewdesk.domain.Decision;
import org.reviewdesk.domain.Item;

/** Every category's checklist drafts a four-part rationale and suggests the decision its answers support. */
class EveryChecklistDraftsTest {
    static String request(TreatmentCategory c) {
        return switch (c) {
            case PHYSICAL_THERAPY -> "6 sessions of physical therapy for the lumbar spine";
            case CHIROPRACTIC -> "6 chiropractic sessions";
            case ACUPUNCTURE -> "6 acupuncture sessions";
            case IMAGING -> "MRI of the lumbar spine";
            case ELECTRODIAGNOSTIC -> "EMG/NCV of the bilateral lower extremities";
            case OPIOID -> "Norco 10/325 mg #60";
            case NSAID -> "Naproxen 550 mg #60";
            case MUSCLE_RELAXANT -> "Cyclobenzaprine 7.5 mg #30";
            case TOPICAL -> "Lidoderm 5% patch #30";
            case TENS_DME -> "TENS unit";
            case INJECTION -> "Lumbar epidural steroid injection at L4-5";
            case SURGERY -> "Right knee arthroscopy";
            case PSYCH -> "6 sessions of cognitive behavioral therapy";
            default -> "Gym membership";
        };
    }

    @ParameterizedTest
    @EnumSource(TreatmentCategory.class)
    void withNothingDocumentedTheDraftUpholdsTheDenial(TreatmentCategory c) {
        Item item = new Item(request(c), c.key(), null, null, null, null, null, null);
        RationaleDraft d = RationaleDrafter.draft(item, Map.of(), null);
        assertEquals(Decision.UPHELD, d.suggestedDecision(), c + ": " + d.reasons());
        assertTrue(d.text().endsWith("is not medically necessary.") || d.text().endsWith(
                RationaleDrafter.OPIOID_TAPER_ADVICE), c + ": " + d.text());
        assertTrue(d.text().contains("Therefore, the request for "), d.text());
        assertEquals(c == TreatmentCategory.OPIOID, d.text().contains(RationaleDrafter.OPIOID_TAPER_ADVICE),
                "tapering advice only when an opioid denial is upheld");
    }

    @ParameterizedTest
    @EnumSource(TreatmentCategory.class)
    void whenEveryCriterionIsDocumentedTheDraftOverturnsTheDenial(TreatmentCategory c) {
        Item item = new Item(request(c), c.key(), null, null, null, null, null, null);
        Map<String, Object> answers = new LinkedHashMap<>();
        Checklist list = Checklists.forCategory(c);
        for (ChecklistQuestion q : list.questions()) {
            if (q.kind() == ChecklistQuestion.Kind.YES_NO || q.kind() == ChecklistQuestion.Kind.YES_NO_UNKNOWN) {
                answers.put(q.key(), "yes");
            }
        }
        // questions that argue against the treatment ("Against: ...") are answered no
        for (String reason : RationaleDrafter.draft(item, answers, null).reasons()) {
            if (reason.startsWith("Against: ")) {
                String text = reason.substring("Against: ".length());
                list.questions().stream().filter(q -> q.text().equals(text)).forEach(q -> answers.put(q.key(), "no"));
            }
        }
        RationaleDraft d = RationaleDrafter.draft(item, answers, null);
        assertEquals(Decision.OVERTURNED, d.suggestedDecision(), c + ": " + d.reasons());
        assertTrue(d.text().endsWith("is medically necessary."), c + ": " + d.text());
        assertTrue(d.text().split("\\. ").length >= 3, "guideline, facts and conclusion: " + d.text());
    }
}
