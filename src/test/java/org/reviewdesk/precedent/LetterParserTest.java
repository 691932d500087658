package org.reviewdesk.precedent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.reviewdesk.domain.Decision;

/** Public determination letters read into precedents: every letter, and the 47 parsed cases field by field. */
class LetterParserTest {
    private static final Path LETTERS = Path.of("../shared/data/imr-letters");

    private static List<Path> files(String dir) throws Exception {
        try (Stream<Path> s = Files.list(LETTERS.resolve(dir))) {
            return s.sorted().toList();
        }
    }

    private static String norm(String s) {
        return s == null ? null : s.strip().replaceAll("\\s+", " ");
    }

    @Test
    void everyPublicLetterParsesWithAllItsItems() throws Exception {
        int items = 0;
        int upheld = 0;
        for (Path p : files("txt")) {
            Precedent pr = LetterFiles.read(p.getFileName().toString(), Files.readAllBytes(p));
            assertEquals(p.getFileName().toString().replace(".txt", ""), pr.caseNumber());
            assertNotNull(pr.decisionDate(), pr.caseNumber());
            assertNotNull(pr.dateAssigned(), pr.caseNumber());
            assertTrue(pr.clinicalSummary().length() > 100, pr.caseNumber());
            for (PrecedentItem i : pr.items()) {
                assertTrue(i.rationale().length() > 40, pr.caseNumber() + " " + i.position());
                assertTrue(!i.request().isBlank() && !i.request().contains("guideline:"), i.request());
                upheld += i.decision() == Decision.UPHELD ? 1 : 0;
            }
            items += pr.items().size();
        }
        // the README's figures over all 194 letters
        assertEquals(439, items);
        assertEquals(390, upheld);
    }

    @Test
    void theParsedCasesComeBackFieldByField() throws Exception {
        ObjectMapper m = new ObjectMapper();
        int checked = 0;
        for (Path json : files("cases")) {
            JsonNode c = m.readTree(json.toFile());
            String n = c.get("caseNumber").asText();
            Precedent p = LetterFiles.read(n + ".txt", Files.readAllBytes(LETTERS.resolve("txt/" + n + ".txt")));
            assertEquals(LocalDate.parse(c.get("decisionDate").asText()), p.decisionDate(), n);
            assertEquals(LocalDate.parse(c.get("dateAssigned").asText()), p.dateAssigned(), n);
            assertEquals(c.get("items").size(), p.items().size(), n);
            for (int i = 0; i < p.items().size(); i++) {
                JsonNode want = c.get("items").get(i);
                PrecedentItem got = p.items().get(i);
                assertEquals(norm(want.get("request").asText()), got.request(), n);
                assertEquals(want.get("decision").asText(), got.decision().name(), n);
                assertEquals(norm(want.path("reviewerGuideline").asText(null)), got.reviewerGuideline(), n);
                assertEquals(norm(want.path("claimsAdministratorGuideline").asText(null)),
                        got.claimsAdministratorGuideline(), n);
                assertEquals(norm(want.get("rationale").asText()), norm(got.rationale()), n);
                checked++;
            }
        }
        assertEquals(101, checked);
    }

    @Test
    void aPdfLetterReadsLikeItsText() throws Exception {
        for (String n : List.of("CM16-0213037", "CM16-0240524", "CM17-0014449")) {
            Precedent pdf = LetterFiles.read(n + ".pdf", Files.readAllBytes(LETTERS.resolve("pdf/" + n + ".pdf")));
            Precedent txt = LetterFiles.read(n + ".txt", Files.readAllBytes(LETTERS.resolve("txt/" + n + ".txt")));
            assertEquals(txt.items().stream().map(i -> List.of(i.request(), i.decision().name(),
                    String.valueOf(i.reviewerGuideline()))).toList(), pdf.items().stream().map(i -> List.of(i.request(),
                    i.decision().name(), String.valueOf(i.reviewerGuideline()))).toList(), n);
            assertEquals(norm(txt.clinicalSummary()), norm(pdf.clinicalSummary()), n);
        }
    }

    @Test
    void aSpecialtyThatRunsOnToTheNextLineIsReadWhole() throws Exception {
        String n = "CM17-0010885";
        String want = "Preventive Medicine, Occupational Medicine, Public Health & General Preventive Medicine";
        assertEquals(want, LetterFiles.read(n + ".txt", Files.readAllBytes(LETTERS.resolve("txt/" + n + ".txt")))
                .specialty());
        assertEquals(want, LetterFiles.read(n + ".pdf", Files.readAllBytes(LETTERS.resolve("pdf/" + n + ".pdf")))
                .specialty());
        for (Path p : files("txt")) {
            String s = LetterFiles.read(p.getFileName().toString(), Files.readAllBytes(p)).specialty();
            assertTrue(s == null || (!s.isBlank() && !s.contains("\n") && !s.contains("CLINICAL CASE SUMMARY")
                    && !s.endsWith("&") && !s.endsWith(",")), p + ": " + s);
        }
    }

    @Test
    void textThatIsNotALetterIsRefusedWithAReason() {
        LetterParseException e = assertThrows(LetterParseException.class, () -> LetterFiles.read("notes.txt",
                "Progress note\nPatient reports pain.".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("no case number"), e.getMessage());
        assertEquals("notes.txt", e.source());
        List<String> reasons = new ArrayList<>();
        try {
            LetterFiles.read("cut.txt", ("Case Number: CM16-0000001\nIMR ISSUES, DECISIONS AND RATIONALES\n"
                    + "MRI of the knee: Upheld\nClaims Administrator guideline: x\n").getBytes(StandardCharsets.UTF_8));
        } catch (LetterParseException x) {
            reasons.add(x.getMessage());
        }
        assertEquals(List.of("item 1 (MRI of the knee) has no \"Decision rationale:\""), reasons);
        LetterParseException broken = assertThrows(LetterParseException.class, () -> LetterFiles.read("broken.pdf",
                "%PDF-1.7\nnot really".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(broken.getMessage().contains("damaged"), broken.getMessage());
    }

    @Test
    void aModifiedRequestIsSearchedByThePartImrDecides() {
        assertEquals("Norco 10/325mg #35", BodyParts.decidedPart("Norco 10/325mg #60 was the original request. "
                + "Norco 10/325mg #25 was authorized by the Claims Administrator. The remaining IMR eligible portion "
                + "of the original request, Norco 10/325mg #35 is"));
        assertEquals(java.util.Set.of("low-back"), BodyParts.of("MRI (magnetic resonance imaging) of the lumbar spine"));
        assertEquals(java.util.Set.of("neck"), BodyParts.of("12 sessions of physical therapy for the cervical spine"));
    }
}
