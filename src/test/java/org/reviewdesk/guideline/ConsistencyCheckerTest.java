package org.reviewdesk.guideline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.domain.Citation;
import org.reviewdesk.domain.Decision;
import org.reviewdesk.domain.Evidence;
import org.reviewdesk.domain.Item;
import org.reviewdesk.guideline.ConsistencyCheck.Severity;

class ConsistencyCheckerTest {

    private static final String MTUS = "Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): "
            + "Physical medicine treatment.";
    private static final String NOT_NECESSARY = "The guidelines recommend up to 10 visits. The request is for 12. "
            + "Therefore, the request for 12 sessions of physical therapy is not medically necessary.";
    private static final DocumentedSearch NOTHING = phrase -> List.of();

    private static Item item(String request, Decision d, String guideline, String rationale) {
        return new Item(request, null, d, null, guideline, rationale, null, null);
    }

    private static CaseFile caseWith(Item item, List<Evidence> evidence) {
        return new CaseFile("T-1", null, null, null, null, null, null, null, null, null, null, null, null,
                List.of(item), null, evidence);
    }

    private static List<ConsistencyCheck> check(Item item) {
        return ConsistencyChecker.check(caseWith(item, null), item, 0, NOTHING);
    }

    private static Optional<ConsistencyCheck> find(List<ConsistencyCheck> checks, String key) {
        return checks.stream().filter(k -> k.key().startsWith(key)).findFirst();
    }

    @Test
    void undecidedItemIsAnError() {
        ConsistencyCheck k = find(check(item("MRI", null, MTUS, NOT_NECESSARY)), "undecided").orElseThrow();
        assertEquals(Severity.ERROR, k.severity());
        assertTrue(k.message().startsWith("Item 1: "));
    }

    @Test
    void emptyRationaleIsAnError() {
        assertEquals(Severity.ERROR, find(check(item("MRI", Decision.UPHELD, MTUS, "  ")), "empty-rationale")
                .orElseThrow().severity());
    }

    @Test
    void missingCitationIsAnAcknowledgeableWarning() {
        ConsistencyCheck k = find(check(item("MRI", Decision.UPHELD, "The Expert Reviewer did not cite any medical "
                + "evidence for its decision.", NOT_NECESSARY)), "no-citation").orElseThrow();
        assertEquals(Severity.WARNING, k.severity());
        assertTrue(k.acknowledgeable());
        assertTrue(find(check(item("MRI", Decision.UPHELD, null, NOT_NECESSARY)), "no-citation").isPresent());
    }

    @Test
    void anItemThatFollowsItsSurgeryOrNamesItsGuidelineInTheTextIsOnlyInformation() {
        String none = "The Expert Reviewer did not cite any medical evidence for its decision.";
        ConsistencyCheck follows = find(check(item("Associated surgical service: Cold therapy unit", Decision.UPHELD,
                none, "As the requested surgical intervention is not medically necessary, the requested ancillary "
                + "service is not medically necessary.")), "no-citation").orElseThrow();
        assertEquals(Severity.INFO, follows.severity());
        assertTrue(follows.message().contains("follows the decision"), follows.message());
        ConsistencyCheck named = find(check(item("Norco 10/325mg #60", Decision.UPHELD, none, "The CA MTUS "
                + "recommends ongoing review of pain relief and function. None is documented. Therefore, the request "
                + "is not medically necessary.")), "no-citation").orElseThrow();
        assertEquals(Severity.INFO, named.severity());
        assertTrue(named.message().contains("use Cite"), named.message());
    }

    @Test
    void structuredCitationCountsAsACitation() {
        Item i = new Item("MRI", null, Decision.UPHELD, null, null, NOT_NECESSARY,
                List.of(new Citation("mtus-cpmtg-physical-medicine", null, "98")), null);
        assertTrue(find(check(i), "no-citation").isEmpty());
        assertTrue(find(check(i), "non-mtus").isEmpty());
    }

    @Test
    void notMedicallyNecessaryWithOverturnedIsAContradiction() {
        ConsistencyCheck k = find(check(item("PT", Decision.OVERTURNED, MTUS, NOT_NECESSARY)),
                "conclusion-contradicts-decision").orElseThrow();
        assertEquals(Severity.ERROR, k.severity());
        assertFalse(k.acknowledgeable());
        assertTrue(k.message().contains("is not medically necessary"), k.message());
    }

    @Test
    void medicallyNecessaryWithUpheldIsAContradiction() {
        assertTrue(find(check(item("PT", Decision.UPHELD, MTUS, "Criteria are met. Therefore, the request is "
                + "medically necessary.")), "conclusion-contradicts-decision").isPresent());
    }

    @Test
    void otherConclusionWordingsAreRead() {
        assertTrue(find(check(item("PT", Decision.OVERTURNED, MTUS, "The medical necessity of 12 sessions is not "
                + "established for this patient at this time.")), "conclusion-contradicts-decision").isPresent());
        assertTrue(find(check(item("PT", Decision.OVERTURNED, MTUS, "The request is non-certified.")),
                "conclusion-contradicts-decision").isPresent());
        assertTrue(find(check(item("PT", Decision.UPHELD, MTUS, "The request is certified.")),
                "conclusion-contradicts-decision").isPresent());
        assertTrue(find(check(item("PT", Decision.UPHELD, MTUS, "The request is not seen as medically necessary.")),
                "conclusion").isEmpty());
    }

    @Test
    void theLastVerdictCountsNotAnEarlierQuoteOrCondition() {
        String r = "Utilization review found the request non-certified. Therapy would be medically necessary if "
                + "improvement were shown. Improvement is shown. Therefore, the request is medically necessary.";
        assertTrue(find(check(item("PT", Decision.OVERTURNED, MTUS, r)), "conclusion").isEmpty());
    }

    @Test
    void rationaleWithoutAConclusionIsAWarning() {
        assertEquals(Severity.WARNING, find(check(item("PT", Decision.UPHELD, MTUS, "Improvement is not shown.")),
                "no-conclusion").orElseThrow().severity());
    }

    private static Item answered(String request, java.util.Map<String, Object> answers) {
        return new Item(request, null, Decision.UPHELD, null, MTUS, NOT_NECESSARY, null, answers);
    }

    /** Checklist answers that cannot both be true are a warning: the draft would state both. */
    @Test
    void contradictoryChecklistAnswersAreAWarning() {
        ConsistencyCheck k = find(check(answered("12 sessions of physical therapy for the lumbar spine",
                java.util.Map.of("priorTherapy", "no", "priorVisits", 6))), "answers-contradict").orElseThrow();
        assertEquals(Severity.WARNING, k.severity());
        assertTrue(k.message().startsWith("Item 1: the checklist says the injured worker has not had physical therapy"),
                k.message());
        assertTrue(find(check(answered("Physical therapy 2x6", java.util.Map.of("priorTherapy", "yes",
                "priorVisits", 0))), "answers-contradict").orElseThrow().message().contains("0 prior visits"));
        assertTrue(find(check(answered("Physical therapy 2x6", java.util.Map.of("priorTherapy", "yes",
                "priorVisitsDocumented", "no", "priorVisits", "8"))), "answers-contradict").orElseThrow().message()
                .contains("not documented, yet a number is entered"));
        assertTrue(find(check(answered("Acupuncture x6", java.util.Map.of("priorTherapy", "no", "priorVisits", 4))),
                "answers-contradict").orElseThrow().message().contains("has not had acupuncture"));
        // answers that agree, or a count left empty, raise nothing
        for (java.util.Map<String, Object> fine : List.<java.util.Map<String, Object>>of(
                java.util.Map.of("priorTherapy", "yes", "priorVisits", 12, "priorVisitsDocumented", "yes"),
                java.util.Map.of("priorTherapy", "no", "priorVisits", 0), java.util.Map.of("priorTherapy", "yes"),
                java.util.Map.of("priorTherapy", "unknown", "priorVisits", 3))) {
            assertTrue(find(check(answered("Physical therapy 2x6", fine)), "answers-contradict").isEmpty(),
                    fine.toString());
        }
    }

    @Test
    void requestOverTheVisitLimitYetOverturnedIsAnAcknowledgeableWarning() {
        String yes = "Therefore, the request is medically necessary.";
        for (String request : List.of("12 sessions of physical therapy", "Physical therapy 2x6", "Physical therapy x12",
                "Physical therapy 3 times a week for 4 weeks")) {
            ConsistencyCheck k = find(check(item(request, Decision.OVERTURNED, MTUS, yes)), "quantity-over-limit")
                    .orElseThrow(() -> new AssertionError(request));
            assertTrue(k.acknowledgeable());
            assertTrue(k.message().contains("12 visits"), k.message());
        }
        assertTrue(find(check(item("8 sessions of physical therapy", Decision.OVERTURNED, MTUS, yes)),
                "quantity-over-limit").isEmpty());
        assertTrue(find(check(item("12 sessions of physical therapy", Decision.UPHELD, MTUS, NOT_NECESSARY)),
                "quantity-over-limit").isEmpty());
        // Chiropractic beyond the 6-visit trial, and acupuncture beyond its 6-visit trial.
        assertTrue(find(check(item("Chiropractic 8 visits", Decision.OVERTURNED, MTUS, yes)), "quantity").isPresent());
        assertTrue(find(check(item("Acupuncture 2x4", Decision.OVERTURNED, MTUS, yes)), "quantity").isPresent());
    }

    @Test
    void visitLimitWarningKnowsTherapyAfterSurgeryAndAWeighedExcess() {
        String yes = "Therefore, the request is medically necessary.";
        // Therapy after a named operation is judged by the Postsurgical Treatment Guidelines, not the 10 visits.
        for (String request : List.of("Occupational therapy 12 visits for the hand after tendon repair",
                "Physical therapy 12 visits following rotator cuff repair",
                "Physical therapy 12 visits status post right knee arthroscopy")) {
            assertTrue(find(check(item(request, Decision.OVERTURNED, MTUS, yes)), "quantity").isEmpty(), request);
        }
        assertTrue(find(check(item("Physical therapy 12 visits after a fall", Decision.OVERTURNED, MTUS, yes)),
                "quantity").isPresent());
        // A rationale that already weighs the excess is what the warning asks for.
        assertTrue(find(check(item("Physical therapy 12 visits", Decision.OVERTURNED, MTUS, "Although the request "
                + "exceeds the recommended 10 visits, the patient has a documented flare-up. " + yes)), "quantity")
                .isEmpty());
        // Saying only that the request exceeds the limit is not a reason to go beyond it.
        assertTrue(find(check(item("Physical therapy 12 visits", Decision.OVERTURNED, MTUS, "Requested 12 visits "
                + "exceed the guideline's 10. " + yes)), "quantity").isPresent());
    }

    @Test
    void documentedImprovementRaisesTheChiropracticLimit() {
        Item i = new Item("Chiropractic 12 visits", null, Decision.OVERTURNED, null, MTUS, "The request is medically "
                + "necessary.", null, Map.of("trialDone", "yes", "functionalImprovement", "yes"));
        assertTrue(find(check(i), "quantity").isEmpty());
    }

    @Test
    void nonMtusCitationNeedsAnMtusEntryOrAReason() {
        String odgOnly = "The Expert Reviewer based their decision on recommendation(s) outside of the MTUS Guidelines. "
                + "Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Neck, Cervical pillow.";
        // The MTUS has no section on pillows: citing the ODG alone needs no reason.
        assertTrue(find(check(item("Cervical pillow", Decision.UPHELD, odgOnly, "ODG does not recommend it. "
                + "Therefore, the request is not medically necessary.")), "non-mtus-without-reason").isEmpty());
        // It has one on imaging of the low back: the warning names it.
        String odgMri = "Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Low Back, MRI.";
        ConsistencyCheck k = find(check(item("MRI of the lumbar spine", Decision.UPHELD, odgMri, "ODG recommends "
                + "an MRI after a month of conservative care with red flags. None are documented. Therefore, the "
                + "request is not medically necessary.")), "non-mtus-without-reason").orElseThrow();
        assertTrue(k.message().contains("Low Back") && k.message().contains("Special Studies"), k.message());
        // A rationale that weighs the ACOEM chapter in its own words considered the MTUS.
        assertTrue(find(check(item("MRI of the lumbar spine", Decision.UPHELD, odgMri, "ACOEM recommends imaging "
                + "for red flags; ODG adds criteria. None are documented. Therefore, the request is not medically "
                + "necessary.")), "non-mtus").isEmpty());
        // On a hip MRI the MTUS is silent (no hip chapter).
        assertTrue(find(check(item("MRI of the right hip", Decision.UPHELD, odgMri.replace("Low Back", "Hip"),
                "ODG criteria are not met. Therefore, the request is not medically necessary.")), "non-mtus")
                .isEmpty());
        assertTrue(find(check(item("Cervical pillow", Decision.UPHELD, odgOnly, "The California MTUS guidelines do "
                + "not address pillows. ODG does not recommend it. Therefore, the request is not medically "
                + "necessary.")), "non-mtus").isEmpty());
        assertTrue(find(check(item("PT", Decision.UPHELD, MTUS + " Decision based on Non-MTUS Citation ODG Neck.",
                NOT_NECESSARY)), "non-mtus").isEmpty());
    }

    @Test
    void notDocumentedThatTheRecordShowsIsReportedWithTheHits() {
        Item i = item("PT", Decision.UPHELD, MTUS, "There is no documentation of objective functional improvement "
                + "from prior therapy. Therefore, the request is not medically necessary.");
        DocumentedSearch search = phrase -> phrase.equals("functional improvement")
                ? List.of("PT note 2017-01-03 p.2: \"functional improvement noted\"", "PR-2 p.4", "PR-2 p.7", "PR-2 p.9")
                : List.of();
        ConsistencyCheck k = find(ConsistencyChecker.check(caseWith(i, null), i, 0, search), "documented-after-all")
                .orElseThrow();
        assertEquals(Severity.WARNING, k.severity());
        assertTrue(k.acknowledgeable());
        assertTrue(k.message().contains("PT note 2017-01-03 p.2") && k.message().contains("and 1 more"), k.message());
    }

    @Test
    void searchedPhrasesComeFromTheGapSentences() {
        java.util.List<String> asked = new java.util.ArrayList<>();
        Item i = item("PT", Decision.UPHELD, MTUS, "The number of prior physical therapy visits is not documented in "
                + "the records provided. There is no evidence that the patient has failed conservative treatment. "
                + "Therefore, the request is not medically necessary.");
        ConsistencyChecker.check(caseWith(i, null), i, 0, phrase -> {
            asked.add(phrase);
            return List.of();
        });
        assertEquals(List.of("physical therapy visits", "failed conservative treatment"), asked);
    }

    @Test
    void markedExcerptsCountAsRecordHits() {
        Item i = item("PT", Decision.UPHELD, MTUS, "No documentation of remaining functional deficits is provided. "
                + "Therefore, the request is not medically necessary.");
        CaseFile c = caseWith(i, List.of(new Evidence("doc-3", 5, "Remaining functional deficits: grip 20 kg", null, 0)));
        ConsistencyCheck k = find(ConsistencyChecker.check(c, i, 0, null), "documented-after-all").orElseThrow();
        assertTrue(k.message().contains("doc-3 page 5"), k.message());
    }

    @Test
    void readingGradeIsInformationAndOnlyLongSentencesWarn() {
        ConsistencyCheck plain = find(check(item("PT", Decision.UPHELD, MTUS, "The pain is not better. The request is "
                + "not medically necessary.")), "reading-grade").orElseThrow();
        assertEquals(Severity.INFO, plain.severity());
        String dense = "Notwithstanding contemporaneous documentation demonstrating electrodiagnostically "
                + "substantiated polyradiculopathy, interdisciplinary rehabilitative intervention necessitates "
                + "comprehensive neuromusculoskeletal reevaluation; therefore the request is not medically necessary.";
        List<ConsistencyCheck> found = check(item("PT", Decision.UPHELD, MTUS, dense));
        assertEquals(Severity.INFO, find(found, "reading-grade").orElseThrow().severity());
        assertTrue(find(found, "long-sentence").isEmpty(), "a dense but short sentence is not warned about");
        String longOne = "The patient has had pain in the low back and the right leg for many months and has tried "
                + "physical therapy and medicines and rest and ice and heat and a home exercise program without any "
                + "lasting change in the pain. Therefore, the request is not medically necessary.";
        ConsistencyCheck warn = find(check(item("PT", Decision.UPHELD, MTUS, longOne)), "long-sentence").orElseThrow();
        assertEquals(Severity.WARNING, warn.severity());
        assertTrue(warn.message().contains("41 words"), warn.message());
        assertTrue(warn.acknowledgeable());
    }

    @Test
    void theNegationsReviewersWriteAreRead() {
        for (String conclusion : List.of("The requested MRI is not a medical necessity.",
                "Therefore, the request is not necessary.", "The request is not medically appropriate.",
                "The request is not supported by the cited guidelines as being medically necessary.",
                "The request for the cream is not certified.")) {
            List<ConsistencyCheck> found = check(item("PT", Decision.UPHELD, MTUS, "The records were reviewed. "
                    + conclusion));
            assertTrue(find(found, "no-conclusion").isEmpty(), conclusion + " " + found);
            assertTrue(find(found, "conclusion-contradicts-decision").isEmpty(), conclusion + " " + found);
            List<ConsistencyCheck> overturned = check(item("PT", Decision.OVERTURNED, MTUS,
                    "The records were reviewed. " + conclusion));
            assertEquals(Severity.ERROR, find(overturned, "conclusion-contradicts-decision").orElseThrow().severity(),
                    conclusion);
        }
    }

    @Test
    void aMisspeltWordInTheRationaleIsInformationWithItsNearestWords() {
        String rationale = "The guidelines recommend up to 10 visits. The request is for 12 sesions. Therefore, the "
                + "request for 12 sessions of physical therapy is not medicaly necessary.";
        ConsistencyCheck k = find(check(item("12 sessions of PT", Decision.UPHELD, MTUS, rationale)), "spelling")
                .orElseThrow();
        assertEquals(Severity.INFO, k.severity());
        assertEquals("Item 1: possibly misspelt in the rationale: \u201csesions\u201d (sessions, lesions?), "
                + "\u201cmedicaly\u201d (medical, medically?).", k.message());
        assertTrue(find(check(item("12 sessions of PT", Decision.UPHELD, MTUS, NOT_NECESSARY)), "spelling").isEmpty());
        // a word the record has is the record's spelling
        Item i = item("12 sessions of PT", Decision.UPHELD, MTUS, rationale);
        List<ConsistencyCheck> withRecord = ConsistencyChecker.check(caseWith(i, null), i, 0,
                phrase -> phrase.equals("sesions") ? List.of("Progress note, page 2: ... sesions ...") : List.of());
        assertTrue(find(withRecord, "spelling").orElseThrow().message().contains("medicaly")
                && !find(withRecord, "spelling").orElseThrow().message().contains("sesions"));
    }
}
