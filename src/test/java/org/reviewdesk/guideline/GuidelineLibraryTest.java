package org.reviewdesk.guideline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuidelineLibraryTest {
    private static final GuidelineLibrary LIB = GuidelineLibrary.shipped();
    // Every treatment category key (issue 10 added preop, consultation, gi-protection and others).
    private static final Set<String> CATEGORIES = java.util.Arrays.stream(TreatmentCategory.values())
            .map(TreatmentCategory::key).collect(java.util.stream.Collectors.toSet());

    @TempDir
    Path tmp;

    @Test
    void theShippedLibraryHoldsTheMtusGuidelinesAndTheNonMtusSources() {
        assertTrue(LIB.entries().size() > 150, "entries: " + LIB.entries().size());
        for (String id : List.of("mtus-chronic-pain-2016", "mtus-low-back-2004", "mtus-neck-2004", "mtus-opioid-2016",
                "mtus-acupuncture-2007", "mtus-postsurgical-2009", "mtus-acoem-ch8-neck", "mtus-chronic-pain-legacy")) {
            assertEquals(GuidelineKind.MTUS, LIB.require(id).kind(), id);
        }
        assertTrue(LIB.entries().stream().filter(e -> e.kind() == GuidelineKind.NON_MTUS).count() > 100);
    }

    @Test
    void everyEntryAndSectionHasKnownCategoriesAndASource() {
        for (GuidelineEntry e : LIB.entries()) {
            assertFalse(e.categories().isEmpty(), e.id());
            assertTrue(CATEGORIES.containsAll(e.categories()), e.id() + " " + e.categories());
            assertTrue(e.source() != null && !e.source().isBlank(), e.id());
            for (GuidelineSection s : e.sections()) {
                assertTrue(CATEGORIES.containsAll(s.categories()), e.id() + " / " + s.name());
                assertTrue(s.source() != null, e.id() + " / " + s.name());
            }
        }
    }

    @Test
    void limitsComeFromThePrimerWithTheirSource() {
        GuidelineSection pt = LIB.require("mtus-chronic-pain-2016").section("Physical medicine treatment")
                .orElseThrow();
        assertTrue(pt.limits().contains("9-10 visits over 8 weeks"), pt.limits());
        assertTrue(pt.limits().contains("8-10 visits over 4 weeks"), pt.limits());
        assertTrue(pt.source().startsWith("quoted in letters only"), pt.source());
        assertEquals(null, LIB.require("mtus-low-back-2004").section("Summary").orElseThrow().limits(),
                "no invented limits");
    }

    @Test
    void searchMatchesEveryWordByPrefixIgnoringCaseWithNameMatchesFirst() {
        List<SearchHit> hits = LIB.search("PHYS med");
        assertFalse(hits.isEmpty());
        assertEquals("Physical medicine treatment", hits.get(0).section().name());
        assertTrue(hits.stream().allMatch(h -> HitScore.score(h, List.of("phys", "med")) > 0));
        assertTrue(LIB.search("physical medicine zebra").isEmpty());
    }

    @Test
    void searchFindsSectionsByCategoryAndEntriesByName() {
        assertTrue(LIB.search("opioid urine").stream().anyMatch(h -> h.section() != null
                && h.section().name().startsWith("3.3.6")));
        List<SearchHit> chronic = LIB.search("chronic pain medical 2016");
        assertEquals("mtus-chronic-pain-2016", chronic.get(0).entry().id());
        assertEquals(null, chronic.get(0).section(), "the entry ranks before its sections");
    }

    @Test
    void aBlankQueryListsEveryEntryAndSection() {
        int sections = LIB.entries().stream().mapToInt(e -> e.sections().size()).sum();
        assertEquals(LIB.entries().size() + sections, LIB.search("  ").size());
    }

    @Test
    void forCategoryGivesTheEntriesForATreatment() {
        List<String> ids = LIB.forCategory("acupuncture").stream().map(GuidelineEntry::id).toList();
        assertTrue(ids.contains("mtus-acupuncture-2007"), ids.toString());
        assertTrue(LIB.forCategory("opioid").stream().anyMatch(e -> e.id().equals("mtus-opioid-2016")));
        assertTrue(LIB.forCategory("no-such-category").isEmpty());
    }

    @Test
    void idsAreUniqueSlugs() {
        Set<String> seen = new HashSet<>();
        for (GuidelineEntry e : LIB.entries()) {
            assertTrue(seen.add(e.id()), e.id());
            assertTrue(e.id().matches("[a-z0-9]+(-[a-z0-9]+)*"), e.id());
        }
    }

    @Test
    void aUserFileReplacesEntriesWithTheSameIdAndAddsNewOnes() throws Exception {
        Path user = tmp.resolve("mine.json");
        Files.writeString(user, """
                {"format": "reviewdesk-guidelines/1", "entries": [
                  {"id": "mtus-acupuncture-2007", "kind": "MTUS", "name": "Acupuncture Treatment 2007",
                   "summary": "my own note", "categories": ["acupuncture"], "source": "my notes"},
                  {"id": "uptodate-sildenafil", "kind": "NON_MTUS", "name": "UpToDate, Sildenafil",
                   "categories": ["other"], "sections": [{"name": "Dosing", "categories": ["other"]}]}
                ]}""");
        GuidelineLibrary lib;
        try (InputStream in = shippedStream()) {
            lib = GuidelineLibrary.load(in, user);
        }
        assertEquals(LIB.entries().size() + 1, lib.entries().size());
        assertEquals("my own note", lib.require("mtus-acupuncture-2007").summary());
        assertEquals("Decision based on Non-MTUS Citation UpToDate, Sildenafil, Dosing.", CitationText.sentence(
                new org.reviewdesk.domain.Citation("uptodate-sildenafil", List.of("Dosing"), null), lib));
    }

    @Test
    void anInvalidUserFileIsRefusedNamingTheFileAndTheJsonPath() throws Exception {
        Path user = tmp.resolve("bad.json");
        Files.writeString(user, """
                {"format": "reviewdesk-guidelines/1", "entries": [
                  {"id": "ok", "kind": "MTUS", "name": "Fine"},
                  {"id": "bad", "kind": "MTUS", "name": "Bad", "sections": [{"nme": "typo"}]}
                ]}""");
        GuidelineFormatException e = assertThrows(GuidelineFormatException.class, () -> load(user));
        assertEquals("$.entries[1].sections[0].nme", e.jsonPath());
        assertTrue(e.getMessage().startsWith(user.toString()) && e.getMessage().contains("unknown field"),
                e.getMessage());

        Files.writeString(user, "{\"format\": \"reviewdesk-guidelines/1\", \"entries\": [{\"id\": \"x\","
                + " \"kind\": \"ODG\", \"name\": \"X\"}]}");
        assertEquals("$.entries[0].kind", assertThrows(GuidelineFormatException.class, () -> load(user)).jsonPath());

        Files.writeString(user, "{\"format\": \"reviewdesk-guidelines/1\", \"entries\": [");
        assertTrue(assertThrows(GuidelineFormatException.class, () -> load(user)).getMessage().contains("not JSON"));

        Files.writeString(user, "{\"format\": \"something-else\", \"entries\": []}");
        assertEquals("$.format", assertThrows(GuidelineFormatException.class, () -> load(user)).jsonPath());
    }

    @Test
    void aUserFileBeyondTheParsersLimitsOrNotAFileIsRefusedNamingIt() throws Exception {
        Path user = tmp.resolve("deep.json");
        Files.writeString(user, "{\"format\": \"reviewdesk-guidelines/1\", \"entries\": " + "[".repeat(5_000)
                + "]".repeat(5_000) + "}");
        String m = assertThrows(GuidelineFormatException.class, () -> load(user)).getMessage();
        assertTrue(m.startsWith(user + ": $: not JSON at line 1, column ") && m.contains("near $.entries[0][0]")
                && m.endsWith(": nested more than 1,000 levels deep"), m);
        Path folder = Files.createDirectories(tmp.resolve("guidelines.json"));
        m = assertThrows(GuidelineFormatException.class, () -> load(folder)).getMessage();
        assertTrue(m.startsWith(folder + ": $: cannot be read"), m);
    }

    private static GuidelineLibrary load(Path user) throws Exception {
        try (InputStream in = shippedStream()) {
            return GuidelineLibrary.load(in, user);
        }
    }

    private static InputStream shippedStream() {
        return GuidelineLibrary.class.getResourceAsStream("library.json");
    }
}
