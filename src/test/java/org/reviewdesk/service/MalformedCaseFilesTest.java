package org.reviewdesk.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reviewdesk.TestData;
import org.reviewdesk.domain.CaseSummary;
import org.reviewdesk.exchange.CaseFormatException;
import org.reviewdesk.exchange.PacketLimits;

/** Every kind of bad case file or packet is refused with a message naming the fault; the store is unchanged. */
class MalformedCaseFilesTest {
    private static final String GOOD_DOC = "{\"format\": \"reviewdesk-case/1\", \"caseNumber\": \"CM99-0000002\", "
            + "\"items\": [{\"request\": \"MRI\", \"decision\": \"UPHELD\"}], %s}";

    @TempDir
    Path tmp;
    private Workbench workbench;
    private List<CaseSummary> listBefore;
    private byte[] sampleBefore;

    /** Builds one bad input in a folder. */
    @FunctionalInterface
    interface Input {
        Path build(Path dir) throws IOException;
    }

    @BeforeEach
    void openStoreWithTheSampleCase() throws Exception {
        workbench = Workbench.create(tmp.resolve("data"), TestData.PASSWORD, false);
        listBefore = workbench.cases().list();
        sampleBefore = workbench.cases().show("EXAMPLE-0001");
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    private void assertStoreUnchanged() throws Exception {
        assertEquals(listBefore, workbench.cases().list());
        assertArrayEquals(sampleBefore, workbench.cases().show("EXAMPLE-0001"));
    }

    static Stream<Arguments> badInputs() {
        List<Arguments> a = new ArrayList<>();
        a.add(json("bad JSON", "{\"format\": \"reviewdesk-case/1\", ", "not valid JSON at line 1"));
        a.add(json("empty file", "", "empty"));
        a.add(json("trailing garbage", "{\"format\": \"reviewdesk-case/1\"} {}", "not valid JSON"));
        a.add(json("a list instead of an object", "[1, 2]", "expected an object"));
        a.add(json("wrong format tag", "{\"format\": \"reviewdesk-case/2\", \"caseNumber\": \"A1\", \"items\": []}",
                "format: expected \"reviewdesk-case/1\""));
        a.add(json("another version with a field this one lacks", "{\"format\": \"reviewdesk-case/2\", "
                + "\"caseNumber\": \"A1\", \"items\": [], \"signedBy\": \"x\"}",
                "format: expected \"reviewdesk-case/1\", got \"reviewdesk-case/2\": this is not a ReviewDesk case file"));
        a.add(json("missing format", "{\"caseNumber\": \"A1\", \"items\": []}", "format: required field is missing"));
        a.add(json("unknown field", base("\"caseNumbr\": \"x\""), "caseNumbr: unknown field"));
        a.add(json("unknown item field",
                "{\"format\": \"reviewdesk-case/1\", \"caseNumber\": \"A1\", \"items\": [{\"request\": \"x\", "
                        + "\"decison\": \"UPHELD\"}]}", "items[0].decison: unknown field"));
        a.add(json("bad date", base("\"dateAssigned\": \"01/06/2017\""),
                "dateAssigned: expected a date YYYY-MM-DD, got \"01/06/2017\""));
        a.add(json("impossible date", base("\"dateOfInjury\": \"2017-02-30\""), "dateOfInjury: expected a date"));
        a.add(json("bad decision",
                "{\"format\": \"reviewdesk-case/1\", \"caseNumber\": \"A1\", \"items\": [{\"request\": \"x\", "
                        + "\"decision\": \"DENIED\"}]}", "items[0].decision: expected UPHELD or OVERTURNED"));
        a.add(json("bad priority", base("\"priority\": \"URGENT\""), "priority: expected STANDARD or EXPEDITED"));
        a.add(json("missing case number", "{\"format\": \"reviewdesk-case/1\", \"items\": []}",
                "caseNumber: required field is missing"));
        a.add(json("case number with a slash", "{\"format\": \"reviewdesk-case/1\", \"caseNumber\": \"../x\", "
                + "\"items\": []}", "caseNumber: expected letters"));
        a.add(json("missing items", "{\"format\": \"reviewdesk-case/1\", \"caseNumber\": \"A1\"}",
                "items: required field is missing"));
        a.add(json("items not a list", "{\"format\": \"reviewdesk-case/1\", \"caseNumber\": \"A1\", \"items\": {}}",
                "items: expected a list"));
        a.add(json("item without request", "{\"format\": \"reviewdesk-case/1\", \"caseNumber\": \"A1\", "
                + "\"items\": [{\"decision\": \"UPHELD\"}]}", "items[0].request: required field is missing"));
        a.add(json("number instead of text", base("\"clinicalSummary\": 5"), "clinicalSummary: expected a string"));
        a.add(json("duplicate JSON key", "{\"format\": \"reviewdesk-case/1\", \"format\": \"reviewdesk-case/1\"}",
                "line 1, column 41, near format: the field \"format\" appears twice"));
        a.add(json("duplicate document id", base("\"documents\": [{\"id\": \"d1\", \"file\": \"a.txt\"}, "
                + "{\"id\": \"d1\", \"file\": \"b.txt\"}]"), "documents[1].id: duplicate document id \"d1\""));
        a.add(json("document path escapes the packet", base("\"documents\": [{\"id\": \"d1\", "
                + "\"file\": \"../../etc/passwd\"}]"), "documents[0].file: the path escapes the packet folder"));
        a.add(json("absolute document path", base("\"documents\": [{\"id\": \"d1\", \"file\": \"/etc/passwd\"}]"),
                "documents[0].file: an absolute path is not allowed"));
        a.add(json("bad document kind", base("\"documents\": [{\"id\": \"d1\", \"file\": \"a.txt\", "
                + "\"kind\": \"NOTE\"}]"), "documents[0].kind: expected one of PROGRESS_NOTE"));
        a.add(json("record file missing", base("\"documents\": [{\"id\": \"d1\", \"file\": \"records/none.txt\"}]"),
                "documents[0].file: \"records/none.txt\" is not in the packet"));
        a.add(json("evidence naming no document", base("\"evidence\": [{\"documentId\": \"x\", \"page\": 1, "
                + "\"quote\": \"q\"}]"), "evidence[0].documentId: no document with id \"x\""));
        a.add(Arguments.of("evidence page 0", (Input) dir -> {
            Files.writeString(dir.resolve("a.txt"), "text");
            return write(dir, "case.json", base("\"documents\": [{\"id\": \"d1\", \"file\": \"a.txt\"}], "
                    + "\"evidence\": [{\"documentId\": \"d1\", \"page\": 0, \"quote\": \"q\"}]"));
        }, "evidence[0].page: expected a whole number of at least 1"));
        a.add(Arguments.of("record file does not match its SHA-256", (Input) dir -> {
            Files.writeString(dir.resolve("a.txt"), "text");
            return write(dir, "case.json", base("\"documents\": [{\"id\": \"d1\", \"file\": \"a.txt\", "
                    + "\"sha256\": \"" + "0".repeat(64) + "\"}]"));
        }, "documents[0].sha256: the file \"a.txt\" does not match its SHA-256"));
        a.add(Arguments.of("zip entry escaping its folder (zip slip)", (Input) dir -> zip(dir, List.of(
                "case.json", base("\"items2\": 1"), "../evil.txt", "x")), "escapes the packet folder"));
        a.add(Arguments.of("zip entry with an absolute path", (Input) dir -> zip(dir, List.of(
                "/etc/cron.d/evil", "x")), "an absolute path is not allowed"));
        a.add(Arguments.of("zip entry with a Windows drive path", (Input) dir -> zip(dir, List.of(
                "C:\\evil.txt", "x")), "an absolute path is not allowed"));
        a.add(Arguments.of("zip without case.json", (Input) dir -> zip(dir, List.of("notes.txt", "x")),
                "no case.json at its root"));
        a.add(Arguments.of("not a zip, named .zip", (Input) dir -> write(dir, "packet.zip", "%PDF-1.4 not a zip"),
                "is not a readable ZIP archive"));
        a.add(Arguments.of("zip with more than 10,000 entries", (Input) MalformedCaseFilesTest::manyEntries,
                "10001 entries; at most 10000"));
        a.add(Arguments.of("zip bomb declaring 4 GB uncompressed", (Input) MalformedCaseFilesTest::declaredBomb,
                "more than 2 GB uncompressed"));
        return a.stream();
    }

    private static String base(String extra) {
        return String.format(GOOD_DOC, extra);
    }

    private static Arguments json(String name, String content, String expected) {
        return Arguments.of(name, (Input) dir -> write(dir, "case.json", content), expected);
    }

    private static Path write(Path dir, String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** A zip of name/content pairs. */
    static Path zip(Path dir, List<String> namesAndContents) throws IOException {
        Path z = dir.resolve("packet.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(z))) {
            for (int i = 0; i < namesAndContents.size(); i += 2) {
                out.putNextEntry(new ZipEntry(namesAndContents.get(i)));
                out.write(namesAndContents.get(i + 1).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return z;
    }

    private static Path manyEntries(Path dir) throws IOException {
        Path z = dir.resolve("packet.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(z))) {
            out.putNextEntry(new ZipEntry("case.json"));
            out.write(base("\"clinicalSummary\": \"s\"").getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 10_000; i++) {
                out.putNextEntry(new ZipEntry("records/r" + i + ".txt"));
                out.closeEntry();
            }
        }
        return z;
    }

    /** A small zip whose central directory claims 4 GB for one entry. */
    private static Path declaredBomb(Path dir) throws IOException {
        byte[] bytes = zipBytes("case.json", base("\"clinicalSummary\": \"s\"").getBytes(StandardCharsets.UTF_8),
                "records/big.bin", new byte[1000]);
        patchCentralSizes(bytes, "records/big.bin", 0xFFFF_FFF0L);
        return Files.write(dir.resolve("packet.zip"), bytes);
    }

    static byte[] zipBytes(Object... namesAndBytes) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bos)) {
            for (int i = 0; i < namesAndBytes.length; i += 2) {
                out.putNextEntry(new ZipEntry((String) namesAndBytes[i]));
                out.write((byte[]) namesAndBytes[i + 1]);
                out.closeEntry();
            }
        }
        return bos.toByteArray();
    }

    /** Rewrites the uncompressed size that the central directory records for one entry. */
    static void patchCentralSizes(byte[] zip, String entry, long size) {
        byte[] name = entry.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 < zip.length; i++) {
            if (zip[i] == 0x50 && zip[i + 1] == 0x4b && zip[i + 2] == 0x01 && zip[i + 3] == 0x02) {
                int nameLen = (zip[i + 28] & 0xff) | (zip[i + 29] & 0xff) << 8;
                if (nameLen == name.length && java.util.Arrays.equals(zip, i + 46, i + 46 + nameLen, name, 0,
                        nameLen)) {
                    for (int b = 0; b < 4; b++) {
                        zip[i + 24 + b] = (byte) (size >>> (8 * b));
                    }
                    return;
                }
            }
        }
        throw new IllegalArgumentException("no central directory entry " + entry);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void isRefusedWithAClearMessageAndTheStoreIsUnchanged(String kind, Input input, String expected) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("in"));
        Path path = input.build(dir);
        CaseFormatException e = assertThrows(CaseFormatException.class,
                () -> workbench.cases().importPath(path, true), kind);
        assertTrue(e.getMessage().contains(expected), kind + ": the message was: " + e.getMessage());
        assertStoreUnchanged();
    }

    @Test
    void aZipThatInflatesPastTheLimitWhateverItDeclaresIsStoppedWhileReading() throws Exception {
        byte[] bytes = zipBytes("case.json", base("\"documents\": [{\"id\": \"d1\", \"file\": \"records/big.bin\"}]")
                .getBytes(StandardCharsets.UTF_8), "records/big.bin", new byte[8 * 1024 * 1024]);
        patchCentralSizes(bytes, "records/big.bin", 100);
        Path z = Files.write(tmp.resolve("lying.zip"), bytes);
        CaseLibrary strict = workbench.cases(new PacketLimits(10_000, 1024 * 1024, 64 * 1024));
        CaseFormatException e = assertThrows(CaseFormatException.class, () -> strict.importPath(z, true));
        assertTrue(e.getMessage().contains("more than 1 MB uncompressed"), e.getMessage());
        assertStoreUnchanged();
    }
}
