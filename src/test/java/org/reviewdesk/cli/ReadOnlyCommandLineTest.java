package org.reviewdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.TestData;
import org.reviewdesk.service.Workbench;

/** {@code records add} on a finalized case: one error line, exit 1, the store unchanged. */
class ReadOnlyCommandLineTest {
    @TempDir
    Path tmp;

    @Test
    void recordsAddIsRefusedOnAFinalizedCase() throws Exception {
        Path data = tmp.resolve("data");
        try (Workbench w = Workbench.create(data, TestData.PASSWORD, false)) {
            w.letters().createIdentity("Reviewer 4711");
            w.letters().finalizeCase("EXAMPLE-0001", null);
        }
        Path note = tmp.resolve("late-note.txt");
        Files.writeString(note, "A note that arrives after the case was finalized.", StandardCharsets.UTF_8);

        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.reviewdesk.app.Main", "--data", data.toString(),
                "records", "add", "EXAMPLE-0001", note.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("REVIEWDESK_DATA");
        pb.environment().put("REVIEWDESK_PASSWORD", new String(TestData.PASSWORD));
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS));
        String stderr = Files.readString(err);
        assertEquals(1, p.exitValue(), stderr);
        assertEquals("error: Case EXAMPLE-0001 is finalized and read-only; open an amendment to change it.\n",
                stderr);
        assertEquals("", Files.readString(out));

        try (Workbench w = Workbench.open(data, TestData.PASSWORD)) {
            assertEquals(3, w.records().documents("EXAMPLE-0001").size(), "no document added");
            assertTrue(w.auditLog().stream().noneMatch(a -> a.action().equals("RECORD_ADDED")
                    && String.valueOf(a.detail()).contains("late-note")));
        }
    }
}
