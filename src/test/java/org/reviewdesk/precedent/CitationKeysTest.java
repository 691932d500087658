package org.reviewdesk.precedent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.reviewdesk.guideline.GuidelineLibrary;

/** Citations compared as guidelines, not spellings. */
class CitationKeysTest {
    private static final GuidelineLibrary LIB = GuidelineLibrary.shipped();

    private static CitationKeys.Keys keys(String line) {
        return CitationKeys.of(line, LIB);
    }

    @Test
    void spellingsOfOneOdgChapterAndTopicAreOneGuideline() {
        // not in the library: read from the text alone
        CitationKeys.Keys a = keys("Decision based on Non-MTUS Citation ODG Pain Chapter, Opioids.");
        CitationKeys.Keys b = keys("Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), "
                + "Pain (Chronic), Opioids.");
        assertEquals(Set.of("odg:pain"), a.guidelines());
        assertEquals(a.guidelines(), b.guidelines());
        assertEquals(Set.of("odg:pain:opioids"), a.topics());
        assertEquals(a.topics(), b.topics());
    }

    @Test
    void libraryEntriesThatSpellTheSameChapterDifferentlyShareTheKey() {
        String[] lowBackMri = {
            "Official Disability Guidelines (ODG) Low Back - Lumbar & Thoracic (Acute & Chronic), MRIs (magnetic "
                    + "resonance imaging)",
            "Official Disability Guidelines (ODG) Lower Back section, MRI",
            "Official Disability Guidelines, Low Back - MRIs",
        };
        for (String s : lowBackMri) {
            CitationKeys.Keys k = keys("The Expert Reviewer based their decision on recommendation(s) outside of the"
                    + " MTUS Guidelines. Decision based on Non-MTUS Citation " + s + ".");
            assertEquals(Set.of("odg:low-back"), k.guidelines(), s);
            assertEquals(Set.of("odg:low-back:mri"), k.topics(), s);
        }
    }

    @Test
    void mtusGuidelinesAreKeyedByWhatTheyCoverAndKeepTheirSections() {
        CitationKeys.Keys k = keys("Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies, "
                + "and Chronic Pain Medical Treatment 2016, Section(s): Physical medicine treatment.");
        assertEquals(Set.of("mtus:low-back", "mtus:chronic-pain"), k.guidelines());
        assertTrue(k.topics().contains("mtus:low-back:imaging"), k.topics().toString());
        assertTrue(k.topics().contains("mtus:chronic-pain:physical-therapy"), k.topics().toString());
        // the 2009 and 2016 Chronic Pain guidelines, however the letters name them, are one guideline
        assertEquals(Set.of("mtus:chronic-pain"), keys("Decision based on MTUS Chronic Pain Medical Treatment 2009,"
                + " Section(s): Opioids, criteria for use.").guidelines());
        // MTUS Low Back and ODG Low Back are different guidelines
        assertFalse(keys("Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Low Back.")
                .guidelines().contains("mtus:low-back"));
    }

    @Test
    void wordsInParenthesesDoNotNameAnotherChapter() {
        CitationKeys.Keys k = keys("Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Head "
                + "(trauma, headaches, etc., not including stress & mental disorders) Hearing aids.");
        assertEquals(Set.of("odg:head"), k.guidelines());
        assertEquals(Set.of("odg:head:hearing-aid"), k.topics());
    }

    @Test
    void noCitationHasNoKeys() {
        assertTrue(keys("The Expert Reviewer did not cite any medical evidence for its decision.").isEmpty());
        assertTrue(keys(null).isEmpty());
        assertTrue(keys("").isEmpty());
    }

    @Test
    void everyCitingLineOfThePublicLettersHasAGuidelineKey() throws Exception {
        int lines = 0;
        try (Stream<Path> s = Files.list(Path.of("../shared/data/imr-letters/txt"))) {
            for (Path p : s.sorted().toList()) {
                Precedent pr = LetterFiles.read(p.getFileName().toString(), Files.readAllBytes(p));
                for (PrecedentItem it : pr.items()) {
                    for (String line : new String[] {it.reviewerGuideline(), it.claimsAdministratorGuideline()}) {
                        if (line == null || line.contains("did not cite any medical evidence")) {
                            continue;
                        }
                        lines++;
                        CitationKeys.Keys k = keys(line);
                        assertFalse(k.isEmpty(), pr.caseNumber() + ": " + line);
                        assertTrue(k.guidelines().stream().allMatch(g -> g.matches("[a-z]+(:[a-z0-9-]+)?")),
                                k.guidelines().toString());
                    }
                }
            }
        }
        assertTrue(lines > 700, "lines read: " + lines);
    }
}
