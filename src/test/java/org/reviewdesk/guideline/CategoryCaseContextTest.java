package org.reviewdesk.guideline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.domain.Item;

/**
 * The case as context for the category (issue 10): a test of the pre-operative work-up is pre-operative when
 * it says so or when its case has an operation; in a case with none it is what it is.
 */
class CategoryCaseContextTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} in a case with [{1}] -> {2}")
    @CsvSource(delimiter = '|', value = {
        "Chest x-ray | Lumbar MRI | imaging",
        "Chest x-ray | L4-5 fusion | preop",
        "Chest x-ray | Lumbar MRI; Right shoulder arthroscopic rotator cuff repair | preop",
        "Pre-op chest x-ray | Lumbar MRI | preop",
        "Pre-operative EKG | Norco 10/325mg #60 | preop",
        "CBC, CMP | Lumbar MRI | other",
        "CBC, CMP | Right knee arthroscopy | preop",
        "CBC, CMP | Assistant surgeon | preop",
        "Medical clearance | Lumbar MRI | preop",
        "Internal medicine clearance | Physical therapy 2x6 | preop",
        "EKG | Lumbar MRI; Norco 10/325mg #60 | other",
        "EKG | Associated surgical service: Chest x-ray | preop",
        "EKG | Lumbar MRI; Pre-op labs | preop",
        "EKG | Post-op physical therapy x 12 | other",
        "Urinalysis | Lumbar MRI | other",
        "PT/INR | Lumbar MRI | other",
        "Creatinine clearance | Lumbar MRI | other",
        "Labs prior to the L4-5 fusion | Lumbar MRI | preop",
        "EKG before right knee arthroscopy | Lumbar MRI | preop",
        "Labs for the scheduled carpal tunnel release | Lumbar MRI | preop",
        "Chest x-ray prior to the procedure | Lumbar MRI | preop",
        "Associated surgical service: EKG | Lumbar MRI | preop",
        "Chest x-ray, 2 views, for persistent cough | Omeprazole 20mg #30 | imaging",
        "CBC and CMP to monitor NSAID use | Naproxen 550mg #60 | other",
        "Urine drug screen | Lumbar MRI | drug-testing",
        "Urine drug screen | L4-5 fusion | drug-testing",
        "Lumbar MRI | CBC, CMP | imaging",
        "L4-5 fusion | Chest x-ray | surgery"})
    void aWorkUpTestIsPreoperativeOnlyWithAnOperationOrItsOwnWord(String request, String others, String key) {
        List<String> case_ = Arrays.stream(others.split(";")).map(String::strip).toList();
        assertEquals(TreatmentCategory.fromKey(key), CategorySuggester.suggest(request, case_), request);
        assertEquals(TreatmentCategory.fromKey(key), CategorySuggester.suggest(request, case_, RulesData.shipped()));
    }

    @Test
    void withoutOtherRequestsTheRequestAloneDecides() {
        assertEquals(TreatmentCategory.PREOP, CategorySuggester.suggest("Chest x-ray"), "alone: as before");
        assertEquals(TreatmentCategory.PREOP, CategorySuggester.suggest("Chest x-ray", List.of()));
        assertEquals(TreatmentCategory.PREOP, CategorySuggester.suggest("Chest x-ray", (List<String>) null));
        assertEquals(TreatmentCategory.PREOP, CategorySuggester.suggest("CBC, CMP", List.of(" ", "")),
                "blank requests are no context");
        assertEquals(TreatmentCategory.OTHER, CategorySuggester.suggest(" ", List.of("Lumbar MRI")));
    }

    @Test
    void aModifiedRequestThatNamesThePreoperativeWorkUpStaysPreoperative() {
        String modified = "Lumbar fusion L4-5 with pre-operative labs was the original request. The lumbar fusion was "
                + "authorized by the Claims Administrator. The remaining IMR eligible portion of the original request, "
                + "labs is";
        assertEquals(TreatmentCategory.PREOP, CategorySuggester.suggest(modified, List.of("Lumbar MRI")));
        String plain = "Lumbar MRI and labs was the original request. The lumbar MRI was authorized by the Claims "
                + "Administrator. The remaining IMR eligible portion of the original request, labs is";
        assertEquals(TreatmentCategory.OTHER, CategorySuggester.suggest(plain, List.of("Norco 10/325mg #60")));
    }

    @Test
    void anItemOfACaseTakesItsChosenCategoryAndTheOthersChosenOnes() {
        CaseFile c = caseOf(new Item("Chest x-ray", null, null, null, null, null, null, null),
                new Item("Lumbar MRI", null, null, null, null, null, null, null),
                new Item("EKG", "other", null, null, null, null, null, null));
        assertEquals(TreatmentCategory.IMAGING, CategorySuggester.ofItem(c, 0));
        assertEquals(TreatmentCategory.IMAGING, CategorySuggester.ofItem(c, 1));
        assertEquals(TreatmentCategory.OTHER, CategorySuggester.ofItem(c, 2), "the chosen category");
        CaseFile chosenSurgery = caseOf(new Item("Chest x-ray", null, null, null, null, null, null, null),
                new Item("Procedure on the left hand", "surgery", null, null, null, null, null, null));
        assertEquals(TreatmentCategory.PREOP, CategorySuggester.ofItem(chosenSurgery, 0),
                "an item chosen as surgery is an operation, whatever its words");
        CaseFile alone = caseOf(new Item("Chest x-ray", null, null, null, null, null, null, null));
        assertEquals(TreatmentCategory.PREOP, CategorySuggester.ofItem(alone, 0), "no other item: unknown context");
    }

    @Test
    void theDrafterJudgesTheItemInItsCase() {
        Item xray = new Item("Chest x-ray", null, null, null, null, null, null, null);
        CaseFile noOperation = caseOf(xray, new Item("Lumbar MRI", null, null, null, null, null, null, null));
        CaseFile fusion = caseOf(xray, new Item("L4-5 fusion", null, null, null, null, null, null, null));
        String asImaging = RationaleDrafter.draft(new Item("Chest x-ray", "imaging", null, null, null, null, null,
                null), Map.of(), null).text();
        String asPreop = RationaleDrafter.draft(new Item("Chest x-ray", "preop", null, null, null, null, null, null),
                Map.of(), null).text();
        assertTrue(!asImaging.equals(asPreop), "the two categories draft differently");
        assertEquals(asPreop, RationaleDrafter.draft(xray, Map.of(), null).text(), "alone: pre-op, as before");
        assertEquals(asImaging, RationaleDrafter.draft(noOperation, 0, xray, Map.of(), null).text());
        assertEquals(asPreop, RationaleDrafter.draft(fusion, 0, xray, Map.of(), null).text());
    }

    /**
     * Blind set 14's writer labelled the work-up tests without a surgery as what they are (its known rows);
     * in a case with no operation they land there now, in a case with one they are pre-op, and every row the
     * writer labelled pre-op stays pre-op in a case with no operation (each says so).
     */
    @Test
    void blindSet14sStandaloneTestsLandInTheWritersCategoryWhenTheCaseHasNoOperation() {
        List<String> noOperation = List.of("Lumbar MRI", "Physical therapy 2x6");
        List<String> operation = List.of("Lumbar MRI", "Right knee arthroscopy with partial medial meniscectomy");
        List<String> misses = new ArrayList<>();
        int standalone = 0;
        int preop = 0;
        for (String[] f : WrittenRequests.rows("blind-requests-14.tsv")) {
            TreatmentCategory label = TreatmentCategory.fromKey(f[1]);
            if (CategorySuggester.suggest(f[0]) == TreatmentCategory.PREOP && label != TreatmentCategory.PREOP) {
                standalone++;
                check(f[0], noOperation, label, misses);
                check(f[0], operation, TreatmentCategory.PREOP, misses);
            } else if (label == TreatmentCategory.PREOP) {
                preop++;
                check(f[0], noOperation, label, misses);
            }
        }
        assertEquals(List.of(), misses);
        assertEquals(8, standalone, "the work-up rows labelled as what they are");
        assertTrue(preop >= 10, "rows labelled pre-op: " + preop);
    }

    private static void check(String request, List<String> others, TreatmentCategory expected, List<String> misses) {
        TreatmentCategory got = CategorySuggester.suggest(request, others);
        if (got != expected) {
            misses.add(request + " with " + others + " -> " + got.key() + " (expected " + expected.key() + ")");
        }
    }

    @Test
    void aUserFileReplacesThePreoperativeAndPreparationWords() throws Exception {
        Path p = tmp.resolve("mine.json");
        Files.writeString(p, "{\"format\":\"reviewdesk-rules/1\",\"preoperativeWords\":[\"work-?up\"],"
                + "\"preparationWords\":[\"ahead of\"]}");
        RulesData rules = RulesData.load(BrokenRules.shipped(), p);
        assertEquals(TreatmentCategory.PREOP, CategorySuggester.suggest("EKG work-up", List.of("Lumbar MRI"), rules));
        assertEquals(TreatmentCategory.OTHER, CategorySuggester.suggest("Pre-op EKG", List.of("Lumbar MRI"), rules),
                "the user's words replace the shipped ones");
        assertEquals(TreatmentCategory.PREOP, CategorySuggester.suggest("EKG ahead of the knee arthroscopy",
                List.of("Lumbar MRI"), rules));
        assertEquals(TreatmentCategory.OTHER, CategorySuggester.suggest("EKG before the knee arthroscopy",
                List.of("Lumbar MRI"), rules));
    }

    @Test
    void brokenPreoperativeWordsAreRefusedWithTheirPlace() throws Exception {
        String m = BrokenRules.refusal(BrokenRules.write(tmp, root -> root.putArray("preoperativeWords")
                .add("pre-?op").add("(unclosed")));
        assertTrue(m.startsWith(tmp.resolve("rules.json") + ": "), m);
        assertTrue(m.contains("$.preoperativeWords[1]: not a valid pattern"), m);
        m = BrokenRules.refusal(BrokenRules.write(tmp, root -> root.putArray("preparationWords").add("[before")));
        assertTrue(m.contains("$.preparationWords[0]: not a valid pattern"), m);
        m = BrokenRules.refusal(BrokenRules.write(tmp, root -> root.put("preparationWords", "before")));
        assertTrue(m.contains("$.preparationWords"), m);
    }

    private static CaseFile caseOf(Item... items) {
        return new CaseFile("CM99-0000010", null, null, null, null, null, null, null, null, null, null, null, null,
                List.of(items), null, null);
    }
}
