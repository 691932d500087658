package org.reviewdesk.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.TestData;
import org.reviewdesk.store.StoreException;

class BackupRestoreTest {
    @TempDir
    Path tmp;

    private static List<Path> zips(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> org.reviewdesk.store.Backups.isBackupName(p.getFileName().toString())).sorted()
                    .toList();
        }
    }

    @Test
    void backupThenRestoreGivesTheSameStore() throws Exception {
        Path data = tmp.resolve("data");
        Path backups = tmp.resolve("backups");
        Path backup;
        List<org.reviewdesk.domain.CaseSummary> before;
        byte[] sample;
        try (Workbench w = Workbench.create(data, TestData.PASSWORD, false)) {
            w.cases().importPath(TestData.letterCases().get(0), false);
            before = w.cases().list();
            sample = w.cases().show("EXAMPLE-0001");
            backup = w.backup(backups, 5);
            // later work that the restore takes back
            w.cases().importPath(TestData.letterCases().get(1), false);
            w.cases().save(w.cases().get("EXAMPLE-0001").withEdits("changed after the backup",
                    w.cases().get("EXAMPLE-0001").items()));
        }
        var info = Workbench.inspectBackup(backup, data, TestData.PASSWORD);
        assertEquals(2, info.cases());

        Workbench.restore(backup, data, TestData.PASSWORD);

        try (Workbench w = Workbench.open(data, TestData.PASSWORD)) {
            assertEquals(before, w.cases().list());
            assertArrayEquals(sample, w.cases().show("EXAMPLE-0001"));
            assertTrue(w.records().pageText("EXAMPLE-0001", "progress-2015-01-19", 1).contains("meloxicam")
                    || w.records().pageText("EXAMPLE-0001", "progress-2015-01-19", 1).contains("Meloxicam"));
            assertTrue(w.verifyAudit().intact());
        }
        try (Stream<Path> s = Files.list(data)) {
            // (the search index, when it is there, is derived from the store and rebuilt after a restore)
            assertEquals(List.of("reviewdesk.key.json", "reviewdesk.mv.db"), s.map(p -> p.getFileName().toString())
                            .filter(n -> !n.equals("reviewdesk.oplock") && !n.equals("index")).sorted().toList(),
                    "nothing left aside or in scratch folders");
        }
    }

    @Test
    void onlyTheNewestBackupsAreKeptAndAnUnfinishedOneIsIgnored() throws Exception {
        Path backups = Files.createDirectories(tmp.resolve("backups"));
        Files.writeString(backups.resolve("reviewdesk-20200101-000000.zip.part"), "half written");
        try (Workbench w = Workbench.create(tmp.resolve("data"), TestData.PASSWORD, false)) {
            for (int i = 0; i < 3; i++) {
                w.backup(backups, 2);
                Thread.sleep(1100);
            }
        }
        assertEquals(2, zips(backups).size());
        // the chunks of the pruned backup that the kept ones do not share are gone
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (Path m : zips(backups)) {
            // after the three header lines: the chunk names (SHA-256), then the key header and the audit head
            listed.addAll(Files.readAllLines(m).subList(3, Files.readAllLines(m).size()).stream()
                    .filter(l -> l.matches("[0-9a-f]{64}")).toList());
        }
        try (Stream<Path> s = Files.walk(backups.resolve("chunks"))) {
            assertEquals(listed, s.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .collect(java.util.stream.Collectors.toSet()));
        }
    }

    @Test
    void aBackupAfterAChangeWritesOnlyTheNewPartsAndRestoresWhole() throws Exception {
        Path data = tmp.resolve("data");
        Path backups = tmp.resolve("backups");
        List<String> secrets = new java.util.ArrayList<>();
        Path second;
        long storeBytes;
        try (Workbench w = Workbench.create(data, TestData.PASSWORD, false)) {
            for (Path c : TestData.letterCases().subList(0, 12)) {
                var cf = w.cases().importPath(c, false);
                String summary = cf.clinicalSummary();
                for (int i = 0; i + 24 <= summary.length(); i += 60) {
                    secrets.add(summary.substring(i, i + 24));
                }
            }
            // a few MB of record, so that the store spans many chunks
            StringBuilder text = new StringBuilder();
            java.util.Random r = new java.util.Random(5);
            while (text.length() < 3_000_000) {
                text.append(Long.toString(r.nextLong(), 36)).append(r.nextInt(9) == 0 ? ".\n" : " ");
            }
            Path txt = Files.writeString(tmp.resolve("nursing-notes.txt"), text);
            w.records().addFiles("EXAMPLE-0001", List.of(txt), RecordService.Progress.NONE, () -> false);
            w.backup(backups, 5);
            w.cases().save(w.cases().get("EXAMPLE-0001").withEdits("one changed summary",
                    w.cases().get("EXAMPLE-0001").items()));
            Thread.sleep(1100);
            storeBytes = Files.size(data.resolve("reviewdesk.mv.db"));
            second = w.backup(backups, 5);
        }
        long newBytes;
        try (Stream<Path> s = Files.walk(backups.resolve("chunks"))) {
            newBytes = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        // two backups of the store take much less than two copies of it
        assertTrue(storeBytes > 4_000_000, "a store of " + storeBytes + " bytes");
        assertTrue(newBytes < 1.5 * storeBytes, newBytes + " bytes of chunks for a store of " + storeBytes);
        // no plain text of the cases in any chunk or manifest (the store file is encrypted, and so its parts)
        try (Stream<Path> s = Files.walk(backups)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                String latin = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
                for (String secret : secrets) {
                    assertTrue(!latin.contains(secret), f + " holds \"" + secret + "\"");
                }
            }
        }
        Workbench.restore(second, data, TestData.PASSWORD);
        try (Workbench w = Workbench.open(data, TestData.PASSWORD)) {
            assertEquals("one changed summary", w.cases().get("EXAMPLE-0001").clinicalSummary());
            assertEquals(13, w.cases().list().size());
        }
    }

    @Test
    void aDamagedBackupOrAWrongPasswordIsRefusedAndTheStoreIsUnchanged() throws Exception {
        Path data = tmp.resolve("data");
        Path backup;
        try (Workbench w = Workbench.create(data, TestData.PASSWORD, false)) {
            backup = w.backup(tmp.resolve("b"), 3);
        }
        byte[] store = Files.readAllBytes(data.resolve("reviewdesk.mv.db"));
        StoreException wrong = assertThrows(StoreException.WrongPassword.class,
                () -> Workbench.restore(backup, data, "wrong".toCharArray()));
        // the reviewer's store password may well be right: it is the backup that does not open with it
        assertTrue(wrong.getMessage().startsWith("The backup " + backup.getFileName() + " does not open with this "
                + "password"), wrong.getMessage());
        wrong = assertThrows(StoreException.WrongPassword.class,
                () -> Workbench.inspectBackup(backup, data, "wrong".toCharArray()));
        assertTrue(wrong.getMessage().contains("made by another store"), wrong.getMessage());
        // one flipped byte in one of its parts
        Path chunk;
        try (Stream<Path> c = Files.walk(tmp.resolve("b").resolve("chunks"))) {
            chunk = c.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(chunk);
        bytes[bytes.length / 3] ^= 0x5a;
        Files.write(chunk, bytes);
        StoreException damaged = assertThrows(StoreException.class,
                () -> Workbench.restore(backup, data, TestData.PASSWORD));
        assertTrue(damaged.getMessage().contains("damaged"), damaged.getMessage());
        Path notABackup = Files.writeString(tmp.resolve("x.zip"), "no");
        StoreException e = assertThrows(StoreException.class,
                () -> Workbench.restore(notABackup, data, TestData.PASSWORD));
        assertTrue(e.getMessage().contains("x.zip"), e.getMessage());
        // a file named like a backup's manifest that is a zip, or far too large to be one (it was read whole, and
        // a binary one was told as "Input length = 1")
        Path zipNamedRdbk = tmp.resolve("b").resolve("zip-named.rdbk");
        try (var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(zipNamedRdbk))) {
            z.putNextEntry(new java.util.zip.ZipEntry("../../evil.txt"));
            z.write(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
            z.closeEntry();
        }
        Path huge = tmp.resolve("b").resolve("huge.rdbk");
        try (var f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(3L * 1024 * 1024 * 1024);
        }
        for (Path notOne : List.of(zipNamedRdbk, huge)) {
            for (var attempt : List.<org.junit.jupiter.api.function.Executable>of(
                    () -> Workbench.restore(notOne, data, TestData.PASSWORD),
                    () -> Workbench.inspectBackup(notOne, data, TestData.PASSWORD))) {
                StoreException n = assertThrows(StoreException.class, attempt);
                assertTrue(n.getMessage().startsWith(notOne.getFileName() + " is not a readable backup: "
                        + notOne.getFileName() + " is not a ReviewDesk backup"), n.getMessage());
            }
        }
        // a part of the backup replaced by a large file of the same name
        Files.delete(chunk);
        try (var f = new java.io.RandomAccessFile(chunk.toFile(), "rw")) {
            f.setLength(3L * 1024 * 1024 * 1024);
        }
        StoreException bigPart = assertThrows(StoreException.class,
                () -> Workbench.restore(backup, data, TestData.PASSWORD));
        assertTrue(bigPart.getMessage().contains("is larger than a part can be"), bigPart.getMessage());
        assertFalse(Files.exists(tmp.resolve("evil.txt")) || Files.exists(tmp.resolve("b/evil.txt")));
        try (Stream<Path> left = Files.list(data)) {
            assertEquals(List.of("index", "reviewdesk.key.json", "reviewdesk.mv.db"), left.map(p -> p.getFileName()
                    .toString()).filter(n -> !n.equals("reviewdesk.oplock")).sorted().toList(), "no scratch left");
        }
        assertArrayEquals(store, Files.readAllBytes(data.resolve("reviewdesk.mv.db")));
    }

    /**
     * The daily backup runs beside the reviewer's work (issue 13): while it copies the store, another thread saves
     * cases and adds a record without waiting for the copy; the backup restores to a store that opens, verifies and
     * holds everything saved before it started.
     */
    @Test
    void aBackupTakenWhileTheStoreIsWrittenRestoresWhole() throws Exception {
        Path data = tmp.resolve("data");
        Path backups = tmp.resolve("backups");
        Path backup;
        java.util.concurrent.atomic.AtomicInteger savedDuringBackup = new java.util.concurrent.atomic.AtomicInteger();
        int cases;
        try (Workbench w = Workbench.create(data, TestData.PASSWORD, false)) {
            for (Path c : TestData.letterCases().subList(0, 6)) {
                w.cases().importPath(c, false);
            }
            StringBuilder text = new StringBuilder();
            java.util.Random r = new java.util.Random(11);
            while (text.length() < 2_000_000) {
                text.append(Long.toString(r.nextLong(), 36)).append(r.nextInt(9) == 0 ? ".\n" : " ");
            }
            Path txt = Files.writeString(tmp.resolve("nursing-notes.txt"), text);
            w.records().addFiles("EXAMPLE-0001", List.of(txt), RecordService.Progress.NONE, () -> false);
            cases = w.cases().list().size();
            java.util.concurrent.atomic.AtomicBoolean copying = new java.util.concurrent.atomic.AtomicBoolean(true);
            Thread writer = new Thread(() -> {
                int n = 0;
                while (copying.get()) {
                    try {
                        w.cases().save(w.cases().get("EXAMPLE-0001").withEdits("edit " + n++,
                                w.cases().get("EXAMPLE-0001").items()));
                        savedDuringBackup.incrementAndGet();
                        Thread.sleep(5);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            writer.start();
            while (savedDuringBackup.get() == 0) {
                Thread.sleep(5); // one edit committed before the backup starts: the backup must hold it
            }
            try {
                backup = w.backup(backups, 5);
            } finally {
                copying.set(false);
                writer.join();
            }
            Path more = Files.writeString(tmp.resolve("later.txt"), "a later note.");
            w.records().addFiles("EXAMPLE-0001", List.of(more), RecordService.Progress.NONE, () -> false);
        }
        assertTrue(savedDuringBackup.get() > 1, "the store was written while the backup ran");
        Workbench.restore(backup, data, TestData.PASSWORD);
        try (Workbench w = Workbench.open(data, TestData.PASSWORD)) {
            assertEquals(cases, w.cases().list().size());
            assertTrue(w.cases().get("EXAMPLE-0001").clinicalSummary().startsWith("edit "));
            assertEquals(1, w.records().documents("EXAMPLE-0001").stream()
                    .filter(d -> d.document().id().startsWith("nursing-notes")).count());
            assertTrue(w.records().documents("EXAMPLE-0001").stream()
                    .noneMatch(d -> d.document().id().startsWith("later")), "the record added after the backup");
            assertTrue(w.verifyAudit().intact());
        }
    }

    /** Every chunk every manifest in {@code dir} lists is there. */
    private static void everyListedChunkIsThere(Path dir) throws Exception {
        for (Path m : zips(dir)) {
            List<String> lines = Files.readAllLines(m);
            if (lines.isEmpty() || !lines.get(0).startsWith("reviewdesk-backup/")) {
                continue; // not a backup (the damaged file of the test below)
            }
            for (String h : lines.subList(3, lines.size())) {
                if (h.matches("[0-9a-f]{64}")) {
                    try (Stream<Path> s = Files.walk(dir.resolve("chunks"))) {
                        assertTrue(s.anyMatch(c -> c.getFileName().toString().equals(h)),
                                m.getFileName() + " lists " + h + ", which is not there");
                    }
                }
            }
        }
    }

    @Test
    void backupsStartedTogetherIntoOneFolderEachKeepEveryPartTheyList() throws Exception {
        Path data = tmp.resolve("data");
        Path backups = tmp.resolve("backups");
        try (Workbench w = Workbench.create(data, TestData.PASSWORD, false)) {
            for (Path c : TestData.letterCases().subList(0, 4)) {
                w.cases().importPath(c, false);
            }
            for (int round = 0; round < 4; round++) {
                // the daily backup and "Back up now" (or the one at exit) at the same moment
                w.cases().save(w.cases().get("EXAMPLE-0001").withEdits("round " + round,
                        w.cases().get("EXAMPLE-0001").items()));
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.CompletableFuture<Path>> both = new java.util.ArrayList<>();
                for (int k = 0; k < 2; k++) {
                    both.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                        try {
                            go.await();
                            return w.backup(backups, 1);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }));
                }
                go.countDown();
                for (var f : both) {
                    f.get();
                }
                everyListedChunkIsThere(backups);
            }
        }
        Path newest = zips(backups).get(zips(backups).size() - 1);
        Workbench.restore(newest, data, TestData.PASSWORD);
        try (Workbench w = Workbench.open(data, TestData.PASSWORD)) {
            assertEquals("round 3", w.cases().get("EXAMPLE-0001").clinicalSummary());
        }
    }

    @Test
    void aDamagedFileNamedLikeABackupDoesNotMakeTheNextBackupFail() throws Exception {
        Path data = tmp.resolve("data");
        Path backups = tmp.resolve("backups");
        try (Workbench w = Workbench.create(data, TestData.PASSWORD, false)) {
            w.backup(backups, 5);
            Files.writeString(backups.resolve("reviewdesk-20200101-000000.rdbk"), "not a backup");
            w.cases().save(w.cases().get("EXAMPLE-0001").withEdits("after the damaged file",
                    w.cases().get("EXAMPLE-0001").items()));
            Path second = w.backup(backups, 5);
            assertTrue(Files.exists(second));
            everyListedChunkIsThere(backups);
        }
    }

    @Test
    void aRestoreIsRefusedWhileTheStoreIsOpenAndLosesNothing() throws Exception {
        Path data = tmp.resolve("data");
        Path backups = tmp.resolve("backups");
        Path backup;
        try (Workbench w = Workbench.create(data, TestData.PASSWORD, false)) {
            backup = w.backup(backups, 5);
        }
        // the store is opened (a window unlocked) while the restore waits for its confirmation
        try (Workbench w = Workbench.open(data, TestData.PASSWORD)) {
            w.cases().save(w.cases().get("EXAMPLE-0001").withEdits("written in the open store",
                    w.cases().get("EXAMPLE-0001").items()));
            StoreException e = assertThrows(StoreException.class,
                    () -> Workbench.restore(backup, data, TestData.PASSWORD));
            assertTrue(e.getMessage().contains("open in another ReviewDesk process"), e.getMessage());
            w.cases().save(w.cases().get("EXAMPLE-0001").withEdits("and after the refusal",
                    w.cases().get("EXAMPLE-0001").items()));
        }
        try (Workbench w = Workbench.open(data, TestData.PASSWORD)) {
            assertEquals("and after the refusal", w.cases().get("EXAMPLE-0001").clinicalSummary());
        }
        try (Stream<Path> s = Files.list(data)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".restore")), "no scratch left");
        }
    }
}
