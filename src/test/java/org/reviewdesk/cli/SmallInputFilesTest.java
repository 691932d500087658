package org.reviewdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The small files the command line reads whole (a certificate, a keystore, a case file given with {@code --case},
 * a PDF to verify): one larger than its kind can be, or larger than the heap, is refused with one line naming it
 * (before: an OutOfMemoryError and its stack trace); a FIFO is refused at once (before: the command waited for a
 * writer for ever); a folder or a missing file is named (before: "Is a directory", or only the file name); a PDF
 * that is not one is named. The store is unchanged.
 */
class SmallInputFilesTest {
    private static final String PW = "small input files password";

    @TempDir
    Path tmp;

    private CommandProcess.Run run(String... args) throws Exception {
        // a heap smaller than the big files below, as the installed launcher's 448 MB is smaller than a big file
        return CommandProcess.run(tmp, PW, List.of("-Xmx128m"), 120, args);
    }

    private Path sparse(String name, long bytes) throws Exception {
        Path p = tmp.resolve(name);
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(bytes);
        }
        return p;
    }

    private Path fifo(String name) throws Exception {
        Path p = tmp.resolve(name);
        assertEquals(0, new ProcessBuilder("mkfifo", p.toString()).inheritIO().start().waitFor());
        return p;
    }

    @Test
    void bigFifoFolderAndMissingInputsAreRefusedWithOneLineNamingThem() throws Exception {
        Path data = tmp.resolve("data");
        String d = data.toString();
        assertEquals(0, run("--data", d, "init").status());
        String listBefore = run("--data", d, "list").out();
        String out = tmp.resolve("letter.pdf").toString();
        long big = 200L * 1024 * 1024;
        Path pem = sparse("big.pem", big);
        Path p12 = sparse("big.p12", big);
        Path json = sparse("big.json", big);
        Path pdf = sparse("big.pdf", big);
        Path fifoJson = fifo("fifo.json");
        Path fifoP12 = fifo("fifo.p12");
        Path folder = Files.createDirectories(tmp.resolve("folder.json"));
        Path garbage = Files.writeString(tmp.resolve("garbage.pdf"), "this is not a PDF");

        Object[][] cases = {
            {new String[] {"trust", "add", pem.toString()}, pem + " is 200 MB, larger than the certificate can be "
                + "(at most 1 MB); is it the right file?"},
            {new String[] {"verify", "--no-store", "--trust", pem.toString(), garbage.toString()}, pem + " is 200 MB"},
            {new String[] {"import", "--trust", pem.toString(), garbage.toString()}, pem + " is 200 MB"},
            {new String[] {"verify", "--no-store", pdf.toString()}, pdf + " is 200 MB, larger than the PDF can be "
                + "(at most 100 MB)"},
            {new String[] {"letter", "--case", json.toString(), "--out", out}, json + " is 200 MB, larger than the case "
                + "file can be (at most 64 MB)"},
            {new String[] {"suggest", "--case", json.toString()}, json + " is 200 MB"},
            {new String[] {"check", "--case", json.toString()}, json + " is 200 MB"},
            {new String[] {"letter", "EXAMPLE-0001", "--sign", "--keystore", p12.toString(), "--out", out}, p12
                + " is 200 MB, larger than the keystore can be (at most 1 MB)"},
            {new String[] {"finalize", "EXAMPLE-0001", "--keystore", p12.toString()}, p12 + " is 200 MB"},
            {new String[] {"letter", "--case", fifoJson.toString(), "--out", out}, fifoJson + " is not a regular file"},
            {new String[] {"suggest", "--case", fifoJson.toString()}, fifoJson + " is not a regular file"},
            {new String[] {"finalize", "EXAMPLE-0001", "--keystore", fifoP12.toString()}, fifoP12
                + " is not a regular file"},
            {new String[] {"letter", "--case", folder.toString(), "--out", out}, folder + " is not a regular file"},
            {new String[] {"letter", "--case", tmp.resolve("none.json").toString(), "--out", out}, "no such file: "
                + tmp.resolve("none.json")},
            {new String[] {"verify", "--no-store", garbage.toString()}, garbage + ": The file is not a readable PDF"},
            // a folder or a FIFO is not "no such backup"
            {new String[] {"restore", "--yes", folder.toString()}, folder + " is not a regular file"},
            {new String[] {"restore", "--yes", fifoJson.toString()}, fifoJson + " is not a regular file"},
        };
        for (Object[] c : cases) {
            String[] a = (String[]) c[0];
            List<String> args = new ArrayList<>(List.of("--data", d));
            args.addAll(List.of(a));
            CommandProcess.Run r = run(args.toArray(String[]::new));
            String what = String.join(" ", a);
            assertEquals(1, r.status(), what + "\n" + r.err());
            assertFalse(r.err().contains("Exception") || r.err().contains("Error:") || r.err().contains("\tat "),
                    what + ": no stack trace\n" + r.err());
            assertEquals(1, r.err().lines().count(), what + ": one line\n" + r.err());
            assertTrue(r.err().startsWith("error: " + c[1]), what + ":\n" + r.err() + " expected: " + c[1]);
        }
        assertFalse(Files.exists(Path.of(out)), "no letter was written");
        assertEquals(listBefore, run("--data", d, "list").out());
    }
}
