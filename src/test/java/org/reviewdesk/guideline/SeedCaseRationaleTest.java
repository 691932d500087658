package org.reviewdesk.guideline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reviewdesk.TestData;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.domain.Decision;
import org.reviewdesk.domain.Item;
import org.reviewdesk.exchange.CaseJson;

/** The seed case's item (12 sessions of PT for the cervical spine, Upheld) through the builder and the checker. */
class SeedCaseRationaleTest {

    private static CaseFile seed;
    private static Item item;
    private static RationaleDraft draft;

    @BeforeAll
    static void draftTheSeedItem() throws Exception {
        seed = CaseJson.read(Files.readAllBytes(TestData.seedCase()));
        item = seed.items().get(0);
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("requested", 12);
        answers.put("bodyPart", "cervical spine");
        answers.put("priorVisitsDocumented", false);
        answers.put("functionalImprovement", "no");
        answers.put("homeProgramReason", "no");
        draft = RationaleDrafter.draft(item, answers, null);
    }

    @Test
    void theSeedItemIsPhysicalTherapy() {
        assertEquals(TreatmentCategory.PHYSICAL_THERAPY, TreatmentCategory.fromKey(item.treatmentCategory()));
        assertEquals(TreatmentCategory.PHYSICAL_THERAPY, CategorySuggester.suggest(item.request()));
    }

    @Test
    void draftCitesTheNineToTenVisitLimit() {
        assertTrue(draft.text().startsWith("The MTUS Chronic Pain Medical Treatment Guidelines recommend 9-10 visits "
                + "over 8 weeks for myalgia and myositis and 8-10 visits over 4 weeks for neuralgia, neuritis and "
                + "radiculitis"), draft.text());
        assertTrue(draft.text().contains("In this case, the request is for 12 sessions of physical therapy for the "
                + "cervical spine. This exceeds the 10 visits the guidelines recommend."), draft.text());
    }

    @Test
    void draftSaysWhatIsNotDocumented() {
        assertTrue(draft.text().contains("The number of prior physical therapy visits is not documented in the "
                + "records provided."), draft.text());
        assertTrue(draft.text().contains("The records do not show objective functional improvement from the prior "
                + "physical therapy."), draft.text());
        assertTrue(draft.text().contains("A reason why the remaining rehabilitation cannot be done in a home exercise "
                + "program is not documented in the records provided."), draft.text());
    }

    @Test
    void draftConcludesNotMedicallyNecessaryAndSuggestsUpheld() {
        assertTrue(draft.text().endsWith("Therefore, the request for 12 sessions of physical therapy for the cervical "
                + "spine is not medically necessary."), draft.text());
        assertEquals(Decision.UPHELD, draft.suggestedDecision());
        assertTrue(draft.reasons().contains("Requested 12 visits exceed the guideline's 10."), draft.reasons().toString());
    }

    @Test
    void checkerFindsNoContradictionWithUpheldButOneWithOverturned() {
        Item drafted = item.withTexts(item.request(), item.claimsAdministratorGuideline(), item.reviewerGuideline(),
                draft.text());
        List<ConsistencyCheck> upheld = ConsistencyChecker.check(seed, drafted, 0, phrase -> List.of());
        assertFalse(upheld.stream().anyMatch(k -> k.severity() == ConsistencyCheck.Severity.ERROR), upheld.toString());

        List<ConsistencyCheck> overturned = ConsistencyChecker.check(seed, drafted.withDecision(Decision.OVERTURNED),
                0, phrase -> List.of());
        assertTrue(overturned.stream().anyMatch(k -> k.key().equals("conclusion-contradicts-decision")
                && k.severity() == ConsistencyCheck.Severity.ERROR), overturned.toString());
        // 12 visits over the 10-visit limit, yet overturned: the reviewer is warned and may acknowledge.
        assertTrue(overturned.stream().anyMatch(k -> k.key().equals("quantity-over-limit") && k.acknowledgeable()),
                overturned.toString());
    }

    @Test
    void theSeedLettersOwnRationaleAgreesWithItsDecision() {
        List<ConsistencyCheck> checks = ConsistencyChecker.check(seed, item, 0, phrase -> List.of());
        assertFalse(checks.stream().anyMatch(k -> k.key().equals("conclusion-contradicts-decision")), checks.toString());
    }

    @Test
    void printsTheDraft() {
        System.out.println(draft.text());
        System.out.println(draft.reasons());
        System.out.println("grade " + ReadingGrade.fleschKincaid(draft.text()));
    }
}
