package org.reviewdesk.guideline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.domain.Decision;
import org.reviewdesk.domain.DocumentKind;
import org.reviewdesk.domain.Evidence;
import org.reviewdesk.domain.Item;
import org.reviewdesk.domain.Priority;
import org.reviewdesk.domain.RecordDocument;
import org.reviewdesk.guideline.RulesSupport.Criterion;
import org.reviewdesk.guideline.RulesSupport.Need;
import org.reviewdesk.guideline.RulesSupport.Rules;

/**
 * The checklists for one kind of item (equipment by kind, topical single agents and compounds, imaging by
 * body part, treatments only the ODG addresses): each is chosen by the request's words, drafts both ways,
 * says "Cannot suggest yet" with its open questions, and names guideline entries the library holds.
 */
class KindChecklistsTest {

    /** A request of each kind, its category and the kind of checklist it must get. */
    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of("Lumbar support brace", "tens-dme", "back-support"),
                Arguments.of("LSO back brace", "tens-dme", "back-support"),
                Arguments.of("Semi-electric hospital bed, purchase", "tens-dme", "hospital-bed"),
                Arguments.of("Associated surgical service: Cold therapy unit for 7 days", "tens-dme", "cold-therapy"),
                Arguments.of("TENS unit, one-month home trial", "tens-dme", "tens"),
                Arguments.of("Purchase of a TENS unit", "tens-dme", "tens"),
                Arguments.of("Compounded cream: gabapentin 10%, cyclobenzaprine 2%", "topical", "compounded"),
                Arguments.of("Compound cream: capsaicin 0.025%, menthol 2%, methyl salicylate 10%", "topical",
                        "compounded"),
                Arguments.of("Lidoderm 5% patch #30", "topical", "lidocaine-patch"),
                Arguments.of("Voltaren gel 1% 100 g", "topical", "topical-nsaid"),
                Arguments.of("MRI of the lumbar spine without contrast", "imaging", "low-back"),
                Arguments.of("MRI of the cervical spine", "imaging", "neck"),
                Arguments.of("MRI of the left knee", "imaging", "knee"),
                Arguments.of("MRI of the right shoulder", "imaging", "shoulder"),
                Arguments.of("MRI of the right hip", "imaging", "hip"),
                Arguments.of("Platelet-rich plasma injection to the right knee", "injection", "prp"),
                Arguments.of("Extracorporeal shockwave therapy, right shoulder, 3 sessions", "other", "shockwave"),
                Arguments.of("Right total knee arthroplasty", "surgery", "arthroplasty"),
                Arguments.of("Left total hip replacement with 3-day inpatient stay", "surgery", "arthroplasty"),
                Arguments.of("Reverse total shoulder arthroplasty, left", "surgery", "arthroplasty"));
    }

    private static Item item(String request, String category) {
        return new Item(request, category, null, null, null, null, null, null);
    }

    private static Rules rules(String request, String category) {
        return RulesSupport.forItem(TreatmentCategory.fromKey(category), ItemNameSupport.itemName(request));
    }

    /** The required criteria that apply to this request when every yes/no question is answered yes. */
    private static List<Criterion> required(String request, String category, Map<String, Object> answers) {
        Rules r = rules(request, category);
        RulesSupport.Context ctx = new RulesSupport.Context(ItemNameSupport.itemName(request),
                new AnswersSupport(answers));
        return r.criteria().stream().filter(c -> c.need() == Need.REQUIRED && c.applies().test(ctx)).toList();
    }

    private static Map<String, Object> allMet(String request, String category) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (Criterion c : rules(request, category).criteria()) {
            // Adverse criteria and those sufficient on their own (red flags) are answered no: the required
            // criteria decide.
            answers.put(c.question().key(), c.need() == Need.ADVERSE || c.need() == Need.SUFFICIENT ? "no" : "yes");
        }
        return answers;
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theRequestsWordsChooseTheChecklistForItsKind(String request, String category, String kind) {
        DataChecklist d = RulesData.active().checklist(TreatmentCategory.fromKey(category),
                ItemNameSupport.itemName(request));
        assertNotNull(d, request);
        assertEquals(kind, d.kind(), request);
        assertFalse(d.entries().isEmpty(), "guideline entries for " + kind);
        assertEquals(d.entries(), Checklists.forItem(TreatmentCategory.fromKey(category), request).entries());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void withEveryCriterionMetItSuggestsOverturnedListingTheMetCriteria(String request, String category,
            String kind) {
        Map<String, Object> answers = allMet(request, category);
        RationaleDraft d = RationaleDrafter.draft(item(request, category), answers, null);
        if (kind.equals("compounded") && request.contains("gabapentin")) {
            // A not-recommended ingredient decides it whatever the answers: see the compound test.
            assertEquals(Decision.UPHELD, d.suggestedDecision(), d.reasons().toString());
            return;
        }
        assertEquals(Suggestion.Kind.OVERTURNED, d.suggestion().kind(), kind + ": " + d.reasons());
        List<String> met = required(request, category, answers).stream().map(c -> c.question().text()).toList();
        assertFalse(met.isEmpty());
        assertTrue(d.suggestion().met().containsAll(met), d.suggestion() + " vs " + met);
        assertTrue(d.text().endsWith("is medically necessary."), d.text());
        assertTrue(d.text().startsWith(rules(request, category).guideline().apply(null)), d.text());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aRequiredCriterionNotMetSuggestsUpheldListingIt(String request, String category, String kind) {
        Map<String, Object> answers = allMet(request, category);
        Criterion first = required(request, category, answers).get(0);
        answers.put(first.question().key(), "no");
        RationaleDraft d = RationaleDrafter.draft(item(request, category), answers, null);
        assertEquals(Suggestion.Kind.UPHELD, d.suggestion().kind(), kind + ": " + d.reasons());
        assertTrue(d.suggestion().unmet().contains("Not met: " + first.question().text()), d.suggestion().toString());
        assertTrue(d.text().contains(first.whenNo()), d.text());
        assertTrue(d.text().endsWith("is not medically necessary."), d.text());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void withTheDecidingQuestionsOpenItCannotSuggestYetAndListsThem(String request, String category, String kind) {
        if (kind.equals("compounded") && request.contains("gabapentin")) {
            return; // decided by its ingredients
        }
        Map<String, Object> answers = allMet(request, category);
        List<Criterion> req = required(request, category, answers);
        answers.put(req.get(0).question().key(), "unknown");
        answers.put(req.get(req.size() - 1).question().key(), "unknown");
        RationaleDraft d = RationaleDrafter.draft(item(request, category), answers, null);
        assertEquals(Suggestion.Kind.CANNOT_SUGGEST, d.suggestion().kind(), kind + ": " + d.reasons());
        assertNull(d.suggestedDecision());
        assertTrue(d.suggestion().open().contains(req.get(0).question().text()), d.suggestion().toString());
        assertTrue(d.suggestion().open().contains(req.get(req.size() - 1).question().text()),
                d.suggestion().toString());
        assertTrue(d.suggestion().sentence().startsWith("Cannot suggest yet: "), d.suggestion().sentence());
        assertTrue(d.text().contains(req.get(0).whenUnknown()), d.text());
        assertTrue(d.text().contains("depends on what the records show about"), d.text());
    }

    @Test
    void everyGuidelineEntryOfTheChecklistsIsInTheLibrary() {
        GuidelineLibrary lib = GuidelineLibrary.shipped();
        int n = 0;
        for (DataChecklist d : RulesData.shipped().checklists()) {
            for (String ref : d.entries()) {
                String id = ref.contains("#") ? ref.substring(0, ref.indexOf('#')) : ref;
                GuidelineEntry e = lib.byId(id).orElse(null);
                assertNotNull(e, d.id() + " names " + id + ", which the library lacks");
                if (ref.contains("#")) {
                    String section = ref.substring(ref.indexOf('#') + 1);
                    assertTrue(e.sections().stream().anyMatch(s -> s.name().equals(section)),
                            d.id() + " names section \"" + section + "\" of " + id + ", which it lacks");
                }
                n++;
            }
        }
        assertTrue(n >= 25, "entries named: " + n);
    }

    @Test
    void aCompoundIsJudgedIngredientByIngredient() {
        String request = "Compounded cream: gabapentin 10%, cyclobenzaprine 2%, lidocaine 5%";
        Map<String, Object> answers = allMet(request, "topical");
        RationaleDraft d = RationaleDrafter.draft(item(request, "topical"), answers, null);
        assertEquals(Decision.UPHELD, d.suggestedDecision(), d.reasons().toString());
        assertTrue(d.text().contains("Any compounded product that contains at least one drug (or drug class) that is "
                + "not recommended is not recommended"), d.text());
        assertTrue(d.text().contains("The product contains gabapentin, cyclobenzaprine and lidocaine."), d.text());
        assertTrue(d.text().contains("Gabapentin is not recommended for topical use"), d.text());
        assertTrue(d.text().contains("no evidence for the use of any muscle relaxant as a topical product"), d.text());
        assertTrue(d.text().contains("Lidocaine is recommended for topical use only as the Lidoderm patch"), d.text());
        assertEquals(3, d.suggestion().unmet().size(), d.suggestion().toString());
        assertEquals("Suggested decision: Upheld, because 3 criteria are not met.", d.suggestion().sentence());
        // Nothing answered: the ingredients still decide it; no open question stands in the way.
        RationaleDraft bare = RationaleDrafter.draft(item(request, "topical"), Map.of(), null);
        assertEquals(Decision.UPHELD, bare.suggestedDecision());
    }

    @Test
    void brandProductsAreJudgedByTheirIngredients() {
        // Ketophene = ketoprofen cream, Lidopro = lidocaine cream (the brands table); both single agents the
        // guidelines do not recommend topically.
        for (String request : List.of("Ketophene 20% cream 165 g", "Lidopro ointment 121 g")) {
            DataChecklist d = RulesData.active().checklist(TreatmentCategory.TOPICAL, request);
            assertEquals("compounded", d.kind(), request);
            RationaleDraft draft = RationaleDrafter.draft(item(request, "topical"), Map.of(), null);
            assertEquals(Decision.UPHELD, draft.suggestedDecision(), request + ": " + draft.reasons());
        }
        assertTrue(RationaleDrafter.draft(item("Ketophene 20% cream", "topical"), Map.of(), null).text()
                .contains("Ketoprofen is not currently FDA approved for topical application"));
        // A lidocaine patch is recommended as such; a lidocaine ointment is not (letter wording).
        assertEquals("lidocaine-patch", RulesData.active().checklist(TreatmentCategory.TOPICAL, "Lidoderm 5% patch")
                .kind());
        assertEquals("compounded", RulesData.active().checklist(TreatmentCategory.TOPICAL,
                "Lidocaine ointment 5% 106.32gm").kind());
    }

    @Test
    void topicalNsaidIsNotForTheSpineHipOrShoulder() {
        Map<String, Object> answers = allMet("Voltaren gel 1%", "topical");
        answers.put("amenableJoint", "no");
        RationaleDraft d = RationaleDrafter.draft(item("Voltaren gel 1% for the lumbar spine", "topical"), answers,
                null);
        assertEquals(Decision.UPHELD, d.suggestedDecision());
        assertTrue(d.text().contains("spine, hip or shoulder"), d.text());
    }

    @Test
    void tensPurchaseNeedsADocumentedSuccessfulTrialButATrialDoesNot() {
        Map<String, Object> answers = new LinkedHashMap<>(Map.of("indication", "yes", "otherTreatmentFailed", "yes",
                "adjunct", "yes"));
        RationaleDraft trial = RationaleDrafter.draft(item("TENS unit, one-month home trial", "tens-dme"), answers,
                null);
        assertEquals(Decision.OVERTURNED, trial.suggestedDecision(), trial.reasons().toString());
        RationaleDraft purchase = RationaleDrafter.draft(item("Purchase of a TENS unit", "tens-dme"), answers, null);
        assertEquals(Suggestion.Kind.CANNOT_SUGGEST, purchase.suggestion().kind(), purchase.reasons().toString());
        assertTrue(purchase.suggestion().open().get(0).startsWith("Did a documented one-month home trial"));
        answers.put("successfulTrial", "no");
        RationaleDraft noTrial = RationaleDrafter.draft(item("Purchase of a TENS unit", "tens-dme"), answers, null);
        assertEquals(Decision.UPHELD, noTrial.suggestedDecision());
        assertTrue(noTrial.text().contains("which must come before purchase of a unit"), noTrial.text());
        // "TENS unit" alone: the purchase answer brings the trial criterion in.
        answers.remove("successfulTrial");
        answers.put("purchase", "yes");
        RationaleDraft bare = RationaleDrafter.draft(item("TENS unit", "tens-dme"), answers, null);
        assertEquals(Suggestion.Kind.CANNOT_SUGGEST, bare.suggestion().kind(), bare.reasons().toString());
        assertTrue(bare.text().contains("The request is for purchase of the unit."), bare.text());
    }

    @Test
    void aRepeatStudyNeedsASignificantChangeAndAnXrayNeedsNoSurgicalPlan() {
        Map<String, Object> answers = new LinkedHashMap<>(Map.of("objectiveFindings", "yes", "conservativeCare", "yes",
                "surgeryConsidered", "yes"));
        RationaleDraft repeat = RationaleDrafter.draft(item("Repeat MRI of the lumbar spine", "imaging"), answers, null);
        assertEquals(Suggestion.Kind.CANNOT_SUGGEST, repeat.suggestion().kind(), repeat.reasons().toString());
        answers.put("significantChange", "no");
        repeat = RationaleDrafter.draft(item("Repeat MRI of the lumbar spine", "imaging"), answers, null);
        assertEquals(Decision.UPHELD, repeat.suggestedDecision());
        assertTrue(repeat.text().contains("so a repeat study is not supported"), repeat.text());
        // The first MRI of a knee: no repeat criterion.
        RationaleDraft first = RationaleDrafter.draft(item("MRI of the left knee", "imaging"),
                Map.of("suspectedLesion", "yes", "conservativeCare", "yes", "surgeryConsidered", "yes"), null);
        assertEquals(Decision.OVERTURNED, first.suggestedDecision(), first.reasons().toString());
        // An x-ray is not weighed on a surgical plan.
        List<Criterion> xray = required("X-rays of the lumbar spine", "imaging", Map.of());
        assertFalse(xray.stream().anyMatch(c -> c.question().key().equals("surgeryConsidered")), xray.toString());
        // A progressive neurologic deficit supports a lumbar MRI on its own.
        assertEquals(Decision.OVERTURNED, RationaleDrafter.draft(item("MRI of the lumbar spine", "imaging"),
                Map.of("progressiveDeficit", "yes"), null).suggestedDecision());
    }

    @Test
    void odgOnlyTreatmentsSayTheMtusDoesNotAddressThem() {
        Pattern mtusSupports = Pattern.compile("MTUS(?: [A-Z][A-Za-z]*)* (?:support|recommend)");
        for (String[] r : new String[][] {{"PRP injection, right elbow", "injection"},
                {"Platelet-rich plasma injection to the right knee", "other"},
                {"ESWT for the low back", "physical-therapy"}}) {
            RationaleDraft d = RationaleDrafter.draft(item(r[0], r[1]), Map.of(), null);
            assertTrue(d.text().startsWith("The MTUS does not address"), d.text());
            assertFalse(mtusSupports.matcher(d.text()).find(), "not said to be MTUS-supported: " + d.text());
            assertTrue(d.text().contains("Official Disability Guidelines"), d.text());
        }
    }

    @Test
    void theDraftOfANewKindNamesThePatientsFactsWithTheirSource() {
        Item item = new Item("Associated surgical service: Cold therapy unit, 7 day rental (DOS: 1/20/2015)",
                "tens-dme", null, null, null, null, null, null);
        CaseFile c = new CaseFile("CM99-0000003", Priority.STANDARD, null, null, LocalDate.of(2014, 6, 2), null, null,
                null, null, null, null, null, "The injured worker is a 52 year old male who sustained an industrial "
                + "injury on 6-2-2014. Diagnoses included right shoulder rotator cuff tear. Prior treatment included "
                + "medications, physical therapy and a cortisone injection. He has completed 12 sessions of physical "
                + "therapy. Physical examination revealed positive impingement signs and weakness of the "
                + "supraspinatus.", List.of(item),
                List.of(new RecordDocument("pn-1", "Progress note", DocumentKind.PROGRESS_NOTE,
                        LocalDate.of(2015, 1, 19), null, "pn.pdf", null)),
                List.of(new Evidence("pn-1", 0, "Right shoulder arthroscopic repair authorized for 1/27/15", null, 0)));
        RationaleDraft d = RationaleDrafter.draft(c, 0, item, Map.of("afterSurgery", "yes", "withinSevenDays", "yes"),
                null);
        String text = d.text();
        assertTrue(text.startsWith("The MTUS does not address cold therapy units"), text);
        assertTrue(text.contains("sustained an industrial injury on 6/2/2014 and has diagnoses of right shoulder "
                + "rotator cuff tear."), text);
        assertTrue(text.contains("Prior treatment has included medications, physical therapy and a cortisone "
                + "injection."), text);
        assertTrue(text.contains("12 sessions of physical therapy already completed"), text);
        assertTrue(text.contains("The most recent examination documented positive impingement signs"), text);
        assertTrue(text.contains("Per the progress note dated 1/19/15, \"Right shoulder arthroscopic repair "
                + "authorized for 1/27/15.\""), text);
        assertTrue(text.contains("the request is for associated surgical service: Cold therapy unit, 7 day rental."),
                text);
        assertFalse(text.contains("DOS"), text);
        assertEquals(Decision.OVERTURNED, d.suggestedDecision(), d.reasons().toString());
    }
}
