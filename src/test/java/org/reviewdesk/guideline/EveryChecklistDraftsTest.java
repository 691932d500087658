package org.reviewdesk.guideline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
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
            case PREOP -> "Pre-operative labs: CBC, PT/PTT";
            case SURGICAL_ASSISTANT -> "Assistant surgeon for right shoulder arthroscopy";
            case CONSULTATION -> "Orthopedic consultation for the right knee";
            case GI_PROTECTION -> "Omeprazole 20 mg #60";
            case HOME_HEALTH -> "Home health aide 4 hours per day, 5 days a week";
            case FACILITY -> "Skilled nursing facility, 10 days";
            case DRUG_TESTING -> "Urine drug screen";
            case FCE -> "Functional capacity evaluation";
            default -> "Gym membership";
        };
    }

    private static List<ChecklistQuestion> required(TreatmentCategory c) {
        return Checklists.forItem(c, request(c)).questions().stream()
                .filter(q -> q.kind() == ChecklistQuestion.Kind.YES_NO || q.kind() == ChecklistQuestion.Kind.YES_NO_UNKNOWN)
                .filter(q -> RulesSupport.forItem(c, request(c)).criteria().stream().anyMatch(k -> k.question().key()
                        .equals(q.key()) && k.need() == RulesSupport.Need.REQUIRED))
                .toList();
    }

    @ParameterizedTest
    @EnumSource(TreatmentCategory.class)
    void aCountOfZeroTheRecordsShowIsStatedInWords(TreatmentCategory c) {
        Item item = new Item(request(c), c.key(), null, null, null, null, null, null);
        Map<String, Object> answers = new LinkedHashMap<>();
        RulesSupport.forItem(c, request(c)).facts().stream()
                .filter(f -> f.template() != null && f.question().kind() == ChecklistQuestion.Kind.NUMBER)
                .forEach(f -> answers.put(f.question().key(), 0));
        String text = RationaleDrafter.draft(item, answers, null).text();
        assertFalse(java.util.regex.Pattern.compile("The records (document|show)[^.]*\\b0\\b").matcher(text).find(),
                c + ": " + text);
    }

    @ParameterizedTest
    @EnumSource(TreatmentCategory.class)
    void aCountOfOneTheRecordsShowIsStatedInTheSingular(TreatmentCategory c) {
        Item item = new Item(request(c), c.key(), null, null, null, null, null, null);
        Map<String, Object> answers = new LinkedHashMap<>();
        RulesSupport.forItem(c, request(c)).facts().stream()
                .filter(f -> f.template() != null && f.question().kind() == ChecklistQuestion.Kind.NUMBER)
                .forEach(f -> answers.put(f.question().key(), 1));
        String text = RationaleDrafter.draft(item, answers, null).text();
        assertFalse(java.util.regex.Pattern.compile("The records (document|show)[^.]*\\b1 (\\w+ )*(visits|weeks|tests)\\b")
                .matcher(text).find(), c + ": " + text);
    }

    @ParameterizedTest
    @EnumSource(TreatmentCategory.class)
    void withNothingAnsweredItCannotSuggestYetAndSaysWhatDecides(TreatmentCategory c) {
        Item item = new Item(request(c), c.key(), null, null, null, null, null, null);
        RationaleDraft d = RationaleDrafter.draft(item, Map.of(), null);
        if (required(c).isEmpty()) {
            return;
        }
        assertEquals(Suggestion.Kind.CANNOT_SUGGEST, d.suggestion().kind(), c + ": " + d.reasons());
        assertEquals(null, d.suggestedDecision());
        assertTrue(d.suggestion().sentence().startsWith("Cannot suggest yet"), d.suggestion().sentence());
        assertFalse(d.suggestion().list().isEmpty());
        assertTrue(d.text().contains("depends on what the records show about"), d.text());
        assertFalse(d.text().contains("Therefore"), d.text());
    }

    @ParameterizedTest
    @EnumSource(TreatmentCategory.class)
    void aRequiredCriterionAnsweredNoUpholdsTheDenial(TreatmentCategory c) {
        List<ChecklistQuestion> required = required(c);
        if (required.isEmpty()) {
            return;
        }
        Item item = new Item(request(c), c.key(), null, null, null, null, null, null);
        Map<String, Object> answers = new LinkedHashMap<>();
        required.forEach(q -> answers.put(q.key(), "no"));
        RationaleDraft d = RationaleDrafter.draft(item, answers, null);
        assertEquals(Decision.UPHELD, d.suggestedDecision(), c + ": " + d.reasons());
        assertTrue(d.suggestion().sentence().startsWith("Suggested decision: Upheld"), d.suggestion().sentence());
        assertTrue(d.text().endsWith("is not medically necessary.") || d.text().endsWith(
                RationaleDrafter.OPIOID_TAPER_ADVICE), c + ": " + d.text());
        assertTrue(d.text().contains("Therefore, the request for "), d.text());
        assertEquals(c == TreatmentCategory.OPIOID, d.text().contains(RationaleDrafter.OPIOID_TAPER_ADVICE),
                "tapering advice only when an opioid denial is upheld");
    }

    @ParameterizedTest
    @EnumSource(TreatmentCategory.class)
    void notApplicableRemovesTheCriterion(TreatmentCategory c) {
        List<ChecklistQuestion> required = required(c);
        if (required.isEmpty()) {
            return;
        }
        Item item = new Item(request(c), c.key(), null, null, null, null, null, null);
        Map<String, Object> answers = new LinkedHashMap<>();
        required.forEach(q -> answers.put(q.key(), "yes"));
        ChecklistQuestion first = required.get(0);
        answers.put(first.key(), "not applicable");
        RationaleDraft d = RationaleDrafter.draft(item, answers, null);
        assertFalse(d.suggestion().met().contains(first.text()), d.suggestion().toString());
        assertFalse(d.suggestion().open().contains(first.text()), d.suggestion().toString());
        assertFalse(d.suggestion().unmet().stream().anyMatch(u -> u.contains(first.text())), d.suggestion().toString());
        answers.put(first.key(), "unknown");
        RationaleDraft open = RationaleDrafter.draft(item, answers, null);
        assertTrue(open.suggestion().open().contains(first.text()) || open.suggestion().kind() != Suggestion.Kind.CANNOT_SUGGEST,
                open.suggestion().toString());
    }

    @ParameterizedTest
    @EnumSource(TreatmentCategory.class)
    void whenEveryCriterionIsDocumentedTheDraftOverturnsTheDenial(TreatmentCategory c) {
        Item item = new Item(request(c), c.key(), null, null, null, null, null, null);
        Map<String, Object> answers = new LinkedHashMap<>();
        Checklist list = Checklists.forItem(c, request(c));
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
