package org.reviewdesk.guideline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reviewdesk.domain.Decision;
import org.reviewdesk.domain.Item;

class RationaleDrafterTest {

    private static Item item(String request, String category, Decision decision) {
        return new Item(request, category, decision, null, null, null, null, null);
    }

    @Test
    void itemNameOfAModifiedRequestIsTheRemainingPortion() {
        assertEquals("Cyclobenzaprine 7.5mg #27", RationaleDrafter.itemName("Cyclobenzaprine 7.5mg #90 was the "
                + "original request. Cyclobenzaprine 7.5mg #63 was authorized by the Claims Administrator. The "
                + "remaining IMR eligible portion of the original request, Cyclobenzaprine 7.5mg #27 is"));
    }

    @Test
    void itemNameWhenTheWholeOriginalRequestStaysEligibleIsTheOriginal() {
        assertEquals("Partial Hospitalization day treatment", RationaleDrafter.itemName("Partial Hospitalization day "
                + "treatment was the original request. The Claims Administrator authorized an Evaluation only for a "
                + "Partial Hospitalization day treatment, leaving the original request IMR eligible. The original "
                + "request, Partial Hospitalization day treatment is"));
    }

    @Test
    void itemNameOfAPlainRequestIsTheRequest() {
        assertEquals("MRI of the lumbar spine", RationaleDrafter.itemName(" MRI of the lumbar spine "));
    }

    @Test
    void modifiedRequestConcludesOnTheRemainingPortionLowercased() {
        Item i = item("Physical therapy for 12 sessions was the original request. Physical therapy for 6 sessions was "
                + "authorized by the Claims Administrator. The remaining IMR eligible portion of the original "
                + "request, Physical therapy for 6 sessions is", null, null);
        RationaleDraft d = RationaleDrafter.draft(i, Map.of("priorTherapy", "no", "remainingDeficits", "yes"), null);
        assertTrue(d.text().contains("In this case, the request is for physical therapy for 6 sessions."), d.text());
        assertTrue(d.text().endsWith("Therefore, the request for physical therapy for 6 sessions is medically "
                + "necessary."), d.text());
        assertEquals(Decision.OVERTURNED, d.suggestedDecision(), d.reasons().toString());
    }

    @Test
    void brandNamesAndAcronymsKeepTheirCapitals() {
        assertTrue(RationaleDrafter.draft(item("Norco 10/325mg #60", null, null), Map.of(), null).text()
                .contains("the request for Norco 10/325mg #60 is"));
        assertTrue(RationaleDrafter.draft(item("MRI of the lumbar spine", null, null), Map.of(), null).text()
                .contains("the request for MRI of the lumbar spine is"));
    }

    @Test
    void upheldOpioidAddsTheTaperingAdvice() {
        RationaleDraft d = RationaleDrafter.draft(item("Norco 10/325mg #60", "opioid", null),
                Map.of("functionalImprovement", "no", "drugScreens", "unknown"), null);
        assertEquals(Decision.UPHELD, d.suggestedDecision());
        assertTrue(d.text().contains("is not medically necessary. " + RationaleDrafter.OPIOID_TAPER_ADVICE), d.text());
        assertTrue(d.text().contains("Urine drug screening is not documented in the records provided."), d.text());
    }

    @Test
    void overturnedOpioidHasNoTaperingAdvice() {
        Map<String, Object> all = Map.of("firstLineTried", true, "painAndFunction", true, "functionalImprovement",
                true, "drugScreens", true, "agreement", true, "aberrant", false);
        RationaleDraft d = RationaleDrafter.draft(item("Norco 10/325mg #60", "opioid", null), all, null);
        assertEquals(Decision.OVERTURNED, d.suggestedDecision(), d.reasons().toString());
        assertFalse(d.text().contains("Tapering opioids"));
    }

    @Test
    void unansweredRequiredQuestionsMeanItCannotSuggestYet() {
        // An open question is not a "no": the suggestion waits for it and lists it (it used to turn into Upheld).
        RationaleDraft d = RationaleDrafter.draft(item("Celebrex 200mg #30", null, null), Map.of(), null);
        assertEquals(null, d.suggestedDecision());
        assertEquals(Suggestion.Kind.CANNOT_SUGGEST, d.suggestion().kind());
        assertTrue(d.reasons().stream().anyMatch(r -> r.startsWith("Not answered: ")), d.reasons().toString());
        assertTrue(d.suggestion().sentence().startsWith("Cannot suggest yet: "), d.suggestion().sentence());
    }

    @Test
    void anUnknownRequiredAnswerIsAnOpenQuestionAndANoIsUnmet() {
        Map<String, Object> answers = new java.util.HashMap<>(Map.of("objectiveFindings", "yes",
                "conservativeCare", "yes", "surgeryConsidered", "unknown"));
        RationaleDraft open = RationaleDrafter.draft(item("MRI of the lumbar spine", null, null), answers, null);
        assertEquals(Suggestion.Kind.CANNOT_SUGGEST, open.suggestion().kind(), open.reasons().toString());
        assertEquals(1, open.suggestion().open().size(), open.suggestion().toString());
        assertEquals("Cannot suggest yet: 1 open question decides it.", open.suggestion().sentence());
        answers.put("surgeryConsidered", "no");
        RationaleDraft no = RationaleDrafter.draft(item("MRI of the lumbar spine", null, null), answers, null);
        assertEquals(Decision.UPHELD, no.suggestedDecision());
        assertEquals("Suggested decision: Upheld, because 1 criterion is not met.", no.suggestion().sentence());
        answers.put("surgeryConsidered", "not applicable");
        RationaleDraft na = RationaleDrafter.draft(item("MRI of the lumbar spine", null, null), answers, null);
        assertEquals(Decision.OVERTURNED, na.suggestedDecision(), na.suggestion().toString());
        assertEquals(2, na.suggestion().met().size(), na.suggestion().toString());
    }

    @Test
    void redFlagsAloneSupportImaging() {
        RationaleDraft d = RationaleDrafter.draft(item("MRI of the lumbar spine", null, null),
                Map.of("redFlags", "yes"), null);
        assertEquals(Decision.OVERTURNED, d.suggestedDecision(), d.reasons().toString());
        assertTrue(d.text().contains("The records document red flags that call for imaging."), d.text());
    }

    @Test
    void adverseAnswerUpholdsEvenWhenTheRestIsMet() {
        RationaleDraft d = RationaleDrafter.draft(item("Compound cream flurbiprofen/cyclobenzaprine", "topical", null),
                Map.of("failedFirstLine", "yes", "approvedUse", "yes", "unrecommendedIngredient", "yes"), null);
        assertEquals(Decision.UPHELD, d.suggestedDecision());
        assertTrue(d.text().contains("contains at least one drug or drug class that is not recommended"), d.text());
    }

    @Test
    void priorVisitsPlusRequestOverTheLimitIsAgainst() {
        RationaleDraft d = RationaleDrafter.draft(item("Physical therapy 2x3 for the lumbar spine", null, null),
                Map.of("priorVisits", 8, "priorVisitsDocumented", true, "functionalImprovement", "yes",
                        "remainingDeficits", "yes", "homeProgramReason", "yes"), null);
        assertTrue(d.text().contains("The records document 8 prior physical therapy visits."), d.text());
        assertTrue(d.text().contains("Together with the 8 visits already completed, this exceeds the 10 visits"),
                d.text());
        assertEquals(Decision.UPHELD, d.suggestedDecision());
    }

    @Test
    void noPriorVisitsReadsAsWords() {
        RationaleDraft d = RationaleDrafter.draft(item("Physical therapy 2x3 for the lumbar spine", null, null),
                Map.of("priorVisits", 0, "priorVisitsDocumented", true), null);
        assertTrue(d.text().contains("The records document no prior physical therapy visits."), d.text());
        assertFalse(d.text().contains(" 0 "), d.text());
    }

    @Test
    void postOperativeTherapyUsesThePostsurgicalLimit() {
        RationaleDraft d = RationaleDrafter.draft(item("Associated surgical service: Physical therapy, times 12",
                null, null), Map.of("postSurgicalLimit", 24, "priorTherapy", "no", "remainingDeficits", "yes"), null);
        assertTrue(d.text().startsWith("The MTUS Postsurgical Treatment Guidelines"), d.text());
        assertTrue(d.text().contains("This is within the 24 visits after this surgery the guidelines recommend."),
                d.text());
        assertEquals(Decision.OVERTURNED, d.suggestedDecision(), d.reasons().toString());
    }

    @Test
    void chiropracticBeyondTheTrialWithoutImprovementIsAgainst() {
        RationaleDraft d = RationaleDrafter.draft(item("Chiropractic 12 visits for the cervical spine", null, null),
                Map.of("trialDone", "yes", "functionalImprovement", "unknown"), null);
        assertTrue(d.text().contains("This exceeds the trial of 6 visits the guidelines recommend."), d.text());
        assertTrue(d.text().contains("The MTUS makes no recommendation for cervical or thoracic manipulation"), d.text());
        assertEquals(Decision.UPHELD, d.suggestedDecision());
    }

    @Test
    void muscleRelaxantBeyondACoupleOfWeeksIsAgainst() {
        RationaleDraft d = RationaleDrafter.draft(item("Cyclobenzaprine 7.5mg #90", null, null),
                Map.of("durationWeeks", 8, "acuteExacerbation", "yes", "secondLine", "yes", "shortTerm", "yes"), null);
        assertTrue(d.text().contains("Use for 8 weeks is longer than the couple of weeks the guidelines support."),
                d.text());
        assertEquals(Decision.UPHELD, d.suggestedDecision());
    }

    @Test
    void guidelineSummaryFromTheLibraryReplacesTheBuiltInStatement() {
        RationaleDraft d = RationaleDrafter.draft(item("TENS unit", null, null), Map.of(),
                "The CA MTUS recommends a one-month TENS trial as an adjunct to functional restoration");
        assertTrue(d.text().startsWith("The CA MTUS recommends a one-month TENS trial as an adjunct to functional "
                + "restoration. In this case, the request is for TENS unit."), d.text());
    }

    @Test
    void conclusionFollowsTheReviewersDecisionAndNotesTheDisagreement() {
        RationaleDraft d = RationaleDrafter.draft(item("MRI of the lumbar spine", null, Decision.OVERTURNED),
                Map.of("objectiveFindings", "no"), null);
        assertEquals(Decision.UPHELD, d.suggestedDecision());
        assertTrue(d.text().endsWith("Therefore, the request for MRI of the lumbar spine is medically necessary."),
                d.text());
        assertTrue(d.reasons().stream().anyMatch(r -> r.contains("the conclusion follows the decision")));
    }
}
