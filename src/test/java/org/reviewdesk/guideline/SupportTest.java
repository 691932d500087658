package org.reviewdesk.guideline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The package's text helpers: visit counts, conclusions, gap phrases. */
class SupportTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "12 sessions of physical therapy for the cervical spine | 12",
            "Twelve physical therapy visits for the Cervical Spine | 12",
            "Physical therapy 2x6 | 12",
            "Physical therapy x12 | 12",
            "Associated surgical service: Physical therapy, times 12 | 12",
            "Continue physical therapy 3 times a week for 2 weeks | 6",
            "Physical therapy 2-3 times a week for 6 weeks | 18",
            "Acupuncture for the cervical spine two times a week times three weeks | 6",
            "PT/OT two to three times a week for six to eight weeks (24 sessions) left hand | 24",
            "Acupuncture of the lumbar and cervical for eight sessions | 8"})
    void readsVisitCounts(String text, int expected) {
        assertEquals(expected, QuantitySupport.sessions(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"MRI of the lumbar spine", "Norco 10/325mg #60", "Physical therapy"})
    void noCountWhenTheTextStatesNone(String text) {
        assertNull(QuantitySupport.sessions(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Therefore, the request is not medically necessary. | NOT_NECESSARY",
            "The request for diazepam is not-medically necessary. | NOT_NECESSARY",
            "The requested Diclofenac ER 100mg #60 is not seen as medically necessary. | NOT_NECESSARY",
            "The quantity requested cannot be deemed medically necessary. | NOT_NECESSARY",
            "The request is determined to be not medically necessary. | NOT_NECESSARY",
            "The MRI of Right shoulder is medically necessary. | NECESSARY",
            "Treatment would be medically necessary if improvement were shown. | NONE",
            "This decision addresses the medical necessity of opioids. | NONE",
            "The request was non-certified by utilization review. | NONE"})
    void readsTheVerdictOfASentence(String sentence, ConclusionSupport.Verdict expected) {
        assertEquals(expected, ConclusionSupport.verdict(sentence));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "There is no documentation of red flag conditions. | red flag conditions",
            "Specific number of physical therapy visits since date of injury (1/22/14) is not specified. | physical therapy visits",
            "There was a lack of documentation indicating that the patient has failed non-opioid medications. | failed non-opioid medications",
            "The records do not document significant objective deficits on recent assessments. | (none: one vague word)",
            "The CURES database was not documented. | CURES database"})
    void pullsTheMissingThingOutOfAGapSentence(String sentence, String phrase) {
        assertEquals(phrase.startsWith("(none") ? null : phrase, GapPhraseSupport.phrase(sentence));
    }
}
