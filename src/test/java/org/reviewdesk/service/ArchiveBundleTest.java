package org.reviewdesk.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.TestData;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.domain.CaseStatus;
import org.reviewdesk.exchange.CaseFormatException;
import org.reviewdesk.store.StoreException;

class ArchiveBundleTest {
    private static final char[] BUNDLE = "bundle password".toCharArray();

    @TempDir
    Path tmp;
    private Workbench w;

    @BeforeEach
    void finalizeTheSample() throws Exception {
        w = Workbench.create(tmp.resolve("data"), TestData.PASSWORD, false);
        w.letters().createIdentity("Reviewer 4711");
        w.letters().finalizeCase("EXAMPLE-0001", null);
    }

    @AfterEach
    void close() {
        w.close();
    }

    @Test
    void aBundleImportedIntoAnEmptyStoreGivesTheSameCaseRecordsAndLetter() throws Exception {
        Path bundle = w.archives().archive("EXAMPLE-0001", tmp.resolve("EXAMPLE-0001.zip"), BUNDLE);
        assertEquals(CaseStatus.ARCHIVED, w.cases().status("EXAMPLE-0001"));
        CaseFile before = w.cases().get("EXAMPLE-0001");
        byte[] letter = w.letters().signedLetter("EXAMPLE-0001").orElseThrow();
        try (var zip = new net.lingala.zip4j.ZipFile(bundle.toFile())) {
            assertTrue(zip.isEncrypted());
            // records compressed already (PDFs) are stored, not deflated again; the case file is deflated
            int pdfs = 0;
            for (var h : zip.getFileHeaders()) {
                var method = h.getCompressionMethod() == net.lingala.zip4j.model.enums.CompressionMethod.AES_INTERNAL_ONLY
                        ? h.getAesExtraDataRecord().getCompressionMethod() : h.getCompressionMethod();
                if (h.getFileName().endsWith(".pdf") && !h.getFileName().startsWith("letter/")) {
                    assertEquals(net.lingala.zip4j.model.enums.CompressionMethod.STORE, method, h.getFileName());
                    pdfs++;
                } else if (h.getFileName().equals("case.json")) {
                    assertEquals(net.lingala.zip4j.model.enums.CompressionMethod.DEFLATE, method);
                }
            }
            assertTrue(pdfs > 0, "the sample case has PDF records");
        }
        try (Workbench other = Workbench.create(tmp.resolve("other"), TestData.PASSWORD, true)) {
            // another reviewer's store does not know this signer: intact but refused until trusted
            CaseFormatException untrusted = assertThrows(CaseFormatException.class,
                    () -> other.archives().importBundle(bundle, BUNDLE, false));
            assertTrue(untrusted.getCause() instanceof ArchiveService.BundleTrustException, untrusted.getMessage());
            assertTrue(untrusted.getMessage().contains("not trusted"), untrusted.getMessage());
            assertTrue(other.cases().list().isEmpty());
            CaseFile after = other.archives().importBundle(bundle, BUNDLE, false,
                    java.util.List.of(w.letters().storedIdentity().orElseThrow().certificate()));
            assertEquals(before, after);
            for (var d : before.documentList()) {
                assertArrayEquals(w.cases().record("EXAMPLE-0001", d.id()), other.cases().record("EXAMPLE-0001",
                        d.id()));
            }
            assertArrayEquals(letter, other.letters().signedLetter("EXAMPLE-0001").orElseThrow());
            assertEquals(CaseStatus.FINALIZED, other.cases().status("EXAMPLE-0001"));
        }
    }

    @Test
    void aPlainBundleWithOneChangedByteIsRefusedAndNothingIsWritten() throws Exception {
        Path bundle = w.archives().archive("EXAMPLE-0001", tmp.resolve("plain.zip"), null);
        // a plain bundle is for other programs: Java's streaming zip reader (no data descriptors on stored entries)
        // reads every entry of it
        int entries = 0;
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(bundle))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                in.readAllBytes();
                entries++;
            }
        }
        assertTrue(entries > 4, "entries read: " + entries);
        Path altered = tmp.resolve("altered.zip");
        try (ZipFile in = new ZipFile(bundle.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(altered))) {
            for (var e : java.util.Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(e).readAllBytes();
                if (e.getName().endsWith(".txt")) {
                    bytes[10] ^= 1;
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        try (Workbench other = Workbench.create(tmp.resolve("other"), TestData.PASSWORD, true)) {
            CaseFormatException e = assertThrows(CaseFormatException.class,
                    () -> other.archives().importBundle(altered, null, false));
            assertTrue(e.getMessage().contains("does not match its manifest"), e.getMessage());
            assertTrue(other.cases().list().isEmpty());
        }
    }

    @Test
    void anEncryptedBundleWithOneFlippedByteOrAWrongPasswordIsRefused() throws Exception {
        Path bundle = w.archives().archive("EXAMPLE-0001", tmp.resolve("enc.zip"), BUNDLE);
        byte[] bytes = Files.readAllBytes(bundle);
        bytes[bytes.length / 2] ^= 0x01;
        Path flipped = Files.write(tmp.resolve("flipped.zip"), bytes);
        try (Workbench other = Workbench.create(tmp.resolve("other"), TestData.PASSWORD, true)) {
            assertThrows(CaseFormatException.class, () -> other.archives().importBundle(flipped, BUNDLE, false));
            CaseFormatException wrong = assertThrows(CaseFormatException.class,
                    () -> other.archives().importBundle(bundle, "nope".toCharArray(), false));
            assertTrue(wrong.getMessage().contains("password"), wrong.getMessage());
            assertTrue(other.cases().list().isEmpty());
        }
    }

    @Test
    void afterAVerifiedArchiveTheRecordsCanBeRemovedAndTheCaseStaysListed() throws Exception {
        assertTrue(!w.search().search("meloxicam", "EXAMPLE-0001", 5).isEmpty());
        w.archives().archive("EXAMPLE-0001", tmp.resolve("a.zip"), BUNDLE);
        w.archives().removeRecords("EXAMPLE-0001");
        CaseFile c = w.cases().get("EXAMPLE-0001");
        assertTrue(c.documentList().isEmpty());
        assertEquals(1, c.decidedCount());
        assertEquals("Archived", w.cases().list().get(0).status().label());
        assertTrue(w.search().search("meloxicam", "EXAMPLE-0001", 5).isEmpty(), "no longer searchable");
    }

    @Test
    void aCaseWhoseRecordsWereRemovedIsNotArchivedAgainOverTheBundleThatHoldsThem() throws Exception {
        Path bundle = w.archives().archive("EXAMPLE-0001", tmp.resolve("a.zip"), BUNDLE);
        byte[] holdsTheRecords = Files.readAllBytes(bundle);
        w.archives().removeRecords("EXAMPLE-0001");

        StoreException e = assertThrows(StoreException.class,
                () -> w.archives().archive("EXAMPLE-0001", bundle, BUNDLE));
        assertTrue(e.getMessage().contains("were removed"), e.getMessage());
        assertArrayEquals(holdsTheRecords, Files.readAllBytes(bundle), "the bundle with the records is untouched");
        try (var files = Files.list(tmp)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".checking")), "nothing left over");
        }

        // the bundle imported back brings the records, and the case may be archived again
        w.archives().importBundle(bundle, BUNDLE, true);
        assertEquals(3, w.cases().get("EXAMPLE-0001").documentList().size());
        Path again = w.archives().archive("EXAMPLE-0001", tmp.resolve("b.zip"), BUNDLE);
        assertTrue(Files.size(again) > 0);
    }

    @Test
    void aBundleThatDoesNotVerifyNeverReplacesTheFileAlreadyThere() throws Exception {
        Path earlier = tmp.resolve("a.zip");
        Files.writeString(earlier, "an earlier bundle of the case");
        // the store's identity changes after signing: the new bundle's manifest is signed by a certificate
        // the letter was not, so it does not verify
        w.letters().createIdentity("Another reviewer");
        assertThrows(Exception.class, () -> w.archives().archive("EXAMPLE-0001", earlier, BUNDLE));
        assertEquals("an earlier bundle of the case", Files.readString(earlier));
        try (var files = Files.list(tmp)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".checking")), "nothing left over");
        }
    }

    @Test
    void aRecordChangedInTheBundleAfterItWasCheckedIsRefusedWhenItIsStored() throws Exception {
        Path bundle = w.archives().archive("EXAMPLE-0001", tmp.resolve("plain.zip"), null);
        var contents = org.reviewdesk.exchange.ArchiveBundle.read(bundle, null);
        var record = contents.records().values().iterator().next();
        String entry = contents.caseFile().documentList().stream()
                .filter(d -> d.id().equals(record.documentId())).findFirst().orElseThrow().file();
        // the same entry, the same size, other bytes: written into the bundle after it was checked
        byte[] other = new byte[(int) record.size()];
        java.util.Arrays.fill(other, (byte) 'x');
        try (var zip = new net.lingala.zip4j.ZipFile(bundle.toFile())) {
            zip.removeFile(entry);
            var params = new net.lingala.zip4j.model.ZipParameters();
            params.setFileNameInZip(entry);
            zip.addStream(new java.io.ByteArrayInputStream(other), params);
        }
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> {
            try (var in = record.open()) {
                in.readAllBytes();
            }
        });
        assertTrue(e.getMessage().contains("changed while it was imported"), e.getMessage());
    }
}
