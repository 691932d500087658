package org.reviewdesk.guideline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.domain.DocumentKind;
import org.reviewdesk.domain.Evidence;
import org.reviewdesk.domain.Item;
import org.reviewdesk.domain.Priority;
import org.reviewdesk.domain.RecordDocument;

/** The patient's facts in the draft: injury date, diagnoses, and the excerpts marked for the item with their source. */
class CaseFactsTest {
    private static CaseFile caseFile(Item item) {
        return new CaseFile("CM99-0000002", Priority.STANDARD, null, null, LocalDate.of(2015, 3, 2), null, null, null,
                null, null, null, null, "The injured worker is a 41 year old female who sustained an industrial "
                + "injury on 3-2-2015. Diagnoses included piriformis syndrome, lumbar strain and right IT band pain. "
                + "Work status included modified work.", List.of(item),
                List.of(new RecordDocument("pn-1", "Progress note", DocumentKind.PROGRESS_NOTE,
                        LocalDate.of(2015, 1, 19), null, "pn.pdf", null)),
                List.of(new Evidence("pn-1", 2, "Pain 7/10, straight leg raise positive on the left", null, 0),
                        new Evidence("pn-1", 3, "Unrelated excerpt for another item", null, 1)));
    }

    @Test
    void theDraftNamesTheInjuryDateTheDiagnosesAndTheMarkedExcerptWithItsSource() {
        Item item = new Item("MRI of the lumbar spine (DOS: 11/11/2016) (15 mins)", null, null, null, null, null,
                null, null);
        CaseFile c = caseFile(item);
        RationaleDraft d = RationaleDrafter.draft(c, 0, item, Map.of("redFlags", "yes"), null);
        String text = d.text();
        assertTrue(text.contains("The injured worker sustained an industrial injury on 3/2/2015 and has diagnoses of "
                + "piriformis syndrome, lumbar strain and right IT band pain."), text);
        assertTrue(text.contains("Per the progress note dated 1/19/15, \"Pain 7/10, straight leg raise positive on "
                + "the left.\""), text);
        assertFalse(text.contains("Unrelated excerpt"), "only the excerpts marked for this item");
        assertTrue(text.contains("the request is for MRI of the lumbar spine."), text);
        assertFalse(text.contains("DOS") || text.contains("mins"), "no billing details in the item name: " + text);
    }

    @Test
    void aCaseWithoutFactsAddsNothing() {
        assertEquals(List.of(), CaseFacts.sentences(null, 0));
        assertTrue(CaseFacts.diagnoses("The patient was seen.").isEmpty());
        assertEquals("lumbar radiculopathy", CaseFacts.diagnoses("She was diagnosed with lumbar radiculopathy. "
                + "Plan: PT.").orElseThrow());
    }

    @Test
    void priorTreatmentTheCountsAlreadyDoneAndTheLatestExamComeFromTheSummary() {
        List<String> facts = CaseFacts.summaryFacts("The injured worker is a 50 year old. Prior treatment included "
                + "medications, splinting, physical therapy, and surgery. She has completed 12 sessions of physical "
                + "therapy and attended six chiropractic visits. Physical examination on 1-5-2017 revealed tenderness "
                + "and spasm. The most recent physical examination revealed decreased lumbar range of motion. The "
                + "Utilization Review modified the request for 12 sessions of physical therapy to 6 sessions.");
        assertEquals(List.of("Prior treatment has included medications, splinting, physical therapy, and surgery.",
                "The records document 12 sessions of physical therapy, six chiropractic visits already completed.",
                "The most recent examination documented decreased lumbar range of motion."), facts);
        // A requested or authorized count is not treatment already done.
        assertEquals(List.of(), CaseFacts.summaryFacts("The Claims Administrator authorized 2 sessions of "
                + "occupational therapy. Physical therapy 2 times a week for 6 weeks (12 sessions) was requested."));
    }
}
