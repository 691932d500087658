package org.reviewdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reviewdesk precedents import PATH...} and {@code reviewdesk precedents QUERY} as a user runs them: separate
 * processes, the password from the environment, real letters; a second import adds nothing twice.
 */
class PrecedentsCommandTest {
    private static final Path LETTERS = Path.of("../shared/data/imr-letters");

    @TempDir
    Path tmp;

    record Run(int status, String out, String err) {
    }

    private Run run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.reviewdesk.app.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("REVIEWDESK_DATA");
        pb.environment().put("REVIEWDESK_PASSWORD", "password one");
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the command did not finish");
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void importTwiceThenSearch() throws Exception {
        Path folder = tmp.resolve("letters");
        Files.createDirectories(folder);
        for (String n : List.of("CM16-0213037", "CM16-0240524", "CM17-0014449")) {
            Files.copy(LETTERS.resolve("pdf/" + n + ".pdf"), folder.resolve(n + ".pdf"));
        }
        Files.write(folder.resolve("cut.pdf"), java.util.Arrays.copyOf(Files.readAllBytes(
                LETTERS.resolve("pdf/CM16-0219557.pdf")), 4000));
        String data = tmp.resolve("data").toString();
        assertEquals(0, run("--data", data, "init", "--empty").status());

        Run first = run("--data", data, "precedents", "import", folder.toString());
        assertEquals(0, first.status(), first.err());
        assertTrue(first.out().contains("not read: cut.pdf: "), first.out());
        assertTrue(first.out().contains("3 letters added, 0 already in the library, 1 not read (4 files; the library "
                + "now holds 3 letters)"), first.out());

        Run again = run("--data", data, "precedents", "import", folder.toString(),
                LETTERS.resolve("txt/CM16-0213037.txt").toString());
        assertEquals(0, again.status(), again.err());
        assertTrue(again.out().contains("0 letters added, 4 already in the library, 1 not read (5 files; the library "
                + "now holds 3 letters)"), again.out());

        Run missing = run("--data", data, "precedents", "import", tmp.resolve("no-such-folder").toString());
        assertEquals(1, missing.status());
        assertTrue(missing.err().startsWith("error: ") && missing.err().contains("does not exist"), missing.err());
        assertEquals("", missing.out());

        Run search = run("--data", data, "precedents", "MRI", "shoulder", "--json");
        assertEquals(0, search.status(), search.err());
        JsonNode doc = new ObjectMapper().readTree(search.out());
        assertEquals("reviewdesk-precedents/1", doc.get("format").asText());
        JsonNode top = doc.get("items").get(0);
        assertEquals("CM16-0213037", top.get("caseNumber").asText());
        assertEquals("MRI of the right shoulder without contrast", top.get("request").asText());
        assertTrue(doc.get("summary").asText().matches("\\d+ similar: \\d+ upheld, \\d+ overturned.*"),
                doc.get("summary").asText());
    }
}
