package org.reviewdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reviewdesk guidelines [QUERY]}, run in-process: it needs no store and no password. */
class GuidelinesCommandTest {
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

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void aQueryPrintsEachMatchWithItsCitationTextAndLimits() {
        assertEquals(0, run("--data", tmp.resolve("no-store").toString(), "guidelines", "physical", "medicine"));
        List<String> lines = lines();
        assertEquals("mtus-chronic-pain-2016 / Physical medicine treatment: Decision based on MTUS Chronic Pain Medical"
                + " Treatment 2016, Section(s): Physical medicine treatment.", lines.get(0));
        assertTrue(lines.get(1).startsWith("    limits: 9-10 visits over 8 weeks"), lines.get(1));
        assertTrue(lines.get(1).contains("[quoted in letters only"), lines.get(1));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void noQueryListsTheWholeLibrary() {
        assertEquals(0, run("guidelines"));
        List<String> lines = lines();
        assertTrue(lines.size() > 400, "lines: " + lines.size());
        assertTrue(lines.contains("mtus-acupuncture-2007: Decision based on MTUS Acupuncture Treatment 2007."));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("mtus-low-back-2004 / Special Studies: Decision based on"
                + " MTUS Low Back Complaints 2004, Section(s): Special Studies.")));
    }

    @Test
    void aQueryWithoutMatchSaysSoAndSucceeds() {
        assertEquals(0, run("guidelines", "zebra"));
        assertEquals(List.of("no guideline matches \"zebra\""), lines());
    }

    @Test
    void theDataFoldersGuidelinesFileExtendsTheLibraryAsInTheWindow() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(data.resolve("guidelines.json"), "{\"format\": \"reviewdesk-guidelines/1\", \"entries\": [{"
                + "\"id\": \"clinic-handbook\", \"kind\": \"NON_MTUS\", \"name\": \"Clinic Handbook\","
                + " \"categories\": [\"other\"]}]}");
        assertEquals(0, run("--data", data.toString(), "guidelines", "handbook"));
        assertEquals(List.of("clinic-handbook: Decision based on Non-MTUS Citation Clinic Handbook."), lines());
    }

    @Test
    void aUserLibraryIsMergedAndABrokenOneIsAnError() throws Exception {
        Path mine = tmp.resolve("mine.json");
        Files.writeString(mine, "{\"format\": \"reviewdesk-guidelines/1\", \"entries\": [{\"id\": \"my-textbook\","
                + " \"kind\": \"NON_MTUS\", \"name\": \"My Textbook\", \"categories\": [\"other\"]}]}");
        assertEquals(0, run("guidelines", "--library", mine.toString(), "textbook"));
        assertEquals(List.of("my-textbook: Decision based on Non-MTUS Citation My Textbook."), lines());

        Files.writeString(mine, "{\"format\": \"reviewdesk-guidelines/1\", \"entries\": [{\"id\": \"x\"}]}");
        assertEquals(1, run("guidelines", "--library", mine.toString()));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.startsWith("error: the library file is not valid: ") && e.contains("$.entries[0].kind"), e);
    }
}
