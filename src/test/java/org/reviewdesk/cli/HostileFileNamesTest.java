package org.reviewdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.record.TestRecords;

/** Record files whose names carry terminal escapes or a newline: 'records add' prints them escaped, one line each. */
class HostileFileNamesTest {
    private static final String PW = "hostile names store password";

    @TempDir
    Path tmp;

    record Run(int status, String out, String err) {
    }

    private Run run(Path data, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.reviewdesk.app.Main", "--data", data.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("REVIEWDESK_"));
        pb.environment().put("REVIEWDESK_PASSWORD", PW);
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the command did not finish");
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static void assertNoControls(String s) {
        for (char c : s.toCharArray()) {
            assertFalse(c != '\n' && c != '\t' && Character.isISOControl(c), "raw control character "
                    + (int) c + " in: " + s);
        }
    }

    @Test
    void fileNamesAreEscapedInEveryLine() throws Exception {
        Path data = tmp.resolve("data");
        assertEquals(0, run(data, "init").status());
        Path in = Files.createDirectories(tmp.resolve("in"));
        byte[] one = TestRecords.numberedPdf(1);
        Path esc = Files.write(in.resolve("clear\u001b[2Jscreen.pdf"), one);
        Path newline = Files.write(in.resolve("two\nerror: forged.pdf"), TestRecords.numberedPdf(2));
        Path again = Files.write(in.resolve("copy\u0007.pdf"), one);
        Path empty = Files.write(in.resolve("empty\u001b[31m.pdf"), new byte[0]);

        Run add = run(data, "records", "add", "EXAMPLE-0001", esc.toString(), newline.toString(), again.toString(),
                empty.toString(), "--no-ocr");
        assertEquals(1, add.status(), add.err());
        assertNoControls(add.out());
        assertNoControls(add.err());
        assertEquals(3, add.out().lines().count(), add.out());
        assertTrue(add.out().contains("clear\\u001b[2Jscreen.pdf: added as "), add.out());
        assertTrue(add.out().contains("two\\u000aerror: forged.pdf: added as "), add.out());
        assertTrue(add.out().contains("copy\\u0007.pdf: already in the case"), add.out());
        assertEquals(1, add.err().lines().count(), add.err());
        assertTrue(add.err().startsWith("error: empty\\u001b[31m.pdf "), add.err());

        Run list = run(data, "records", "list", "EXAMPLE-0001");
        assertEquals(0, list.status(), list.err());
        assertNoControls(list.out());
    }
}
