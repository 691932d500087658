package org.reviewdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.TestData;

/** {@code suggest} and {@code check} on case files, run in-process: the shapes of cli.md and the exit codes. */
class SuggestCheckCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @TempDir
    Path tmp;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    private int run(String... args) {
        return ReviewDeskCommand.run(dir -> {
            throw new AssertionError("the window must not open");
        }, args);
    }

    private Path caseFile(String... itemsJson) throws Exception {
        String json = "{\"format\":\"reviewdesk-case/1\",\"caseNumber\":\"CM99-0000001\",\"priority\":\"STANDARD\","
                + "\"dateOfInjury\":\"2015-03-02\",\"items\":[" + String.join(",", itemsJson) + "]}";
        Path p = tmp.resolve("case.json");
        Files.writeString(p, json);
        return p;
    }

    @Test
    void suggestPrintsTheCategoryAndTheFirstTenEntriesAsJson() throws Exception {
        Path p = caseFile("{\"request\":\"MRI of the lumbar spine\"}",
                "{\"request\":\"Cyclobenzaprine 5% in cream base, 120 gm (DOS: 11/11/2016)\"}");
        assertEquals(0, run("--data", tmp.resolve("none").toString(), "suggest", "--case", p.toString(), "--json"));
        JsonNode doc = new ObjectMapper().readTree(out.toByteArray());
        assertEquals("reviewdesk-suggest/1", doc.get("format").asText());
        assertEquals("CM99-0000001", doc.get("caseNumber").asText());
        JsonNode first = doc.get("items").get(0);
        assertEquals(1, first.get("index").asInt());
        assertEquals("imaging", first.get("category").asText());
        JsonNode top = first.get("guidelines").get(0);
        assertEquals("mtus-low-back-2004", top.get("id").asText());
        assertEquals("MTUS", top.get("kind").asText());
        assertEquals("Low Back Complaints 2004", top.get("name").asText());
        assertEquals("Special Studies", top.get("section").asText());
        assertEquals("MTUS Low Back Complaints 2004, Section(s): Special Studies", top.get("citation").asText());
        assertTrue(first.get("guidelines").size() <= 10);
        JsonNode cream = doc.get("items").get(1);
        assertEquals("topical", cream.get("category").asText());
        assertEquals("Cyclobenzaprine 5% in cream base, 120 gm", cream.get("request").asText(),
                "the request as a clean item name");
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void suggestJudgesAWorkUpTestWithTheOtherItemsOfItsCase() throws Exception {
        Path p = caseFile("{\"request\":\"Chest x-ray\"}", "{\"request\":\"Lumbar MRI\"}");
        assertEquals(0, run("--data", tmp.resolve("none").toString(), "suggest", "--case", p.toString(), "--json"));
        JsonNode doc = new ObjectMapper().readTree(out.toByteArray());
        assertEquals("imaging", doc.get("items").get(0).get("category").asText(), "no operation in the case");
        assertEquals("imaging", doc.get("items").get(1).get("category").asText());
        out.reset();
        p = caseFile("{\"request\":\"Chest x-ray\"}", "{\"request\":\"L4-5 fusion\"}");
        assertEquals(0, run("--data", tmp.resolve("none").toString(), "suggest", "--case", p.toString(), "--json"));
        doc = new ObjectMapper().readTree(out.toByteArray());
        assertEquals("preop", doc.get("items").get(0).get("category").asText(), "the work-up of the fusion");
        assertEquals("surgery", doc.get("items").get(1).get("category").asText());
        out.reset();
        p = caseFile("{\"request\":\"Chest x-ray\",\"treatmentCategory\":\"preop\"}", "{\"request\":\"Lumbar MRI\"}");
        assertEquals(0, run("--data", tmp.resolve("none").toString(), "suggest", "--case", p.toString(), "--json"));
        doc = new ObjectMapper().readTree(out.toByteArray());
        assertEquals("preop", doc.get("items").get(0).get("category").asText(), "the chosen category stays");
    }

    @Test
    void suggestForPeopleAndTheCategoryKeys() throws Exception {
        Path p = caseFile("{\"request\":\"Omeprazole 20mg #60\"}");
        assertEquals(0, run("suggest", "--case", p.toString()));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Item 1: Omeprazole 20mg #60"), text);
        assertTrue(text.contains("category: gi-protection"), text);
        assertTrue(text.contains(" 1. MTUS Chronic Pain Medical Treatment 2016"), text);
        out.reset();
        assertEquals(0, run("suggest", "--categories"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("gi-protection\tGI protection"), out.toString());
    }

    @Test
    void checkExitsOneOnAnErrorAndPrintsTheFindingsAsJson() throws Exception {
        Path p = caseFile("{\"request\":\"Norco 10/325mg #60\",\"decision\":\"UPHELD\",\"reviewerGuideline\":"
                + "\"Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Opioids, criteria for use.\","
                + "\"rationale\":\"The records show no functional improvement. Therefore, the request is medically "
                + "necessary.\"}");
        assertEquals(1, run("check", "--case", p.toString(), "--json"));
        JsonNode doc = new ObjectMapper().readTree(out.toByteArray());
        assertEquals("reviewdesk-check/1", doc.get("format").asText());
        JsonNode f = doc.get("items").get(0).get("findings");
        boolean contradiction = false;
        for (JsonNode k : f) {
            contradiction |= k.get("kind").asText().equals("conclusion-contradicts-decision")
                    && k.get("severity").asText().equals("ERROR");
        }
        assertTrue(contradiction, f.toString());
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: "), err.toString());
    }

    @Test
    void checkOfARealLetterCaseHasNoErrorAndExitsZero() throws Exception {
        Path real = TestData.shared().resolve("data/imr-letters/cases/CM16-0242667.json");
        assertEquals(0, run("check", "--case", real.toString()));
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("ERROR"), out.toString());
    }

    @Test
    void aMissingOrBrokenCaseFileIsOneClearError() throws Exception {
        assertEquals(1, run("suggest", "--case", tmp.resolve("nope.json").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: there is no case file"), err.toString());
        err.reset();
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"format\":\"reviewdesk-case/1\"");
        assertEquals(1, run("check", "--case", bad.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: "), err.toString());
        assertEquals(2, run("check"));
    }
}
