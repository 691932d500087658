package org.reviewdesk.guideline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ChecklistsTest {

    @ParameterizedTest
    @EnumSource(TreatmentCategory.class)
    void everyCategoryHasAChecklistWithUniqueKeys(TreatmentCategory c) {
        Checklist list = Checklists.forCategory(c);
        assertEquals(c, list.category());
        assertFalse(list.questions().isEmpty());
        Set<String> keys = new HashSet<>();
        for (ChecklistQuestion q : list.questions()) {
            assertTrue(keys.add(q.key()), "duplicate key " + q.key() + " in " + c);
            assertFalse(q.text().isBlank());
        }
    }

    @Test
    void physicalTherapyAsksWhatReviewersWeigh() {
        Checklist pt = Checklists.forCategory(TreatmentCategory.PHYSICAL_THERAPY);
        List<String> keys = pt.questions().stream().map(ChecklistQuestion::key).toList();
        assertTrue(keys.containsAll(List.of("requested", "bodyPart", "diagnosisGroup", "priorVisitsDocumented",
                "priorVisits", "functionalImprovement", "remainingDeficits", "homeProgramReason")), keys.toString());
        assertEquals(ChecklistQuestion.Kind.NUMBER, pt.question("requested").orElseThrow().kind());
        assertEquals(ChecklistQuestion.Kind.YES_NO, pt.question("priorVisitsDocumented").orElseThrow().kind());
        assertEquals(ChecklistQuestion.Kind.YES_NO_UNKNOWN, pt.question("functionalImprovement").orElseThrow().kind());
    }

    @Test
    void opioidChecklistCoversTheFourAsDrugScreensAgreementAndDose() {
        Checklist op = Checklists.forCategory(TreatmentCategory.OPIOID);
        for (String key : List.of("painAndFunction", "drugScreens", "agreement", "functionalImprovement", "med",
                "firstLineTried")) {
            assertTrue(op.question(key).isPresent(), key);
        }
    }

    @Test
    void categorySpecificQuestionsArePresent() {
        assertTrue(Checklists.forCategory(TreatmentCategory.IMAGING).question("redFlags").isPresent());
        assertTrue(Checklists.forCategory(TreatmentCategory.ELECTRODIAGNOSTIC).question("obviousRadiculopathy").isPresent());
        assertTrue(Checklists.forCategory(TreatmentCategory.INJECTION).question("priorResponse").isPresent());
        assertTrue(Checklists.forCategory(TreatmentCategory.TOPICAL).question("unrecommendedIngredient").isPresent());
        assertTrue(Checklists.forCategory(TreatmentCategory.TENS_DME).question("trialDone").isPresent());
        assertTrue(Checklists.forCategory(TreatmentCategory.CHIROPRACTIC).question("trialDone").isPresent());
        assertTrue(Checklists.forCategory(TreatmentCategory.MUSCLE_RELAXANT).question("acuteExacerbation").isPresent());
        assertTrue(Checklists.forCategory(TreatmentCategory.NSAID).question("riskAssessed").isPresent());
        assertTrue(Checklists.forCategory(TreatmentCategory.OTHER).question("criteriaMet").isPresent());
    }

    @Test
    void nullCategoryGivesTheGenericChecklist() {
        assertEquals(TreatmentCategory.OTHER, Checklists.forCategory(null).category());
    }

    @Test
    void categoryKeysRoundTripAndUnknownKeysAreOther() {
        for (TreatmentCategory c : TreatmentCategory.values()) {
            assertEquals(c, TreatmentCategory.fromKey(c.key()));
            assertFalse(c.label().isBlank());
        }
        assertEquals(TreatmentCategory.PHYSICAL_THERAPY, TreatmentCategory.fromKey(" Physical-Therapy "));
        assertEquals(TreatmentCategory.OTHER, TreatmentCategory.fromKey("durable-goods"));
        assertEquals(TreatmentCategory.OTHER, TreatmentCategory.fromKey(null));
    }
}
