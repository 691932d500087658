package org.reviewdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.files.Escape;

/**
 * The bad-input corpus: well over 120 inputs an attacker or a broken export can hand to {@code import}
 * (control characters and lone surrogates in every kind of text, malformed JSON, hostile zips, FIFOs,
 * devices, symlinks, bundles without or with a broken manifest signature, hostile file names). All go to
 * ONE import run: each must give exactly one {@code error:} line naming its file and the problem, with no
 * stack trace and no raw control character, and the store must hold exactly what it held before.
 * The counts are in docs/security.md.
 */
class BadInputCorpusTest {
    static final int MINIMUM = 120;
    private static final String PW = "corpus store password";

    @TempDir
    Path tmp;

    record Bad(Path path, String expected) {
    }


    private CommandProcess.Run run(String... args) throws Exception {
        return CommandProcess.run(tmp, PW, List.of(), 180, args);
    }

    private static String caseJson(String caseNumber, String request, String rationale, String guideline,
                                   String summary) {
        return "{\"format\": \"reviewdesk-case/1\", \"caseNumber\": \"" + caseNumber + "\", \"clinicalSummary\": \""
                + summary + "\", \"items\": [{\"request\": \"" + request + "\", \"decision\": \"UPHELD\", "
                + "\"rationale\": \"" + rationale + "\", \"reviewerGuideline\": \"" + guideline + "\"}]}";
    }

    private static Path write(Path dir, String name, String content) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static Path zip(Path file, Map<String, byte[]> entries) throws IOException {
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream z = new ZipOutputStream(os)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return file;
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void mkfifo(Path p) throws Exception {
        Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        assertEquals(0, mk.waitFor());
    }

    List<Bad> corpus(Path dir) throws Exception {
        List<Bad> all = new ArrayList<>();
        String good = "CM99-0000001";
        // 1. control characters (JSON escapes) in each text field: 11 characters x 5 fields
        String[][] controls = {{"\\u0000", "\\u0000"}, {"\\u0007", "\\u0007"}, {"\\b", "\\u0008"},
            {"\\u001b[2J", "\\u001b"}, {"\\u007f", "\\u007f"}, {"\\u0085", "\\u0085"}, {"\\u202e", "\\u202e"},
            {"\\u2066", "\\u2066"}, {"\\r", "\\u000d"}, {"\\f", "\\u000c"}, {"\\u000b", "\\u000b"}};
        String[] fields = {"clinicalSummary", "items[0].request", "items[0].rationale", "items[0].reviewerGuideline",
            "caseNumber"};
        int n = 0;
        for (String[] c : controls) {
            for (String f : fields) {
                String v = "text" + c[0] + "more";
                String json = switch (f) {
                    case "clinicalSummary" -> caseJson(good, "MRI", "r", "g", v);
                    case "items[0].request" -> caseJson(good, v, "r", "g", "s");
                    case "items[0].rationale" -> caseJson(good, "MRI", v, "g", "s");
                    case "items[0].reviewerGuideline" -> caseJson(good, "MRI", "r", v, "s");
                    default -> caseJson("CM99" + c[0], "MRI", "r", "g", "s");
                };
                Path p = write(dir, "control-" + (n++) + ".json", json);
                all.add(new Bad(p, f + ": holds the control character " + c[1]));
            }
        }
        // 2. lone surrogates (high and low) in four fields
        for (String s : new String[] {"\\ud800", "\\udfff"}) {
            for (String f : new String[] {"clinicalSummary", "items[0].request", "items[0].rationale",
                "items[0].reviewerGuideline"}) {
                String v = "a" + s + "b";
                String json = switch (f) {
                    case "clinicalSummary" -> caseJson(good, "MRI", "r", "g", v);
                    case "items[0].request" -> caseJson(good, v, "r", "g", "s");
                    case "items[0].rationale" -> caseJson(good, "MRI", v, "g", "s");
                    default -> caseJson(good, "MRI", "r", v, "s");
                };
                all.add(new Bad(write(dir, "surrogate-" + (n++) + ".json", json), f + ": holds a lone surrogate"));
            }
        }
        // 3. control characters in field names
        all.add(new Bad(write(dir, "key-esc.json", "{\"format\": \"reviewdesk-case/1\", \"x\\u001b\": 1}"),
                "the field name holds the control character \\u001b"));
        all.add(new Bad(write(dir, "key-nul.json", "{\"format\": \"reviewdesk-case/1\", \"a\\u0000\": 1}"),
                "the field name holds the control character \\u0000"));
        // 4. malformed JSON and structure (the earlier kinds)
        String base = "{\"format\": \"reviewdesk-case/1\", \"caseNumber\": \"A1\", \"items\": [], %s}";
        Object[][] structural = {
            {"{\"format\": \"reviewdesk-case/1\", ", "not valid JSON"}, {"", "empty"},
            {"{\"format\": \"reviewdesk-case/1\"} {}", "not valid JSON"}, {"[1, 2]", "expected an object"},
            {"{\"format\": \"reviewdesk-case/2\", \"caseNumber\": \"A1\", \"items\": []}", "format: expected"},
            {"{\"caseNumber\": \"A1\", \"items\": []}", "format: required field is missing"},
            {String.format(base, "\"caseNumbr\": \"x\""), "caseNumbr: unknown field"},
            {String.format(base, "\"dateAssigned\": \"01/06/2017\""), "dateAssigned: expected a date"},
            {String.format(base, "\"dateOfInjury\": \"2017-02-30\""), "dateOfInjury: expected a date"},
            {"{\"format\": \"reviewdesk-case/1\", \"caseNumber\": \"A1\", \"items\": [{\"request\": \"x\", "
                + "\"decision\": \"DENIED\"}]}", "items[0].decision: expected UPHELD or OVERTURNED"},
            {String.format(base, "\"priority\": \"URGENT\""), "priority: expected STANDARD or EXPEDITED"},
            {"{\"format\": \"reviewdesk-case/1\", \"items\": []}", "caseNumber: required field is missing"},
            {"{\"format\": \"reviewdesk-case/1\", \"caseNumber\": \"../x\", \"items\": []}", "caseNumber: expected"},
            {"{\"format\": \"reviewdesk-case/1\", \"caseNumber\": \"A1\"}", "items: required field is missing"},
            {"{\"format\": \"reviewdesk-case/1\", \"caseNumber\": \"A1\", \"items\": {}}", "items: expected a list"},
            {"{\"format\": \"reviewdesk-case/1\", \"caseNumber\": \"A1\", \"items\": [{\"decision\": \"UPHELD\"}]}",
                "items[0].request: required field is missing"},
            {String.format(base, "\"clinicalSummary\": 5"), "clinicalSummary: expected a string"},
            {"{\"format\": \"reviewdesk-case/1\", \"format\": \"reviewdesk-case/1\"}", "the field \"format\" appears twice"},
            {String.format(base, "\"documents\": [{\"id\": \"d1\", \"file\": \"../../etc/passwd\"}]"),
                "documents[0].file: the path escapes the packet folder"},
            {String.format(base, "\"documents\": [{\"id\": \"d1\", \"file\": \"/etc/passwd\"}]"),
                "documents[0].file: an absolute path is not allowed"},
            {String.format(base, "\"documents\": [{\"id\": \"d1\", \"file\": \"records/none.txt\"}]"),
                "documents[0].file"},
            {String.format(base, "\"evidence\": [{\"documentId\": \"x\", \"page\": 1, \"quote\": \"q\"}]"),
                "evidence[0].documentId"},
            {"{\"format\": \"reviewdesk-case/1\", \"caseNumber\": \"A1\", \"items\": [], \"x\": 1e999999}",
                "x"},
            {"\"just a string\"", "expected an object"}, {"null", "expected an object"},
            {"{\"format\": \"reviewdesk-case/1\", \"caseNumber\": 7, \"items\": []}", "caseNumber"},
        };
        for (Object[] s : structural) {
            all.add(new Bad(write(dir, "structure-" + (n++) + ".json", (String) s[0]), (String) s[1]));
        }
        // 5. hostile zips
        byte[] okCase = b(caseJson("CM99-0000009", "MRI", "r", "g", "s"));
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("../evil.txt", b("x"));
        m.put("case.json", okCase);
        all.add(new Bad(zip(dir.resolve("zip-slip.zip"), m), "is refused"));
        all.add(new Bad(zip(dir.resolve("zip-absolute.zip"), Map.of("/etc/x", b("x"), "case.json", okCase)),
                "is refused"));
        all.add(new Bad(zip(dir.resolve("zip-no-case.zip"), Map.of("notes.txt", b("x"))), "no case.json"));
        all.add(new Bad(write(dir, "not-a-zip.zip", "%PDF-1.4 not a zip"), "not a readable ZIP"));
        all.add(new Bad(write(dir, "empty.zip", ""), "ZIP"));
        all.add(new Bad(zip(dir.resolve("zip-letter-no-manifest.zip"), Map.of("case.json", okCase,
                "letter/CM99-0000009-determination.pdf", b("%PDF-1.7"))), "carries a signed letter"));
        all.add(new Bad(zip(dir.resolve("zip-p7s-no-manifest.zip"), Map.of("case.json", okCase,
                "manifest.json.p7s", b("x"))), "carries a signed letter"));
        Path dup = zip(dir.resolve("zip-duplicate.zip"), new LinkedHashMap<>(Map.of("case.json", okCase,
                "case.jsoX", b(caseJson("CM99-0000010", "MRI", "r", "g", "s")))));
        Files.write(dup, new String(Files.readAllBytes(dup), StandardCharsets.ISO_8859_1)
                .replace("case.jsoX", "case.json").getBytes(StandardCharsets.ISO_8859_1));
        all.add(new Bad(dup, "two entries named \"case.json\""));
        byte[] whole = Files.readAllBytes(zip(dir.resolve("t.tmp"), Map.of("case.json", okCase)));
        Files.delete(dir.resolve("t.tmp"));
        all.add(new Bad(Files.write(dir.resolve("zip-truncated.zip"), java.util.Arrays.copyOf(whole, whole.length / 2)),
                "ZIP"));
        all.add(new Bad(zip(dir.resolve("zip-record-missing.zip"), Map.of("case.json", b(String.format(base,
                "\"documents\": [{\"id\": \"d1\", \"file\": \"records/a.txt\"}]").replace("\"items\": [], ", "")
                .replace("{\"format\"", "{\"items\": [], \"format\"")))), "documents[0].file"));
        all.add(new Bad(zip(dir.resolve("zip-sha-mismatch.zip"), Map.of("records/a.txt", b("text"), "case.json",
                b("{\"format\": \"reviewdesk-case/1\", \"caseNumber\": \"A1\", \"items\": [], \"documents\": [{\"id\": "
                + "\"d1\", \"file\": \"records/a.txt\", \"sha256\": \"" + "0".repeat(64) + "\"}]}"))),
                "documents[0].sha256"));
        all.add(new Bad(zip(dir.resolve("zip-control-in-case.zip"), Map.of("case.json",
                b(caseJson(good, "MRI\\u001b[31m", "r", "g", "s")))), "items[0].request: holds the control character"));
        // 6. bundles with a manifest but no or a broken signature
        all.add(new Bad(zip(dir.resolve("bundle-unsigned.zip"), Map.of("case.json", okCase, "manifest.json",
                b("{\"format\": \"reviewdesk-bundle/1\", \"files\": []}"))), "the manifest is not signed"));
        all.add(new Bad(zip(dir.resolve("bundle-bad-format.zip"), Map.of("case.json", okCase, "manifest.json",
                b("{\"format\": \"other\"}"), "manifest.json.p7s", b("x"))), "manifest.json.format"));
        all.add(new Bad(zip(dir.resolve("bundle-manifest-lies.zip"), Map.of("case.json", okCase, "manifest.json",
                b("{\"format\": \"reviewdesk-bundle/1\", \"files\": [{\"path\": \"case.json\", \"sha256\": \""
                        + "0".repeat(64) + "\", \"size\": 3}]}"), "manifest.json.p7s", b("x"))),
                "does not match its manifest"));
        all.add(new Bad(zip(dir.resolve("bundle-manifest-not-json.zip"), Map.of("case.json", okCase, "manifest.json",
                b("{\"format\": \"reviewdesk-bundle/1\", \"files\": [}"), "manifest.json.p7s", b("x"))),
                "manifest.json is not valid JSON at line 1, column 45, near files[0]: found '}' where the list should end "
                        + "with ]"));
        // 7. folders: symlinked case.json, FIFO case.json, case.json a folder, hostile records
        Path outside = write(tmp.resolve("outside"), "case.json", caseJson("CM99-0000011", "MRI", "r", "g", "s"));
        Path f1 = Files.createDirectories(dir.resolve("folder-symlinked-case"));
        Files.createSymbolicLink(f1.resolve("case.json"), outside);
        all.add(new Bad(f1, "is a symbolic link"));
        Path f2 = Files.createDirectories(dir.resolve("folder-fifo-case"));
        mkfifo(f2.resolve("case.json"));
        all.add(new Bad(f2, "not a regular file"));
        Path f3 = Files.createDirectories(dir.resolve("folder-case-is-dir").resolve("case.json")).getParent();
        all.add(new Bad(f3, "not a regular file"));
        String withRecord = "{\"format\": \"reviewdesk-case/1\", \"caseNumber\": \"A2\", \"items\": [], "
                + "\"documents\": [{\"id\": \"d1\", \"file\": \"records/a.txt\"}]}";
        Path f4 = Files.createDirectories(dir.resolve("folder-record-symlink-out").resolve("records")).getParent();
        write(f4, "case.json", withRecord);
        Files.createSymbolicLink(f4.resolve("records/a.txt"), outside);
        all.add(new Bad(f4, "documents[0].file"));
        Path f5 = Files.createDirectories(dir.resolve("folder-record-fifo").resolve("records")).getParent();
        write(f5, "case.json", withRecord);
        mkfifo(f5.resolve("records/a.txt"));
        all.add(new Bad(f5, "documents[0].file"));
        Path f6 = Files.createDirectories(dir.resolve("folder-record-dir").resolve("records").resolve("a.txt"))
                .getParent().getParent();
        write(f6, "case.json", withRecord);
        all.add(new Bad(f6, "documents[0].file"));
        Path f7 = Files.createDirectories(dir.resolve("folder-record-missing"));
        write(f7, "case.json", withRecord);
        all.add(new Bad(f7, "documents[0].file"));
        Path f8 = Files.createDirectories(dir.resolve("folder-without-case"));
        all.add(new Bad(f8, "has no case.json"));
        // 8. FIFOs and devices given directly
        Path fifoJson = dir.resolve("fifo.json");
        mkfifo(fifoJson);
        all.add(new Bad(fifoJson, "not a regular file"));
        Path fifoZip = dir.resolve("fifo.zip");
        mkfifo(fifoZip);
        all.add(new Bad(fifoZip, "not a regular file"));
        Path dev = dir.resolve("device.json");
        Files.createSymbolicLink(dev, Path.of("/dev/zero"));
        all.add(new Bad(dev, "not a regular file"));
        Path devNull = dir.resolve("null.zip");
        Files.createSymbolicLink(devNull, Path.of("/dev/null"));
        all.add(new Bad(devNull, "not a regular file"));
        all.add(new Bad(dir.resolve("does-not-exist.json"), "No such file"));
        // 9. hostile file names: the name itself must come out escaped
        all.add(new Bad(write(dir, "esc\u001b[2Jname.json", "{"), "not valid JSON"));
        all.add(new Bad(write(dir, "newline\nerror: forged.json", "{"), "not valid JSON"));
        all.add(new Bad(write(dir, "bidi\u202etxt.json", "{"), "not valid JSON"));
        all.add(new Bad(write(dir, "bell\u0007.json", "[]"), "expected an object"));
        return all;
    }

    @Test
    void everyBadInputGivesOneErrorLineNamingTheFileAndTheStoreIsUnchanged() throws Exception {
        Path data = tmp.resolve("data");
        assertEquals(0, run("--data", data.toString(), "init").status());
        CommandProcess.Run listBefore = run("--data", data.toString(), "list");
        CommandProcess.Run showBefore = run("--data", data.toString(), "show", "EXAMPLE-0001");

        List<Bad> corpus = corpus(Files.createDirectories(tmp.resolve("corpus")));
        assertTrue(corpus.size() >= MINIMUM, "corpus has " + corpus.size() + " inputs");
        List<String> args = new ArrayList<>(List.of("--data", data.toString(), "import"));
        corpus.forEach(b -> args.add(b.path().toString()));
        CommandProcess.Run r = run(args.toArray(new String[0]));

        assertEquals(1, r.status());
        assertEquals("", r.out(), "nothing was imported");
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace:\n" + r.err());
        for (char c : new char[] {'\u0000', '\u001b', '\u0007', '\u202e', '\r', '\u0008'}) {
            assertFalse(r.err().indexOf(c) >= 0, "a raw control character " + (int) c + " reached the terminal");
        }
        List<String> lines = r.err().lines().toList();
        assertEquals(corpus.size(), lines.size(), "one line per input:\n" + r.err());
        for (int i = 0; i < corpus.size(); i++) {
            Bad b = corpus.get(i);
            String line = lines.get(i);
            assertTrue(line.startsWith("error: " + Escape.controls(b.path().toString()) + ": "),
                    "line " + i + " names its file: " + line);
            assertTrue(line.contains(b.expected()), b.path().getFileName() + " -> " + line + "\n expected: "
                    + b.expected());
            assertNull(PlainJsonErrorsTest.parserWording(line), "the JSON parser's wording: " + line);
        }
        assertEquals(listBefore.out(), run("--data", data.toString(), "list").out());
        assertEquals(showBefore.out(), run("--data", data.toString(), "show", "EXAMPLE-0001").out());
    }
}
