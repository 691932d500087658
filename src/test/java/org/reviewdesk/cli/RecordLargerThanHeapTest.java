package org.reviewdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large PDF is never held whole: read where it lies, streamed into the store and read back a block at a time, so a
 * scanned record larger than the whole heap goes in (here 120 MB under 96 MB). Files read whole (text, images) that
 * take more than a third of the heap are refused before they are read, with one line naming them and saying to split
 * them; the other files of the same command still go in and the store holds nothing of them. Before, a 240 MB scanned
 * PDF under the installed launcher's 448 MB heap ended {@code records add} with an OutOfMemoryError and its stack
 * trace; then (twelfth session) any file over a third of the heap was refused, a large scan too.
 */
class RecordLargerThanHeapTest {
    private static final String PW = "record larger than heap password";

    @TempDir
    Path tmp;

    private CommandProcess.Run run(String... args) throws Exception {
        return CommandProcess.run(tmp, PW, List.of("-Xmx96m"), 240, args);
    }

    static void scannedPdf(Path file, int pages) throws Exception {
        org.reviewdesk.TestPdfs.scanned(file, pages);
    }

    @Test
    void aScannedPdfLargerThanTheHeapGoesInAndATextFileLargerThanItsThirdIsRefused() throws Exception {
        Path data = tmp.resolve("data");
        String d = data.toString();
        assertEquals(0, run("--data", d, "init").status());
        String before = run("--data", d, "records", "list", "EXAMPLE-0001").out();
        Path big = tmp.resolve("big-scan.pdf");
        scannedPdf(big, 40);
        assertTrue(Files.size(big) > 110L * 1024 * 1024, "the file is larger than the heap");
        // a text file is read whole: more than a third of the heap is refused before it is read
        Path bigText = tmp.resolve("dump.txt");
        try (var w = Files.newBufferedWriter(bigText)) {
            for (int i = 0; i < 800_000; i++) {
                w.write("Line " + i + " of a very long exported progress note text.\n");
            }
        }
        assertTrue(Files.size(bigText) > 40L * 1024 * 1024);
        Path small = Files.writeString(tmp.resolve("note.txt"), "Progress note. Lumbar strain, improving.\n");

        CommandProcess.Run r = run("--data", d, "records", "add", "EXAMPLE-0001", big.toString(), bigText.toString(),
                small.toString(), "--no-ocr");
        assertEquals(1, r.status(), r.out() + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("Error:") || r.err().contains("\tat "),
                "no stack trace:\n" + r.err());
        List<String> errors = r.err().lines().filter(l -> l.startsWith("error:")).toList();
        assertEquals(1, errors.size(), r.err());
        assertTrue(errors.get(0).matches("error: dump\\.txt is 4\\d MB, more than ReviewDesk can add at once in "
                + "its memory \\(files up to \\d\\d MB\\); nothing of it was kept: split it into smaller files.*"),
                errors.get(0));
        assertTrue(r.out().contains("big-scan.pdf: added"), "the large scan went in:\n" + r.out());
        assertTrue(r.out().contains("note.txt: added"), "the other file went in:\n" + r.out());

        String after = run("--data", d, "records", "list", "EXAMPLE-0001").out();
        assertTrue(after.contains("big-scan"), after);
        assertFalse(after.contains("dump"), after);

        // the case is exported as a packet in the same heap: its record is streamed out of the store, not held whole
        Path packet = tmp.resolve("out").resolve("packet.zip");
        Files.createDirectories(packet.getParent());
        CommandProcess.Run exported = run("--data", d, "export", "EXAMPLE-0001", "--out", packet.toString());
        assertEquals(0, exported.status(), exported.out() + exported.err());
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(packet.toFile())) {
            java.util.zip.ZipEntry scan = zip.stream().filter(e -> e.getName().contains("big-scan")).findFirst()
                    .orElseThrow(() -> new AssertionError("no big-scan in the packet"));
            assertEquals(Files.size(big), scan.getSize());
        }

        // what the store holds is the file, and its last page is drawn from the store a block at a time
        try (org.reviewdesk.service.Workbench w = org.reviewdesk.service.Workbench.open(data, PW.toCharArray())) {
            String id = w.records().documents("EXAMPLE-0001").stream().map(x -> x.document().id())
                    .filter(x -> x.startsWith("big-scan")).findFirst().orElseThrow();
            var content = w.records().content("EXAMPLE-0001", id);
            assertEquals(Files.size(big), content.size());
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (long pos = 0; pos < content.size(); pos += 8 << 20) {
                sha.update(content.read(pos, 8 << 20));
            }
            java.security.MessageDigest file = java.security.MessageDigest.getInstance("SHA-256");
            try (var in = Files.newInputStream(big)) {
                file.update(in.readAllBytes());
            }
            org.junit.jupiter.api.Assertions.assertArrayEquals(file.digest(), sha.digest());
            assertTrue(w.records().pageImage("EXAMPLE-0001", id, 40, 72).getWidth() > 500);
        }

        // archived and imported back in the same heap: the records are streamed into the bundle, hashed when the
        // bundle is checked, and streamed out of it into the store (a bundle was read whole: an OutOfMemoryError)
        try (org.reviewdesk.service.Workbench w = org.reviewdesk.service.Workbench.open(data, PW.toCharArray())) {
            w.letters().createIdentity("Reviewer 4711");
        }
        CommandProcess.Run finalized = run("--data", d, "finalize", "EXAMPLE-0001");
        assertEquals(0, finalized.status(), finalized.out() + finalized.err());
        Path bundle = tmp.resolve("out").resolve("bundle.zip");
        CommandProcess.Run archived = run("--data", d, "archive", "EXAMPLE-0001", "--plain", "--out",
                bundle.toString(), "--remove-records");
        assertEquals(0, archived.status(), archived.out() + archived.err());
        CommandProcess.Run imported = run("--data", d, "import", "--replace", bundle.toString());
        assertEquals(0, imported.status(), imported.out() + imported.err());
        try (org.reviewdesk.service.Workbench w = org.reviewdesk.service.Workbench.open(data, PW.toCharArray())) {
            String id = w.records().documents("EXAMPLE-0001").stream().map(x -> x.document().id())
                    .filter(x -> x.startsWith("big-scan")).findFirst().orElseThrow();
            var content = w.records().content("EXAMPLE-0001", id);
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (long pos = 0; pos < content.size(); pos += 8 << 20) {
                sha.update(content.read(pos, 8 << 20));
            }
            java.security.MessageDigest file = java.security.MessageDigest.getInstance("SHA-256");
            try (var in = Files.newInputStream(big)) {
                file.update(in.readAllBytes());
            }
            org.junit.jupiter.api.Assertions.assertArrayEquals(file.digest(), sha.digest(), "the scan came back whole");
        }
    }

    @Test
    void aPacketWithATextRecordLargerThanTheMemoryAllowsIsImportedAndSoIsTheNext() throws Exception {
        Path data = tmp.resolve("data");
        String d = data.toString();
        assertEquals(0, run("--data", d, "init").status());
        Path zip = tmp.resolve("sample.zip");
        assertEquals(0, run("--data", d, "export", "EXAMPLE-0001", "--out", zip.toString()).status());
        Path folder = tmp.resolve("packet");
        Files.createDirectories(folder.resolve("records"));
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            for (var e : java.util.Collections.list(z.entries())) {
                try (var in = z.getInputStream(e)) {
                    Files.copy(in, folder.resolve(e.getName()));
                }
            }
        }
        // a 60 MB text dump beside the sample's records, in a new case: read whole, it does not fit a 96 MB heap
        try (var w = Files.newBufferedWriter(folder.resolve("records").resolve("dump.txt"))) {
            for (int i = 0; w != null && i < 1_200_000; i++) {
                w.write("Line " + i + " of a very long nursing note text.\n");
            }
        }
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var c = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(folder.resolve("case.json").toFile());
        c.put("caseNumber", "CM99-0000077");
        ((com.fasterxml.jackson.databind.node.ArrayNode) c.get("documents")).addObject().put("id", "dump")
                .put("title", "Nursing notes").put("file", "records/dump.txt");
        json.writeValue(folder.resolve("case.json").toFile(), c);
        assertTrue(Files.size(folder.resolve("records").resolve("dump.txt")) > 50L << 20);

        CommandProcess.Run first = run("--data", d, "import", folder.resolve("case.json").toString());
        assertEquals(0, first.status(), first.out() + first.err());
        CommandProcess.Run next = run("--data", d, "import", "--replace", zip.toString());
        assertEquals(0, next.status(), "the next import is not held up by it: " + next.out() + next.err());
        String list = run("--data", d, "records", "list", "CM99-0000077").out();
        assertTrue(list.contains("Progress report"), list);
    }
}
