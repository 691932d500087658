package org.reviewdesk.guideline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reviewdesk.TestData;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.domain.Item;
import org.reviewdesk.exchange.CaseJson;
import org.reviewdesk.guideline.ConsistencyCheck.Severity;

/**
 * The checker over the 101 items of the 47 parsed public letters (the held-out letters are not read).
 * The expected counts were verified by reading each letter's rationale and reviewer guideline.
 */
class RealLettersConsistencyTest {

    record Finding(String caseNumber, int index, ConsistencyCheck check) {
    }

    private static final List<CaseFile> CASES = new ArrayList<>();
    private static final List<Finding> FINDINGS = new ArrayList<>();
    private static final Map<String, Integer> COUNTS = new TreeMap<>();

    @BeforeAll
    static void checkAllItems() throws Exception {
        for (Path p : TestData.letterCases()) {
            CASES.add(CaseJson.read(Files.readAllBytes(p)));
        }
        for (CaseFile c : CASES) {
            for (int i = 0; i < c.items().size(); i++) {
                // Every phrase "found": counts how many gap sentences the record check would look up.
                for (ConsistencyCheck k : ConsistencyChecker.check(c, c.items().get(i), i, phrase -> List.of("hit"))) {
                    FINDINGS.add(new Finding(c.caseNumber(), i, k));
                    COUNTS.merge(k.key().replaceFirst(":.*", "") + " " + k.severity(), 1, Integer::sum);
                }
            }
        }
        System.out.println("Checker over the 47 letters: " + COUNTS);
    }

    private static int count(String kind) {
        return COUNTS.getOrDefault(kind, 0);
    }

    @Test
    void thereAre101DecidedItemsWithRationales() {
        assertEquals(101, CASES.stream().mapToInt(c -> c.items().size()).sum());
        assertEquals(0, count("undecided ERROR"));
        assertEquals(0, count("empty-rationale ERROR"));
    }

    @Test
    void everyRealConclusionAgreesWithItsDecision() {
        // 92 Upheld and 9 Overturned; each last verdict sentence was read and agrees.
        assertEquals(0, count("conclusion-contradicts-decision ERROR"));
        assertEquals(0, count("no-conclusion WARNING"));
    }

    @Test
    void onlyOneItemCitesNoEvidence() {
        // It is an ancillary service that follows its surgery's decision: information, not a warning.
        assertEquals(0, count("no-citation WARNING"));
        assertEquals(1, count("no-citation INFO"));
        Finding f = FINDINGS.stream().filter(x -> x.check().key().equals("no-citation")).findFirst().orElseThrow();
        assertEquals("CM16-0247274", f.caseNumber());
        assertEquals(1, f.index());
    }

    @Test
    void everyNonMtusOnlyItemSaysWhyTheMtusDoesNotApply() {
        // 17 items cite only ODG; each rationale says the MTUS/ACOEM does not address the request or is silent.
        assertEquals(0, count("non-mtus-without-reason WARNING"));
    }

    @Test
    void noOverturnedItemExceedsAVisitLimit() {
        // The one overturned therapy item is post-operative PT x12 (Bankart allows 24): no warning.
        assertEquals(0, count("quantity-over-limit WARNING"));
    }

    @Test
    void everyRationaleGetsAReadingGrade() {
        assertEquals(101, count("reading-grade INFO"));
        assertEquals(0, count("reading-grade WARNING"), "the grade is information only");
    }

    @Test
    void gapSentencesAreLookedUpInTheRecord() {
        assertTrue(count("documented-after-all WARNING") >= 30, COUNTS.toString());
    }

    @Test
    void draftsForRealItemsAgreeWithTheirDecisions() {
        for (CaseFile c : CASES) {
            for (int i = 0; i < c.items().size(); i++) {
                Item item = c.items().get(i);
                RationaleDraft d = RationaleDrafter.draft(item, Map.of(), null);
                Item drafted = item.withTexts(item.request(), item.claimsAdministratorGuideline(),
                        item.reviewerGuideline(), d.text());
                List<ConsistencyCheck> errors = ConsistencyChecker.check(c, drafted, i, null).stream()
                        .filter(k -> k.severity() == Severity.ERROR).toList();
                assertEquals(List.of(), errors, c.caseNumber() + " #" + i + ": " + d.text());
            }
        }
    }
}
