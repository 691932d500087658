package org.reviewdesk.guideline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reviewdesk.TestData;
import org.reviewdesk.domain.Citation;

/** The library against the citation strings of the 47 parsed public letters and the seed case. */
class LetterCitationsTest {
    private static final GuidelineLibrary LIB = GuidelineLibrary.shipped();
    private static final List<Printed> PRINTED = new ArrayList<>();

    record Printed(String caseNumber, boolean reviewer, String text) {
    }

    @BeforeAll
    static void readCases() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        for (Path p : TestData.allCases()) {
            JsonNode c = mapper.readTree(p.toFile());
            for (JsonNode item : c.get("items")) {
                PRINTED.add(new Printed(c.get("caseNumber").asText(), false,
                        item.get("claimsAdministratorGuideline").asText()));
                PRINTED.add(new Printed(c.get("caseNumber").asText(), true, item.get("reviewerGuideline").asText()));
            }
        }
    }

    @Test
    void everyCitationInTheLetterCasesNamesAnEntryAndSectionsTheLibraryHas() {
        List<String> failures = new ArrayList<>();
        int citations = 0;
        for (Printed p : PRINTED) {
            try {
                for (Citation c : CitationText.parse(p.text(), LIB)) {
                    citations++;
                    GuidelineEntry e = LIB.require(c.guidelineId());
                    for (String s : c.sections()) {
                        assertTrue(e.section(s).isPresent(), e.id() + " lacks section " + s);
                    }
                }
            } catch (CitationParseException e) {
                failures.add(p.caseNumber() + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), failures, "citation strings the library does not cover");
        assertTrue(PRINTED.size() >= 200 && citations >= 150, PRINTED.size() + " strings, " + citations + " citations");
    }

    @Test
    void renderingTheParsedCitationsReproducesEveryLetterString() throws Exception {
        List<String> mismatches = new ArrayList<>();
        for (Printed p : PRINTED) {
            List<Citation> cs = CitationText.parse(p.text(), LIB);
            String rendered = p.reviewer() ? CitationText.reviewer(cs, LIB) : CitationText.claimsAdministrator(cs, LIB);
            if (!normalized(rendered).equals(normalized(p.text()))) {
                mismatches.add(p.caseNumber() + "\n  letter:   " + p.text() + "\n  rendered: " + rendered);
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void theLettersCoverTheNoCitationAndOutsideMtusSentences() throws Exception {
        long none = PRINTED.stream().filter(p -> p.text().contains("did not cite")).count();
        long outside = PRINTED.stream().filter(p -> p.text().contains("outside of the MTUS")).count();
        assertTrue(none > 10 && outside > 10, none + " without citation, " + outside + " outside MTUS");
    }

    private static String normalized(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }
}
