package org.reviewdesk.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reviewdesk.domain.DocumentKind;

/** What inspect() suggests from a first page: the date, the document kind and a title. */
class RecordSuggestionsTest {
    private static RecordInfo inspectPdf(String... lines) throws Exception {
        return RecordReader.inspect("record.pdf", TestRecords.pdf(List.of(List.of(lines))));
    }

    private static RecordInfo inspectText(String text) throws Exception {
        return RecordReader.inspect("record.txt", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void progressNoteGivesItsVisitDateAndKind() throws Exception {
        RecordInfo info = inspectPdf("Pacific Spine and Orthopedics",
                "PRIMARY TREATING PHYSICIAN'S PROGRESS REPORT (PR-2)",
                "Patient: J. Doe   DOB: 03/02/1961   DOI: 06/14/2013", "Date of visit: 01/19/2015",
                "SUBJECTIVE: Neck pain radiating to the right arm. MRI of the cervical spine reviewed.");

        assertEquals(LocalDate.of(2015, 1, 19), info.suggestedDate());
        assertEquals("PROGRESS_NOTE", info.suggestedDocumentKind());
        assertEquals("Pacific Spine and Orthopedics", info.suggestedTitle());
        assertEquals(1, info.pageCount());
    }

    @Test
    void utilizationReviewIsRecognised() throws Exception {
        RecordInfo info = inspectPdf("NOTICE OF UTILIZATION REVIEW DETERMINATION", "Date: January 28, 2015",
                "Request for Authorization received 01/21/2015 for 12 sessions of physical therapy.",
                "The request is non-certified.");

        assertEquals("UR_DECISION", info.suggestedDocumentKind());
        assertEquals(LocalDate.of(2015, 1, 28), info.suggestedDate());
        assertEquals("NOTICE OF UTILIZATION REVIEW DETERMINATION", info.suggestedTitle());
    }

    @Test
    void mriReportIsAnImagingReport() throws Exception {
        RecordInfo info = inspectPdf("Coastal Imaging Center", "MRI OF THE LUMBAR SPINE WITHOUT CONTRAST",
                "Exam date: 2015-01-19", "FINDINGS: L4-5 disc protrusion, 3 mm.",
                "IMPRESSION: Mild degenerative disc disease.");

        assertEquals("IMAGING_REPORT", info.suggestedDocumentKind());
        assertEquals(LocalDate.of(2015, 1, 19), info.suggestedDate());
    }

    @Test
    void labelledDateOfServiceWinsOverEarlierDates() throws Exception {
        RecordInfo info = inspectText("Fax received 02/03/2015\nPHYSICAL THERAPY DAILY NOTE\n"
                + "Referral dated 12/01/2014\nDate of service: 1/19/15\nTreatment: therapeutic exercise");

        assertEquals(LocalDate.of(2015, 1, 19), info.suggestedDate());
        assertEquals("THERAPY_NOTE", info.suggestedDocumentKind());
        assertEquals("PHYSICAL THERAPY DAILY NOTE", info.suggestedTitle());
    }

    @Test
    void datesOfBirthAndInjuryAreNotSuggested() throws Exception {
        RecordInfo info = inspectText("Orthopedic consultation\nDOB: 04/05/1970\nDate of injury: 06/14/2013\n"
                + "Seen on March 3, 2015 for knee pain.");

        assertEquals(LocalDate.of(2015, 3, 3), info.suggestedDate());
        assertEquals("CONSULT_REPORT", info.suggestedDocumentKind());
    }

    @Test
    void eachKeywordFamilyGivesItsKind() throws Exception {
        assertEquals("IMR_APPLICATION", inspectText("APPLICATION FOR INDEPENDENT MEDICAL REVIEW\nDWC Form IMR")
                .suggestedDocumentKind());
        assertEquals("REQUEST_FOR_AUTHORIZATION", inspectText("REQUEST FOR AUTHORIZATION\nDWC Form RFA")
                .suggestedDocumentKind());
        assertEquals("OPERATIVE_REPORT", inspectText("OPERATIVE REPORT\nProcedure: right knee arthroscopy")
                .suggestedDocumentKind());
        assertEquals("MEDICAL_LEGAL_REPORT", inspectText("PANEL QUALIFIED MEDICAL EVALUATION\nQME report")
                .suggestedDocumentKind());
        assertEquals("THERAPY_NOTE", inspectText("Chiropractic treatment note\nVisit 4 of 6")
                .suggestedDocumentKind());
        assertEquals("OTHER", inspectText("Mileage reimbursement form\nTotal: 42 miles").suggestedDocumentKind());
    }

    @Test
    void everySuggestedKindIsADocumentKind() {
        List<String> kinds = Arrays.stream(DocumentKind.values()).map(Enum::name).toList();
        for (String text : List.of("PR-2", "UTILIZATION REVIEW", "MRI", "ACUPUNCTURE daily note", "OPERATIVE REPORT",
                "AME", "APPLICATION FOR INDEPENDENT MEDICAL REVIEW", "RFA", "CONSULTATION", "LABORATORY REPORT",
                "PHARMACY", "Dear Dr. Smith,", "nothing")) {
            String kind = KindSuggestion.guess(text);
            assertTrue(kinds.contains(kind), text + " -> " + kind);
        }
    }

    @Test
    void titleSkipsPageNumbersFaxBannersAndIsCutToEightyCharacters() throws Exception {
        RecordInfo info = inspectText("Page 1 of 3\n01/22/2015 10:31 5551234567 >> 5557654321\n"
                + "Comprehensive orthopedic evaluation of the cervical spine, lumbar spine, both shoulders and "
                + "both knees\n");

        assertEquals("Comprehensive orthopedic evaluation of the cervical spine, lumbar spine, both",
                info.suggestedTitle());
    }

    @Test
    void imageHasNoDateAndIsTitledByItsFileName() throws Exception {
        RecordInfo info = RecordReader.inspect("folder/MRI scan 2015.png", TestRecords.png(20, 20));

        assertNull(info.suggestedDate());
        assertEquals("OTHER", info.suggestedDocumentKind());
        assertEquals("MRI scan 2015", info.suggestedTitle());
    }

    @Test
    void textDatesInEveryWrittenForm() {
        assertEquals(LocalDate.of(2015, 1, 19), DateSuggestion.find("seen 01/19/2015"));
        assertEquals(LocalDate.of(2015, 1, 19), DateSuggestion.find("seen 1/19/15"));
        assertEquals(LocalDate.of(2015, 1, 19), DateSuggestion.find("seen 2015-01-19"));
        assertEquals(LocalDate.of(2015, 1, 19), DateSuggestion.find("seen January 19, 2015"));
        assertEquals(LocalDate.of(2015, 1, 19), DateSuggestion.find("seen Jan. 19th 2015"));
        assertEquals(LocalDate.of(2015, 1, 19), DateSuggestion.find("seen 19 January 2015"));
        assertEquals(LocalDate.of(1998, 3, 4), DateSuggestion.find("seen 3/4/98"));
        assertNull(DateSuggestion.find("02/30/2015 is no date, nor is 13/01/2015"));
    }
}
