package org.reviewdesk.guideline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReadingGradeTest {

    @Test
    void countsSyllablesByVowelGroupsWithSilentEndings() {
        assertEquals(1, ReadingGrade.syllables("the"));
        assertEquals(1, ReadingGrade.syllables("make"));
        assertEquals(1, ReadingGrade.syllables("used"));
        assertEquals(2, ReadingGrade.syllables("table"));
        assertEquals(3, ReadingGrade.syllables("therapy"));
        assertEquals(4, ReadingGrade.syllables("documented"));
        assertEquals(1, ReadingGrade.syllables("12"));
    }

    @Test
    void appliesTheFleschKincaidFormula() {
        // 2 sentences, 8 words, 8 syllables: 0.39*4 + 11.8*1 - 15.59 = -2.23.
        assertEquals(-2.23, ReadingGrade.fleschKincaid("The cat sat down. The dog ran off."), 0.001);
        assertEquals(0, ReadingGrade.fleschKincaid(""));
        assertEquals(0, ReadingGrade.fleschKincaid(null));
    }

    @Test
    void denseClinicalProseScoresHigherThanPlainWords() {
        double plain = ReadingGrade.fleschKincaid("The records do not show that therapy helped. So more therapy is not "
                + "needed.");
        double dense = ReadingGrade.fleschKincaid("Documentation substantiating objective functional improvement "
                + "consequent to previously administered physiotherapeutic interventions is unavailable.");
        assertTrue(plain < 8 && dense > 14, plain + " " + dense);
    }

    @Test
    void decimalsAndAbbreviationsDoNotEndSentences() {
        double one = ReadingGrade.fleschKincaid("Cyclobenzaprine 7.5 mg is used for 2 weeks.");
        double split = ReadingGrade.fleschKincaid("Cyclobenzaprine 7. 5 mg is used for 2 weeks.");
        assertTrue(one > split, one + " vs " + split);
    }
}
