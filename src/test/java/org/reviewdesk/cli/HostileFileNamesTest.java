package org.reviewdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.record.TestRecords;

/** Record files whose names carry terminal escapes or a newline: 'records add' prints them escaped, one line each. */
class HostileFileNamesTest {
    private static final String PW = "hostile names store password";

    @TempDir
    Path tmp;


    private CommandProcess.Run run(Path data, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--data", data.toString()));
        all.addAll(List.of(args));
        return CommandProcess.run(tmp, PW, List.of(), 180, all.toArray(String[]::new));
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

        CommandProcess.Run add = run(data, "records", "add", "EXAMPLE-0001", esc.toString(), newline.toString(), again.toString(),
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

        CommandProcess.Run list = run(data, "records", "list", "EXAMPLE-0001");
        assertEquals(0, list.status(), list.err());
        assertNoControls(list.out());
    }
}
