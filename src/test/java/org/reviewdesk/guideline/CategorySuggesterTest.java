package org.reviewdesk.guideline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CategorySuggesterTest {

    /** One hand-labelled item of the 47 parsed letters. */
    record Labelled(String caseNumber, int index, String request, TreatmentCategory expected) {
    }

    static List<Labelled> labelled() throws IOException {
        List<Labelled> rows = new ArrayList<>();
        try (InputStream in = CategorySuggesterTest.class.getResourceAsStream("expected-categories.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                rows.add(new Labelled(f[0], Integer.parseInt(f[1]), f[2], TreatmentCategory.fromKey(f[3])));
            }
        }
        return rows;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Norco 10/325mg #60 | opioid",
            "Ultram (tramadol) 50mg #90 | opioid",
            "Post-op Percocet 5/325mg | opioid",
            "Naproxen sodium 550mg #60 | nsaid",
            "Celebrex 200mg #30 | nsaid",
            "Tizanidine 4mg #60 | muscle-relaxant",
            "Lidoderm 5% patch #30 | topical",
            "Compound cream: flurbiprofen/lidocaine 180gm | topical",
            "MRI of the lumbar spine | imaging",
            "X-rays of the left shoulder | imaging",
            "CT scan of the cervical spine | imaging",
            "NCV/EMG of the bilateral upper extremity | electrodiagnostic",
            "12 sessions of physical therapy for the cervical spine | physical-therapy",
            "PT/OT 6 sessions left hand | physical-therapy",
            "Associated surgical service: Physical therapy, times 12 | physical-therapy",
            "Chiropractic physiotherapy 2 times a week for 4 weeks | chiropractic",
            "Acupuncture 2x3 for the low back | acupuncture",
            "H-wave unit rental | tens-dme",
            "Lumbar support | tens-dme",
            "Right L5-S1 epidural steroid injection | injection",
            "Retrospective injection of lidocaine and dexamethasone to the right knee | injection",
            "Left knee arthroscopy with partial meniscectomy | surgery",
            "Associated surgical service: Cold therapy for one week | tens-dme",
            "Post-op Zofran 4mg | other",
            "Physcial thearpy 2x6 for the neck | physical-therapy",
            "Accupuncture 6 sessions | acupuncture",
            "Tramadal 50mg #60 | opioid",
            "XR of the lumbar spine | imaging",
            "Effexor XR 75mg #30 | other",
            "Heating pad | tens-dme",
            "Cognitive behavioral therapy 6 sessions | psych",
            "Gabapentin extended release 600mg | other",
            "Home health aide 4 hours per day | home-health",
            "Cyclobenzaprine 5% in cream base | topical",
            "Ketophene cream 120g | topical",
            "Synapryn 10mg/ml oral suspension | opioid",
            "Tabradol 1mg/ml oral suspension | muscle-relaxant",
            "Lorzone 750mg #60 | muscle-relaxant",
            "Butrans patch 10mcg/hr | opioid",
            "Pre-op labs: CBC, PT/PTT | preop",
            "Preoperative medical clearance | preop",
            "Assistant surgeon | surgical-assistant",
            "Omeprazole 20mg #60 | gi-protection",
            "Urine drug screen | drug-testing",
            "Functional capacity evaluation | fce",
            "Orthopedic consultation for the right knee | consultation",
            "Follow-up office visit with pain management | consultation",
            "Skilled nursing facility stay, 10 days | facility",
            "Myofascial release 6 sessions | physical-therapy",
            "Hospital bed rental | tens-dme"})
    void suggestsTheCategoryFromKeywordsAndDrugNames(String request, String key) {
        assertEquals(TreatmentCategory.fromKey(key), CategorySuggester.suggest(request));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // Classes of wording from blind set 14's first run (eighth pass), none its own row.
            "Percodan 5/325 #60 | opioid",
            "Combunox 5/400 #30 | opioid",
            "Surface EMG biofeedback training, 6 sessions | psych",
            "EEG neurofeedback x 10 | psych",
            "EMG bio-feedback, 6 visits | psych",
            "Neuro feedback training | psych",
            "Intensive outpatient program, 3 days a week for 4 weeks | psych",
            "IOP 4 weeks | psych",
            "Health and behavior intervention, 6 sessions | psych",
            "Physical performance evaluation | fce",
            "Residential chronic pain treatment program | facility",
            "Residential TBI rehabilitation | facility",
            "MR venogram of the left leg | imaging",
            "Angiography of the right arm | imaging",
            "Shoulder series, left | imaging",
            "Radiographic study of the right knee | imaging",
            "Occupational therapist visits x 6 | physical-therapy",
            "Whirlpool treatments x 8 | physical-therapy",
            "Paraffin bath 6 sessions, right hand | physical-therapy",
            "Paraffin bath unit for home use | tens-dme",
            "Hyalgan series, left knee | injection"})
    void eighthPassClassesOfWording(String request, String key) {
        assertEquals(TreatmentCategory.fromKey(key), CategorySuggester.suggest(request), request);
    }

    /**
     * The eighth session's convention: a medicine injected systemically is judged by the medicine (reviewers cite
     * the MTUS "Ketorolac (Toradol)", the ODG "Vitamin B", the MTUS "Testosterone replacement for hypogonadism", the
     * ODG "Corticosteroids"); the injection checklist is for interventional procedures and site injections.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "IM Toradol | nsaid",
            "Toradol 60mg IM | nsaid",
            "Toradol injection | nsaid",
            "Ketorolac 30mg IV | nsaid",
            "Toradol shot in the buttock | nsaid",
            "Toradol 60mg IM for an acute flare of low back pain | nsaid",
            "Toradol 60mg IM, low back pain | nsaid",
            "Toradol and B12 injections | nsaid",
            "B12 shot | other",
            "Cyanocobalamin 1000mcg IM monthly | other",
            "Vitamin D injection | other",
            "Testosterone injection | other",
            "Depo-Testosterone 200mg IM every 2 weeks | other",
            "Depo-Medrol 80mg IM | other",
            "Kenalog 40mg intramuscular, gluteal | other",
            "Solu-Medrol 125mg IV | other",
            "IM steroid injection | other",
            "Phenergan 25mg IM | other",
            "Rocephin 1g IM | other",
            "Tetanus shot | other",
            "Lovenox injections x 14 days | other",
            "Ketamine infusion | other",
            "Demerol IM | opioid",
            "Demerol 50mg IM | opioid",
            "Norflex 60mg IM | muscle-relaxant",
            // ... and what stays an injection: a site, a procedure, or a corticosteroid with no route.
            "Kenalog to the shoulder | injection",
            "Kenalog 40mg IM to the right shoulder | injection",
            "Trigger point injection with lidocaine | injection",
            "Trigger point injections with Toradol | injection",
            "Toradol injection into the right knee | injection",
            "Depo-Medrol 80mg injection | injection",
            "Kenalog 40mg injection | injection",
            "Cortisone shot | injection",
            "Epidural steroid injection with Depo-Medrol 80mg | injection",
            "Occipital nerve block with Depo-Medrol | injection",
            "Botox | injection",
            "Botox 200 units IM | injection",
            "Lumbar facet radiofrequency ablation with IV sedation | injection",
            // ... and a home infusion service stays home health.
            "Home infusion of IV antibiotics | home-health"})
    void aMedicineInjectedSystemicallyIsJudgedByTheMedicine(String request, String key) {
        assertEquals(TreatmentCategory.fromKey(key), CategorySuggester.suggest(request), request);
    }

    @Test
    void blankOrNullRequestIsOther() {
        assertEquals(TreatmentCategory.OTHER, CategorySuggester.suggest(null));
        assertEquals(TreatmentCategory.OTHER, CategorySuggester.suggest("  "));
    }

    @Test
    void matchesTheHandLabelsOfTheRealLettersAboveTheMeasuredFloor() throws IOException {
        List<Labelled> rows = labelled();
        assertEquals(101, rows.size(), "101 items in the 47 parsed letters");
        int right = 0;
        for (Labelled l : rows) {
            TreatmentCategory got = CategorySuggester.suggest(l.request());
            if (got == l.expected()) {
                right++;
            } else {
                System.out.printf("MISS %s #%d expected %s got %s: %s%n", l.caseNumber(), l.index(),
                        l.expected().key(), got.key(), l.request());
            }
        }
        System.out.printf("Category suggestion: %d of %d items, %.0f%%%n", right, rows.size(), 100.0 * right / rows.size());
        // Measured 97 of 101 (96%) when written; the floor guards against regressions.
        // 101 of 101 since the sixth session (reader and post-op relabelling); the floor guards against regressions.
        assertTrue(right >= 100, "category suggestion fell to " + right + " of 101");
    }

    /**
     * Requests written from the primer and public drug and device knowledge, not from letters
     * ({@code primer-requests.tsv}): every one lands in the category a reviewer would open.
     */
    @Test
    void everyRequestWrittenFromThePrimerLandsInItsCategory() throws IOException {
        List<String> misses = new ArrayList<>();
        List<String[]> rows = WrittenRequests.rows("primer-requests.tsv");
        int n = rows.size();
        for (String[] f : rows) {
            TreatmentCategory got = CategorySuggester.suggest(f[0]);
            if (got != TreatmentCategory.fromKey(f[1])) {
                misses.add(f[0] + " -> " + got.key() + " (expected " + f[1] + ")");
            }
        }
        assertTrue(n > 250, "the primer requests were read: " + n);
        assertEquals(List.of(), misses);
    }
}
