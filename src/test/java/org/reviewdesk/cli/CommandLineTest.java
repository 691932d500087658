package org.reviewdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.TestData;

/** The command line as a user runs it: a separate Java process, passwords from the environment. */
class CommandLineTest {
    @TempDir
    Path tmp;

    record Run(int status, String out, String err) {
    }

    private Run run(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.reviewdesk.app.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("REVIEWDESK_PASSWORD");
        pb.environment().remove("REVIEWDESK_NEW_PASSWORD");
        pb.environment().remove("REVIEWDESK_DATA");
        pb.environment().putAll(env);
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "the command did not finish");
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private Run run(String password, String... args) throws Exception {
        Map<String, String> env = new HashMap<>();
        if (password != null) {
            env.put("REVIEWDESK_PASSWORD", password);
        }
        return run(env, args);
    }

    @Test
    void initImportListShowExportAndPasswdWorkTogether() throws Exception {
        String data = tmp.resolve("data").toString();
        Run init = run("password one", "--data", data, "init");
        assertEquals(0, init.status(), init.err());

        Run imp = run("password one", "--data", data, "import", TestData.letterCases().get(0).toString(),
                TestData.letterCases().get(1).toString());
        assertEquals(0, imp.status(), imp.err());
        assertEquals("CM16-0213037\nCM16-0228949\n", imp.out());

        Run list = run("password one", "--data", data, "list");
        assertEquals(0, list.status(), list.err());
        List<String> lines = list.out().lines().toList();
        assertEquals(3, lines.size(), list.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("CM16-0213037\\s+Ready to sign\\s+Standard\\s+2016-12-09\\s+2/2")),
                list.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("EXAMPLE-0001 ")), list.out());

        Run show = run("password one", "--data", data, "show", "CM16-0213037");
        assertEquals(0, show.status(), show.err());
        assertEquals(Files.readString(TestData.letterCases().get(0)).strip(), show.out().strip());
        assertEquals("", show.err(), "nothing but the case on the streams");

        Path zip = tmp.resolve("sample.zip");
        Run export = run("password one", "--data", data, "export", "EXAMPLE-0001", "--out", zip.toString());
        assertEquals(0, export.status(), export.err());
        assertTrue(Files.size(zip) > 1000);
        assertEquals("", export.err(), "a packet carries the records: no note");
        Run json = run("password one", "--data", data, "export", "EXAMPLE-0001", "--out",
                tmp.resolve("sample.json").toString());
        assertEquals(0, json.status(), json.err());
        assertTrue(json.err().startsWith("note: the case's ") && json.err().contains("export to a .zip packet"),
                json.err());

        Map<String, String> env = Map.of("REVIEWDESK_PASSWORD", "password one", "REVIEWDESK_NEW_PASSWORD", "password two");
        Run passwd = run(env, "--data", data, "passwd");
        assertEquals(0, passwd.status(), passwd.err());
        Run old = run("password one", "--data", data, "list");
        assertEquals(1, old.status());
        assertTrue(old.err().startsWith("error: The password is not correct"), old.err());
        assertEquals(0, run("password two", "--data", data, "list").status());
    }

    @Test
    void errorsAreOneLineStartingWithErrorAndExitWithOne() throws Exception {
        String data = tmp.resolve("data").toString();
        Run noStore = run("password one", "--data", data, "list");
        assertEquals(1, noStore.status());
        assertEquals(1, noStore.err().lines().count(), noStore.err());
        assertTrue(noStore.err().startsWith("error: there is no store in"), noStore.err());

        assertEquals(0, run("password one", "--data", data, "init", "--empty").status());
        Run noPassword = run((String) null, "--data", data, "list");
        assertEquals(1, noPassword.status());
        assertTrue(noPassword.err().startsWith("error: no password given: set REVIEWDESK_PASSWORD"),
                noPassword.err());

        Path bad = Files.writeString(tmp.resolve("bad.json"),
                "{\"format\": \"reviewdesk-case/1\", \"caseNumber\": \"A1\", \"items\": [{\"request\": \"x\", "
                        + "\"decision\": \"maybe\"}]}");
        Run badImport = run("password one", "--data", data, "import", bad.toString());
        assertEquals(1, badImport.status());
        assertTrue(badImport.err().contains("items[0].decision: expected UPHELD or OVERTURNED"), badImport.err());
        assertFalse(badImport.err().contains("at org."), "no stack trace without --debug");

        Run twice = run("password one", "--data", data, "import", TestData.seedCase().toString(),
                TestData.seedCase().toString());
        assertEquals(1, twice.status());
        assertEquals("EXAMPLE-0001\n", twice.out());
        assertTrue(twice.err().startsWith("error: ") && twice.err().contains("already in the store"), twice.err());
        assertEquals(1, run("password one", "--data", data, "list").out().lines().count());

        Run missingCase = run("password one", "--data", data, "show", "CM00-0000000");
        assertEquals(1, missingCase.status());
        assertTrue(missingCase.err().startsWith("error: There is no case CM00-0000000"), missingCase.err());
    }

    @Test
    void recordsAddAndSearchWorkFromTheCommandLine() throws Exception {
        String data = tmp.resolve("data").toString();
        assertEquals(0, run("password one", "--data", data, "init").status());
        Path pdf = org.reviewdesk.TestPdfs.progressNote(tmp, "pr2.pdf", 3);
        Path bad = Files.writeString(tmp.resolve("scan.pdf"), "not a pdf");
        Run add = run("password one", "--data", data, "records", "add", "EXAMPLE-0001", pdf.toString(), bad.toString());
        assertEquals(1, add.status(), "one file was refused");
        assertEquals("pr2.pdf: added as pr2 (3 pages)\n", add.out());
        assertTrue(add.err().startsWith("error: ") && add.err().contains("scan.pdf"), add.err());

        Run search = run("password one", "--data", data, "search", "--case", "EXAMPLE-0001", "\"full range of motion\"");
        assertEquals(0, search.status(), search.err());
        List<String> lines = search.out().lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("EXAMPLE-0001\tpr2\tp. 2\t")
                && l.contains("full range of motion")), search.out());
        Run all = run("password one", "--data", data, "search", "meloxicam");
        assertTrue(all.out().lines().anyMatch(l -> l.startsWith("EXAMPLE-0001\tprogress-2015-01-19\tp. 1")),
                all.out());
    }

    @Test
    void backupRestoreAndAuditFromTheCommandLine() throws Exception {
        String data = tmp.resolve("data").toString();
        assertEquals(0, run("password one", "--data", data, "init").status());
        Run backup = run("password one", "--data", data, "backup", "--out", tmp.resolve("b").toString());
        assertEquals(0, backup.status(), backup.err());
        String zip = backup.out().strip();
        assertTrue(zip.endsWith(".rdbk"), zip);
        assertEquals(0, run("password one", "--data", data, "import", TestData.letterCases().get(0).toString()).status());

        Run refused = run("password one", "--data", data, "restore", zip, "--yes");
        assertEquals(1, refused.status(), "the backup holds fewer cases");
        assertTrue(refused.out().contains("backup:  1 case") && refused.out().contains("current: 2 cases"),
                refused.out());
        assertTrue(refused.err().contains("--force"), refused.err());
        assertEquals(1, refused.err().lines().filter(l -> l.startsWith("error: ")).count(), "one error line: "
                + refused.err());
        assertFalse(refused.out().contains("ANOTHER store"), "a backup of this store: " + refused.out());
        Run restored = run("password one", "--data", data, "restore", zip, "--yes", "--force");
        assertEquals(0, restored.status(), restored.err());
        assertEquals(1, run("password one", "--data", data, "list").out().lines().count());

        // a newer backup of another store with the same password is not restored over this one without --force
        String other = tmp.resolve("other").toString();
        assertEquals(0, run("password one", "--data", other, "init").status());
        String otherZip = run("password one", "--data", other, "backup", "--out", tmp.resolve("ob").toString())
                .out().strip();
        Run foreign = run("password one", "--data", data, "restore", otherZip, "--yes");
        assertEquals(1, foreign.status(), foreign.out());
        assertTrue(foreign.out().contains("ANOTHER store"), foreign.out());
        assertTrue(foreign.err().startsWith("error: the backup was taken of another store"), foreign.err());

        Run audit = run("password one", "--data", data, "audit");
        assertTrue(audit.out().contains("STORE_CREATED") && audit.out().contains("RESTORE"), audit.out());
        Run verify = run("password one", "--data", data, "audit", "verify");
        assertEquals(0, verify.status(), verify.err());
        assertTrue(verify.out().startsWith("the audit log is intact"), verify.out());
    }

    /**
     * A backup restored onto a new computer: into a data folder that does not exist yet. It said "Another ReviewDesk
     * operation ... is running"; now the folder is made, and a refused restore (wrong password) leaves none behind.
     */
    @Test
    void aBackupIsRestoredIntoADataFolderThatDoesNotExistYet() throws Exception {
        String data = tmp.resolve("data").toString();
        assertEquals(0, run("password one", "--data", data, "init").status());
        assertEquals(0, run("password one", "--data", data, "import", TestData.letterCases().get(0).toString()).status());
        String zip = run("password one", "--data", data, "backup", "--out", tmp.resolve("b").toString()).out().strip();
        Path fresh = tmp.resolve("new laptop").resolve("ReviewDesk");

        Run wrong = run("not the password", "--data", fresh.toString(), "restore", zip, "--yes");
        assertEquals(1, wrong.status(), wrong.out());
        assertTrue(wrong.err().startsWith("error: ") && !wrong.err().contains("Another ReviewDesk operation"),
                wrong.err());
        assertFalse(Files.exists(fresh), "a refused restore leaves no data folder behind");

        Run restored = run("password one", "--data", fresh.toString(), "restore", zip, "--yes");
        assertEquals(0, restored.status(), restored.out() + restored.err());
        assertTrue(restored.out().contains("current: no store"), restored.out());
        assertEquals(2, run("password one", "--data", fresh.toString(), "list").out().lines().count());
    }

    @Test
    void recordTextQuotedByCheckReachesTheTerminalWithItsControlCharactersEscaped() throws Exception {
        String data = tmp.resolve("data").toString();
        assertEquals(0, run("password one", "--data", data, "init", "--empty").status());
        Path folder = tmp.resolve("packet");
        Files.createDirectories(folder.resolve("records"));
        // a hostile record: an escape sequence that would clear the reviewer's terminal
        Files.writeString(folder.resolve("records/note.txt"), "PROGRESS NOTE 01/05/2015. Physical therapy: 12 prior "
                + "visits completed \u001b[2J with functional improvement documented.", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("case.json"), "{\"format\":\"reviewdesk-case/1\",\"caseNumber\":"
                + "\"CM99-0000003\",\"items\":[{\"request\":\"Physical therapy x 6\",\"decision\":\"UPHELD\","
                + "\"rationale\":\"Functional improvement is not documented. Therefore the request is not medically "
                + "necessary.\"}],\"documents\":[{\"id\":\"n1\",\"file\":\"records/note.txt\"}]}");
        Run imported = run("password one", "--data", data, "import", folder.toString());
        assertEquals(0, imported.status(), imported.err());
        Run checked = run("password one", "--data", data, "check", "CM99-0000003");
        String printed = checked.out();
        assertTrue(printed.contains("functional improvement"), "the record is quoted: " + printed + checked.err());
        assertFalse(printed.contains("\u001b"), "no raw escape character: " + printed);
        assertTrue(printed.contains("\\u001b"), "shown escaped: " + printed);

        // the case file gave no header dates: the letter is written, with a note that real letters print them
        Run letter = run("password one", "--data", data, "letter", "CM99-0000003", "--out",
                tmp.resolve("draft.pdf").toString());
        assertEquals(0, letter.status(), letter.err());
        assertEquals("note: the letter's header has no Date Assigned, Date of Injury, UR Denial Date, Application "
                + "Received dates (the case has none); real IMR letters print each", letter.err().strip());
    }

    @Test
    void usageErrorsExitWithTwo() throws Exception {
        assertEquals(2, run("password one", "--data", tmp.toString(), "frobnicate").status());
        assertEquals(2, run("password one", "--data", tmp.toString(), "export", "X").status(), "--out is required");
        // usage checked by the command itself, not by the parser: the same code 2 and the same error line
        for (String[] args : new String[][] {
            {"keygen", "--name", "R"},
            {"letter", "X", "--keystore", "k.p12", "--out", "x.pdf"},
            {"trust", "add"},
            {"trust", "remove"},
        }) {
            String[] all = new String[args.length + 2];
            all[0] = "--data";
            all[1] = tmp.toString();
            System.arraycopy(args, 0, all, 2, args.length);
            Run r = run("password one", all);
            assertEquals(2, r.status(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().startsWith("error: ") && r.err().contains("(see 'reviewdesk " + args[0]), r.err());
        }
        Run help = run("password one", "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("import"));
    }

    @Test
    void recordsAddReadsScannedPagesByOcrUnlessToldNotToAndRecordsListPrintsTheChronology() throws Exception {
        String data = tmp.resolve("data").toString();
        assertEquals(0, run("password one", "--data", data, "init").status());
        var page = org.reviewdesk.record.ocr.ScannedPackets.threeDocuments().get(1).pages().get(0);
        byte[] pdf = org.reviewdesk.record.ocr.ScannedPackets.pdf(List.of(org.reviewdesk.record.ocr.ScannedPackets
                .scan(page, new org.reviewdesk.record.ocr.ScannedPackets.Scan(200, 0.4, false, 0.001, 0, false, 2))),
                List.of(200));
        Path scan = Files.write(tmp.resolve("pt-scan.pdf"), pdf);

        Run later = run("password one", "--data", data, "records", "add", "--no-ocr", "EXAMPLE-0001", scan.toString());
        assertEquals(0, later.status(), later.err());
        assertTrue(later.err().contains("1 scanned page waits for OCR"), later.err());
        Run unread = run("password one", "--data", data, "search", "--case", "EXAMPLE-0001", "Maria");
        assertEquals("", unread.out());
        assertTrue(unread.err().contains("OCR 0 of 1 pages"), unread.err());

        Path again = Files.write(tmp.resolve("pt-scan-2.pdf"), pdf.length > 0 ? org.reviewdesk.record.ocr
                .ScannedPackets.pdf(List.of(org.reviewdesk.record.ocr.ScannedPackets.scan(page,
                        new org.reviewdesk.record.ocr.ScannedPackets.Scan(200, -0.4, false, 0.002, 0, false, 5))),
                        List.of(200)) : pdf);
        Run add = run("password one", "--data", data, "records", "add", "EXAMPLE-0001", again.toString());
        assertEquals(0, add.status(), add.err());
        assertTrue(add.err().contains("OCR read 2 pages in"), add.err());
        Run found = run("password one", "--data", data, "search", "--case", "EXAMPLE-0001", "\"Maria Chen\"");
        assertEquals(2, found.out().lines().count(), found.out());
        Run list = run("password one", "--data", data, "records", "list", "EXAMPLE-0001");
        assertEquals(0, list.status(), list.err());
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("01/19/2015\tTherapy note\tMaria Chen, PT\tp. 1")),
                list.out());
        assertTrue(list.out().contains("(1 duplicate)"), list.out());
    }
}
