package org.reviewdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Period;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.TestData;
import org.reviewdesk.exchange.ArchiveBundle;
import org.reviewdesk.exchange.CaseFormatException;
import org.reviewdesk.letter.sign.ManifestSignature;
import org.reviewdesk.letter.sign.SelfSignedIdentity;
import org.reviewdesk.letter.sign.SigningIdentity;

/**
 * Finding 1: forged archive bundles. Each forgery an attacker can make without the reviewer's key is
 * refused with a message naming the problem, and the importing store stays empty.
 */
class ForgedBundleTest {
    @TempDir
    static Path tmp;
    private static Workbench reviewer;
    private static Workbench recipient;
    private static Path bundle;
    private static SigningIdentity own;
    private static SigningIdentity stranger;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void aFinalizedArchivedCase() throws Exception {
        reviewer = Workbench.create(tmp.resolve("reviewer"), TestData.PASSWORD, false);
        reviewer.letters().createIdentity("Reviewer 4711");
        reviewer.letters().finalizeCase("EXAMPLE-0001", null);
        bundle = reviewer.archives().archive("EXAMPLE-0001", tmp.resolve("plain.zip"), null);
        own = reviewer.letters().storedIdentity().orElseThrow();
        char[] pw = "stranger key".toCharArray();
        stranger = SigningIdentity.fromPkcs12(SelfSignedIdentity.create("Reviewer 4711", Period.ofYears(1), pw), pw);
        recipient = Workbench.create(tmp.resolve("recipient"), TestData.PASSWORD, true);
        // the recipient trusts the reviewer's certificate (compared by fingerprint)
        recipient.letters().trust(own.certificate(), "test");
    }

    @AfterAll
    static void close() {
        reviewer.close();
        recipient.close();
    }

    private static Map<String, byte[]> entries(Path zip) throws Exception {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                m.put(e.getName(), z.getInputStream(e).readAllBytes());
            }
        }
        return m;
    }

    private static Path write(String name, Map<String, byte[]> files) throws Exception {
        Path out = tmp.resolve(name);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out))) {
            for (var f : files.entrySet()) {
                z.putNextEntry(new ZipEntry(f.getKey()));
                z.write(f.getValue());
                z.closeEntry();
            }
        }
        return out;
    }

    /** Recomputes manifest.json as an attacker can (SHA-256 and sizes); re-signs only with {@code signer}. */
    private static void recomputeManifest(Map<String, byte[]> files, SigningIdentity signerOrNull) throws Exception {
        ObjectNode m = (ObjectNode) JSON.readTree(files.get(ArchiveBundle.MANIFEST));
        ArrayNode list = m.putArray("files");
        for (var f : files.entrySet()) {
            if (f.getKey().startsWith("manifest.json")) {
                continue;
            }
            list.addObject().put("path", f.getKey()).put("sha256", sha256(f.getValue())).put("size",
                    f.getValue().length);
        }
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m);
        files.put(ArchiveBundle.MANIFEST, bytes);
        if (signerOrNull != null) {
            files.put(ArchiveBundle.MANIFEST_SIGNATURE, ManifestSignature.sign(bytes, signerOrNull));
        }
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static void overturned(Map<String, byte[]> files) {
        String json = new String(files.get("case.json"), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"UPHELD\""), json);
        files.put("case.json", json.replace("\"UPHELD\"", "\"OVERTURNED\"").getBytes(StandardCharsets.UTF_8));
    }

    private static String refused(String name, Consumer<Map<String, byte[]>> forge) throws Exception {
        Map<String, byte[]> files = entries(bundle);
        forge.accept(files);
        Path forged = write(name, files);
        Exception e = assertThrows(Exception.class, () -> recipient.archives().importBundle(forged, null, false));
        assertTrue(e instanceof CaseFormatException, e.toString());
        assertTrue(recipient.cases().list().isEmpty(), "nothing was imported");
        return e.getMessage();
    }

    private static Consumer<Map<String, byte[]>> unchecked(ThrowingConsumer c) {
        return m -> {
            try {
                c.accept(m);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    interface ThrowingConsumer {
        void accept(Map<String, byte[]> m) throws Exception;
    }

    @Test
    void theGenuineBundleImportsForARecipientWhoTrustsTheReviewer() throws Exception {
        try (Workbench third = Workbench.create(tmp.resolve("third"), TestData.PASSWORD, true)) {
            third.letters().trust(own.certificate(), "test");
            assertEquals("EXAMPLE-0001", third.archives().importBundle(bundle, null, false).caseNumber());
        }
    }

    @Test
    void aChangedDecisionWithARecomputedManifestIsRefused() throws Exception {
        String m = refused("changed-case.zip", unchecked(f -> {
            overturned(f);
            recomputeManifest(f, null);
        }));
        assertTrue(m.contains("manifest signature is not valid"), m);
    }

    @Test
    void aReplacedRecordWithARecomputedManifestIsRefused() throws Exception {
        String m = refused("replaced-record.zip", unchecked(f -> {
            String record = f.keySet().stream().filter(k -> k.startsWith("records/")).findFirst().orElseThrow();
            f.put(record, "a different record".getBytes(StandardCharsets.UTF_8));
            recomputeManifest(f, null);
        }));
        assertTrue(m.contains("manifest signature is not valid") || m.contains("SHA-256"), m);
    }

    @Test
    void aBundleWithItsManifestRemovedIsNotImportedAsAPlainPacket() throws Exception {
        Map<String, byte[]> files = entries(bundle);
        files.remove(ArchiveBundle.MANIFEST);
        files.remove(ArchiveBundle.MANIFEST_SIGNATURE);
        Path forged = write("no-manifest.zip", files);
        assertTrue(!ArchiveBundle.isBundle(forged), "without a manifest it looks like a packet");
        // import sends a zip without a manifest down the packet path: that path refuses it
        Exception e = assertThrows(CaseFormatException.class, () -> recipient.cases().importPath(forged, false));
        assertTrue(e.getMessage().contains("carries a signed letter") && e.getMessage().contains("but no manifest"), e.getMessage());
        assertTrue(recipient.cases().list().isEmpty());
    }

    @Test
    void aBundleWithoutTheManifestSignatureIsRefused() throws Exception {
        String m = refused("unsigned-manifest.zip", f -> f.remove(ArchiveBundle.MANIFEST_SIGNATURE));
        assertTrue(m.contains("the manifest is not signed"), m);
    }

    @Test
    void aManifestSignedByAnotherKeyIsRefused() throws Exception {
        String m = refused("other-signer.zip", unchecked(f -> {
            overturned(f);
            recomputeManifest(f, stranger);
        }));
        assertTrue(m.contains("signed by another certificate"), m);
    }

    @Test
    void aCaseThatDisagreesWithItsSignedLetterIsRefusedEvenWithAValidManifestSignature() throws Exception {
        // as if the reviewer's own key signed a manifest over a case.json that differs from the letter
        String m = refused("disagrees.zip", unchecked(f -> {
            overturned(f);
            recomputeManifest(f, own);
        }));
        assertTrue(m.contains("items[0].decision") && m.contains("signed letter does not"), m);
    }

    @Test
    void aGarbageManifestSignatureIsRefused() throws Exception {
        String m = refused("garbage-p7s.zip", f -> f.put(ArchiveBundle.MANIFEST_SIGNATURE,
                "not a signature".getBytes(StandardCharsets.UTF_8)));
        assertTrue(m.contains("manifest signature is refused"), m);
    }

    @Test
    void aBundleWithTwoEntriesOfTheSameNameIsRefused() throws Exception {
        Map<String, byte[]> files = entries(bundle);
        Path dup = tmp.resolve("duplicate.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(dup))) {
            for (var f : files.entrySet()) {
                z.putNextEntry(new ZipEntry(f.getKey()));
                z.write(f.getValue());
                z.closeEntry();
            }
        }
        // java.util.zip refuses to write duplicates: patch the second name in place
        byte[] raw = Files.readAllBytes(dup);
        String s = new String(raw, StandardCharsets.ISO_8859_1);
        assertTrue(s.contains("case.json"));
        Map<String, byte[]> again = new LinkedHashMap<>(files);
        again.put("case.jsoX", files.get("case.json"));
        Path two = write("two-case-json.zip", again);
        byte[] b = Files.readAllBytes(two);
        String t = new String(b, StandardCharsets.ISO_8859_1).replace("case.jsoX", "case.json");
        Files.write(two, t.getBytes(StandardCharsets.ISO_8859_1));
        Exception e = assertThrows(Exception.class, () -> recipient.archives().importBundle(two, null, false));
        assertTrue(e.getMessage().contains("two entries named \"case.json\""), e.getMessage());
        assertTrue(recipient.cases().list().isEmpty());
        List<String> unused = List.of();
        assertTrue(unused.isEmpty());
    }
}
