package org.reviewdesk.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A letter, case file, packet, bundle or e-mail draft the reviewer asks to write into the data folder (by a slip of
 * the file name, or through a link to the folder) is refused with one line naming the file, and the store's own
 * files are untouched: before, {@code letter --out DATA/reviewdesk.mv.db} replaced the store with the PDF and
 * {@code export --out DATA/reviewdesk.key.json} replaced its key header; the next unlock then said the password was
 * wrong, or that the header was damaged. (The store file itself changes whenever a command opens the store, so
 * what is compared is its header byte for byte, the files of the folder, and what {@code list} and {@code show}
 * give.)
 */
class OutputInsideDataFolderTest {
    private static final String PW = "output inside data password";

    @TempDir
    Path tmp;

    private CommandProcess.Run run(String... args) throws Exception {
        return CommandProcess.run(tmp, PW, List.of(), 180, args);
    }

    private static List<Path> storeFiles(Path data) throws Exception {
        try (Stream<Path> s = Files.walk(data)) {
            return new ArrayList<>(s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString()
                    .equals("reviewdesk.oplock")).sorted().toList());
        }
    }

    @Test
    void writingIntoTheDataFolderIsRefusedAndTheStoreStaysReadable() throws Exception {
        Path data = tmp.resolve("data");
        String d = data.toString();
        assertEquals(0, run("--data", d, "init").status());
        assertEquals(0, run("--data", d, "keygen", "--store", "--name", "Reviewer 1").status());
        CommandProcess.Run fin = run("--data", d, "finalize", "EXAMPLE-0001");
        assertEquals(0, fin.status(), fin.err());
        String listBefore = run("--data", d, "list").out();
        String showBefore = run("--data", d, "show", "EXAMPLE-0001").out();
        List<Path> files = storeFiles(data);
        byte[] header = Files.readAllBytes(data.resolve("reviewdesk.key.json"));
        Path link = Files.createSymbolicLink(tmp.resolve("link-to-data"), data);

        String[][] attempts = {
            {"letter", "EXAMPLE-0001", "--out", data.resolve("reviewdesk.mv.db").toString()},
            {"letter", "EXAMPLE-0001", "--out", link.resolve("reviewdesk.mv.db").toString()},
            {"export", "EXAMPLE-0001", "--out", data.resolve("reviewdesk.key.json").toString()},
            {"export", "EXAMPLE-0001", "--out", data.resolve("index").resolve("new").resolve("x.zip").toString()},
            {"export", "EXAMPLE-0001", "--out", tmp.resolve("data/../data/reviewdesk.key.json").toString()},
            {"email", "EXAMPLE-0001", "--to", "imr@example.org", "--out", data.resolve("reviewdesk.mv.db").toString()},
            {"archive", "EXAMPLE-0001", "--plain", "--out", data.resolve("reviewdesk.key.json").toString()},
        };
        for (String[] a : attempts) {
            List<String> args = new ArrayList<>(List.of("--data", d));
            args.addAll(List.of(a));
            CommandProcess.Run r = run(args.toArray(String[]::new));
            String what = String.join(" ", a);
            assertEquals(1, r.status(), what + "\n" + r.out() + r.err());
            assertEquals("", r.out(), what);
            assertEquals(1, r.err().lines().count(), what + ": one line\n" + r.err());
            String out = a[a.length - 1];
            assertTrue(r.err().startsWith("error: " + out + " is inside the data folder "), what + ": " + r.err());
            assertTrue(r.err().contains("nothing was written"), r.err());
            assertEquals(files, storeFiles(data), what + ": no file was added to the data folder");
            // the store file itself changes when a command opens it; its header must not
            assertArrayEquals(header, Files.readAllBytes(data.resolve("reviewdesk.key.json")), what);
        }
        assertFalse(Files.exists(data.resolve("index/new")), "no folder was made in the data folder");
        assertEquals(listBefore, run("--data", d, "list").out(), "the store opens and lists the same");
        assertEquals(showBefore, run("--data", d, "show", "EXAMPLE-0001").out());
        // the same commands still write outside the data folder
        CommandProcess.Run ok = run("--data", d, "letter", "EXAMPLE-0001", "--out", tmp.resolve("l.pdf").toString());
        assertEquals(0, ok.status(), ok.err());
        assertTrue(Files.size(tmp.resolve("l.pdf")) > 1000);
    }
}
