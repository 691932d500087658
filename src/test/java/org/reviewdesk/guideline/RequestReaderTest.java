package org.reviewdesk.guideline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How a request is read before the category rules: the IMR-eligible portion, abbreviations from the data,
 * long words misspelt by one edit read as the rules' word, and context words ("associated surgical
 * service", "post-op") judged apart from what the item is.
 */
class RequestReaderTest {
    @TempDir
    Path tmp;

    private static InputStream shipped() {
        return RulesData.class.getResourceAsStream("rules.json");
    }

    private static RequestReader reader() {
        return RulesData.shipped().reader();
    }

    @Test
    void oneEditIsAnAddedDroppedChangedOrSwappedLetter() {
        assertTrue(RequestReader.oneEdit("acupunture", "acupuncture"));
        assertTrue(RequestReader.oneEdit("accupuncture", "acupuncture"));
        assertTrue(RequestReader.oneEdit("tramadal", "tramadol"));
        assertTrue(RequestReader.oneEdit("thearpy", "therapy"));
        assertFalse(RequestReader.oneEdit("therapy", "therapy"));
        assertFalse(RequestReader.oneEdit("naproxen", "naprosyn"));
        assertFalse(RequestReader.oneEdit("hydrocodone", "oxycodone"));
        // A changed letter counts only in words of eight letters or more.
        assertFalse(RequestReader.oneEdit("heating", "healing"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "acupunture 6 visits | acupuncture 6 visits",
            "accupuncture therapy | acupuncture therapy",
            "physical thearpy x6 | physical therapy x6",
            "tramadal 50 mg #90 | tramadol 50 mg #90",
            "hydrocodon/acetaminophen 10/325 | hydrocodone/acetaminophen 10/325",
            "cyclobenzaprne 7.5 mg | cyclobenzaprine 7.5 mg",
            "omeprazol 20 mg | omeprazole 20 mg",
            "chiropratic manipulation 2x4 | chiropractic manipulation 2x4",
            "ibuprophen 800mg | ibuprofen 800mg",
            "flurbiprophen 20% cream | flurbiprofen 20% cream",
            // Two words at one edit that the rules give the same category (naproxen, Naprosyn): either is read.
            "naproxyn 550 mg | naprosyn 550 mg",
            "biofeeback 6 sessions | biofeedback 6 sessions",
            "physical therapy | physical therapy"})
    void misspeltLongWordsAreReadAsTheRulesWord(String written, String read) {
        assertEquals(read, reader().spelled(written));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "heating pad", "hearing aids", "lotion", "continuous passive motion", "release of the first dorsal compartment",
            "motorized scooter", "vestibular rehabilitation", "zorbex 50mg", "ketoprofen 10% in lipoderm base",
            // A word of the rules written with an optional last letter ("massagers?") is known in both forms.
            "electric massager"})
    void wordsThatAreWordsStayAsWritten(String written) {
        assertEquals(written, reader().spelled(written));
    }

    @Test
    void theVocabularyIsTheRulesOwnLongWords() {
        assertTrue(reader().vocabulary().contains("acupuncture"));
        assertTrue(reader().vocabulary().contains("tabradol"), "brand names");
        assertTrue(reader().vocabulary().stream().allMatch(w -> w.length() >= RequestReader.MIN_LENGTH));
        assertNull(reader().correction("lumbar"), "short words are never corrected");
    }

    @Test
    void theRequestIsReadAsItsImrEligiblePortionWithAbbreviationsWrittenOut() {
        assertEquals("physical therapy for 6 sessions", reader().read("Acupuncture 12 sessions was the original request."
                + " Physical therapy for 6 sessions was authorized by the Claims Administrator. The remaining IMR eligible"
                + " portion of the original request, Physical therapy for 6 sessions is"));
        assertEquals("x-ray c-spine ap/lat", reader().read("XR c-spine AP/lat"));
        assertEquals("effexor xr 75mg #30", reader().read("Effexor XR 75mg #30"), "extended release is not an x-ray");
        assertEquals("terocin patches", reader().read("Terocin patches DOS: 11/11/2016"));
    }

    @Test
    void initialsWithPeriodsAndAZeroForTheLetterOAreRead() {
        assertEquals("mri of the lumbar spine", reader().read("M.R.I. of the lumbar spine"));
        assertEquals("emg/ncv bue", reader().read("E.M.G./N.C.V. BUE"));
        assertEquals("omeprazole dr 20mg #30", reader().read("0meprazole DR 20mg #30"));
        assertEquals("oxycodone 10mg #60", reader().read("0xycodone 10mg #60"));
        // A zero in a number stays a zero.
        assertEquals("hydrocodone 10mg 0.5 tab", reader().read("Hydrocodone 10mg 0.5 tab"));
        assertEquals("lidocaine 5% x 30days", reader().read("Lidocaine 5% x 30days"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // CPT and HCPCS codes are read as their descriptors' words, clinical abbreviations as what they stand for.
            "97014 electrical stimulation unattended, 8 sessions | physical-therapy",
            "97140 manual therapy techniques, 2x4 weeks | physical-therapy",
            "98941 x 6 | chiropractic",
            "97813 x 6 | acupuncture",
            "99244 | consultation",
            "G0483 | drug-testing",
            "E0730 purchase | tens-dme",
            "L1833 right | tens-dme",
            // A drug's J code is read as the drug (eighth session: a medicine injected systemically is judged by the
            // medicine); a code of an interventional product stays an injection.
            "J1885 | nsaid",
            "J3420 | other",
            "J7325 left knee | injection",
            "Toradol 60 mg IM | nsaid",
            "96372 Toradol 60mg | nsaid",
            "TPI x 4 | injection",
            "Bilateral L4-5 MBB | injection",
            "Right TKA | surgery",
            "Left CTR | surgery",
            "HHA 4 hrs/day | home-health",
            "SCDs | tens-dme",
            "97750 | fce",
            "97760 orthotic training x 4 | physical-therapy",
            "96150 | psych",
            "90901 x 6 | psych",
            "MRl lumbar spine | imaging",
            // "I'm" is not IM.
            "Ibuprofen 800mg, I'm told BID | nsaid"})
    void codesAndClinicalAbbreviationsAreReadAsTheirWords(String request, String key) {
        assertEquals(TreatmentCategory.fromKey(key), CategorySuggester.suggest(request));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Associated surgical service: Cold therapy unit, 7 day rental | tens-dme",
            "Associated surgical service: Slingshot sling | tens-dme",
            "Cold therapy unit x 7 days post-op | tens-dme",
            "Post operative front wheel walker | tens-dme",
            "Post-op Zofran | other",
            "Post-op Percocet 5/325mg | opioid",
            "Associated surgical service: Physical therapy, times 12 | physical-therapy",
            "Associated surgical service: Assistant surgeon | surgical-assistant",
            "Associated surgical service: EKG | preop",
            "Associated surgical service: Right shoulder arthroscopy | surgery",
            "Post-op | surgery",
            "Post-operative follow-up visit with the surgeon | consultation"})
    void contextWordsSayWhereAnItemStandsNotWhatItIs(String request, String key) {
        assertEquals(TreatmentCategory.fromKey(key), CategorySuggester.suggest(request));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Inpatient hospital stay x1 day for the arthroplasty | facility",
            "Ice machine following shoulder surgery | tens-dme",
            "Crutches after the knee arthroscopy | tens-dme",
            "Ondansetron 4mg for nausea after surgery | other",
            "Knee brace prior to surgery | tens-dme",
            "Request for MRI of the knee | imaging",
            "Supplies for the TENS unit | tens-dme",
            // "for injection" is the drug's form, not what it is for.
            "Lidocaine 1% for injection, 5ml vial | injection",
            "Triamcinolone 40mg/ml for intra-articular injection | injection",
            // A consultation's own rule reads what it is for.
            "Referral for physical therapy | physical-therapy",
            "Internal medicine consultation for pre-op clearance | preop",
            "Pain management consultation for epidural steroid injection | consultation",
            // "after" is only time: a visit after an MRI is a visit.
            "Office visit after the MRI | consultation",
            "Follow-up with the surgeon after the injection | consultation",
            // Medicines of the other classes and services that are not care are what they are.
            "Gabapentin 300mg for neuropathic pain after surgery | other",
            "Cymbalta 30mg following the lumbar fusion | other",
            "Transportation to physical therapy | other",
            "Interpreter for the office visits | other",
            "Gabapentin 10%, amitriptyline 5% cream | topical"})
    void theHeadBeforeThePurposeWordNamesTheItem(String request, String key) {
        assertEquals(TreatmentCategory.fromKey(key), CategorySuggester.suggest(request));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // What comes "with" a service, test, device or operation is not the item.
            "Office visit with x-rays | consultation",
            "Follow-up visit with urine drug screen | consultation",
            "Orthopedic consultation with x-rays of the knee | consultation",
            "TENS unit with physical therapy | tens-dme",
            "Lumbar fusion L4-S1 with 3 day inpatient stay | surgery",
            "Right knee arthroscopy with post-operative physical therapy | surgery",
            "Trigger point injections with physical therapy | injection",
            // A medicine's "with" joins its ingredients: the whole request decides.
            "Tylenol with codeine #3 | opioid",
            "Cyclobenzaprine with lidocaine in cream base | topical",
            "Hydrocodone with acetaminophen 10/325mg | opioid",
            // "without" is not "with".
            "MRI of the lumbar spine without contrast | imaging"})
    void theHeadBeforeWithNamesTheItemUnlessItIsAMedicine(String request, String key) {
        assertEquals(TreatmentCategory.fromKey(key), CategorySuggester.suggest(request));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Keratek gel 4oz | topical",
            "Kera Tek analgesic gel | topical",
            "Polarcare unit x 14 days | tens-dme",
            "Levo Dromoran 2mg #60 | opioid",
            "Parafon-Forte 500mg | muscle-relaxant"})
    void aBrandOfTwoPartsIsFoundJoinedSpacedOrHyphenated(String request, String key) {
        assertEquals(TreatmentCategory.fromKey(key), CategorySuggester.suggest(request));
        assertEquals("kera[-/ ]?tek", RulesData.brandPattern("kera-tek").replace("\\Q", "").replace("\\E", ""));
    }

    @Test
    void aUserFileReplacesTheAccompanimentWordsAndHeads() throws Exception {
        Path p = tmp.resolve("with.json");
        Files.writeString(p, "{\"format\":\"reviewdesk-rules/1\",\"accompanimentWords\":[\"alongside\"],"
                + "\"accompanimentHeads\":[\"imaging\"]}");
        RulesData rules = RulesData.load(shipped(), p);
        assertEquals(TreatmentCategory.IMAGING, CategorySuggester.suggest("X-rays alongside an office visit", rules));
        assertEquals(TreatmentCategory.IMAGING, CategorySuggester.suggest("Office visit with x-rays", rules),
                "the user's words replace the shipped ones");
    }

    @Test
    void aUserFileAddsAbbreviationsContextWordsAndKnownWords() throws Exception {
        Path p = tmp.resolve("mine.json");
        Files.writeString(p, "{\"format\":\"reviewdesk-rules/1\",\"abbreviations\":{\"aqt\":\"aquatic therapy\"},"
                + "\"contextWords\":[\"after the operation\"],\"knownWords\":[\"acupunctures\"],"
                + "\"brands\":{\"zorbexalin\":\"tramadol\"}}");
        RulesData rules = RulesData.load(shipped(), p);
        assertEquals(TreatmentCategory.PHYSICAL_THERAPY, CategorySuggester.suggest("AQT 2x6", rules));
        assertEquals(TreatmentCategory.TENS_DME, CategorySuggester.suggest("Sling after the operation", rules));
        assertEquals("acupunctures", rules.reader().spelled("acupunctures"), "a known word is never corrected");
        assertEquals(TreatmentCategory.OPIOID, CategorySuggester.suggest("Zorbexalim 50mg", rules),
                "a user's brand is in the vocabulary too");
        assertEquals(TreatmentCategory.IMAGING, CategorySuggester.suggest("XR of the knee", rules), "shipped ones stay");
    }

    @Test
    void brokenAbbreviationsAndContextWordsAreRefusedWithTheirPlace() throws Exception {
        String m = refusal(broken(root -> ((ObjectNode) root.get("abbreviations")).put("x(r", "x-ray")));
        assertTrue(m.startsWith(tmp.resolve("rules.json") + ": "), m);
        assertTrue(m.contains("$.abbreviations.x(r: not a valid pattern"), m);
        m = refusal(broken(root -> ((ObjectNode) root.get("abbreviations")).put("xr", "")));
        assertTrue(m.contains("$.abbreviations.xr: expected the words it stands for"), m);
        m = refusal(broken(root -> root.putArray("contextWords").add("post-op").add("(unclosed")));
        assertTrue(m.contains("$.contextWords[1]: not a valid pattern"), m);
        m = refusal(broken(root -> root.putArray("knownWords").add("")));
        assertTrue(m.contains("$.knownWords[0]"), m);
        m = refusal(broken(root -> root.putArray("purposeWords").add("for").add("[after")));
        assertTrue(m.contains("$.purposeWords[1]: not a valid pattern"), m);
        m = refusal(broken(root -> root.putArray("sequenceWords").add("after").add("(?<=x")));
        assertTrue(m.contains("$.sequenceWords[1]: not a valid pattern"), m);
        m = refusal(broken(root -> root.putArray("purposeHeadsDeferred").add("consults")));
        assertTrue(m.contains("$.purposeHeadsDeferred[0]: unknown category \"consults\""), m);
        m = refusal(broken(root -> root.putArray("accompanimentWords").add("with").add("along (with")));
        assertTrue(m.startsWith(tmp.resolve("rules.json") + ": "), m);
        assertTrue(m.contains("$.accompanimentWords[1]: not a valid pattern"), m);
        m = refusal(broken(root -> root.putArray("accompanimentHeads").add("imaging").add("x-rays")));
        assertTrue(m.contains("$.accompanimentHeads[1]: unknown category \"x-rays\""), m);
    }

    private Path broken(java.util.function.Consumer<ObjectNode> change) throws Exception {
        return BrokenRules.write(tmp, change);
    }

    private static String refusal(Path userFile) {
        return BrokenRules.refusal(userFile);
    }
}
