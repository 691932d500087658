package org.reviewdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code suggest} on a stored case (and on a case file), with a rules.json in the data folder whose category rule backtracks without
 * end on the case's request: one {@code error:} line naming the file and the rule, exit 1, instead of a command
 * that never ends (the 60 s limit only keeps a regression from hanging the build).
 */
class RunawayRulesCommandTest {
    private static final String PW = "runaway rules password";

    @TempDir
    Path tmp;

    private CommandProcess.Run run(String... args) throws Exception {
        return CommandProcess.run(tmp, PW, List.of(), 60, args);
    }

    @Test
    void suggestEndsWithAnErrorNamingTheRulesFileAndTheRule() throws Exception {
        String data = tmp.resolve("data").toString();
        assertEquals(0, run("--data", data, "init", "--empty").status());
        Path c = Files.writeString(tmp.resolve("case.json"), "{\"format\":\"reviewdesk-case/1\","
                + "\"caseNumber\":\"CM99-0000002\",\"items\":[{\"request\":\"x" + "a".repeat(40) + "!\"}]}");
        assertEquals(0, run("--data", data, "import", c.toString()).status());
        Path rules = Files.writeString(Path.of(data, "rules.json"), "{\"format\":\"reviewdesk-rules/1\","
                + "\"categoryRules\":[{\"category\":\"psych\",\"match\":[\"qigong\",\"x(a|a){1,100}b\"]}]}");
        CommandProcess.Run r = run("--data", data, "suggest", "CM99-0000002");
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().startsWith("error: " + rules + ": $.categoryRules[0] (psych).match: the pattern takes too "
                + "long to match"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        // a case file checked as it is uses the data folder's rules too (its store stays closed)
        CommandProcess.Run asFile = run("--data", data, "suggest", "--case", c.toString());
        assertEquals(1, asFile.status(), asFile.err());
        assertTrue(asFile.err().startsWith("error: " + rules + ": $.categoryRules[0] (psych).match"), asFile.err());
    }
}
