package org.reviewdesk.guideline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The spelling check of the letter's texts: what it flags, what it leaves, and what it suggests. */
class SpellingTest {
    private static List<String> unknown(String text) {
        return Spelling.shipped().check(text, null).stream().map(Spelling.Misspelling::word).toList();
    }

    @Test
    void aMisspeltWordIsFlaggedWithTheWordsOneEditAway() {
        List<Spelling.Misspelling> m = Spelling.shipped().check("The request for 12 sesions of physical therapy "
                + "is not medicaly necessary.", null);
        assertEquals(List.of("sesions", "medicaly"), m.stream().map(Spelling.Misspelling::word).toList());
        assertEquals("sessions", m.get(0).suggestions().get(0));
        assertTrue(m.get(1).suggestions().contains("medically"), m.get(1).suggestions().toString());
        assertEquals("sesions", "The request for 12 sesions".substring(m.get(0).start(), m.get(0).end()));
    }

    @Test
    void theWordsOfMedicineAndTheReviewsAreKnown() {
        assertEquals(List.of(), unknown("The injured worker has lumbar radiculopathy and takes meloxicam, tramadol and "
                + "gabapentin. An L4-5 transforaminal epidural steroid injection and a discectomy were discussed. "
                + "Per the MTUS ACOEM guidelines and the ODG, the request is not medically necessary."));
        assertEquals(List.of(), unknown("Post-op physical therapy, co-morbid depression, i.e. the patient's x-ray."));
    }

    @Test
    void namesCapitalsAndCodesAreLeftAlone() {
        // a capitalised word inside a sentence is a name; capitals and words with digits are codes
        assertEquals(List.of(), unknown("Dr. Kowalczyk saw the patient in Rancho Cucamonga; CPT 97110 x6, L5S1, "
                + "TLIF, MRIs and EMG/NCV."));
        // at a sentence's start it is checked
        assertEquals(List.of("Sesions"), unknown("Sesions of therapy were requested."));
    }

    @Test
    void aWordTheRecordUsesIsTheRecordsSpelling() {
        String text = "The worker reports hematochezia and paresthesiae.";
        List<String> flagged = Spelling.shipped().check(text, w -> w.equals("paresthesiae")).stream()
                .map(Spelling.Misspelling::word).toList();
        assertTrue(!flagged.contains("paresthesiae"), flagged.toString());
    }
}
