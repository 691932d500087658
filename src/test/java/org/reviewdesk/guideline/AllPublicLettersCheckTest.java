package org.reviewdesk.guideline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reviewdesk.LetterTexts;
import org.reviewdesk.LetterTexts.LetterItem;
import org.reviewdesk.domain.Decision;
import org.reviewdesk.domain.Item;
import org.reviewdesk.guideline.ConsistencyCheck.Severity;

/**
 * The checker over every disputed item of all 194 public letters (read as text): real, accepted
 * rationales must not raise an ERROR. Nothing is tuned here; a finding is printed for reading.
 */
class AllPublicLettersCheckTest {

    @Test
    void noCheckRaisesAnErrorOnARealLetter() throws Exception {
        List<String> errors = new ArrayList<>();
        int items = 0;
        for (Path p : LetterTexts.all()) {
            for (LetterItem li : LetterTexts.items(p)) {
                items++;
                Item item = new Item(li.request(), null, Decision.valueOf(li.decision()), null,
                        li.reviewerGuideline(), li.rationale(), null, null);
                for (ConsistencyCheck k : ConsistencyChecker.check(null, item, li.index(), null)) {
                    if (k.severity() == Severity.ERROR) {
                        errors.add(li.caseNumber() + " #" + (li.index() + 1) + " " + k.key() + ": " + k.message());
                    }
                }
            }
        }
        // The README counts 439 decided items over the 194 letters.
        assertEquals(439, items, "items read from the letters");
        assertTrue(errors.isEmpty(), errors.size() + " errors:\n" + String.join("\n", errors));
    }
}
