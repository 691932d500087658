package org.reviewdesk.guideline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reviewdesk.domain.Citation;

class CitationTextTest {
    private static final GuidelineLibrary LIB = GuidelineLibrary.shipped();

    private static Citation c(String id, String... sections) {
        return new Citation(id, List.of(sections), null);
    }

    @Test
    void anMtusGuidelineIsCitedWithItsSections() {
        assertEquals("Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies, Summary.",
                CitationText.reviewer(List.of(c("mtus-low-back-2004", "Special Studies", "Summary")), LIB));
    }

    @Test
    void aGuidelineWithoutSectionsIsCitedByNameAlone() {
        assertEquals("Decision based on MTUS Acupuncture Treatment 2007.",
                CitationText.reviewer(List.of(new Citation("mtus-acupuncture-2007", null, null)), LIB));
    }

    @Test
    void severalMtusGuidelinesShareOneSentenceJoinedWithAnd() {
        assertEquals("Decision based on MTUS Shoulder Complaints 2004, Section(s): Initial Care, and Postsurgical"
                + " Treatment 2009, Section(s): Elbow & Upper Arm.", CitationText.claimsAdministrator(List.of(
                        c("mtus-shoulder-2004", "Initial Care"),
                        c("mtus-postsurgical-2009", "Elbow & Upper Arm")), LIB));
    }

    @Test
    void mtusComesFirstAndEachNonMtusSourceIsItsOwnSentence() {
        GuidelineEntry odg = LIB.byName(GuidelineKind.NON_MTUS, "Official Disability Guidelines (ODG) Low Back")
                .orElseThrow();
        String text = CitationText.reviewer(List.of(c(odg.id(), "Epidural steroid injections (ESIs)"),
                c("mtus-low-back-2004", "Physical Methods")), LIB);
        assertEquals("Decision based on MTUS Low Back Complaints 2004, Section(s): Physical Methods. Decision based on"
                + " Non-MTUS Citation Official Disability Guidelines (ODG) Low Back,"
                + " Epidural steroid injections (ESIs).",
                text);
    }

    @Test
    void onlyNonMtusSourcesGetTheOutsideMtusLeadInForWhoeverCited() {
        GuidelineEntry odg = LIB.byName(GuidelineKind.NON_MTUS, "Official Disability Guidelines (ODG), Shoulder")
                .orElseThrow();
        assertEquals("The Expert Reviewer based their decision on recommendation(s) outside of the MTUS Guidelines."
                + " Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Shoulder.",
                CitationText.reviewer(List.of(c(odg.id())), LIB));
        assertTrue(CitationText.claimsAdministrator(List.of(c(odg.id())), LIB)
                .startsWith("The Claims Administrator based their decision on recommendation(s) outside"));
    }

    @Test
    void noCitationSaysNoEvidenceWasCited() {
        assertEquals("The Expert Reviewer did not cite any medical evidence for its decision.",
                CitationText.reviewer(List.of(), LIB));
        assertEquals("The Claims Administrator did not cite any medical evidence for its decision.",
                CitationText.claimsAdministrator(null, LIB));
    }

    @Test
    void theOlderStylePrintsSectionAndPagesWithoutTheSectionLabel() throws Exception {
        String seed = "Decision based on MTUS Chronic Pain Treatment Guidelines Physical therapy Page(s): 98.";
        List<Citation> cs = CitationText.parse(seed, LIB);
        assertEquals(List.of(new Citation("mtus-chronic-pain-legacy", List.of("Physical therapy"), "98")), cs);
        assertEquals(seed, CitationText.reviewer(cs, LIB));
    }

    @Test
    void pagesFollowTheSectionsInTheCurrentStyle() {
        assertEquals("Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Physical medicine"
                + " treatment Page(s): 98-99.", CitationText.reviewer(List.of(new Citation("mtus-chronic-pain-2016",
                        List.of("Physical medicine treatment"), "98-99")), LIB));
    }

    @Test
    void parsingReadsWrappedLinesAndSectionNamesWithCommas() throws Exception {
        String text = "Decision based on MTUS Chronic Pain Medical Treatment 2016,\nSection(s): NSAIDs, GI symptoms &"
                + "\ncardiovascular risk, Proton Pump Inhibitors (PPIs), and Forearm, Wrist, and Hand Complaints 2004.";
        assertEquals(List.of(c("mtus-chronic-pain-2016", "NSAIDs, GI symptoms & cardiovascular risk",
                "Proton Pump Inhibitors (PPIs)"), c("mtus-hand-2004")), CitationText.parse(text, LIB));
    }

    @Test
    void parsingTheLeadInSentencesGivesNoCitationOrOnlyTheSources() throws Exception {
        assertEquals(List.of(), CitationText.parse(
                "The Claims Administrator did not cite any medical evidence for its decision.", LIB));
        List<Citation> cs = CitationText.parse("The Expert Reviewer based their decision on recommendation(s) outside"
                + " of the MTUS Guidelines. Decision based on Non-MTUS Citation Official Disability Guidelines (ODG)"
                + " Low Back, Flexibility.", LIB);
        assertEquals(1, cs.size());
        assertEquals(List.of("Flexibility"), cs.get(0).sections());
    }

    @Test
    void anUnknownGuidelineNameIsAParseErrorNamingTheText() {
        CitationParseException e = assertThrows(CitationParseException.class,
                () -> CitationText.parse("Decision based on MTUS Hip Complaints 2030, Section(s): Summary.", LIB));
        assertTrue(e.getMessage().contains("no MTUS guideline") && e.getMessage().contains("Hip Complaints 2030"),
                e.getMessage());
    }

    @Test
    void anUnknownSectionOfAKnownGuidelineIsAParseError() {
        CitationParseException e = assertThrows(CitationParseException.class,
                () -> CitationText.parse("Decision based on MTUS Low Back Complaints 2004, Section(s): Lasers.", LIB));
        assertTrue(e.getMessage().contains("section the library does not have"), e.getMessage());
    }

    @Test
    void anUnknownNonMtusSourceAndABrokenSentenceAreParseErrors() {
        assertThrows(CitationParseException.class,
                () -> CitationText.parse("Decision based on Non-MTUS Citation A textbook nobody cited.", LIB));
        assertThrows(CitationParseException.class, () -> CitationText.parse("Per the guidelines.", LIB));
        assertThrows(CitationParseException.class,
                () -> CitationText.parse("Decision based on MTUS Low Back Complaints 2004", LIB));
    }

    @Test
    void aTopicTheLibraryLacksIsCitedAsFreeTextUnderItsChapterAndReadsBack() throws Exception {
        GuidelineEntry chapter = LIB.chapters().stream().filter(e -> e.id().equals("odg-knee-and-leg-chapter-2"))
                .findFirst().orElseThrow();
        Citation free = new Citation(chapter.id(), List.of("Platelet-rich plasma (PRP), knee"), null);
        String text = CitationText.reviewer(List.of(free), LIB);
        assertTrue(text.endsWith("Decision based on Non-MTUS Citation " + chapter.name()
                + ", Platelet-rich plasma (PRP), knee."), text);
        List<Citation> back = CitationText.parse(text, LIB);
        assertEquals(List.of(free), back);
        assertEquals(text, CitationText.reviewer(back, LIB), "renders exactly as written");
    }

    @Test
    void renderingAnIdTheLibraryLacksNamesTheId() {
        UnknownGuidelineException e = assertThrows(UnknownGuidelineException.class,
                () -> CitationText.reviewer(List.of(c("no-such-guideline")), LIB));
        assertTrue(e.getMessage().contains("no-such-guideline"));
    }

    @Test
    void aSingleCitationSentenceHasNoLeadIn() {
        assertEquals("Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Physical medicine"
                + " treatment.",
                CitationText.sentence(c("mtus-chronic-pain-2016", "Physical medicine treatment"), LIB));
    }
}
